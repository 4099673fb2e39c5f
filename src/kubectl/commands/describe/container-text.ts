/**
 * The container and volume blocks describe prints for a pod and for a pod template. Models
 * pkg/describe/describe.go describeContainers / describeVolumes (kubectl v1.32); `space` is '' for
 * a pod and '  ' inside `Pod Template:`, where names get one more space of indent.
 */
import type { Container, ContainerState, ContainerStatus, EnvVar, Pod, Probe, Volume } from 'kubernetes-types/core/v1';
import { canonicalQuantity, parseQuantity, quantityMilliValue, quantityValue } from '../../../lib/quantity/quantity.ts';
import { rfc1123z, type DescribeWriter } from './prefix-writer.ts';

type Space = '' | '  ';

export function describeContainers(w: DescribeWriter, label: string, containers: Container[], statuses: ContainerStatus[] | undefined, pod: Pod | undefined, space: Space): void {
  w.line(0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}`);
  for (const container of containers) {
    const status = statuses?.find((s) => s.name === container.name);
    describeBasicInfo(w, container, status, space);
    describeCommand(w, container);
    if (status) describeContainerState(w, status);
    describeResources(w, container);
    describeProbes(w, container);
    if (container.envFrom?.length) describeEnvFrom(w, container);
    describeEnv(w, container, pod);
    describeMounts(w, container);
  }
}

function describeBasicInfo(w: DescribeWriter, c: Container, status: ContainerStatus | undefined, space: Space): void {
  w.line(1, `${space ? ' ' : ''}${c.name}:`);
  if (status) w.line(2, `Container ID:\t${status.containerID ?? ''}`);
  w.line(2, `Image:\t${c.image ?? ''}`);
  if (status) w.line(2, `Image ID:\t${status.imageID ?? ''}`);
  // describeContainerPorts / describeContainerHostPorts: a named port carries its name.
  const named = (port: number, p: { protocol?: string; name?: string }) => `${port}/${p.protocol ?? 'TCP'}${p.name ? ` (${p.name})` : ''}`;
  const ports = (c.ports ?? []).map((p) => named(p.containerPort, p)).join(', ');
  const hostPorts = (c.ports ?? []).map((p) => named(p.hostPort ?? 0, p)).join(', ');
  w.line(2, ports.includes(',') ? `Ports:\t${ports}` : `Port:\t${ports || '<none>'}`);
  w.line(2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}` : `Host Port:\t${hostPorts || '<none>'}`);
}

function describeCommand(w: DescribeWriter, c: Container): void {
  for (const [title, parts] of [
    ['Command', c.command],
    ['Args', c.args],
  ] as const) {
    if (!parts?.length) continue;
    w.line(2, `${title}:`);
    for (const part of parts) for (const piece of String(part).split('\n')) w.line(3, piece);
  }
}

function describeContainerState(w: DescribeWriter, status: ContainerStatus): void {
  describeState(w, 'State', status.state);
  if (status.lastState?.terminated) describeState(w, 'Last State', status.lastState);
  w.line(2, `Ready:\t${status.ready ? 'True' : 'False'}`);
  w.line(2, `Restart Count:\t${status.restartCount ?? 0}`);
}

