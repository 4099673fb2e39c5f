/**
 * The log of a container the cluster booted Running (kube-system's pods), which its kubelet
 * adopted without running: what the image's app prints at start, stamped from the container's
 * start time, as if the kubelet had kept it since.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { lookupImage } from '../images/image-catalogue.ts';
import type { LogLine } from './pod-logs.ts';

export function adoptedPodLog(pod: Pod, container: string, previous: boolean): LogLine[] | undefined {
  // Booted containers never restarted: there is no earlier instance.
  if (previous) return undefined;
  const image = pod.spec?.containers?.find((c) => c.name === container)?.image;
  const startedAt = pod.status?.containerStatuses?.find((s) => s.name === container)?.state?.running?.startedAt;
  if (!image || !startedAt) return undefined;
  const found = lookupImage(image);
  if (!found.ok || !found.image.startupLog) return undefined;
  const facts = { startedMs: Date.parse(startedAt), nodeName: pod.spec?.nodeName ?? '', nodeIP: pod.status?.hostIP ?? '', podIP: pod.status?.podIP ?? '' };
  return found.image.startupLog(facts).map((line) => ({ atMs: line.atMs, stream: 'stderr', text: `${line.text}\n` }));
}
