/**
 * Text of `kubectl describe` per kind (pkg/describe/describe.go layouts, reference
 * kubectl-output §5). Each returns the full text, events included.
 */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { ApiClient, KubeObject } from '../../../engine/api/client.ts';
import { decodeBase64 } from '../../../lib/base64.ts';
import { formatLabelSelector } from '../../../lib/label-selector/label-selector.ts';
import { humanDuration } from '../../../lib/duration/human-duration.ts';
import { describeCronJob, describeJob, describeServiceAccount } from './batch-text.ts';
import { describeDaemonSet } from './daemonset-text.ts';
import { describeEndpoints } from './endpoints-text.ts';
import { SHOW_EVENTS, writeEvents, type DescriberSettings } from './events-section.ts';
import { describePodDisruptionBudget } from './pdb-text.ts';
import { writePodTemplate } from './pod-template-text.ts';
import { writeNodeLease } from './node-lease-text.ts';
import { writeNodeResources } from './node-resources-text.ts';
import { describeNamespace } from './namespace-text.ts';
import { describePod } from './pod-text.ts';
import { describeService } from './service-text.ts';
import { describeStatefulSet } from './statefulset-text.ts';
import { describePersistentVolume, describePersistentVolumeClaim, describeStorageClass } from './storage-text.ts';
import { describeLimitRange, describePriorityClass, describeResourceQuota } from './quota-limits-text.ts';
import { PrefixWriter, rfc1123z, writeAnnotations, writeLabels } from './prefix-writer.ts';
import { writeUnstructuredContent } from './unstructured-text.ts';

/** `nowMs` is the invocation's time, for ages. */
type Describer = (api: ApiClient, obj: KubeObject, nowMs: number, settings?: DescriberSettings) => Promise<string>;

async function list<T>(api: ApiClient, group: string, resource: string, namespace: string): Promise<T[]> {
  const res = await api.request<{ items: T[] }>({ verb: 'list', group, version: 'v1', resource, namespace });
  return res.ok ? res.body.items : [];
}

const describeDeployment: Describer = async (api, obj, nowMs, settings = SHOW_EVENTS) => {
  const d = obj as Deployment;
  const w = new PrefixWriter();
  const s = d.status ?? {};
  w.line(0, `Name:\t${d.metadata?.name}`);
  w.line(0, `Namespace:\t${d.metadata?.namespace}`);
  w.line(0, `CreationTimestamp:\t${rfc1123z(d.metadata?.creationTimestamp)}`);
  writeLabels(w, 'Labels', d.metadata?.labels);
  writeAnnotations(w, 'Annotations', obj.metadata?.annotations);
  w.line(0, `Selector:\t${formatLabelSelector(d.spec?.selector)}`);
  const replicas = d.spec?.replicas ?? 1;
  w.line(
    0,
    `Replicas:\t${replicas} desired | ${s.updatedReplicas ?? 0} updated | ${s.replicas ?? 0} total | ${s.availableReplicas ?? 0} available | ${s.unavailableReplicas ?? 0} unavailable`,
  );
  w.line(0, `StrategyType:\t${d.spec?.strategy?.type ?? 'RollingUpdate'}`);
  w.line(0, `MinReadySeconds:\t${d.spec?.minReadySeconds ?? 0}`);
  if (d.spec?.strategy?.rollingUpdate) {
    const ru = d.spec.strategy.rollingUpdate;
    w.line(0, `RollingUpdateStrategy:\t${ru.maxUnavailable ?? '25%'} max unavailable, ${ru.maxSurge ?? '25%'} max surge`);
  }
  writePodTemplate(w, d.spec!.template);
  if (s.conditions?.length) {
    w.line(0, 'Conditions:');
    w.line(1, 'Type\tStatus\tReason');
    w.line(1, '----\t------\t------');
    for (const c of s.conditions) w.line(1, `${c.type} \t${c.status}\t${c.reason ?? ''}`);
  }
  const { oldRSs, newRS } = await getAllReplicaSets(api, d);
  const rsText = (rs: ReplicaSet) => `${rs.metadata?.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`;
  if (oldRSs.length || newRS) {
    w.line(0, `OldReplicaSets:\t${oldRSs.length ? oldRSs.map(rsText).join(', ') : '<none>'}`);
    w.line(0, `NewReplicaSet:\t${newRS ? rsText(newRS) : '<none>'}`);
  }
  await writeEvents(w, api, obj, nowMs, settings);
  return w.toString();
};

/**
 * Models pkg/util/deployment GetAllReplicaSetsInChunks as describe uses it: the Deployment's
 * ReplicaSets by selector and controller reference, oldest first (name breaks ties); the new one is
 * the oldest whose template matches, every other one is old — scaled to zero or not.
 */
