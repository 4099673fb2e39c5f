/**
 * `kubectl describe namespace`. Models pkg/describe/describe.go NamespaceDescriber and
 * describeNamespace (kubectl v1.35): the quota and limit-range sections appear only when the
 * server serves those resources (a 404 list leaves them out).
 */
import type { LimitRange, Namespace, ResourceQuota } from 'kubernetes-types/core/v1';
import type { ApiClient, ApiResponse, KubeObject } from '../../../engine/api/client.ts';
import { canonicalQuantity } from '../../../lib/quantity/quantity.ts';
import { KubectlError, formatStatus } from '../../errors.ts';
import { type DescribeWriter, PrefixWriter, rfc1123z, writeAnnotations, writeLabels } from './prefix-writer.ts';

const SCOPE_HELP: Record<string, string> = {
  Terminating: 'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.',
  NotTerminating: 'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
  BestEffort: 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
  NotBestEffort: 'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
};

/** The items, `undefined` when the server does not serve the resource; other errors fail describe. */
function itemsOrAbsent<T>(res: ApiResponse<{ items: T[] }>): T[] | undefined {
  if (res.ok) return res.body.items;
  if (res.code === 404) return undefined;
  throw new KubectlError(formatStatus(res.body));
}

const quantityText = (value: string | number | undefined) => (value === undefined ? '0' : (canonicalQuantity(String(value)) ?? String(value)));

export async function describeNamespace(api: ApiClient, obj: KubeObject): Promise<string> {
  const ns = obj as Namespace;
  const name = ns.metadata?.name ?? '';
  const listIn = <T>(resource: string) => api.request<{ items: T[] }>({ verb: 'list', group: '', version: 'v1', resource, namespace: name });
  const quotas = itemsOrAbsent(await listIn<ResourceQuota>('resourcequotas'));
  const limitRanges = itemsOrAbsent(await listIn<LimitRange>('limitranges'));
  const w = new PrefixWriter();
  w.line(0, `Name:\t${name}`);
  writeLabels(w, 'Labels', ns.metadata?.labels);
  writeAnnotations(w, 'Annotations', ns.metadata?.annotations);
  w.line(0, `Status:\t${ns.status?.phase ?? ''}`);
  if (ns.status?.conditions?.length) {
    w.line(0, 'Conditions:');
    w.line(1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage');
    w.line(1, '----\t------\t------------------\t------\t-------');
    for (const c of ns.status.conditions) w.line(1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}`);
  }
  if (quotas) {
    w.line(0, '');
    writeResourceQuotas(w, quotas);
  }
  if (limitRanges) {
    w.line(0, '');
    writeLimitRanges(w, limitRanges);
  }
  return w.toString();
}

/** DescribeResourceQuotas: each quota's scopes and its Resource/Used/Hard table, by name. */
function writeResourceQuotas(w: DescribeWriter, quotas: ResourceQuota[]): void {
  if (quotas.length === 0) {
    w.line(0, 'No resource quota.');
    return;
  }
  w.line(0, 'Resource Quotas');
  for (const q of [...quotas].sort((a, b) => ((a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1))) {
    w.line(1, `Name:\t${q.metadata?.name}`);
    const scopes = [...(q.spec?.scopes ?? [])].sort();
    if (scopes.length) {
      w.line(1, `Scopes:\t${scopes.join(', ')}`);
      for (const scope of scopes) if (SCOPE_HELP[scope]) w.line(1, `* ${SCOPE_HELP[scope]}`);
    }
    w.line(1, 'Resource\tUsed\tHard');
    w.line(1, '--------\t---\t---');
    const hard = q.status?.hard ?? {};
    for (const resource of Object.keys(hard).sort()) w.line(1, `${resource}\t${quantityText(q.status?.used?.[resource])}\t${quantityText(hard[resource])}`);
  }
}

/**
 * DescribeLimitRanges: one row per limit type and resource. Upstream walks a Go map, so its row
 * order varies from run to run; ours sorts the resources.
 */
function writeLimitRanges(w: DescribeWriter, limitRanges: LimitRange[]): void {
  if (limitRanges.length === 0) {
    w.line(0, 'No LimitRange resource.');
    return;
  }
  w.line(0, 'Resource Limits');
  w.line(0, ' Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio');
  w.line(0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------');
  for (const lr of limitRanges) {
    for (const item of lr.spec?.limits ?? []) {
      const maps = [item.min, item.max, item.defaultRequest, item.default, item.maxLimitRequestRatio];
      const resources = [...new Set(maps.flatMap((m) => Object.keys(m ?? {})))].sort();
      for (const resource of resources) {
        const cells = maps.map((m) => (m?.[resource] === undefined ? '-' : quantityText(m[resource])));
        w.line(0, ` ${item.type}\t${resource}\t${cells.join('\t')}`);
      }
    }
  }
}
