/**
 * What the kubelet derives from its container statuses, as pure functions: the pod phase
 * (getPhase in kubelet_pods.go) and the Initialized / ContainersReady / Ready conditions
 * (pkg/kubelet/status/generate.go), native sidecars (restartable init containers) included.
 */
import type { Container, ContainerStatus, PodSpec } from 'kubernetes-types/core/v1';

export interface ConditionValue {
  status: 'True' | 'False';
  reason?: string;
  message?: string;
}

export const isRestartableInit = (container: Container | undefined): boolean => container?.restartPolicy === 'Always';

const statusOf = (statuses: readonly ContainerStatus[], name: string) => statuses.find((s) => s.name === name);

/** Go's `%s` of a []string: `[a b]`. */
const goList = (names: string[]) => `[${names.join(' ')}]`;

function hasAnyRegularContainerStarted(spec: PodSpec, statuses: readonly ContainerStatus[]): boolean {
  return (spec.containers ?? []).some((c) => {
    const s = statusOf(statuses, c.name);
    return Boolean(s && (s.state?.running || s.state?.terminated || s.lastState?.terminated));
  });
}

/** getPhase: `statuses` holds the init containers' and the app containers' statuses. */
export function podPhase(spec: PodSpec, statuses: readonly ContainerStatus[], podIsTerminal = false): 'Pending' | 'Running' | 'Succeeded' | 'Failed' {
  let pendingInitialization = 0;
  let failedInitialization = 0;
  for (const container of spec.initContainers ?? []) {
    if (isRestartableInit(container)) continue;
    const s = statusOf(statuses, container.name);
    if (!s) {
      pendingInitialization++;
      continue;
    }
    if (s.state?.running) pendingInitialization++;
    else if (s.state?.terminated) {
      if (s.state.terminated.exitCode !== 0) failedInitialization++;
    } else if (s.state?.waiting) {
      if (s.lastState?.terminated) {
        if (s.lastState.terminated.exitCode !== 0) failedInitialization++;
      } else pendingInitialization++;
    } else pendingInitialization++;
  }

  let unknown = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const container of spec.initContainers ?? []) {
    if (!isRestartableInit(container)) continue;
    const s = statusOf(statuses, container.name);
    if (!s) {
      unknown++;
      continue;
    }
    if (s.state?.running) {
      if (!s.started) pendingInitialization++;
      running++;
    } else if (s.state?.terminated) {
      // A stopped sidecar counts neither as running nor as stopped.
    } else if (s.state?.waiting) {
      if (!s.lastState?.terminated) {
        pendingInitialization++;
        waiting++;
      }
    } else {
      pendingInitialization++;
      unknown++;
    }
  }
  for (const container of spec.containers ?? []) {
    const s = statusOf(statuses, container.name);
    if (!s) {
      unknown++;
      continue;
    }
    if (s.state?.running) running++;
    else if (s.state?.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.state?.waiting) {
      if (s.lastState?.terminated) stopped++;
      else waiting++;
    } else unknown++;
  }

  if (failedInitialization > 0 && spec.restartPolicy === 'Never') return 'Failed';
  if ((pendingInitialization > 0 && !hasAnyRegularContainerStarted(spec, statuses)) || waiting > 0) return 'Pending';
  if (running > 0 && unknown === 0) return 'Running';
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (podIsTerminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (spec.restartPolicy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (spec.restartPolicy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

/** GeneratePodInitializedCondition. */
export function initializedCondition(spec: PodSpec, statuses: readonly ContainerStatus[], phase: string): ConditionValue {
  const inits = spec.initContainers ?? [];
  if (inits.length === 0) return { status: 'True' };
  const unknown: string[] = [];
  const incomplete: string[] = [];
  for (const container of inits) {
    const s = statusOf(statuses, container.name);
    if (!s) {
      unknown.push(container.name);
      continue;
    }
    if (isRestartableInit(container)) {
      if (!s.started) incomplete.push(container.name);
      continue;
    }
    if (!s.state?.terminated || s.state.terminated.exitCode !== 0) incomplete.push(container.name);
  }
  if (phase === 'Succeeded' && unknown.length === 0) return { status: 'True', reason: 'PodCompleted' };
  // Once an app container has run, restarting sidecars do not un-initialize the pod.
  if (hasAnyRegularContainerStarted(spec, statuses)) return { status: 'True' };
  const messages: string[] = [];
  if (unknown.length) messages.push(`containers with unknown status: ${goList(unknown)}`);
  if (incomplete.length) messages.push(`containers with incomplete status: ${goList(incomplete)}`);
  if (messages.length) return { status: 'False', reason: 'ContainersNotInitialized', message: messages.join(', ') };
  return { status: 'True' };
}

/** GenerateContainersReadyCondition: sidecars first, then the app containers. */
export function containersReadyCondition(spec: PodSpec, statuses: readonly ContainerStatus[], phase: string): ConditionValue {
  const unknown: string[] = [];
  const unready: string[] = [];
  const consider = (container: Container) => {
    const s = statusOf(statuses, container.name);
    if (!s) unknown.push(container.name);
    else if (!s.ready) unready.push(container.name);
  };
  for (const container of spec.initContainers ?? []) if (isRestartableInit(container)) consider(container);
  for (const container of spec.containers ?? []) consider(container);
  if (phase === 'Succeeded' && unknown.length === 0) return { status: 'False', reason: 'PodCompleted' };
  if (phase === 'Failed') return { status: 'False', reason: 'PodFailed' };
  const messages: string[] = [];
  if (unknown.length) messages.push(`containers with unknown status: ${goList(unknown)}`);
  if (unready.length) messages.push(`containers with unready status: ${goList(unready)}`);
  if (messages.length) return { status: 'False', reason: 'ContainersNotReady', message: messages.join(', ') };
  return { status: 'True' };
}

/** GeneratePodReadyCondition: ContainersReady, then the readiness gates. */
export function readyCondition(spec: PodSpec, statuses: readonly ContainerStatus[], phase: string, conditions: readonly { type: string; status: string }[] = []): ConditionValue {
  const containersReady = containersReadyCondition(spec, statuses, phase);
  if (containersReady.status !== 'True') return containersReady;
  const unready: string[] = [];
  for (const gate of spec.readinessGates ?? []) {
    const condition = conditions.find((c) => c.type === gate.conditionType);
    if (!condition) unready.push(`corresponding condition of pod readiness gate "${gate.conditionType}" does not exist.`);
    else if (condition.status !== 'True') unready.push(`the status of pod readiness gate "${gate.conditionType}" is not "True", but ${condition.status}`);
  }
  if (unready.length) return { status: 'False', reason: 'ReadinessGatesNotReady', message: unready.join(', ') };
  return { status: 'True' };
}