async function getAllReplicaSets(api: ApiClient, d: Deployment): Promise<{ oldRSs: ReplicaSet[]; newRS: ReplicaSet | undefined }> {
  const res = await api.request<{ items: ReplicaSet[] }>({
    verb: 'list',
    group: 'apps',
    version: 'v1',
    resource: 'replicasets',
    namespace: d.metadata!.namespace!,
    query: { labelSelector: formatLabelSelector(d.spec?.selector) },
  });
  if (!res.ok) return { oldRSs: [], newRS: undefined };
  const owned = res.body.items.filter((rs) => rs.metadata?.ownerReferences?.some((o) => o.controller && o.uid === d.metadata?.uid)).sort((a, b) => byCreationThenName(a, b));
  const template = JSON.stringify(stripHash(d.spec?.template));
  const newRS = owned.find((rs) => JSON.stringify(stripHash(rs.spec?.template)) === template);
  return { oldRSs: owned.filter((rs) => rs !== newRS), newRS };
}

function byCreationThenName(a: ReplicaSet, b: ReplicaSet): number {
  const ta = Date.parse(a.metadata?.creationTimestamp ?? '');
  const tb = Date.parse(b.metadata?.creationTimestamp ?? '');
  if (ta !== tb) return ta - tb;
  const na = a.metadata?.name ?? '';
  const nb = b.metadata?.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}

function stripHash(template: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(template ?? {}));
  delete copy?.metadata?.labels?.['pod-template-hash'];
  return copy;
}

const describeReplicaSet: Describer = async (api, obj, nowMs, settings = SHOW_EVENTS) => {
  const rs = obj as ReplicaSet;
  const w = new PrefixWriter();
  w.line(0, `Name:\t${rs.metadata?.name}`);
  w.line(0, `Namespace:\t${rs.metadata?.namespace}`);
  w.line(0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}`);
  writeLabels(w, 'Labels', rs.metadata?.labels);
  writeAnnotations(w, 'Annotations', rs.metadata?.annotations);
  const owner = rs.metadata?.ownerReferences?.find((o) => o.controller);
  if (owner) w.line(0, `Controlled By:\t${owner.kind}/${owner.name}`);
  w.line(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired`);
  const pods = (await list<Pod>(api, '', 'pods', rs.metadata!.namespace!)).filter((p) => p.metadata?.ownerReferences?.some((o) => o.uid === rs.metadata?.uid));
  const count = (phase: string) => pods.filter((p) => (p.status?.phase ?? 'Pending') === phase).length;
  w.line(0, `Pods Status:\t${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed`);
  writePodTemplate(w, rs.spec!.template!);
  await writeEvents(w, api, obj, nowMs, settings);
  return w.toString();
};

const describeNode: Describer = async (api, obj, nowMs, settings = SHOW_EVENTS) => {
  const node = obj as Node;
  const w = new PrefixWriter();
  const roles = Object.keys(node.metadata?.labels ?? {})
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length));
  w.line(0, `Name:\t${node.metadata?.name}`);
  w.line(0, `Roles:\t${roles.length ? roles.sort().join(',') : '<none>'}`);
  writeLabels(w, 'Labels', node.metadata?.labels);
  writeAnnotations(w, 'Annotations', node.metadata?.annotations);
  w.line(0, `CreationTimestamp:\t${rfc1123z(node.metadata?.creationTimestamp)}`);
  const taints = node.spec?.taints ?? [];
  w.line(0, `Taints:\t${taints.length ? taints.map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`).join('\n\t') : '<none>'}`);
  w.line(0, `Unschedulable:\t${node.spec?.unschedulable ? 'true' : 'false'}`);
  await writeNodeLease(w, api, node.metadata?.name ?? '');
  const conditions = node.status?.conditions ?? [];
  if (conditions.length > 0) {
    w.line(0, 'Conditions:');
    w.line(1, 'Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage');
    w.line(1, '----\t------\t-----------------\t------------------\t------\t-------');
  }
  for (const c of conditions) w.line(1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}`);
  w.line(0, 'Addresses:');
  for (const a of node.status?.addresses ?? []) w.line(1, `${a.type}:\t${a.address}`);
  for (const [title, values] of [
    ['Capacity', node.status?.capacity],
    ['Allocatable', node.status?.allocatable],
  ] as const) {
    const keys = Object.keys(values ?? {}).sort();
    if (keys.length > 0) w.line(0, `${title}:`);
    for (const key of keys) w.line(1, `${key}:\t${String(values![key])}`);
  }
  const info = node.status?.nodeInfo;
  w.line(0, 'System Info:');
  const systemInfo: [string, string | undefined][] = [
    ['Machine ID', info?.machineID],
    ['System UUID', info?.systemUUID],
    ['Boot ID', info?.bootID],
    ['Kernel Version', info?.kernelVersion],
    ['OS Image', info?.osImage],
    ['Operating System', info?.operatingSystem],
    ['Architecture', info?.architecture],
    ['Container Runtime Version', info?.containerRuntimeVersion],
    ['Kubelet Version', info?.kubeletVersion],
    ['Kube-Proxy Version', info?.kubeProxyVersion],
  ];
  // Go prints a missing field as its zero value, the empty string.
  for (const [label, value] of systemInfo) w.line(1, `${label}:\t${value ?? ''}`);
  if (node.spec?.podCIDR) w.line(0, `PodCIDR:\t${node.spec.podCIDR}`);
  if (node.spec?.podCIDRs?.length) w.line(0, `PodCIDRs:\t${node.spec.podCIDRs.join(',')}`);
  if (node.spec?.providerID) w.line(0, `ProviderID:\t${node.spec.providerID}`);
  const pods = await api.request<{ items: Pod[] }>({ verb: 'list', group: '', version: 'v1', resource: 'pods', query: { fieldSelector: `spec.nodeName=${node.metadata?.name}` } });
  const running = (pods.ok ? pods.body.items : []).filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
  writeNodeResources(w, node, running, nowMs);
  await writeEvents(w, api, obj, nowMs, settings);
  return w.toString();
};