function describeState(w: DescribeWriter, title: string, state: ContainerState | undefined): void {
  if (state?.running) {
    w.line(2, `${title}:\tRunning`);
    w.line(3, `Started:\t${rfc1123z(state.running.startedAt)}`);
  } else if (state?.waiting) {
    w.line(2, `${title}:\tWaiting`);
    if (state.waiting.reason) w.line(3, `Reason:\t${state.waiting.reason}`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.line(2, `${title}:\tTerminated`);
    if (t.reason) w.line(3, `Reason:\t${t.reason}`);
    if (t.message) w.line(3, `Message:\t${t.message}`);
    w.line(3, `Exit Code:\t${t.exitCode}`);
    if (t.signal) w.line(3, `Signal:\t${t.signal}`);
    w.line(3, `Started:\t${goTime(t.startedAt)}`);
    w.line(3, `Finished:\t${goTime(t.finishedAt)}`);
  } else w.line(2, `${title}:\tWaiting`);
}

/** A zero metav1.Time formats as Go's zero time, not `<unknown>`. */
function goTime(timestamp: string | undefined): string {
  return timestamp ? rfc1123z(timestamp) : 'Mon, 01 Jan 0001 00:00:00 +0000';
}

function describeResources(w: DescribeWriter, c: Container): void {
  for (const [title, values] of [
    ['Limits', c.resources?.limits],
    ['Requests', c.resources?.requests],
  ] as const) {
    const names = Object.keys(values ?? {}).sort();
    if (names.length === 0) continue;
    w.line(2, `${title}:`);
    for (const name of names) {
      const raw = String(values![name]);
      w.line(3, `${name}:\t${canonicalQuantity(raw) ?? raw}`);
    }
  }
}

function describeProbes(w: DescribeWriter, c: Container): void {
  if (c.livenessProbe) w.line(2, `Liveness:\t${describeProbe(c.livenessProbe)}`);
  if (c.readinessProbe) w.line(2, `Readiness:\t${describeProbe(c.readinessProbe)}`);
  if (c.startupProbe) w.line(2, `Startup:\t${describeProbe(c.startupProbe)}`);
}

/** DescribeProbe: `http-get http://:80/healthz delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function describeProbe(probe: Probe): string {
  const attrs = `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 0}s period=${probe.periodSeconds ?? 0}s #success=${probe.successThreshold ?? 0} #failure=${probe.failureThreshold ?? 0}`;
  if (probe.exec) return `exec [${(probe.exec.command ?? []).join(' ')}] ${attrs}`;
  if (probe.httpGet) {
    const get = probe.httpGet;
    const port = String(get.port ?? '');
    const host = port ? joinHostPort(get.host ?? '', port) : (get.host ?? '');
    return `http-get ${(get.scheme ?? 'HTTP').toLowerCase()}://${host}${get.path ?? ''} ${attrs}`;
  }
  if (probe.tcpSocket) return `tcp-socket ${probe.tcpSocket.host ?? ''}:${String(probe.tcpSocket.port ?? '')} ${attrs}`;
  if (probe.grpc) return `grpc <pod>:${probe.grpc.port} ${probe.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

function describeEnvFrom(w: DescribeWriter, c: Container): void {
  w.line(2, 'Environment Variables from:');
  for (const e of c.envFrom ?? []) {
    const from = e.configMapRef ? 'ConfigMap' : e.secretRef ? 'Secret' : '';
    const name = e.configMapRef?.name ?? e.secretRef?.name ?? '';
    const optional = (e.configMapRef?.optional ?? e.secretRef?.optional) === true;
    w.line(3, e.prefix ? `${name}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}` : `${name}\t${from}\tOptional: ${optional}`);
  }
}

function describeEnv(w: DescribeWriter, c: Container, pod: Pod | undefined): void {
  const env = c.env ?? [];
  w.line(2, env.length ? 'Environment:' : 'Environment:\t<none>');
  for (const e of env) {
    const from = e.valueFrom;
    if (!from) {
      (e.value ?? '').split('\n').forEach((part, i) => w.line(3, i === 0 ? `${e.name}:\t${part}` : `\t${part}`));
    } else if (from.fieldRef) {
      w.line(3, `${e.name}:\t${pod ? fieldPathValue(pod, from.fieldRef.fieldPath) : ''} (${from.fieldRef.apiVersion ?? 'v1'}:${from.fieldRef.fieldPath})`);
    } else if (from.resourceFieldRef) {
      w.line(3, `${e.name}:\t${resourceFieldValue(c, e)} (${from.resourceFieldRef.resource})`);
    } else if (from.secretKeyRef) {
      w.line(3, `${e.name}:\t<set to the key '${from.secretKeyRef.key}' in secret '${from.secretKeyRef.name ?? ''}'>\tOptional: ${from.secretKeyRef.optional === true}`);
    } else if (from.configMapKeyRef) {
      w.line(
        3,
        `${e.name}:\t<set to the key '${from.configMapKeyRef.key}' of config map '${from.configMapKeyRef.name ?? ''}'>\tOptional: ${from.configMapKeyRef.optional === true}`,
      );
    }
  }
}

/** The downward-API fields a pod can expose through env (fieldpath.ExtractFieldPathAsString). */
function fieldPathValue(pod: Pod, path: string): string {
  const labelOrAnnotation = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (labelOrAnnotation) return pod.metadata?.[labelOrAnnotation[1] as 'labels' | 'annotations']?.[labelOrAnnotation[2]!] ?? '';
  const values: Record<string, string | undefined> = {
    'metadata.name': pod.metadata?.name,
    'metadata.namespace': pod.metadata?.namespace,
    'metadata.uid': pod.metadata?.uid,
    'spec.nodeName': pod.spec?.nodeName,
    'spec.serviceAccountName': pod.spec?.serviceAccountName,
    'status.hostIP': pod.status?.hostIP,
    'status.podIP': pod.status?.podIP,
  };
  return values[path] ?? '';
}

/**
 * resourcehelper.ExtractContainerResourceValue: CPU in whole cores (rounded up) and memory in
 * bytes, over the divisor; a limit that is not set reads 0, which describe calls node allocatable.
 */
function resourceFieldValue(c: Container, e: EnvVar): string {
  const ref = e.valueFrom!.resourceFieldRef!;
  const [kind, name] = ref.resource.split('.') as ['limits' | 'requests', string];
  const parse = (v: unknown) => {
    const q = v === undefined ? undefined : parseQuantity(String(v));
    return q?.ok ? q.quantity : undefined;
  };
  const amount = parse(c.resources?.[kind]?.[name]);
  const divisor = parse(ref.divisor ?? '1') ?? parse('1')!;
  let value = '';
  if (name === 'cpu') value = String(Math.ceil((amount ? quantityMilliValue(amount) : 0) / quantityMilliValue(divisor)));
  else if (name === 'memory' || name === 'ephemeral-storage') value = String(Math.ceil((amount ? quantityValue(amount) : 0) / quantityValue(divisor)));
  return value === '0' && (ref.resource === 'limits.cpu' || ref.resource === 'limits.memory') ? 'node allocatable' : value;
}

function describeMounts(w: DescribeWriter, c: Container): void {
  const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0));
  w.line(2, mounts.length ? 'Mounts:' : 'Mounts:\t<none>');
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw', ...(m.subPath ? [`path=${JSON.stringify(m.subPath)}`] : [])];
    w.line(3, `${m.mountPath} from ${m.name} (${flags.join(',')})`);
  }
}

