/**
 * Pod-level helpers for kubelet and image tests on a real in-process cluster: create objects,
 * read the `kubectl get pods` row the server would print, sample it while time moves, exec into
 * containers and read events — what a learner would see.
 */
import type { Event, Pod } from 'kubernetes-types/core/v1';
import type { ExecResult, KubeList, KubeObject } from '../../src/engine/api/client.ts';
import { podTableRow } from '../../src/engine/api/resources/pod-table-row.ts';
import { createTestCluster } from './test-cluster.ts';

const RESOURCES: Record<string, { group: string; version: string; resource: string }> = {
  Pod: { group: '', version: 'v1', resource: 'pods' },
  ConfigMap: { group: '', version: 'v1', resource: 'configmaps' },
  Secret: { group: '', version: 'v1', resource: 'secrets' },
  Service: { group: '', version: 'v1', resource: 'services' },
  Namespace: { group: '', version: 'v1', resource: 'namespaces' },
  PriorityClass: { group: 'scheduling.k8s.io', version: 'v1', resource: 'priorityclasses' },
};
const CLUSTER_SCOPED = new Set(['Namespace', 'PriorityClass']);

export async function createPodHarness(options: { seed?: number } = {}) {
  const test = await createTestCluster(options);
  const { server, pump, clock, api } = test;

  const apply = (body: KubeObject) => {
    const kind = RESOURCES[body.kind!]!;
    const namespace = CLUSTER_SCOPED.has(body.kind!) ? undefined : (body.metadata?.namespace ?? 'default');
    const apiVersion = kind.group ? `${kind.group}/${kind.version}` : kind.version;
    const result = server.handle({ verb: 'create', ...kind, ...(namespace ? { namespace } : {}), body: { apiVersion, ...body } });
    if (!result.ok) throw new Error(`create ${body.kind} failed: ${JSON.stringify(result.body)}`);
    return result.body;
  };

  const pod = (name: string, namespace = 'default') => {
    const got = server.handle({ verb: 'get', ...RESOURCES.Pod!, namespace, name });
    return got.ok ? (got.body as Pod) : undefined;
  };

  /** READY, STATUS, RESTARTS, AGE as `kubectl get pods` prints them. */
  const row = (name: string, namespace = 'default') => podTableRow(pod(name, namespace)!, clock.now()).slice(1, 5);

  /** The distinct `READY STATUS RESTARTS-count` states a pod goes through while `ms` pass. */
  const states = async (name: string, ms: number, options: { stepMs?: number; namespace?: string } = {}) => {
    const seen: string[] = [];
    const end = clock.now() + ms;
    await pump.settle();
    for (;;) {
      const [ready, status, restarts] = row(name, options.namespace);
      const state = `${ready} ${status} ${restarts!.split(' ')[0]}`;
      if (seen[seen.length - 1] !== state) seen.push(state);
      if (clock.now() >= end) break;
      await pump.advance(options.stepMs ?? 250);
    }
    return seen;
  };

  const exec = async (name: string, command: string[], options: { container?: string; namespace?: string } = {}) => {
    let stdout = '';
    let stderr = '';
    const running = api.request<ExecResult>({
      verb: 'create',
      group: '',
      version: 'v1',
      resource: 'pods',
      namespace: options.namespace ?? 'default',
      name,
      subresource: 'exec',
      query: { command, ...(options.container ? { container: options.container } : {}), stdout: true, stderr: true },
      streams: { onStdout: (t) => (stdout += t), onStderr: (t) => (stderr += t) },
    });
    let settled = false;
    void running.finally(() => (settled = true));
    for (let i = 0; i < 100 && !settled; i++) await pump.settle();
    const result = await running;
    return { ok: result.ok, exitCode: result.ok ? (result.body as { exitCode: number }).exitCode : undefined, stdout, stderr, status: result.ok ? undefined : result.body };
  };

  const events = (name: string, namespace = 'default') =>
    ((server.handle({ verb: 'list', group: '', version: 'v1', resource: 'events', namespace }).body as KubeList).items as unknown as Event[])
      .filter((e) => e.involvedObject.name === name)
      .map((e) => ({ reason: e.reason ?? '', message: e.message ?? '', count: e.count ?? 1, fieldPath: e.involvedObject.fieldPath ?? '', type: e.type ?? '' }));

  const logs = async (name: string, container?: string, namespace = 'default', previous = false) => {
    const query = { ...(container ? { container } : {}), ...(previous ? { previous: true } : {}) };
    const result = await api.request<string>({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace, name, subresource: 'log', query });
    return result.ok ? result.body : JSON.stringify(result.body);
  };

  return { ...test, apply, pod, row, states, exec, events, logs };
}