/** ConfigMaps and Secrets: the common header and their data. */
const describeGeneric: Describer = async (api, obj, nowMs, settings = SHOW_EVENTS) => {
  const w = new PrefixWriter();
  w.line(0, `Name:\t${obj.metadata?.name}`);
  if (obj.metadata?.namespace) w.line(0, `Namespace:\t${obj.metadata.namespace}`);
  writeLabels(w, 'Labels', obj.metadata?.labels);
  writeAnnotations(w, 'Annotations', obj.metadata?.annotations);
  if (obj.kind === 'ConfigMap') {
    w.line(0, '');
    w.line(0, 'Data');
    w.line(0, '====');
    for (const [k, v] of Object.entries((obj.data as Record<string, string> | undefined) ?? {})) {
      w.line(0, `${k}:`);
      w.line(0, '----');
      w.line(0, v);
      w.line(0, '');
    }
    w.line(0, '');
    w.line(0, 'BinaryData');
    w.line(0, '====');
    w.line(0, '');
    await writeEvents(w, api, obj, nowMs, settings);
    return w.toString();
  }
  w.line(0, '');
  w.line(0, `Type:\t${(obj.type as string | undefined) ?? 'Opaque'}`);
  w.line(0, '');
  w.line(0, 'Data');
  w.line(0, '====');
  // Models staging/src/k8s.io/kubectl/pkg/describe/describe.go describeSecret: keys sorted, a service-account token shown in clear.
  const data = (obj.data as Record<string, string> | undefined) ?? {};
  const isTokenSecret = obj.type === 'kubernetes.io/service-account-token';
  for (const k of Object.keys(data).sort()) {
    const v = data[k]!;
    w.line(0, k === 'token' && isTokenSecret ? `${k}:\t${decodeBase64(v) ?? ''}` : `${k}:\t${Math.floor((v.replace(/=+$/, '').length * 3) / 4)} bytes`);
  }
  return w.toString();
};

/** genericDescriber: the header, then every field of the object, then its events. */
const describeUnstructured: Describer = async (api, obj, nowMs, settings = SHOW_EVENTS) => {
  const w = new PrefixWriter();
  w.line(0, `Name:\t${obj.metadata?.name}`);
  w.line(0, `Namespace:\t${obj.metadata?.namespace ?? ''}`);
  writeLabels(w, 'Labels', obj.metadata?.labels);
  writeAnnotations(w, 'Annotations', obj.metadata?.annotations);
  writeUnstructuredContent(w, obj);
  await writeEvents(w, api, obj, nowMs, settings);
  return w.toString();
};

export const DESCRIBERS: Record<string, Describer> = {
  Deployment: describeDeployment,
  ReplicaSet: describeReplicaSet,
  StatefulSet: describeStatefulSet,
  DaemonSet: describeDaemonSet,
  Pod: describePod,
  Service: describeService,
  Endpoints: describeEndpoints,
  Namespace: describeNamespace,
  Node: describeNode,
  Job: describeJob,
  CronJob: describeCronJob,
  ServiceAccount: describeServiceAccount,
  PodDisruptionBudget: describePodDisruptionBudget,
  ResourceQuota: describeResourceQuota,
  LimitRange: describeLimitRange,
  PriorityClass: describePriorityClass,
  PersistentVolume: describePersistentVolume,
  PersistentVolumeClaim: describePersistentVolumeClaim,
  StorageClass: describeStorageClass,
};

/** Kinds kubectl has no describer for (custom resources, CRDs, leases) get the generic one. */
export function describerFor(kind: string): Describer {
  return DESCRIBERS[kind] ?? (kind === 'ConfigMap' || kind === 'Secret' ? describeGeneric : describeUnstructured);
}
