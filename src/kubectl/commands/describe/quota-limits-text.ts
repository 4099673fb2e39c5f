/**
 * describe for ResourceQuota, LimitRange and PriorityClass (pkg/describe/describe.go
 * describeQuota, describeLimitRange, describePriorityClass).
 */
import type { LimitRange, ResourceQuota } from 'kubernetes-types/core/v1';
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import type { ApiClient, KubeObject } from '../../../engine/api/client.ts';
import { SHOW_EVENTS, writeEvents } from './events-section.ts';
import { PrefixWriter } from './prefix-writer.ts';

const SCOPE_HELP: Record<string, string> = {
  Terminating: 'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.',
  NotTerminating: 'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
  BestEffort: 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
  NotBestEffort: 'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
};

export async function describeResourceQuota(_api: ApiClient, obj: KubeObject): Promise<string> {
  const quota = obj as ResourceQuota;
  const w = new PrefixWriter();
  w.line(0, `Name:\t${quota.metadata?.name}`);
  w.line(0, `Namespace:\t${quota.metadata?.namespace}`);
  const scopes = [...(quota.spec?.scopes ?? [])].sort();
  if (scopes.length) {
    w.line(0, `Scopes:\t${scopes.join(', ')}`);
    for (const scope of scopes) if (SCOPE_HELP[scope]) w.line(0, ` * ${SCOPE_HELP[scope]}`);
  }
  for (const expr of quota.spec?.scopeSelector?.matchExpressions ?? []) {
    w.line(0, `Scope Selector:\t${expr.scopeName} ${expr.operator}${expr.values?.length ? ` [${expr.values.join(' ')}]` : ''}`);
  }
  w.line(0, 'Resource\tUsed\tHard');
  w.line(0, '--------\t----\t----');
  const hard = (quota.status?.hard ?? {}) as Record<string, string>;
  const used = (quota.status?.used ?? {}) as Record<string, string>;
  for (const name of Object.keys(hard).sort()) w.line(0, `${name}\t${used[name] ?? '0'}\t${hard[name]}`);
  return w.toString();
}

/** Resources in name order: describe.go ranges over a map, so the real order varies run to run. */
export async function describeLimitRange(_api: ApiClient, obj: KubeObject): Promise<string> {
  const lr = obj as LimitRange;
  const w = new PrefixWriter();
  w.line(0, `Name:\t${lr.metadata?.name}`);
  w.line(0, `Namespace:\t${lr.metadata?.namespace}`);
  w.line(0, 'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio');
  w.line(0, '----\t--------\t---\t---\t---------------\t-------------\t-----------------------');
  for (const item of lr.spec?.limits ?? []) {
    const lists = [item.min, item.max, item.defaultRequest, item.default, item.maxLimitRequestRatio] as (Record<string, string> | undefined)[];
    const names = [...new Set(lists.flatMap((list) => Object.keys(list ?? {})))].sort();
    for (const name of names) w.line(0, `${item.type}\t${name}\t${lists.map((list) => list?.[name] ?? '-').join('\t')}`);
  }
  return w.toString();
}

export async function describePriorityClass(api: ApiClient, obj: KubeObject, nowMs: number, settings = SHOW_EVENTS): Promise<string> {
  const pc = obj as unknown as PriorityClass;
  const w = new PrefixWriter();
  w.line(0, `Name:\t${pc.metadata?.name}`);
  w.line(0, `Value:\t${pc.value}`);
  w.line(0, `GlobalDefault:\t${pc.globalDefault ?? false}`);
  w.line(0, `PreemptionPolicy:\t${pc.preemptionPolicy ?? ''}`);
  w.line(0, `Description:\t${pc.description ?? ''}`);
  const annotations = Object.entries(pc.metadata?.annotations ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  w.line(0, `Annotations:\t${annotations.length ? annotations.map(([k, v]) => `${k}=${v}`).join(',') : '<none>'}`);
  await writeEvents(w, api, obj, nowMs, settings);
  return w.toString();
}
