/**
 * Binds pending pods to nodes: filters by nodeName, nodeSelector, taints and requested resources,
 * then spreads pods of one owner over the nodes that fit. Models the default scheduler's
 * NodeResourcesFit, TaintToleration, NodeAffinity and spreading in a deterministic form.
 */
import type { Node, Pod, Taint, Toleration } from 'kubernetes-types/core/v1';
import { parseQuantity, quantityMilliValue } from '../../lib/quantity/quantity.ts';
import type { KubeObject } from '../api/client.ts';
import { objectKey, splitKey, watchResource } from '../client/informer.ts';
import { WorkQueue } from '../client/work-queue.ts';
import type { ControllerContext } from '../controllers/controller-context.ts';

const PODS = { group: '', version: 'v1', resource: 'pods' } as const;

export class Scheduler {
  readonly #ctx: ControllerContext;
  readonly #queue: WorkQueue;

  constructor(ctx: ControllerContext) {
    this.#ctx = ctx;
    this.#queue = new WorkQueue(ctx.clock, (key) => this.schedulePod(key));
  }

  start(): void {
    watchResource(this.#ctx.server, PODS, (type, pod) => {
      if (type !== 'DELETED' && !(pod as Pod).spec?.nodeName) this.#queue.add(objectKey(pod));
      // A pod going away may free room for one that did not fit.
      if (type === 'DELETED') for (const waiting of this.#pending()) this.#queue.add(objectKey(waiting as KubeObject));
    });
  }

  #pending(): Pod[] {
    const listed = this.#ctx.server.handle({ verb: 'list', ...PODS });
    return listed.ok ? (listed.body as { items: Pod[] }).items.filter((p) => !p.spec?.nodeName && !p.metadata?.deletionTimestamp) : [];
  }

  schedulePod(key: string): void {
    const { namespace, name } = splitKey(key);
    const got = this.#ctx.server.handle({ verb: 'get', ...PODS, namespace: namespace!, name });
    if (!got.ok) return;
    const pod = got.body as Pod;
    if (pod.spec?.nodeName || pod.metadata?.deletionTimestamp) return;
    if ((pod.spec?.schedulerName ?? 'default-scheduler') !== 'default-scheduler') return;
    const nodes = (this.#ctx.server.handle({ verb: 'list', group: '', version: 'v1', resource: 'nodes' }).body as { items: Node[] }).items;
    const allPods = (this.#ctx.server.handle({ verb: 'list', ...PODS }).body as { items: Pod[] }).items;
    const reasons = new Map<string, number>();
    const fits: Node[] = [];
    for (const node of nodes) {
      const reason = this.#unfit(pod, node, allPods);
      if (reason) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      else fits.push(node);
    }
    const recorder = this.#ctx.recorder('default-scheduler');
    if (fits.length === 0) {
      const message = failedSchedulingMessage(nodes.length, reasons);
      recorder.record(pod as KubeObject, 'Warning', 'FailedScheduling', message);
      const generation = pod.metadata?.generation;
      const conditions = [
        {
          type: 'PodScheduled',
          status: 'False',
          lastProbeTime: null,
          lastTransitionTime: new Date(this.#ctx.clock.now()).toISOString().replace('.000Z', 'Z'),
          reason: 'Unschedulable',
          message,
          // handleSchedulingFailure stamps the generation it judged (PodObservedGenerationTracking, GA in v1.35).
          ...(generation !== undefined ? { observedGeneration: generation } : {}),
        },
      ];
      this.#ctx.server.handle({
        verb: 'update',
        ...PODS,
        subresource: 'status',
        namespace: namespace!,
        name,
        body: { ...pod, status: { ...pod.status, phase: 'Pending', conditions } },
      });
      return;
    }
    const owner = pod.metadata?.ownerReferences?.find((r) => r.controller)?.uid;
    const score = (node: Node) => {
      const onNode = allPods.filter((p) => p.spec?.nodeName === node.metadata?.name && !p.metadata?.deletionTimestamp);
      const siblings = owner ? onNode.filter((p) => p.metadata?.ownerReferences?.some((r) => r.uid === owner)).length : 0;
      return siblings * 1000 + onNode.length;
    };
    const chosen = [...fits].sort((a, b) => score(a) - score(b) || (a.metadata!.name! < b.metadata!.name! ? 1 : -1))[0]!;
    const bound = this.#ctx.server.handle({
      verb: 'create',
      ...PODS,
      subresource: 'binding',
      namespace: namespace!,
      name,
      body: { apiVersion: 'v1', kind: 'Binding', metadata: { name, namespace }, target: { apiVersion: 'v1', kind: 'Node', name: chosen.metadata!.name } },
    });
    if (bound.ok) recorder.record(pod as KubeObject, 'Normal', 'Scheduled', `Successfully assigned ${namespace}/${name} to ${chosen.metadata!.name}`);
  }

  #unfit(pod: Pod, node: Node, allPods: Pod[]): string | undefined {
    if (node.spec?.unschedulable) return 'node(s) were unschedulable';
    for (const taint of node.spec?.taints ?? []) {
      if ((taint.effect === 'NoSchedule' || taint.effect === 'NoExecute') && !tolerates(pod.spec?.tolerations ?? [], taint)) {
        // v1.35 no longer names the taint: keys and values may be sensitive (kubernetes#134740).
        return 'node(s) had untolerated taint(s)';
      }
    }
    for (const [k, v] of Object.entries(pod.spec?.nodeSelector ?? {})) {
      if (node.metadata?.labels?.[k] !== v) return "node(s) didn't match Pod's node affinity/selector";
    }
    for (const resource of ['cpu', 'memory'] as const) {
      const requested = podRequest(pod, resource);
      if (requested === 0) continue;
      const used = allPods
        .filter((p) => p.spec?.nodeName === node.metadata?.name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed')
        .reduce((n, p) => n + podRequest(p, resource), 0);
      const allocatable = milli(node.status?.allocatable?.[resource]);
      if (used + requested > allocatable) return `Insufficient ${resource}`;
    }
    return undefined;
  }
}

