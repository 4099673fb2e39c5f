/**
 * Keeps each PodDisruptionBudget's status: how many selected pods are expected and healthy, how
 * many must stay healthy, and so how many disruptions (evictions) are allowed now.
 * Models pkg/controller/disruption/disruption.go (trySync, getExpectedPodCount, countHealthyPods,
 * buildDisruptedPodMap, updatePdbStatus).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../../api/client.ts';
import { formatTimestamp, parseTimestamp } from '../../api/timestamps.ts';
import { objectKey, splitKey, watchResource } from '../../client/informer.ts';
import type { Lister } from '../../client/lister.ts';
import { WorkQueue } from '../../client/work-queue.ts';
import { deepCopy, stableStringify } from '../../store/deep-copy.ts';
import type { ControllerContext } from '../controller-context.ts';
import { controllerRefOf, isPodReady } from '../pod-conditions.ts';
import { selectorMatches } from '../selector-match.ts';
import { budgetNumbers, goLabelSelectorString, type ScaleOf } from './expected-pods.ts';

const BUDGETS = { group: 'policy', version: 'v1', resource: 'poddisruptionbudgets' } as const;
const PODS = { group: '', version: 'v1', resource: 'pods' } as const;
const REPLICA_SETS = { group: 'apps', version: 'v1', resource: 'replicasets' } as const;
const DEPLOYMENTS = { group: 'apps', version: 'v1', resource: 'deployments' } as const;
/** DeletionTimeout: an evicted pod not yet marked deleted after this long counts again. */
const DELETION_TIMEOUT_MS = 2 * 60 * 1000;

type Status = NonNullable<PodDisruptionBudget['status']>;

export class DisruptionController {
  readonly #ctx: ControllerContext;
  readonly #queue: WorkQueue;
  readonly #budgets: Lister<PodDisruptionBudget>;
  readonly #pods: Lister<Pod>;
  readonly #replicaSets: Lister<ReplicaSet>;
  readonly #deployments: Lister<Deployment>;

  constructor(ctx: ControllerContext) {
    this.#ctx = ctx;
    this.#queue = new WorkQueue(ctx.clock, (key) => this.sync(key));
    this.#budgets = ctx.informers.lister<PodDisruptionBudget>(BUDGETS);
    this.#pods = ctx.informers.lister<Pod>(PODS);
    this.#replicaSets = ctx.informers.lister<ReplicaSet>(REPLICA_SETS);
    this.#deployments = ctx.informers.lister<Deployment>(DEPLOYMENTS);
  }

