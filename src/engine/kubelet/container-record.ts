/**
 * What the kubelet knows of one container of a pod: its spec and kind, what the runtime runs now
 * and ran before, what the last PLEG relist saw, and the reason cache of its last failed start.
 */
import type { Container, ContainerStateRunning, ContainerStateTerminated, Pod } from 'kubernetes-types/core/v1';
import type { ImageSpec } from '../images/image.ts';
import type { ContainerProbes } from './prober.ts';
import type { ContainerProcess } from './container-process.ts';
import { copyResources, type Resources } from './resize-allocation.ts';

export type ContainerKind = 'init' | 'sidecar' | 'app';

/** One container as the runtime reports it: the newest instance and the one before. */
export interface RuntimeView {
  current?: { running?: ContainerStateRunning; terminated?: ContainerStateTerminated };
  previous?: ContainerStateTerminated;
  instances: number;
  containerID?: string;
  finishedAtMs?: number;
  previousFinishedAtMs?: number;
}

export interface ContainerRecord extends RuntimeView {
  spec: Container;
  kind: ContainerKind;
  /** What the allocation manager granted (the spec's resources until a resize is pending). */
  allocated: Resources;
  /** What the running instance was given (SetActuatedResources); resized in place or by a restart. */
  actuated?: Resources | undefined;
  /** What the last relist saw (the pod cache); the status is made from this, not the live state. */
  seen?: RuntimeView;
  /** Why the last start attempt failed (the kubelet's reason cache), shown by the next sync. */
  reason?: { reason: string; message?: string } | undefined;
  ready: boolean;
  started: boolean;
  imageRef?: string;
  imageID?: string;
  process?: ContainerProcess | undefined;
  probes?: ContainerProbes | undefined;
  /** The kubelet stopped it to apply a new image: start it again whatever the restart policy. */
  replacing?: boolean;
  /** The kubelet stopped it after a failed liveness/startup probe: restart in the same sync. */
  probeKilled?: boolean;
  /** SIGTERM sent by the kubelet; the grace period is running. */
  stopping?: boolean;
  /** Syncs waiting for the process to end (a kill within a sync). */
  exitWaiters?: (() => void)[];
}

export interface ContainerView {
  running: boolean;
  process?: ContainerProcess;
  image?: ImageSpec;
  env?: Record<string, string>;
}

export function newContainerRecord(spec: Container, kind: ContainerKind): ContainerRecord {
  return { spec, kind, allocated: copyResources(spec.resources), instances: 0, ready: false, started: false };
}

/** A snapshot of the runtime's view of the container, as the PLEG relist keeps it. */
export function runtimeViewOf(record: ContainerRecord): RuntimeView {
  return {
    ...(record.current ? { current: { ...record.current } } : {}),
    ...(record.previous ? { previous: record.previous } : {}),
    instances: record.instances,
    ...(record.containerID ? { containerID: record.containerID } : {}),
    ...(record.finishedAtMs !== undefined ? { finishedAtMs: record.finishedAtMs } : {}),
    ...(record.previousFinishedAtMs !== undefined ? { previousFinishedAtMs: record.previousFinishedAtMs } : {}),
  };
}

/** What the PLEG compares between two relists: which instance, and whether it runs. */
export function runtimeState(view: RuntimeView): string {
  return `${view.instances}:${view.current?.running ? 'running' : view.current?.terminated ? 'exited' : 'none'}`;
}

/** kubecontainer.ShouldContainerBeRestarted for a container that ended with `exitCode`. */
export function shouldRestart(record: ContainerRecord, pod: Pod, exitCode: number): boolean {
  if (record.kind === 'sidecar') return true;
  const policy = pod.spec?.restartPolicy ?? 'Always';
  return policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
}
