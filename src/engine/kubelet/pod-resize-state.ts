/**
 * One pod's in-place resize as the kubelet tracks it: the allocation of desired resources
 * (PodResizePending while the node cannot hold them), PodResizeInProgress while running containers
 * still have other resources than allocated, and the events that tell each change. The pod worker
 * owns the containers; this keeps the allocation manager's and status manager's part.
 * Models pkg/kubelet/allocation/allocation_manager.go handlePodResourcesResize and
 * pkg/kubelet/status (Set/ClearPodResize*Condition).
 */
import type { Container, Pod, PodCondition, PodSpec } from 'kubernetes-types/core/v1';
import { canResizePod, copyResources, cpuMemoryDiffer, resizeMessage, type Resources } from './resize-allocation.ts';

/** A container as the allocation manager sees it. */
export interface ResizableContainer {
  name: string;
  /** App containers and sidecars are resizable; other init containers are not. */
  resizable: boolean;
  running: boolean;
  allocated: Resources;
  actuated?: Resources | undefined;
}

export interface ResizeHost {
  pod(): Pod;
  containers(): ResizableContainer[];
  nodeAllocatable(): Record<string, string>;
  /** The specs of the other pods this node runs. */
  otherPods(): (PodSpec | undefined)[];
  /** Records a container's new allocation (SetAllocatedResources). */
  allocate(name: string, resources: Resources): void;
  now(): string;
  podEvent(type: 'Normal' | 'Warning', reason: string, message: string): void;
  /** Asks for a sync, so the change reaches the status and the containers. */
  resync(): void;
}

export class PodResizeState {
  readonly #host: ResizeHost;
  #pending:
    | {
        reason: 'Infeasible' | 'Deferred';
        message: string;
        generation: number;
        at: string;
      }
    | undefined;
  /** The generation whose resize was last allocated. */
  #allocatedGeneration: number;
  #inProgress: { generation: number; at: string } | undefined;

  constructor(host: ResizeHost) {
    this.#host = host;
    this.#allocatedGeneration = host.pod().metadata?.generation ?? 0;
  }

  get isDeferred(): boolean {
    return this.#pending?.reason === 'Deferred';
  }

  /** handlePodResourcesResize: allocate the desired resources when they fit, else say why not. */
  handlePodResourcesResize(): void {
    const pod = this.#host.pod();
    const specOf = (name: string) => [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].find((c) => c.name === name);
    const resizable = this.#host.containers().filter((c) => c.resizable);
    const desired = (c: ResizableContainer) => copyResources(specOf(c.name)?.resources);
    if (!resizable.some((c) => cpuMemoryDiffer(desired(c), c.allocated))) {
      if (this.#pending) {
        this.#pending = undefined;
        this.#host.resync();
      }
      return;
    }
    const generation = pod.metadata?.generation ?? 0;
    const verdict = canResizePod(pod.spec, this.#host.nodeAllocatable(), this.#host.otherPods());
    if (verdict.fit) {
      for (const container of resizable) this.#host.allocate(container.name, desired(container));
      this.#allocatedGeneration = generation;
      this.#pending = undefined;
      this.#host.resync();
      return;
    }
    const previous = this.#pending;
    if (previous?.reason === verdict.reason && previous.message === verdict.message) return;
    const at = previous?.reason === verdict.reason ? previous.at : this.#host.now();
    this.#pending = {
      reason: verdict.reason,
      message: verdict.message,
      generation,
      at,
    };
    this.#host.podEvent('Warning', `Resize${verdict.reason}`, resizeMessage(`Pod resize ${verdict.reason}`, pod.spec, generation, verdict.message));
    this.#host.resync();
  }

  /** IsPodResizeInProgress, turned into the condition and the ResizeStarted / ResizeCompleted events. */
  trackProgress(): void {
    const inProgress = this.#host.containers().some((c) => c.resizable && c.running && c.actuated && cpuMemoryDiffer(c.allocated, c.actuated));
    if (inProgress && !this.#inProgress) {
      this.#inProgress = {
        generation: this.#allocatedGeneration,
        at: this.#host.now(),
      };
      this.#host.podEvent('Normal', 'ResizeStarted', resizeMessage('Pod resize started', this.#allocatedSpec(), this.#allocatedGeneration));
    } else if (!inProgress && this.#inProgress) {
      this.#host.podEvent('Normal', 'ResizeCompleted', resizeMessage('Pod resize completed', this.#allocatedSpec(), this.#inProgress.generation));
      this.#inProgress = undefined;
    }
  }

  /** The resize conditions, which the status lists first; each carries the generation it is about. */
  conditions(): PodCondition[] {
    const conditions: PodCondition[] = [];
    const pending = this.#pending;
    if (pending) {
      conditions.push({
        lastProbeTime: null,
        lastTransitionTime: pending.at,
        message: pending.message,
        observedGeneration: pending.generation,
        reason: pending.reason,
        status: 'True',
        type: 'PodResizePending',
      } as unknown as PodCondition);
    }
    const progress = this.#inProgress;
    if (progress) {
      conditions.push({
        lastProbeTime: null,
        lastTransitionTime: progress.at,
        observedGeneration: progress.generation,
        status: 'True',
        type: 'PodResizeInProgress',
      } as unknown as PodCondition);
    }
    return conditions;
  }

  /** The pod as allocated: the spec with each resizable container's allocated resources. */
  #allocatedSpec(): PodSpec | undefined {
    const spec = this.#host.pod().spec;
    if (!spec) return spec;
    const containers = new Map(this.#host.containers().map((c) => [c.name, c]));
    const withAllocated = (c: Container): Container => {
      const container = containers.get(c.name);
      return container?.resizable ? { ...c, resources: container.allocated } : c;
    };
    return {
      ...spec,
      containers: spec.containers.map(withAllocated),
      ...(spec.initContainers ? { initContainers: spec.initContainers.map(withAllocated) } : {}),
    };
  }
}
