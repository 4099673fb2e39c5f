import { describe, expect, it } from 'vitest';
import { setImmediate } from 'node:timers';
import type { Pod } from 'kubernetes-types/core/v1';
import { Cluster } from '../cluster.ts';
import { FakeToolRunner } from '../testing/fake-tool-runner.ts';

const nodeYield = () => new Promise<void>((resolve) => setImmediate(resolve));
const START = Date.UTC(2026, 10, 22, 22);
const newCluster = () => Cluster.create({ yieldToHost: nodeYield, toolRunner: new FakeToolRunner(), startTimeMs: START });
const POD = { group: '', version: 'v1', resource: 'pods', namespace: 'kube-system' } as const;

async function podNamed(cluster: Cluster, prefix: string): Promise<string> {
  const res = await cluster.api.request({ verb: 'list', ...POD });
  return (res.body as { items: Pod[] }).items.map((p) => p.metadata!.name!).find((n) => n.startsWith(prefix))!;
}

describe('booted kube-system pods', () => {
  it.each([
    ['etcd-controlplane', '{"level":"info","ts":"2026-11-22T22:00:00.000000Z","caller":"embed/etcd.go:138","msg":"configuring peer listeners"'],
    ['kube-apiserver-controlplane', 'I1122 22:00:00.000000       1 options.go:249] external host was not specified, using 192.168.121.10'],
    ['kube-controller-manager-controlplane', 'I1122 22:00:00.000000       1 serving.go:386] Generated self-signed cert in-memory'],
    ['kube-scheduler-controlplane', 'I1122 22:00:00.000000       1 serving.go:386] Generated self-signed cert in-memory'],
    ['kube-proxy-', 'I1122 22:00:00.000000       1 server_linux.go:53] "Using iptables proxy"'],
    ['coredns-', '.:53'],
  ])('%s logs its component starting', async (prefix, first) => {
    const cluster = await newCluster();
    const name = await podNamed(cluster, prefix);
    const res = await cluster.api.request({ verb: 'get', ...POD, name, subresource: 'log' });
    expect(res.ok).toBe(true);
    expect((res.body as unknown as string).split('\n')[0]!.startsWith(first)).toBe(true);
    const previous = await cluster.api.request({ verb: 'get', ...POD, name, subresource: 'log', query: { previous: true } });
    expect(previous.ok).toBe(false);
  });

  it.each([
    ['sh', 'exec: "sh": executable file not found in $PATH: unknown'],
    ['/bin/sh', 'exec: "/bin/sh": stat /bin/sh: no such file or directory: unknown'],
    ['ls', 'exec: "ls": executable file not found in $PATH: unknown'],
  ])('exec %s into the distroless etcd image finds nothing to run', async (program, end) => {
    const cluster = await newCluster();
    const res = await cluster.api.request({ verb: 'create', ...POD, name: 'etcd-controlplane', subresource: 'exec', query: { command: [program] } });
    expect(res.ok).toBe(false);
    expect((res.body as { message: string }).message).toMatch(
      new RegExp(`^Internal error occurred: error executing command in container: .*OCI runtime exec failed: .*${end.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`),
    );
  });
});
