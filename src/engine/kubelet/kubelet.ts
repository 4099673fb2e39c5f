/**
 * The kubelet of one node: runs a PodWorker for every pod bound to the node and serves the
 * node's side of `kubectl logs` and `kubectl exec`.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { watchResource } from '../client/informer.ts';
import type { ControllerContext } from '../controllers/controller-context.ts';
import type { NodeRuntime } from './node-runtime.ts';
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
    watchResource(this.#ctx.server, { group: '', version: 'v1', resource: 'pods' }, (type, obj) => {
      const pod = obj as Pod;
      if (pod.spec?.nodeName !== this.runtime.nodeName) return;
      const uid = pod.metadata!.uid!;
      const worker = this.#workers.get(uid);
      if (type === 'DELETED') {
        worker?.remove();
        this.#workers.delete(uid);
        return;
      }
      // Work happens on the clock, never inside the watch callback.
      this.#ctx.clock.schedule(0, () => {
        const current = this.#workers.get(uid);
        if (current) {
          current.update(pod);
          return;
        }
        const stored = this.#ctx.server.store.get('/pods', pod.metadata!.namespace, pod.metadata!.name!);
        if (!stored || stored.metadata?.uid !== uid) return;
        const created = new PodWorker(this.#ctx, this.runtime, stored as Pod);
        this.#workers.set(uid, created);
        created.start();
        if ((stored as Pod).metadata?.deletionTimestamp) created.update(stored as Pod);
      });
    });
  }

  worker(uid: string): PodWorker | undefined {
    return this.#workers.get(uid);
  }
}
