/**
 * Which pods of a node drain removes: each pod passes the filters in turn until one says keep it;
 * the last answer stands (a later Okay hides an earlier warning, as upstream). Errors and warnings
 * name the pods, grouped by message. Models pkg/drain/filters.go (kubectl v1.35).
 */
import type { ApiClient, KubeObject } from '../../../engine/api/client.ts';

const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
// v1.35 words this one with its own "cannot delete", which errors() prefixes again.
const UNMANAGED_FATAL = 'cannot delete Pods that declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';
const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

export interface DrainOptions {
  force: boolean;
  ignoreDaemonSets: boolean;
  deleteEmptyDirData: boolean;
  /** --skip-wait-for-delete-timeout, in seconds (0: never skip). */
  skipWaitSeconds: number;
  nowMs: number;
}

type Verdict = { remove: boolean; reason: 'Okay' | 'Skip' | 'Warning' | 'Error'; message?: string };

const okay: Verdict = { remove: true, reason: 'Okay' };
const skip: Verdict = { remove: false, reason: 'Skip' };

export interface PodVerdict {
  pod: KubeObject;
  verdict: Verdict;
}

type Pod = KubeObject & {
  spec?: { volumes?: { emptyDir?: unknown }[] };
  status?: { phase?: string };
};

const finished = (pod: Pod) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
const controllerOf = (pod: Pod) => pod.metadata?.ownerReferences?.find((ref) => ref.controller === true);

/** shouldSkipPod: a pod deleted longer ago than --skip-wait-for-delete-timeout is not waited for. */
export function deletedLongAgo(pod: KubeObject, options: DrainOptions): boolean {
  const since = pod.metadata?.deletionTimestamp;
  return options.skipWaitSeconds > 0 && since !== undefined && Math.floor((options.nowMs - Date.parse(since)) / 1000) > options.skipWaitSeconds;
}

async function daemonSetFilter(api: ApiClient, pod: Pod, options: DrainOptions): Promise<Verdict> {
  const ref = controllerOf(pod);
  if (!ref || ref.kind !== 'DaemonSet' || ref.apiVersion !== 'apps/v1' || finished(pod)) return okay;
  const res = await api.request({ verb: 'get', group: 'apps', version: 'v1', resource: 'daemonsets', namespace: pod.metadata?.namespace ?? '', name: ref.name });
  if (!res.ok) {
    const message = res.body.message ?? '';
    if (res.body.reason === 'NotFound' && options.force) return { remove: true, reason: 'Warning', message };
    return { remove: false, reason: 'Error', message };
  }
  if (!options.ignoreDaemonSets) return { remove: false, reason: 'Error', message: DAEMONSET_FATAL };
  return { remove: false, reason: 'Warning', message: DAEMONSET_WARNING };
}

function localStorageFilter(pod: Pod, options: DrainOptions): Verdict {
  if (!(pod.spec?.volumes ?? []).some((v) => v.emptyDir !== undefined && v.emptyDir !== null) || finished(pod)) return okay;
  if (!options.deleteEmptyDirData) return { remove: false, reason: 'Error', message: LOCAL_STORAGE_FATAL };
  return { remove: true, reason: 'Warning', message: LOCAL_STORAGE_WARNING };
}

function unreplicatedFilter(pod: Pod, options: DrainOptions): Verdict {
  if (finished(pod) || controllerOf(pod)) return okay;
  if (options.force) return { remove: true, reason: 'Warning', message: UNMANAGED_WARNING };
  return { remove: false, reason: 'Error', message: UNMANAGED_FATAL };
}

/** filterPods: the verdict on each pod, in list order. */
export async function judgePods(api: ApiClient, pods: KubeObject[], options: DrainOptions): Promise<PodVerdict[]> {
  const filters: ((pod: Pod) => Verdict | Promise<Verdict>)[] = [
    (pod) => (deletedLongAgo(pod, options) ? skip : okay),
    (pod) => daemonSetFilter(api, pod, options),
    (pod) => (pod.metadata?.annotations?.[MIRROR_ANNOTATION] !== undefined ? skip : okay),
    (pod) => localStorageFilter(pod, options),
    (pod) => unreplicatedFilter(pod, options),
  ];
  const verdicts: PodVerdict[] = [];
  for (const pod of pods) {
    let verdict = okay;
    for (const filter of filters) {
      verdict = await filter(pod);
      if (!verdict.remove) break;
    }
    verdicts.push({ pod, verdict });
  }
  return verdicts;
}

const podKey = (pod: KubeObject) => `${pod.metadata?.namespace}/${pod.metadata?.name}`;

function grouped(verdicts: PodVerdict[], reason: Verdict['reason']): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const { pod, verdict } of verdicts) {
    if (verdict.reason !== reason) continue;
    const message = verdict.message || (reason === 'Error' ? 'unexpected error' : '');
    groups.set(message, [...(groups.get(message) ?? []), podKey(pod)]);
  }
  return groups;
}

/** PodDeleteList.errors: `cannot delete MESSAGE: ns/a, ns/b`, one per message. */
export function verdictErrors(verdicts: PodVerdict[]): string[] {
  return [...grouped(verdicts, 'Error')].map(([message, pods]) => `cannot delete ${message}: ${pods.join(', ')}`);
}

/** PodDeleteList.Warnings: `MESSAGE: ns/a, ns/b; MESSAGE2: …`, or '' when none. */
export function verdictWarnings(verdicts: PodVerdict[]): string {
  return [...grouped(verdicts, 'Warning')].map(([message, pods]) => `${message}: ${pods.join(', ')}`).join('; ');
}

export const podsToRemove = (verdicts: PodVerdict[]) => verdicts.filter((v) => v.verdict.remove).map((v) => v.pod);
