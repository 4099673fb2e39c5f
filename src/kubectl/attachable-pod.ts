import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../engine/api/client.ts';
import { formatLabelSelector, formatLabelSet } from '../lib/label-selector/label-selector.ts';
import { formatStatus, KubectlError } from './errors.ts';
import type { Invocation } from './kubectl-command.ts';
import { requestBase } from './resource-args.ts';

/** AttachablePodForObject: the pod itself, or the first pod a workload or service selects. */
export async function attachablePod(inv: Invocation, target: string): Promise<Pod | undefined> {
  const slash = target.indexOf('/');
  const resource = slash < 0 ? inv.mapper.resolve('pods')! : inv.mapper.resolve(target.slice(0, slash));
  if (!resource) throw new KubectlError(`error: the server doesn't have a resource type "${target.slice(0, slash)}"`);
  const name = slash < 0 ? target : target.slice(slash + 1);
  const got = await inv.api.request<KubeObject>({ verb: 'get', ...requestBase(resource, inv.namespace), name });
  if (!got.ok) {
    inv.err(`${formatStatus(got.body)}\n`);
    return undefined;
  }
  if (resource.kind === 'Pod') return got.body as Pod;
  const spec = got.body.spec as { selector?: Record<string, unknown> } | undefined;
  const selector =
    resource.kind === 'Service' || resource.kind === 'ReplicationController'
      ? formatLabelSet(spec?.selector as Record<string, string>)
      : formatLabelSelector(spec?.selector as Parameters<typeof formatLabelSelector>[0]);
  const pods = await inv.api.request<{ items: Pod[] }>({ verb: 'list', group: '', version: 'v1', resource: 'pods', namespace: inv.namespace, query: { labelSelector: selector } });
  const first = pods.ok ? [...pods.body.items].sort((a, b) => (a.metadata?.creationTimestamp ?? '').localeCompare(b.metadata?.creationTimestamp ?? ''))[0] : undefined;
  if (!first) throw new KubectlError('error: timed out waiting for the condition');
  return first;
}
