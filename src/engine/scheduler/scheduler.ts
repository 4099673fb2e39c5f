/**
 * The default scheduler: takes pods without a node from the scheduling queue, filters the nodes
 * of its cache with the default profile's plugins, scores those that fit, and binds the pod to the
 * best; or records why none fits (FailedScheduling, PodScheduled=False) and parks the pod until a
 * cluster event may help. Models pkg/scheduler/schedule_one.go and the default plugin set of
 * pkg/scheduler/apis/config/v1/default_plugins.go.
 *
 * Upstream picks at random among the nodes sharing the best score; we take the last by name, so a
 * replay places pods identically. ImageLocality is left out: nodes publish no image list here.
 */
import type { Namespace, Node, PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { KubeObject } from '../api/client.ts';
import { formatTimestamp } from '../api/timestamps.ts';
import { core } from '../client/informer-factory.ts';
import { objectKey, watchResource } from '../client/informer.ts';
import type { ControllerContext } from '../controllers/controller-context.ts';
import { podInformer } from '../kubelet/pod-informer.ts';
import { preempt, type Candidate } from './default-preemption.ts';
import { defaultSelector } from './default-selector.ts';
import { EquivalenceCache, equivalenceKey, sameStatus, type Verdict } from './equivalence-cache.ts';
import { fitErrorMessage } from './fit-error.ts';
import type { CycleState, FilterPlugin, ScorePlugin, Status, StorageLister } from './framework.ts';
import { newPodInfo, type NodeInfo } from './node-info.ts';
import { filterWithNominatedPods, NominatedPods } from './nominated-pods.ts';
import { interPodAffinity } from './plugins/inter-pod-affinity.ts';
import { nodeAffinityFilter, nodeAffinityScore } from './plugins/node-affinity.ts';
import { nodeName } from './plugins/node-name.ts';
import { nodePorts } from './plugins/node-ports.ts';
import { balancedAllocationScore, leastAllocatedScore, nodeResourcesFit } from './plugins/node-resources-fit.ts';
import { nodeUnschedulable } from './plugins/node-unschedulable.ts';
import { podTopologySpreadFilter, podTopologySpreadScore } from './plugins/pod-topology-spread.ts';
import { taintTolerationFilter, taintTolerationScore } from './plugins/taint-toleration.ts';
import { volumeBinding, volumesForPreBind } from './plugins/volume-binding.ts';
import { isAssignedActivePod, SchedulerCache } from './scheduler-cache.ts';
import { SchedulingQueue, type UnschedulablePod } from './scheduling-queue.ts';
import { assignedPodUpdate, clusterEventMayHelp, PLUGINS_HELPED_BY, type ClusterEvent } from './queueing-hints.ts';

const PODS = { group: '', version: 'v1', resource: 'pods' } as const;
export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';

/** The default profile's filters, in the order the framework runs them; the first failure decides. */
export const FILTERS: readonly FilterPlugin[] = [
  nodeUnschedulable,
  nodeName,
  taintTolerationFilter,
  nodeAffinityFilter,
  nodePorts,
  nodeResourcesFit,
  podTopologySpreadFilter,
  interPodAffinity,
  volumeBinding,
];

export class Scheduler {
  readonly #ctx: ControllerContext;
  readonly #queue: SchedulingQueue;
  readonly #cache = new SchedulerCache();
  readonly #pods;
  readonly #namespaces;
  readonly #budgets;
  readonly #nominated = new NominatedPods();
  readonly #equivalence = new EquivalenceCache();
  readonly #scores: readonly ScorePlugin[];

  constructor(ctx: ControllerContext) {
    this.#ctx = ctx;
    this.#queue = new SchedulingQueue(ctx.clock, (key) => this.scheduleOne(key));
    this.#pods = podInformer(ctx.informers);
    this.#namespaces = ctx.informers.lister<Namespace>(core('namespaces'));
    this.#budgets = ctx.informers.lister<PodDisruptionBudget>({ group: 'policy', version: 'v1', resource: 'poddisruptionbudgets' });
    this.#scores = [taintTolerationScore, nodeAffinityScore, leastAllocatedScore, podTopologySpreadScore(defaultSelector(ctx.informers)), balancedAllocationScore];
  }

  start(): void {
    this.#pods.addEventHandler({
      onAdd: (pod) => this.#podChanged(undefined, pod),
      onUpdate: (old, pod) => this.#podChanged(old, pod),
      onDelete: (pod) => this.#podChanged(pod, undefined),
    });
    this.#ctx.informers.informerFor<Node>(core('nodes')).addEventHandler({
      onAdd: (node) => {
        this.#cache.addNode(node);
        this.#moveOn({ kind: 'NodeAdd', node });
      },
      onUpdate: (old, node) => {
        this.#cache.addNode(node);
        this.#moveOn({ kind: 'NodeUpdate', old, node });
      },
      onDelete: (node) => this.#cache.removeNode(node),
    });
    // VolumeBinding's events: a claim bound or a volume added may let a parked pod fit.
    const volumeEvent = () => {
      if (this.#queue.hasParkedRejectedBy(['VolumeBinding'])) this.#queue.moveOnEvent((waiting) => waiting.rejectors.has('VolumeBinding'));
    };
    watchResource(this.#ctx.server, core('persistentvolumeclaims'), volumeEvent);
    watchResource(this.#ctx.server, core('persistentvolumes'), volumeEvent);
  }

  #podChanged(old: Pod | undefined, pod: Pod | undefined): void {
    const wasActive = old !== undefined && isAssignedActivePod(old);
    const isActive = pod !== undefined && isAssignedActivePod(pod);
    this.#nominated.update(old, pod);
    if (pod) this.#cache.updatePod(pod);
    else if (old) this.#cache.removePod(old.metadata?.uid ?? '');
    if (wasActive && !isActive) this.#moveOn({ kind: 'AssignedPodDelete', pod: old });
    else if (isActive && !wasActive) this.#moveOn({ kind: 'AssignedPodAdd', pod });
    else if (isActive && old) {
      // Most updates are status writes; only changed labels or smaller requests may help a parked pod.
      const update = assignedPodUpdate(old, pod);
      if (update.labelsChanged || update.requestsShrank) this.#moveOn(update);
    }
    if (pod && !pod.spec?.nodeName && !pod.metadata?.deletionTimestamp) {
      const key = objectKey(pod as KubeObject);
      // A parked pod comes back when its spec or labels change, not when its status does.
      if (!this.#queue.has(key) || !old || podUpdateMayHelp(old, pod)) this.#queue.add(key, pod.spec?.priority ?? 0);
    } else this.#queue.delete(objectKey((pod ?? old) as KubeObject));
  }

  #moveOn(event: ClusterEvent): void {
    if (event.kind !== 'NodeAdd' && event.kind !== 'NodeUpdate' && !this.#queue.hasParkedRejectedBy(PLUGINS_HELPED_BY[event.kind])) return;
    this.#queue.moveOnEvent((waiting: UnschedulablePod) => {
      const { namespace, name } = splitKey(waiting.key);
      const pod = this.#pods.lister.get(namespace, name);
      return pod !== undefined && clusterEventMayHelp(pod, waiting.rejectors, event, this.#cache);
    });
  }

  #state(pod: Pod): CycleState {
    return {
      pod,
      podInfo: newPodInfo(pod),
      nodes: this.#cache.nodeInfos(),
      namespaceLabels: (ns) => this.#namespaces.get(undefined, ns)?.metadata?.labels,
      storage: this.#storage(),
    };
  }

  /** Listers of claims, volumes and classes, made on the first pod that asks (nothing at boot). */
  #storage(): StorageLister {
    const informers = this.#ctx.informers;
    const claims = () => informers.lister<PersistentVolumeClaim>(core('persistentvolumeclaims'));
    const volumes = () => informers.lister<PersistentVolume>(core('persistentvolumes'));
    return {
      claim: (namespace, name) => claims().get(namespace, name),
      volume: (name) => volumes().get(undefined, name),
      volumes: () => volumes().list(),
      storageClass: (name) => informers.lister<StorageClass>({ group: 'storage.k8s.io', version: 'v1', resource: 'storageclasses' }).get(undefined, name),
    };
  }

  /** scheduleOne: one attempt for one pod. */
  scheduleOne(key: string): void {
    const { namespace, name } = splitKey(key);
    const pod = this.#pods.lister.get(namespace, name);
    if (!pod || pod.spec?.nodeName || pod.metadata?.deletionTimestamp) return;
    if ((pod.spec?.schedulerName ?? DEFAULT_SCHEDULER_NAME) !== DEFAULT_SCHEDULER_NAME) return;
    const state = this.#state(pod);
    if (state.nodes.length === 0) {
      this.#fail(key, pod, 'no nodes available to schedule pods', new Set());
      return;
    }
    const nominatedFor = (node: string) => this.#nominated.forNode(node, pod);
    const classKey = this.#nominated.size || this.#cache.hasPodsWithRequiredAntiAffinity() ? undefined : equivalenceKey(pod, state.podInfo);
    const verdict = classKey === undefined ? undefined : this.#verdict(classKey, state);
    const { feasible, statuses, preFilterMsg } = verdict ? fromVerdict(verdict) : findNodesThatFitPod(state, nominatedFor);
    if (!feasible.length) {
      if (verdict?.failure) {
        this.#fail(key, pod, verdict.failure.message, verdict.failure.rejectors, verdict.failure.nominatedNodeName);
        return;
      }
      const rejectors = new Set([...statuses.values()].map((s) => s.plugin));
      const fitError = fitErrorMessage(
        state.nodes.length,
        [...statuses.values()].map((s) => s.reasons),
        preFilterMsg,
      );
      // RunPostFilterPlugins: preemption nominates a node (and says nothing more) or tells why it could not.
      const result = preempt(state, statuses, { pdbs: this.#budgets.list(), filters: FILTERS, nominatedFor, nowMs: this.#ctx.clock.now() });
      const message = result.message ? `${fitError} ${result.message}` : fitError;
      // Kept for the class only when no node had victims to offer: then the dry run is node-local too.
      if (verdict && !result.candidate && hasNoVictims(state, statuses))
        verdict.failure = { message, rejectors, ...(result.nominatedNodeName !== undefined ? { nominatedNodeName: result.nominatedNodeName } : {}) };
      this.#fail(key, pod, message, rejectors, result.nominatedNodeName);
      // Parked first, so a victim that goes at once moves the pod back (prepareCandidateAsync).
      if (result.candidate) this.#prepareCandidate(pod, result.candidate);
      return;
    }
    // evaluateNominatedNode: a preemptor whose nominated node now fits goes there without scoring.
    const nominated = pod.status?.nominatedNodeName ? feasible.find((n) => n.name === pod.status!.nominatedNodeName) : undefined;
    const chosen = nominated ?? (feasible.length === 1 ? feasible[0]! : selectHost(feasible, prioritizeNodes(state, feasible, this.#scores)));
    const target = chosen.name;
    for (const pv of volumesForPreBind(state, chosen.node))
      this.#ctx.server.handle({ verb: 'update', group: '', version: 'v1', resource: 'persistentvolumes', name: pv.metadata!.name!, body: pv as KubeObject });
    const bound = this.#ctx.server.handle({
      verb: 'create',
      ...PODS,
      subresource: 'binding',
      namespace: namespace!,
      name,
      body: { apiVersion: 'v1', kind: 'Binding', metadata: { name, namespace }, target: { apiVersion: 'v1', kind: 'Node', name: target } },
    });
    if (bound.ok) this.#ctx.recorder(DEFAULT_SCHEDULER_NAME).record(pod as KubeObject, 'Normal', 'Scheduled', `Successfully assigned ${namespace}/${name} to ${target}`);
  }

  /**
   * The class's verdict brought up to date: only the nodes that changed since it was computed are
   * filtered again; the failure it carries is dropped when one of their statuses changed.
   */
  #verdict(classKey: string, state: CycleState): Verdict | undefined {
    let verdict = this.#equivalence.get(classKey, state.nodes);
    if (!verdict) {
      const { pre, rejection } = runPreFilterPlugins(state);
      if (rejection) return undefined;
      verdict = { nodes: state.nodes, generations: state.nodes.map((n) => n.generation), statuses: state.nodes.map((n) => filterNode(state, n, pre, [])) };
      this.#equivalence.set(classKey, verdict);
      return verdict;
    }
    const priority = state.pod.spec?.priority ?? 0;
    let pre: ReadonlyMap<FilterPlugin, unknown> | undefined;
    for (const [i, node] of verdict.nodes.entries()) {
      if (node.generation === verdict.generations[i]) continue;
      verdict.generations[i] = node.generation;
      pre ??= runPreFilterPlugins(state).pre;
      const status = filterNode(state, node, pre, []);
      if (!sameStatus(status, verdict.statuses[i]) || (status?.code === 'Unschedulable' && node.lowestPodPriority() < priority)) delete verdict.failure;
      verdict.statuses[i] = status;
    }
    return verdict;
  }

  /**
   * prepareCandidate: each victim marked DisruptionTarget, deleted with its grace period and told
   * why; pods of lower priority nominated to the node lose the nomination.
   */
  #prepareCandidate(preemptor: Pod, candidate: Candidate): void {
    const recorder = this.#ctx.recorder(DEFAULT_SCHEDULER_NAME);
    for (const victim of candidate.victims) {
      if (victim.metadata?.deletionTimestamp) continue;
      const namespace = victim.metadata!.namespace!;
      const name = victim.metadata!.name!;
      const condition = {
        type: 'DisruptionTarget',
        status: 'True',
        lastProbeTime: null,
        lastTransitionTime: formatTimestamp(this.#ctx.clock.now()),
        reason: 'PreemptionByScheduler',
        message: `${preemptor.spec?.schedulerName ?? DEFAULT_SCHEDULER_NAME}: preempting to accommodate a higher priority pod`,
        ...(victim.metadata?.generation !== undefined ? { observedGeneration: victim.metadata.generation } : {}),
      };
      const conditions = [...(victim.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget'), condition];
      const patched = this.#ctx.server.handle({ verb: 'update', ...PODS, subresource: 'status', namespace, name, body: { ...victim, status: { ...victim.status, conditions } } });
      if (!patched.ok) continue;
      const deleted = this.#ctx.server.handle({ verb: 'delete', ...PODS, namespace, name });
      if (!deleted.ok) continue;
      recorder.record(victim as KubeObject, 'Normal', 'Preempted', `Preempted by pod ${preemptor.metadata?.uid} on node ${candidate.node}`);
    }
    for (const other of this.#pods.lister.list()) {
      if (other.status?.nominatedNodeName !== candidate.node || (other.spec?.priority ?? 0) >= (preemptor.spec?.priority ?? 0)) continue;
      const status = { ...other.status };
      delete status.nominatedNodeName;
      this.#ctx.server.handle({ verb: 'update', ...PODS, subresource: 'status', namespace: other.metadata!.namespace!, name: other.metadata!.name!, body: { ...other, status } });
    }
  }

  /**
   * handleSchedulingFailure: the event, the pod parked, and PodScheduled=False (with the nominated
   * node; "" clears it) when either changed.
   */
  #fail(key: string, pod: Pod, message: string, rejectors: ReadonlySet<string>, nominatedNodeName?: string): void {
    this.#ctx.recorder(DEFAULT_SCHEDULER_NAME).record(pod as KubeObject, 'Warning', 'FailedScheduling', message);
    this.#queue.addUnschedulable(key, pod.spec?.priority ?? 0, rejectors);
    const previous = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    const generation = pod.metadata?.generation;
    const nominationChanged = nominatedNodeName !== undefined && nominatedNodeName !== (pod.status?.nominatedNodeName ?? '');
    if (
      !nominationChanged &&
      previous?.status === 'False' &&
      previous.reason === 'Unschedulable' &&
      previous.message === message &&
      (previous as { observedGeneration?: number }).observedGeneration === generation
    )
      return;
    const condition = {
      type: 'PodScheduled',
      status: 'False',
      lastProbeTime: null,
      lastTransitionTime: previous?.status === 'False' ? previous.lastTransitionTime : formatTimestamp(this.#ctx.clock.now()),
      reason: 'Unschedulable',
      message,
      // handleSchedulingFailure stamps the generation it judged (PodObservedGenerationTracking, GA in v1.35).
      ...(generation !== undefined ? { observedGeneration: generation } : {}),
    };
    const conditions = [...(pod.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled'), condition];
    const status = { ...pod.status, phase: 'Pending', conditions };
    if (nominatedNodeName) status.nominatedNodeName = nominatedNodeName;
    else if (nominatedNodeName === '') delete status.nominatedNodeName;
    this.#ctx.server.handle({
      verb: 'update',
      ...PODS,
      subresource: 'status',
      namespace: pod.metadata!.namespace!,
      name: pod.metadata!.name!,
      body: { ...pod, status },
    });
  }
}

function splitKey(key: string): { namespace: string | undefined; name: string } {
  const slash = key.indexOf('/');
  return slash < 0 ? { namespace: undefined, name: key } : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}

function fromVerdict(verdict: Verdict): { feasible: NodeInfo[]; statuses: Map<string, Status>; preFilterMsg?: string } {
  const feasible: NodeInfo[] = [];
  const statuses = new Map<string, Status>();
  for (const [i, node] of verdict.nodes.entries()) {
    const status = verdict.statuses[i];
    if (!status) feasible.push(node);
    else if (!verdict.failure) statuses.set(node.name, status);
  }
  return { feasible, statuses };
}

/** Whether preemption's dry run found nothing to evict on any node it tried (none of lower priority). */
function hasNoVictims(state: CycleState, statuses: ReadonlyMap<string, Status>): boolean {
  const priority = state.pod.spec?.priority ?? 0;
  return state.nodes.every((node) => statuses.get(node.name)?.code !== 'Unschedulable' || node.lowestPodPriority() >= priority);
}

function podUpdateMayHelp(old: Pod, pod: Pod): boolean {
  const view = (p: Pod) => JSON.stringify([p.spec, p.metadata?.labels, p.metadata?.annotations]);
  return view(old) !== view(pod);
}

/** The PreFilters' results, or the first PreFilter rejection (every node gets it). */
export function runPreFilterPlugins(state: CycleState): { pre: Map<FilterPlugin, unknown>; rejection?: Status } {
  const pre = new Map<FilterPlugin, unknown>();
  for (const plugin of FILTERS) if (plugin.preFilter) pre.set(plugin, plugin.preFilter(state));
  for (const plugin of FILTERS) {
    const rejection = plugin.preFilterStatus?.(pre.get(plugin));
    if (rejection) return { pre, rejection };
  }
  return { pre };
}

/** One node through the filters (first as if the pods nominated there ran); the first rejection is its status. */
export function filterNode(state: CycleState, node: NodeInfo, pre: ReadonlyMap<FilterPlugin, unknown>, nominated: readonly Pod[]): Status | undefined {
  const status = filterWithNominatedPods(state, node, nominated, FILTERS);
  if (status) return status;
  for (const plugin of FILTERS) {
    const rejection = plugin.filter(state, node, pre.get(plugin));
    if (rejection) return rejection;
  }
  return undefined;
}

/** findNodesThatFitPod: each node through the filters. */
export function findNodesThatFitPod(
  state: CycleState,
  nominatedFor: (node: string) => Pod[] = () => [],
): { feasible: NodeInfo[]; statuses: Map<string, Status>; preFilterMsg?: string } {
  const feasible: NodeInfo[] = [];
  const statuses = new Map<string, Status>();
  const { pre, rejection } = runPreFilterPlugins(state);
  if (rejection) {
    for (const node of state.nodes) statuses.set(node.name, rejection);
    return { feasible, statuses, preFilterMsg: rejection.reasons.join(', ') };
  }
  for (const node of state.nodes) {
    const status = filterNode(state, node, pre, nominatedFor(node.name));
    if (status) statuses.set(node.name, status);
    else feasible.push(node);
  }
  return { feasible, statuses };
}

/** prioritizeNodes: each score plugin's normalized scores times its weight, summed per node. */
export function prioritizeNodes(state: CycleState, nodes: readonly NodeInfo[], plugins: readonly ScorePlugin[]): number[] {
  const totals = nodes.map(() => 0);
  for (const plugin of plugins) {
    const scores = plugin.score(state, nodes);
    if (scores) scores.forEach((s, i) => (totals[i]! += s * plugin.weight));
  }
  return totals;
}

function selectHost(nodes: readonly NodeInfo[], scores: readonly number[]): NodeInfo {
  let best = 0;
  for (let i = 1; i < nodes.length; i++) if (scores[i]! >= scores[best]!) best = i;
  return nodes[best]!;
}
