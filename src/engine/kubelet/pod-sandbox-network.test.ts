import { describe, expect, it } from 'vitest';
import { createPodHarness } from '../../../tests/support/pod-harness.ts';

describe('pod sandbox network', () => {
  it('gives each pod its own address from its node podCIDR', async () => {
    const h = await createPodHarness();
    for (const name of ['a', 'b', 'c']) h.apply({ kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }] } });
    await h.pump.advance(5_000);
    expect(['a', 'b', 'c'].map((n) => h.pod(n)?.status?.podIP)).toEqual(['10.244.1.2', '10.244.1.3', '10.244.1.4']);
  });

  it('fails the sandbox in flannel host-local IPAM once the node range is used up, and keeps the pod ContainerCreating', async () => {
    const h = await createPodHarness();
    const node01 = h.cluster.nodes.runtimes.find((r) => r.nodeName === 'node01')!;
    for (let i = 0; i < 253; i++) node01.allocatePodIP();
    h.apply({ kind: 'Pod', metadata: { name: 'late' }, spec: { containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }] } });
    await h.pump.advance(5_000);
    const failed = h.events('late').filter((e) => e.reason === 'FailedCreatePodSandBox');
    expect(failed.map((e) => e.message.replace(/"[0-9a-f]{64}"/, '"<id>"'))).toEqual([
      'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "<id>": plugin type="flannel" failed (add): failed to delegate add: failed to allocate for range 0: no IP addresses available in range set: 10.244.1.1-10.244.1.254',
    ]);
    expect(h.row('late')).toEqual(['0/1', 'ContainerCreating', '0', '5s']);
  });
});