export function describeVolumes(w: DescribeWriter, volumes: Volume[] | undefined, space: Space): void {
  if (!volumes?.length) {
    w.line(0, `${space}Volumes:\t<none>`);
    return;
  }
  w.line(0, `${space}Volumes:`);
  for (const v of volumes) {
    w.line(1, `${space ? ' ' : ''}${v.name}:`);
    describeVolumeSource(w, v);
  }
}

function describeVolumeSource(w: DescribeWriter, v: Volume): void {
  if (v.hostPath) {
    w.line(2, 'Type:\tHostPath (bare host directory volume)');
    w.line(2, `Path:\t${v.hostPath.path}`);
    w.line(2, `HostPathType:\t${v.hostPath.type ?? '<none>'}`);
  } else if (v.emptyDir) {
    const limit =
      v.emptyDir.sizeLimit !== undefined && canonicalQuantity(String(v.emptyDir.sizeLimit)) !== '0'
        ? (canonicalQuantity(String(v.emptyDir.sizeLimit)) ?? String(v.emptyDir.sizeLimit))
        : '<unset>';
    w.line(2, "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)");
    w.line(2, `Medium:\t${v.emptyDir.medium ?? ''}`);
    w.line(2, `SizeLimit:\t${limit}`);
  } else if (v.secret) {
    w.line(2, 'Type:\tSecret (a volume populated by a Secret)');
    w.line(2, `SecretName:\t${v.secret.secretName ?? ''}`);
    w.line(2, `Optional:\t${v.secret.optional === true}`);
  } else if (v.configMap) {
    w.line(2, 'Type:\tConfigMap (a volume populated by a ConfigMap)');
    w.line(2, `Name:\t${v.configMap.name ?? ''}`);
    w.line(2, `Optional:\t${v.configMap.optional === true}`);
  } else if (v.persistentVolumeClaim) {
    w.line(2, 'Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)');
    w.line(2, `ClaimName:\t${v.persistentVolumeClaim.claimName}`);
    w.line(2, `ReadOnly:\t${v.persistentVolumeClaim.readOnly === true}`);
  } else if (v.downwardAPI) {
    w.line(2, 'Type:\tDownwardAPI (a volume populated by information about the pod)');
    w.line(2, 'Items:');
    for (const item of v.downwardAPI.items ?? []) {
      if (item.fieldRef) w.line(3, `${item.fieldRef.fieldPath} -> ${item.path}`);
      if (item.resourceFieldRef) w.line(3, `${item.resourceFieldRef.resource} -> ${item.path}`);
    }
  } else if (v.projected) {
    w.line(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)');
    // Models describe.go printProjectedVolumeSource (v1.35): an unset `optional` reads as false.
    for (const source of v.projected.sources ?? []) {
      if (source.secret) {
        w.line(2, `SecretName:\t${source.secret.name ?? ''}`);
        w.line(2, `Optional:\t${source.secret.optional === true}`);
      } else if (source.downwardAPI) w.line(2, 'DownwardAPI:\ttrue');
      else if (source.configMap) {
        w.line(2, `ConfigMapName:\t${source.configMap.name ?? ''}`);
        w.line(2, `Optional:\t${source.configMap.optional === true}`);
      } else if (source.serviceAccountToken) w.line(2, `TokenExpirationSeconds:\t${source.serviceAccountToken.expirationSeconds ?? 3607}`);
    }
  } else w.line(1, '<unknown>');
}
