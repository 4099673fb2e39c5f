/**
 * The pod status the kubelet sends to the API, made from the last relist's snapshot and the reason
 * cache: phase, conditions (each keeping its lastTransitionTime until its status changes), IPs and
 * container statuses. Models pkg/kubelet/kubelet_pods.go generateAPIPodStatus and
 * pkg/kubelet/status/status_manager.go updateLastTransitionTime.
 */
import type { Pod, PodCondition, PodStatus } from 'kubernetes-types/core/v1';
import type { ContainerRecord } from './container-record.ts';
import { containerStatusOf } from './container-status.ts';
import { containersReadyCondition, initializedCondition, podPhase, readyCondition } from './pod-status.ts';

export interface PodStatusInput {
  pod: Pod;
  records: ContainerRecord[];
  /** No container will run again and none is still running. */
  podIsTerminal: boolean;
  /** The last relist saw the sandbox ready. */
  sandboxSeen: boolean;
  podIP: string | undefined;
  nodeIP: string;
  startTime: string;
  now: string;
  /** PodResizePending / PodResizeInProgress, from the resize state. */
  resizeConditions: PodCondition[];
}

interface ConditionInput {
  status: string;
  reason?: string;
  message?: string;
}

export class PodStatusGenerator {
  readonly #transitions = new Map<string, { status: string; at: string }>();

  generate(input: PodStatusInput): PodStatus {
    const { pod, records, sandboxSeen, podIP } = input;
    const spec = pod.spec ?? { containers: [] };
    const initStatuses = records.filter((r) => r.kind !== 'app').map((r) => containerStatusOf(r, pod));
    const appStatuses = records.filter((r) => r.kind === 'app').map((r) => containerStatusOf(r, pod));
    const all = [...initStatuses, ...appStatuses];
    const phase = podPhase(spec, all, input.podIsTerminal);
    const existing = pod.status?.conditions ?? [];
    const scheduled = existing.find((c) => c.type === 'PodScheduled');
    const generation = pod.metadata?.generation;
    const condition = (type: string, value: ConditionInput) => this.#condition(type, value, input.now, generation);
    const conditions: PodCondition[] = [
      ...input.resizeConditions,
      condition('PodReadyToStartContainers', { status: sandboxSeen ? 'True' : 'False' }),
      condition('Initialized', initializedCondition(spec, all, phase)),
      condition('Ready', readyCondition(spec, all, phase, existing)),
      condition('ContainersReady', containersReadyCondition(spec, all, phase)),
      scheduled ?? condition('PodScheduled', { status: 'True' }),
    ];
    return {
      ...pod.status,
      // The generation of the spec this status answers (GA in v1.35).
      ...(generation !== undefined ? { observedGeneration: generation } : {}),
      phase,
      conditions,
      hostIP: input.nodeIP,
      hostIPs: [{ ip: input.nodeIP }],
      ...(podIP && sandboxSeen ? { podIP, podIPs: [{ ip: podIP }] } : {}),
      startTime: input.startTime,
      ...(initStatuses.length ? { initContainerStatuses: initStatuses } : {}),
      containerStatuses: appStatuses,
    };
  }

  #condition(type: string, value: ConditionInput, now: string, generation: number | undefined): PodCondition {
    const previous = this.#transitions.get(type);
    const at = previous && previous.status === value.status ? previous.at : now;
    this.#transitions.set(type, { status: value.status, at });
    return {
      lastProbeTime: null as unknown as string,
      lastTransitionTime: at,
      ...(value.message ? { message: value.message } : {}),
      ...(generation !== undefined ? { observedGeneration: generation } : {}),
      ...(value.reason ? { reason: value.reason } : {}),
      status: value.status,
      type,
    };
  }
}
