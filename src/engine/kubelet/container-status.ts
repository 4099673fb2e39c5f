/**
 * One container's status as the API shows it, made from what the last relist saw and the reason
 * cache. Models pkg/kubelet/kubelet_pods.go convertToAPIContainerStatuses and
 * convertContainerStatusResources.
 */
import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import { type ContainerRecord, type RuntimeView, shouldRestart } from './container-record.ts';
import { copyResources, runtimeResources } from './resize-allocation.ts';

export function containerStatusOf(record: ContainerRecord, pod: Pod): ContainerStatus {
  const hasInit = (pod.spec?.initContainers ?? []).length > 0;
  const seen: RuntimeView = record.seen ?? { instances: 0 };
  let state: ContainerStatus['state'];
  let lastState: ContainerStatus['lastState'] = seen.previous ? { terminated: seen.previous } : {};
  const current = seen.current;
  const ended = current?.terminated;
  // A container the next sync would start again shows why it has not.
  const willRestart = !ended || (shouldRestart(record, pod, ended.exitCode) && !(record.kind === 'init' && ended.exitCode === 0));
  if (current?.running) state = { running: current.running };
  else if (record.reason && willRestart) {
    state = { waiting: { reason: record.reason.reason, ...(record.reason.message ? { message: record.reason.message } : {}) } };
    if (ended) lastState = { terminated: ended };
  } else if (ended) state = { terminated: ended };
  else state = { waiting: { reason: hasInit ? 'PodInitializing' : 'ContainerCreating' } };
  const exists = seen.instances > 0;
  const mounts = (record.spec.volumeMounts ?? []).map((m) => ({
    mountPath: m.mountPath,
    name: m.name,
    ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}),
  }));
  // InPlacePodVerticalScaling (GA in v1.35): what the running instance has as the runtime reports
  // it, else what is allocated.
  const running = Boolean(state.running);
  const resources = running && record.actuated ? runtimeResources(record.actuated) : copyResources(record.allocated);
  const allocatedRequests = record.allocated.requests;
  return {
    ...(exists && allocatedRequests ? { allocatedResources: { ...allocatedRequests } } : {}),
    ...(exists && seen.containerID ? { containerID: seen.containerID } : {}),
    image: (exists && record.imageRef) || record.spec.image || '',
    imageID: (exists && record.imageID) || '',
    lastState,
    name: record.spec.name,
    ready: record.kind === 'init' ? Boolean(state.terminated && state.terminated.exitCode === 0) : record.ready && Boolean(state.running),
    ...(exists ? { resources } : {}),
    restartCount: Math.max(0, seen.instances - 1),
    started: Boolean(state.running) && record.started,
    state,
    ...(mounts.length ? { volumeMounts: mounts } : {}),
  };
}