  start(): void {
    watchResource(this.#ctx.server, BUDGETS, (_t, pdb) => this.#queue.add(objectKey(pdb)));
    watchResource(this.#ctx.server, PODS, (_t, pod) => {
      for (const pdb of this.#budgets.list(pod.metadata?.namespace ?? '')) if (selects(pdb, pod as Pod)) this.#queue.add(objectKey(pdb as KubeObject));
    });
    // A scale change moves the expected count; upstream catches it on its 30s resync.
    const everyBudgetIn = (_t: unknown, obj: KubeObject) => {
      for (const pdb of this.#budgets.list(obj.metadata?.namespace ?? '')) this.#queue.add(objectKey(pdb as KubeObject));
    };
    watchResource(this.#ctx.server, REPLICA_SETS, everyBudgetIn);
    watchResource(this.#ctx.server, DEPLOYMENTS, everyBudgetIn);
  }

  sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const pdb = this.#budgets.get(namespace, name);
    if (!pdb) return;
    const pods = this.#pods.list(namespace).filter((p) => selects(pdb, p));
    const recorder = this.#ctx.recorder('controllermanager');
    if (pods.length === 0) recorder.record(pdb as KubeObject, 'Normal', 'NoPods', 'No matching pods found');
    const numbers = budgetNumbers(pdb, pods, this.#scaleOf);
    const nowMs = this.#ctx.clock.now();
    if ('error' in numbers) {
      recorder.record(pdb as KubeObject, 'Warning', 'CalculateExpectedPodCountFailed', `Failed to calculate the number of expected pods: ${numbers.error}`);
      const failSafe: Status = {
        currentHealthy: pdb.status?.currentHealthy ?? 0,
        desiredHealthy: pdb.status?.desiredHealthy ?? 0,
        expectedPods: pdb.status?.expectedPods ?? 0,
        disruptionsAllowed: 0,
      };
      this.#write(pdb, failSafe, { status: 'False', reason: 'SyncFailed', message: numbers.error }, nowMs);
      return;
    }
    if (numbers.unmanagedPods.length)
      recorder.record(
        pdb as KubeObject,
        'Warning',
        'UnmanagedPods',
        `Pods selected by this PodDisruptionBudget (selector: ${goLabelSelectorString(pdb.spec?.selector)}) were found to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.`,
      );
    const disrupted = this.#stillDisrupted(pdb, pods, nowMs);
    const currentHealthy = pods.filter((p) => !p.metadata?.deletionTimestamp && !(p.metadata?.name! in disrupted) && isPodReady(p)).length;
    const allowed = numbers.expectedCount <= 0 ? 0 : Math.max(0, currentHealthy - numbers.desiredHealthy);
    const status: Status = {
      ...(Object.keys(disrupted).length ? { disruptedPods: disrupted } : {}),
      disruptionsAllowed: allowed,
      currentHealthy,
      desiredHealthy: numbers.desiredHealthy,
      expectedPods: numbers.expectedCount,
    };
    this.#write(pdb, status, allowed > 0 ? { status: 'True', reason: 'SufficientPods', message: '' } : { status: 'False', reason: 'InsufficientPods', message: '' }, nowMs);
  }

  readonly #scaleOf: ScaleOf = (namespace, ref) => {
    if (ref.kind !== 'ReplicaSet') return undefined;
    const rs = this.#replicaSets.get(namespace, ref.name);
    if (!rs || rs.metadata?.uid !== ref.uid) return undefined;
    const owner = controllerRefOf(rs as KubeObject);
    if (owner?.kind === 'Deployment') {
      const deployment = this.#deployments.get(namespace, owner.name);
      if (deployment && deployment.metadata?.uid === owner.uid) return { uid: owner.uid, replicas: deployment.spec?.replicas ?? 1 };
    }
    return { uid: ref.uid, replicas: rs.spec?.replicas ?? 1 };
  };

  /** buildDisruptedPodMap: the evictions still on their way, expiring after DeletionTimeout. */
  #stillDisrupted(pdb: PodDisruptionBudget, pods: Pod[], nowMs: number): Record<string, string> {
    const kept: Record<string, string> = {};
    let earliestExpiry = Infinity;
    for (const [podName, at] of Object.entries(pdb.status?.disruptedPods ?? {})) {
      const pod = pods.find((p) => p.metadata?.name === podName);
      if (!pod || pod.metadata?.deletionTimestamp) continue;
      const expiry = (parseTimestamp(at) ?? 0) + DELETION_TIMEOUT_MS;
      if (expiry < nowMs) continue;
      kept[podName] = at;
      earliestExpiry = Math.min(earliestExpiry, expiry);
    }
    if (earliestExpiry !== Infinity) this.#queue.addAfter(objectKey(pdb as KubeObject), earliestExpiry - nowMs + 1);
    return kept;
  }

  #write(pdb: PodDisruptionBudget, status: Status, condition: { status: string; reason: string; message: string }, nowMs: number): void {
    const previous = pdb.status?.conditions?.find((c) => c.type === 'DisruptionAllowed');
    const generation = pdb.metadata?.generation ?? 1;
    const next: Status = {
      ...status,
      observedGeneration: generation,
      conditions: [
        {
          lastTransitionTime: previous?.status === condition.status ? previous.lastTransitionTime : formatTimestamp(nowMs),
          message: condition.message,
          observedGeneration: generation,
          reason: condition.reason,
          status: condition.status,
          type: 'DisruptionAllowed',
        },
      ],
    };
    if (stableStringify(next) === stableStringify(pdb.status ?? {})) return;
    const updated = deepCopy(pdb as KubeObject);
    updated.status = next;
    this.#ctx.server.handle({ verb: 'update', ...BUDGETS, namespace: pdb.metadata!.namespace!, name: pdb.metadata!.name!, subresource: 'status', body: updated });
  }
}

/** A nil selector selects nothing; in policy/v1 an empty one selects every pod of the namespace. */
function selects(pdb: PodDisruptionBudget, pod: Pod): boolean {
  const selector = pdb.spec?.selector;
  return selector !== undefined && selector !== null && selectorMatches(selector, pod.metadata?.labels ?? {});
}
