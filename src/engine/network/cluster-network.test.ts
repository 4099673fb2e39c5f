import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/client.ts';
import { createPodHarness } from '../../../tests/support/pod-harness.ts';

const kubia = (name: string, image = 'luksa/kubia:v1', extra: Record<string, unknown> = {}) =>
  ({ kind: 'Pod', metadata: { name, labels: { app: 'kubia' } }, spec: { containers: [{ name: 'nodejs', image, ...extra }] } }) as KubeObject;
const service = (sessionAffinity = 'None') =>
  ({ kind: 'Service', metadata: { name: 'kubia' }, spec: { selector: { app: 'kubia' }, sessionAffinity, ports: [{ port: 80, targetPort: 8080 }] } }) as KubeObject;

async function cluster(pods: KubeObject[], sessionAffinity?: string) {
  const h = await createPodHarness();
  for (const p of pods) h.apply(p);
  h.apply(service(sessionAffinity));
  await h.pump.advance(30_000);
  /** Which pod answered each of `n` requests from the client at `podIP`. */
  const hits = async (n: number, podIP = '10.244.1.200') => {
    const counts: Record<string, number> = {};
    for (let i = 0; i < n; i++) {
      const r = await h.cluster.nodes.network.httpGet({ namespace: 'default', podIP }, 'http://kubia/', { timeoutMs: 1000 });
      const key = `${r.status} ${r.body?.replace(/^.* /, '').trim()}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  };
  return { h, hits };
}

describe('service traffic', () => {
  it('shares requests by the number of ready endpoints', async () => {
    const { hits } = await cluster(['a', 'b', 'c', 'd', 'e'].map((n) => kubia(`stable-${n}`)).concat(kubia('canary-a', 'luksa/kubia:v4')));
    expect(await hits(60)).toEqual({
      '200 canary-a': 10,
      '200 stable-a': 10,
      '200 stable-b': 10,
      '200 stable-c': 10,
      '200 stable-d': 10,
      '200 stable-e': 10,
    });
  });

  it('keeps one client on one pod with sessionAffinity ClientIP', async () => {
    const { hits } = await cluster([kubia('k-a'), kubia('k-b'), kubia('k-c')], 'ClientIP');
    expect(await hits(9, '10.244.1.200')).toEqual({ '200 k-a': 9 });
    expect(await hits(9, '10.244.2.200')).toEqual({ '200 k-b': 9 });
  });

  it('leaves a pod whose readiness probe fails out of the endpoints', async () => {
    const probe = { readinessProbe: { httpGet: { path: '/', port: 8080 }, periodSeconds: 1 } };
    const { h, hits } = await cluster([kubia('good'), kubia('broken', 'luksa/kubia:v3', probe)]);
    expect(h.row('broken').slice(0, 2)).toEqual(['0/1', 'Running']);
    expect(
      h
        .events('broken')
        .filter((e) => e.reason === 'Unhealthy')
        .map((e) => `${e.type} ${e.reason} ${e.message}`)[0],
    ).toBe('Warning Unhealthy Readiness probe failed: HTTP probe failed with statuscode: 500');
    expect(await hits(4)).toEqual({ '200 good': 4 });
  });

  it('restarts a container whose liveness probe fails', async () => {
    const probe = { livenessProbe: { httpGet: { path: '/', port: 8080 }, periodSeconds: 1 } };
    const { h } = await cluster([kubia('live', 'luksa/kubia:v3', probe)]);
    const events = h.events('live').map((e) => `${e.type} ${e.reason} ${e.message}`);
    expect(events).toEqual(
      expect.arrayContaining([
        'Warning Unhealthy Liveness probe failed: HTTP probe failed with statuscode: 500',
        'Normal Killing Container nodejs failed liveness probe, will be restarted',
      ]),
    );
  });
});

// Models CoreDNS plugin/kubernetes reverse.go serviceRecordForIP and findServices' view of a Service.
describe('cluster DNS records', () => {
  it('names a service IP and an endpoint IP in the reverse zone, and nothing else', async () => {
    const { h } = await cluster([kubia('stable-a')]);
    const network = h.cluster.nodes.network;
    const from = { namespace: 'default', podIP: '10.244.1.200' };
    const svc = network.dnsService(from, 'default', 'kubia')!;
    const podIP = svc.endpoints[0]!.ip;
    expect([network.reverse(from, svc.clusterIP), network.reverse(from, podIP), network.reverse(from, '10.244.9.9'), network.reverse('host', podIP)]).toEqual([
      'kubia.default.svc.cluster.local',
      `${podIP.replace(/\./g, '-')}.kubia.default.svc.cluster.local`,
      undefined,
      undefined,
    ]);
    expect(svc.ports).toEqual([{ protocol: 'TCP', port: 80 }]);
    expect(network.dnsService(from, 'default', 'nope')).toBeUndefined();
  });
});
