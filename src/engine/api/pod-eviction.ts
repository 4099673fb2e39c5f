/**
 * POST pods/eviction: a delete that a PodDisruptionBudget may refuse. A pod not yet running, already
 * terminating or finished is deleted at once; otherwise the one budget selecting it must allow a
 * disruption, which the eviction takes from its status before the pod goes.
 * Models pkg/registry/core/pod/storage/eviction.go EvictionREST.Create and checkAndDecrement.
 */
import { labelSelectorAsRequirements, matchesLabels, type LabelSelectorObject } from '../../lib/label-selector/label-selector.ts';
import { deepCopy } from '../store/deep-copy.ts';
import type { ApiRequest, ApiResponse, KubeObject, Status } from './client.ts';
import type { ApiServer } from './api-server.ts';
import * as statusOf from './status.ts';
import { failure } from './status.ts';

const TOO_MANY_REQUESTS_MESSAGE = "Cannot evict pod as it would violate the pod's disruption budget.";

interface EvictionBody {
  metadata?: { name?: string };
  deleteOptions?: { gracePeriodSeconds?: number; dryRun?: string[] };
}

interface BudgetStatus {
  observedGeneration?: number;
  disruptionsAllowed?: number;
  currentHealthy?: number;
  desiredHealthy?: number;
  disruptedPods?: Record<string, string>;
}

export function evictPod(req: ApiRequest, server: ApiServer, now: string): ApiResponse<unknown> {
  const namespace = req.namespace ?? '';
  const body = (req.body ?? {}) as EvictionBody;
  if (body.metadata?.name !== undefined && body.metadata.name !== req.name) return failure(statusOf.badRequest(`name in URL does not match name in Eviction object`));
  const podRes = server.handle({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace, name: req.name ?? '' });
  if (!podRes.ok) return podRes;
  const pod = podRes.body as KubeObject;
  const dryRun = body.deleteOptions?.dryRun?.includes('All') ?? false;
  if (!canIgnoreBudget(pod)) {
    const refusal = takeDisruption(server, pod, dryRun, now);
    if (refusal) return failure(refusal);
  }
  const gracePeriodSeconds = body.deleteOptions?.gracePeriodSeconds;
  const deleted = server.handle({
    verb: 'delete',
    group: '',
    version: 'v1',
    resource: 'pods',
    namespace,
    name: req.name ?? '',
    query: { ...(gracePeriodSeconds !== undefined ? { gracePeriodSeconds } : {}), ...(dryRun ? { dryRun: 'All' as const } : {}) },
  });
  if (!deleted.ok) return deleted;
  return { ok: true, code: 201, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 } };
}

/** canIgnorePDB: a pod that never started, has finished, or is already going disrupts nothing. */
function canIgnoreBudget(pod: KubeObject): boolean {
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  return phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || pod.metadata?.deletionTimestamp !== undefined;
}

function isReady(pod: KubeObject): boolean {
  const conditions = (pod.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? [];
  return conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}

/** The refusal of the budget covering `pod`, or undefined once a disruption was taken from it. */
function takeDisruption(server: ApiServer, pod: KubeObject, dryRun: boolean, now: string): Status | undefined {
  if (!server.definitionFor('policy', 'poddisruptionbudgets')) return undefined;
  const listed = server.handle({ verb: 'list', group: 'policy', version: 'v1', resource: 'poddisruptionbudgets', namespace: pod.metadata?.namespace ?? '' });
  const budgets = listed.ok ? (listed.body as { items: KubeObject[] }).items.filter((b) => selects(b, pod)) : [];
  if (budgets.length === 0) return undefined;
  if (budgets.length > 1) return statusOf.internalError('This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.');
  const budget = budgets[0]!;
  const status = (budget.status ?? {}) as BudgetStatus;
  const policy = (budget.spec as { unhealthyPodEvictionPolicy?: string } | undefined)?.unhealthyPodEvictionPolicy;
  // An unready pod adds nothing to the healthy count: evicting it never lowers it.
  if (!isReady(pod)) {
    if (policy === 'AlwaysAllow') return undefined;
    if ((status.desiredHealthy ?? 0) > 0 && (status.currentHealthy ?? 0) >= (status.desiredHealthy ?? 0)) return undefined;
  }
  const name = budget.metadata?.name ?? '';
  if ((status.observedGeneration ?? 0) < (budget.metadata?.generation ?? 0)) return tooManyRequests(`The disruption budget ${name} is still being processed by the server.`);
  if ((status.disruptionsAllowed ?? 0) < 0) return statusOf.forbidden('policy', 'poddisruptionbudgets', name, 'pdb disruptions allowed is negative');
  if ((status.disruptionsAllowed ?? 0) === 0)
    return tooManyRequests(`The disruption budget ${name} needs ${status.desiredHealthy ?? 0} healthy pods and has ${status.currentHealthy ?? 0} currently`);
  if (dryRun) return undefined;
  const updated = deepCopy(budget);
  const next = (updated.status ?? {}) as BudgetStatus;
  next.disruptionsAllowed = (next.disruptionsAllowed ?? 0) - 1;
  next.disruptedPods = { ...next.disruptedPods, [pod.metadata?.name ?? '']: now };
  updated.status = next;
  server.handle({
    verb: 'update',
    group: 'policy',
    version: 'v1',
    resource: 'poddisruptionbudgets',
    namespace: pod.metadata?.namespace ?? '',
    name,
    subresource: 'status',
    body: updated,
  });
  return undefined;
}

function selects(budget: KubeObject, pod: KubeObject): boolean {
  const selector = (budget.spec as { selector?: LabelSelectorObject } | undefined)?.selector;
  // A budget with an empty or absent selector selects nothing (policy/v1 getPodDisruptionBudgets).
  if (!selector || (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0)) return false;
  const parsed = labelSelectorAsRequirements(selector);
  return parsed.ok && matchesLabels(parsed.requirements, pod.metadata?.labels ?? {});
}

function tooManyRequests(cause: string): Status {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: TOO_MANY_REQUESTS_MESSAGE,
    reason: 'TooManyRequests',
    details: { causes: [{ reason: 'DisruptionBudget', message: cause }] },
    code: 429,
  };
}
