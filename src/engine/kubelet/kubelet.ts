/**
 * The kubelet of one node: runs a PodWorker for every pod bound to the node and serves the
 * node's side of `kubectl logs` and `kubectl exec`.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/client.ts';
import type { ControllerContext } from '../controllers/controller-context.ts';
import type { NodeRuntime } from './node-runtime.ts';
import { handleNodePods, podInformer } from './pod-informer.ts';
import { PodWorker } from './pod-worker.ts';

export class Kubelet {
  readonly runtime: NodeRuntime;
  readonly #ctx: ControllerContext;
  readonly #workers = new Map<string, PodWorker>();
  /** Pods the cluster booted Running (kube-system): adopted as they are, never started again. */
  readonly #adopted: Set<string>;

  constructor(ctx: ControllerContext, runtime: NodeRuntime, adopted: ReadonlySet<string> = new Set()) {
    this.#ctx = ctx;
    this.runtime = runtime;
    this.#adopted = new Set(adopted);
  }

  start(): void {
    const pods = podInformer(this.#ctx.informers);
    const onBound = (pod: Pod) => {
      const uid = pod.metadata!.uid!;
      if (this.#adopted.has(uid)) {
        this.#adopt(pod);
        return;
      }
      // Work happens on the clock, never inside the watch callback.
      this.#ctx.clock.schedule(0, () => {
        // A mirror pod the kubelet itself just created is adopted after its ADDED event.
        if (this.#adopted.has(uid)) return;
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
        if (this.#adopted.has(pod.metadata!.uid!)) this.runtime.releasePodIP(pod.spec?.hostNetwork ? undefined : pod.status?.podIP);
        this.#workers.get(pod.metadata!.uid!)?.remove();
        this.#workers.delete(pod.metadata!.uid!);
      },
    });
  }

  /**
   * An adopted pod keeps its address; asked to delete it, the kubelet stops its containers and
   * confirms the deletion, as #terminate does for the pods it started.
   */
  #adopt(pod: Pod): void {
    const podIP = pod.spec?.hostNetwork ? undefined : pod.status?.podIP;
    if (podIP) this.runtime.podCidr.reserve(podIP);
    if (!pod.metadata?.deletionTimestamp) return;
    this.#ctx.clock.schedule(0, () => {
      if (pod.metadata?.annotations?.['kubernetes.io/config.mirror'] !== undefined) {
        this.#recreateMirrorPod(pod);
        return;
      }
      const recorder = this.#ctx.recorder('kubelet', this.runtime.nodeName);
      for (const c of pod.spec?.containers ?? []) recorder.record(pod as KubeObject, 'Normal', 'Killing', `Stopping container ${c.name}`, `spec.containers{${c.name}}`);
      const meta = pod.metadata!;
      this.#ctx.server.handle({ verb: 'delete', group: '', version: 'v1', resource: 'pods', namespace: meta.namespace!, name: meta.name!, query: { gracePeriodSeconds: 0 } });
    });
  }

  /**
   * A static pod runs from its manifest whatever happens to its mirror: the kubelet deletes the
   * old mirror pod and creates a new one, its containers still running. Models
   * pkg/kubelet/pod/mirror_client.go and syncPod's mirror pod handling.
   */
  #recreateMirrorPod(pod: Pod): void {
    const meta = pod.metadata!;
    const target = { group: '', version: 'v1', resource: 'pods', namespace: meta.namespace! };
    this.#ctx.server.handle({ verb: 'delete', ...target, name: meta.name!, query: { gracePeriodSeconds: 0 } });
    const { name, namespace, labels, annotations, ownerReferences } = meta;
    const created = this.#ctx.server.handle({
      verb: 'create',
      ...target,
      body: { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels, annotations, ownerReferences }, spec: pod.spec } as KubeObject,
    });
    if (!created.ok) return;
    const mirror = created.body as KubeObject;
    this.#adopted.add(mirror.metadata!.uid!);
    this.#ctx.server.handle({ verb: 'update', ...target, name: name!, subresource: 'status', body: { ...mirror, status: pod.status } });
  }

  worker(uid: string): PodWorker | undefined {
    return this.#workers.get(uid);
  }
}