function tolerates(tolerations: Toleration[], taint: Taint): boolean {
  return tolerations.some((t) => {
    if (t.effect && t.effect !== taint.effect) return false;
    if (t.operator === 'Exists') return !t.key || t.key === taint.key;
    return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
  });
}

function milli(value: string | undefined): number {
  if (value === undefined) return 0;
  const parsed = parseQuantity(value);
  return parsed.ok ? quantityMilliValue(parsed.quantity) : 0;
}

function podRequest(pod: Pod, resource: 'cpu' | 'memory'): number {
  return (pod.spec?.containers ?? []).reduce((n, c) => n + milli(c.resources?.requests?.[resource] as string | undefined), 0);
}

/**
 * FitError.Error: `0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint(s).`
 * then the PostFilter messages: DefaultPreemption counts, per verdict, the nodes where evicting
 * would not help. (v1.34's DynamicResources added "no new claims to deallocate" for pods without
 * claims; a v1.35 cluster no longer prints it.)
 */
function failedSchedulingMessage(total: number, reasons: Map<string, number>): string {
  const items = [...reasons.entries()].map(([reason, count]) => `${count} ${reason}`).sort();
  const preemption = new Map<string, number>();
  for (const [reason, count] of reasons) {
    const verdict = reason.startsWith('Insufficient') ? 'No preemption victims found for incoming pod' : 'Preemption is not helpful for scheduling';
    preemption.set(verdict, (preemption.get(verdict) ?? 0) + count);
  }
  const verdicts = [...preemption.entries()].map(([verdict, count]) => `${count} ${verdict}`).sort();
  return `0/${total} nodes are available: ${items.join(', ')}. preemption: 0/${total} nodes are available: ${verdicts.join(', ')}.`;
}
