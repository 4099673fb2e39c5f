/**
 * SetDefaults_PodSpec and the defaulters of everything inside it (pkg/apis/core/v1/defaults.go),
 * shared by pods and the pod templates of workloads. Pod-only defaults live in pod.ts.
 */
import type { Container, PodSpec, PodTemplateSpec, Probe, Volume } from 'kubernetes-types/core/v1';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** `Always` for `:latest` or an untagged image without digest, else `IfNotPresent`. */
export function defaultImagePullPolicy(image: string | undefined): string {
  if (!image) return 'IfNotPresent';
  if (image.includes('@')) return 'IfNotPresent';
  const lastSlash = image.lastIndexOf('/');
  const tagAt = image.indexOf(':', lastSlash + 1);
  if (tagAt < 0) return 'Always';
  return image.slice(tagAt + 1) === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultProbe(probe: Mutable<Probe> | undefined): void {
  if (!probe) return;
  probe.timeoutSeconds ??= 1;
  probe.periodSeconds ??= 10;
  probe.successThreshold ??= 1;
  probe.failureThreshold ??= 3;
  if (probe.httpGet) {
    const http = probe.httpGet as Mutable<typeof probe.httpGet>;
    http.path ??= '/';
    http.scheme ??= 'HTTP';
  }
}

export function defaultContainer(container: Mutable<Container>): void {
  container.imagePullPolicy ??= defaultImagePullPolicy(container.image);
  container.terminationMessagePath ??= '/dev/termination-log';
  container.terminationMessagePolicy ??= 'File';
  container.resources ??= {};
  for (const port of container.ports ?? []) (port as Mutable<typeof port>).protocol ??= 'TCP';
  for (const env of container.env ?? []) {
    const fieldRef = env.valueFrom?.fieldRef as { apiVersion?: string } | undefined;
    if (fieldRef) fieldRef.apiVersion ??= 'v1';
  }
  defaultProbe(container.livenessProbe);
  defaultProbe(container.readinessProbe);
  defaultProbe(container.startupProbe);
  for (const handler of [container.lifecycle?.postStart, container.lifecycle?.preStop]) {
    if (handler?.httpGet) (handler.httpGet as { scheme?: string }).scheme ??= 'HTTP';
  }
}

const DEFAULT_MODE = 420;

export function defaultVolume(volume: Mutable<Volume>): void {
  if (!Object.keys(volume).some((k) => k !== 'name')) volume.emptyDir = {};
  if (volume.configMap) (volume.configMap as { defaultMode?: number }).defaultMode ??= DEFAULT_MODE;
  if (volume.secret) (volume.secret as { defaultMode?: number }).defaultMode ??= DEFAULT_MODE;
  if (volume.projected) (volume.projected as { defaultMode?: number }).defaultMode ??= DEFAULT_MODE;
  if (volume.downwardAPI) {
    (volume.downwardAPI as { defaultMode?: number }).defaultMode ??= DEFAULT_MODE;
    for (const item of volume.downwardAPI.items ?? []) {
      if (item.fieldRef) (item.fieldRef as { apiVersion?: string }).apiVersion ??= 'v1';
    }
  }
  if (volume.hostPath) (volume.hostPath as { type?: string }).type ??= '';
}

export function defaultPodSpec(spec: Mutable<PodSpec>): void {
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.restartPolicy ??= 'Always';
  spec.securityContext ??= {};
  spec.terminationGracePeriodSeconds ??= 30;
  spec.schedulerName ??= 'default-scheduler';
  // The v1 conversion keeps the deprecated serviceAccount field in step with serviceAccountName.
  if (!spec.serviceAccountName && spec.serviceAccount) spec.serviceAccountName = spec.serviceAccount;
  if (spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;
  for (const volume of spec.volumes ?? []) defaultVolume(volume);
  for (const container of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) defaultContainer(container);
  if (spec.hostNetwork) {
    for (const container of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
      for (const port of container.ports ?? []) (port as { hostPort?: number }).hostPort ??= port.containerPort;
    }
  }
}

/** A workload's pod template: the pod spec defaults, and the `creationTimestamp: null` Go serialises. */
export function defaultPodTemplate(template: Mutable<PodTemplateSpec> | undefined): void {
  if (!template) return;
  const meta = (template.metadata ??= {}) as { creationTimestamp?: string | null };
  if (meta.creationTimestamp === undefined) meta.creationTimestamp = null;
  if (template.spec) defaultPodSpec(template.spec);
}
