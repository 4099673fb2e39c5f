/**
 * The files the kubelet projects into configMap, secret, downwardAPI and projected volumes
 * (MakePayload in pkg/volume/configmap and pkg/volume/secret, CollectData in pkg/volume/downwardapi
 * and pkg/volume/projected), or the error that keeps the pod in ContainerCreating with a
 * FailedMount event. The kubelet's object cache words a missing object in the singular:
 * `configmap "x" not found`.
 */
import type {
  ConfigMap,
  ConfigMapVolumeSource,
  DownwardAPIVolumeFile,
  DownwardAPIVolumeSource,
  KeyToPath,
  Pod,
  ProjectedVolumeSource,
  Secret,
  SecretVolumeSource,
} from 'kubernetes-types/core/v1';
import { decodeBase64 } from '../../../lib/base64.ts';

export interface ProjectedFile {
  content: string;
  mode: number;
}

export type Payload = Map<string, ProjectedFile>;
export type PayloadResult = { ok: true; payload: Payload } | { ok: false; message: string };

export interface ObjectSource {
  configMap(namespace: string, name: string): ConfigMap | undefined;
  secret(namespace: string, name: string): Secret | undefined;
  /** The bound service-account token a projected volume asks for. */
  serviceAccountToken(pod: Pod, audience: string | undefined, expirationSeconds: number): string;
}

const DEFAULT_MODE = 0o644;

function keyedPayload(
  entries: Map<string, string>,
  items: readonly KeyToPath[] | undefined,
  defaultMode: number,
  optional: boolean,
  missingKey: (key: string) => string,
): PayloadResult {
  const payload: Payload = new Map();
  if (!items || items.length === 0) {
    for (const [key, content] of [...entries].sort(([a], [b]) => (a < b ? -1 : 1))) payload.set(key, { content, mode: defaultMode });
    return { ok: true, payload };
  }
  for (const item of items) {
    const content = entries.get(item.key);
    if (content === undefined) {
      if (optional) continue;
      return { ok: false, message: missingKey(item.key) };
    }
    payload.set(item.path, { content, mode: item.mode ?? defaultMode });
  }
  return { ok: true, payload };
}

function configMapEntries(cm: ConfigMap | undefined): Map<string, string> {
  const entries = new Map<string, string>(Object.entries(cm?.data ?? {}));
  for (const [key, value] of Object.entries(cm?.binaryData ?? {})) entries.set(key, decodeBase64(value) ?? '');
  return entries;
}

function secretEntries(secret: Secret | undefined): Map<string, string> {
  return new Map(Object.entries(secret?.data ?? {}).map(([key, value]) => [key, decodeBase64(value) ?? '']));
}

export function configMapPayload(objects: ObjectSource, pod: Pod, source: ConfigMapVolumeSource, modeOverride?: number): PayloadResult {
  const namespace = pod.metadata!.namespace!;
  const name = source.name ?? '';
  const cm = objects.configMap(namespace, name);
  const optional = source.optional ?? false;
  if (!cm && !optional) return { ok: false, message: `configmap "${name}" not found` };
  return keyedPayload(
    configMapEntries(cm),
    source.items,
    modeOverride ?? source.defaultMode ?? DEFAULT_MODE,
    optional,
    (key) => `configmap references non-existent config key: ${key}`,
  );
}

export function secretPayload(objects: ObjectSource, pod: Pod, source: SecretVolumeSource, modeOverride?: number): PayloadResult {
  const namespace = pod.metadata!.namespace!;
  const name = source.secretName ?? '';
  const secret = objects.secret(namespace, name);
  const optional = source.optional ?? false;
  if (!secret && !optional) return { ok: false, message: `secret "${name}" not found` };
  return keyedPayload(secretEntries(secret), source.items, modeOverride ?? source.defaultMode ?? DEFAULT_MODE, optional, (key) => `references non-existent secret key: ${key}`);
}

/** fieldpath.FormatMap: `key="value"` lines in key order. */
function formatMap(map: Record<string, string> | undefined): string {
  return Object.keys(map ?? {})
    .sort()
    .map((key) => `${key}=${JSON.stringify(map![key])}`)
    .join('\n');
}

function downwardValue(pod: Pod, file: DownwardAPIVolumeFile): string {
  const path = file.fieldRef?.fieldPath;
  if (path) {
    const label = /^metadata\.labels\['(.+)'\]$/.exec(path);
    if (label) return pod.metadata?.labels?.[label[1]!] ?? '';
    const annotation = /^metadata\.annotations\['(.+)'\]$/.exec(path);
    if (annotation) return pod.metadata?.annotations?.[annotation[1]!] ?? '';
    switch (path) {
      case 'metadata.name':
        return pod.metadata?.name ?? '';
      case 'metadata.namespace':
        return pod.metadata?.namespace ?? '';
      case 'metadata.uid':
        return pod.metadata?.uid ?? '';
      case 'metadata.labels':
        return formatMap(pod.metadata?.labels);
      case 'metadata.annotations':
        return formatMap(pod.metadata?.annotations);
      default:
        return '';
    }
  }
  const resource = file.resourceFieldRef;
  if (resource) {
    const container = pod.spec?.containers?.find((c) => c.name === resource.containerName) ?? pod.spec?.containers?.[0];
    const [kind, name] = resource.resource.split('.') as ['limits' | 'requests', string];
    const value = container?.resources?.[kind]?.[name];
    if (value !== undefined) return String(value);
    // Unset limits read as the node's allocatable (16 CPUs, 64 GiB on every simulated node).
    return kind === 'limits' ? (name === 'cpu' ? '16' : '67313795072') : '0';
  }
  return '';
}

export function downwardAPIPayload(pod: Pod, source: DownwardAPIVolumeSource, modeOverride?: number): PayloadResult {
  const payload: Payload = new Map();
  const defaultMode = modeOverride ?? source.defaultMode ?? DEFAULT_MODE;
  for (const item of source.items ?? []) payload.set(item.path, { content: downwardValue(pod, item), mode: item.mode ?? defaultMode });
  return { ok: true, payload };
}

export function projectedPayload(objects: ObjectSource, pod: Pod, source: ProjectedVolumeSource): PayloadResult {
  const payload: Payload = new Map();
  const defaultMode = source.defaultMode ?? DEFAULT_MODE;
  const errors: string[] = [];
  for (const part of source.sources ?? []) {
    let result: PayloadResult | undefined;
    if (part.configMap) result = configMapPayload(objects, pod, { ...part.configMap, defaultMode });
    else if (part.secret) result = secretPayload(objects, pod, { ...part.secret, secretName: part.secret.name ?? '', defaultMode });
    else if (part.downwardAPI) result = downwardAPIPayload(pod, { ...part.downwardAPI, defaultMode });
    else if (part.serviceAccountToken) {
      const token = objects.serviceAccountToken(pod, part.serviceAccountToken.audience, part.serviceAccountToken.expirationSeconds ?? 3600);
      result = { ok: true, payload: new Map([[part.serviceAccountToken.path, { content: token, mode: defaultMode }]]) };
    }
    if (!result) continue;
    if (!result.ok) errors.push(result.message);
    else for (const [path, file] of result.payload) payload.set(path, file);
  }
  // utilerrors.NewAggregate: one error reads as itself, several as `[a, b]`.
  if (errors.length === 1) return { ok: false, message: errors[0]! };
  if (errors.length > 1) return { ok: false, message: `[${errors.join(', ')}]` };
  return { ok: true, payload };
}
