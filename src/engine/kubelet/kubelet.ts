/**
 * The kubelet of one node: runs a PodWorker for every pod bound to the node and serves the
 * node's side of `kubectl logs` and `kubectl exec`.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { ControllerContext } from '../controllers/controller-context.ts';
import type { NodeRuntime } from './node-runtime.ts';
import { handleNodePods, podInformer } from './pod-informer.ts';
import { PodWorker } from './pod-worker.ts';

export class Kubelet {
  readonly runtime: NodeRuntime;
  readonly #ctx: ControllerContext;
  readonly #workers = new Map<string, PodWorker>();

  constructor(ctx: ControllerContext, runtime: NodeRuntime) {
    this.#ctx = ctx;
    this.runtime = runtime;
  }

  start(): void {
    const pods = podInformer(this.#ctx.informers);
    const onBound = (pod: Pod) => {
      const uid = pod.metadata!.uid!;
      // Work happens on the clock, never inside the watch callback.
      this.#ctx.clock.schedule(0, () => {
        const current = this.#workers.get(uid);
        if (current) {
          current.update(pod);
          return;
        }
        const stored = pods.lister.get(pod.metadata!.namespace, pod.metadata!.name!);
        if (!stored || stored.metadata?.uid !== uid) return;
        const created = new PodWorker(this.#ctx, this.runtime, stored);
        this.#workers.set(uid, created);
        created.start();
        if (stored.metadata?.deletionTimestamp) created.update(stored);
      });
    };
    handleNodePods(this.#ctx.informers, this.runtime.nodeName, {
      onAdd: onBound,
      onUpdate: (_old, pod) => onBound(pod),
      onDelete: (pod) => {
        this.#workers.get(pod.metadata!.uid!)?.remove();
        this.#workers.delete(pod.metadata!.uid!);
      },
    });
  }

  worker(uid: string): PodWorker | undefined {
    return this.#workers.get(uid);
  }
}
