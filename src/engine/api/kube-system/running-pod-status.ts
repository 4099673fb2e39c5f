/**
 * The status a kubelet has written for a pod whose containers all started and passed their
 * readiness probes: the shape our own pod workers write (conditions, container statuses with
 * their volume mounts, IPs, QoS), so booted system pods read like any other Running pod.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { podQOSClass } from '../resources/pod-qos.ts';
import { formatTimestamp } from '../timestamps.ts';
import type { SeededRandom } from '../../clock/seeded-random.ts';
import { lookupImage } from '../../images/image-catalogue.ts';

export function hex(random: SeededRandom, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += random.int(16).toString(16);
  return out;
}

export function runningPodStatus(pod: Pod, hostIP: string, podIP: string, startedMs: number, random: SeededRandom): Record<string, unknown> {
  const at = formatTimestamp(startedMs);
  const generation = pod.metadata?.generation ?? 1;
  const condition = (type: string) => ({ lastProbeTime: null, lastTransitionTime: at, observedGeneration: generation, status: 'True', type });
  return {
    conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map(condition),
    containerStatuses: (pod.spec?.containers ?? []).map((c) => {
      const ref = lookupImage(c.image ?? '').ref;
      const image = ref?.normalized ?? c.image ?? '';
      return {
        containerID: `containerd://${hex(random, 64)}`,
        image,
        imageID: `${ref?.repository ?? image}@sha256:${hex(random, 64)}`,
        lastState: {},
        name: c.name,
        ready: true,
        resources: c.resources ?? {},
        restartCount: 0,
        started: true,
        state: { running: { startedAt: at } },
        ...(c.volumeMounts?.length ? { volumeMounts: c.volumeMounts.map((m) => ({ ...m, ...(m.readOnly ? { recursiveReadOnly: 'Disabled' } : {}) })) } : {}),
      };
    }),
    hostIP,
    hostIPs: [{ ip: hostIP }],
    observedGeneration: generation,
    phase: 'Running',
    podIP,
    podIPs: [{ ip: podIP }],
    qosClass: podQOSClass(pod.spec),
    startTime: at,
  };
}
