/**
 * Which container `logs`, `exec` and friends talk to when none is named. Models
 * pkg/cmd/util/podcmd/podcmd.go (FindOrDefaultContainerByName, AllContainerNames).
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';

const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

/** `app, sidecar, debugger (ephem), init-myservice (init)`: regular, ephemeral, then init containers. */
export function allContainerNames(pod: Pod): string {
  return [
    ...(pod.spec?.containers ?? []).map((c) => c.name),
    ...(pod.spec?.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`),
    ...(pod.spec?.initContainers ?? []).map((c) => `${c.name} (init)`),
  ].join(', ');
}

export function findContainerByName(pod: Pod, name: string): Container | undefined {
  return [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []), ...((pod.spec?.ephemeralContainers ?? []) as Container[])].find((c) => c.name === name);
}

/** The annotated default container, else the first one, saying so on stderr when there was a choice. */
export function defaultContainer(pod: Pod, warn: ((text: string) => void) | undefined, options: { sayMissingAnnotated?: boolean } = {}): Container | undefined {
  const annotated = pod.metadata?.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  if (annotated) {
    const found = findContainerByName(pod, annotated);
    if (found) return found;
    // `logs` says so; `exec` only logs it at -v=4.
    if (options.sayMissingAnnotated) warn?.(`Default container name "${annotated}" not found in pod ${pod.metadata?.name ?? ''}\n`);
  }
  const first = pod.spec?.containers?.[0];
  if (first && warn && ((pod.spec?.containers?.length ?? 0) > 1 || pod.spec?.initContainers?.length || pod.spec?.ephemeralContainers?.length)) {
    warn(`Defaulted container "${first.name}" out of: ${allContainerNames(pod)}\n`);
  }
  return first;
}
