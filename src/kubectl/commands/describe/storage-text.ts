/**
 * `kubectl describe` of PersistentVolumes, PersistentVolumeClaims and StorageClasses
 * (pkg/describe/describe.go describePersistentVolume, describePersistentVolumeClaim,
 * describeStorageClass).
 */
import { accessModesText, storageClassOf } from '../../../lib/storage/storage-class.ts';
import type { NodeSelectorRequirement, PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { ApiClient, KubeObject } from '../../../engine/api/client.ts';
import { translateTimestampSince } from '../../../lib/duration/human-duration.ts';
import { SHOW_EVENTS, writeEvents } from './events-section.ts';
import { PrefixWriter, rfc1123z, writeAnnotations, writeLabels } from './prefix-writer.ts';

/** Go's `%v` of a []string. */
const goStrings = (list: readonly string[] | undefined): string => `[${(list ?? []).join(' ')}]`;

/** labels.FormatLabels: sorted `k=v` joined by commas, `<none>` when empty. */
function formatLabels(map: Record<string, string> | undefined): string {
  const keys = Object.keys(map ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${map![k]}`).join(',') : '<none>';
}

function status(meta: KubeObject['metadata'], phase: string | undefined, nowMs: number): string {
  return meta?.deletionTimestamp ? `Terminating (lasts ${translateTimestampSince(meta.deletionTimestamp, nowMs)})` : (phase ?? '');
}

function writeNodeAffinity(w: PrefixWriter, pv: PersistentVolume): void {
  const required = pv.spec?.nodeAffinity?.required;
  if (!required) {
    w.line(0, 'Node Affinity:\t<none>');
    return;
  }
  w.line(0, 'Node Affinity:\t');
  if (!required.nodeSelectorTerms.length) {
    w.line(1, 'Required Terms:\t<none>');
    return;
  }
  w.line(1, 'Required Terms:\t');
  required.nodeSelectorTerms.forEach((term, i) => {
    const reqs: NodeSelectorRequirement[] = term.matchExpressions ?? [];
    if (!reqs.length) {
      w.line(2, `Term ${i}:\t<none>`);
      return;
    }
    reqs.forEach((req, j) => {
      let expr = `${req.key} ${req.operator.toLowerCase()}`;
      if (req.values?.length) expr += ` [${req.values.join(', ')}]`;
      w.line(2, j === 0 ? `Term ${i}:\t${expr}` : `\t${expr}`);
    });
  });
}

function writeSource(w: PrefixWriter, pv: PersistentVolume): void {
  const spec = pv.spec ?? {};
  if (spec.hostPath) {
    w.line(2, 'Type:\tHostPath (bare host directory volume)');
    w.line(2, `Path:\t${spec.hostPath.path}`);
    w.line(2, `HostPathType:\t${spec.hostPath.type ?? '<none>'}`);
  } else if (spec.local) {
    w.line(2, 'Type:\tLocalVolume (a persistent volume backed by local storage on a node)');
    w.line(2, `Path:\t${spec.local.path}`);
  } else if (spec.nfs) {
    w.line(2, 'Type:\tNFS (an NFS mount that lasts the lifetime of a pod)');
    w.line(2, `Server:\t${spec.nfs.server}`);
    w.line(2, `Path:\t${spec.nfs.path}`);
    w.line(2, `ReadOnly:\t${spec.nfs.readOnly === true}`);
  } else if (spec.csi) {
    w.line(2, 'Type:\tCSI (a Container Storage Interface (CSI) volume source)');
    w.line(2, `Driver:\t${spec.csi.driver}`);
    w.line(2, `FSType:\t${spec.csi.fsType ?? ''}`);
    w.line(2, `VolumeHandle:\t${spec.csi.volumeHandle}`);
    w.line(2, `ReadOnly:\t${spec.csi.readOnly === true}`);
    w.line(2, `VolumeAttributes:\t${formatCsiAttributes(spec.csi.volumeAttributes)}`);
  } else w.line(1, '<unknown>');
}

function formatCsiAttributes(map: Record<string, string> | undefined): string {
  const keys = Object.keys(map ?? {}).sort();
  if (!keys.length) return '<none>';
  return keys.map((k, i) => (i === 0 ? `${k}=${map![k]}` : `      \t${k}=${map![k]}`)).join('\n');
}

export async function describePersistentVolume(api: ApiClient, obj: KubeObject, nowMs: number, settings = SHOW_EVENTS): Promise<string> {
  const pv = obj as PersistentVolume;
  const w = new PrefixWriter();
  w.line(0, `Name:\t${pv.metadata?.name}`);
  writeLabels(w, 'Labels', pv.metadata?.labels);
  writeAnnotations(w, 'Annotations', pv.metadata?.annotations);
  w.line(0, `Finalizers:\t${goStrings(pv.metadata?.finalizers)}`);
  w.line(0, `StorageClass:\t${storageClassOf(pv)}`);
  w.line(0, `Status:\t${status(pv.metadata, pv.status?.phase, nowMs)}`);
  const ref = pv.spec?.claimRef;
  w.line(0, `Claim:\t${ref ? `${ref.namespace ?? ''}/${ref.name ?? ''}` : ''}`);
  w.line(0, `Reclaim Policy:\t${pv.spec?.persistentVolumeReclaimPolicy ?? ''}`);
  w.line(0, `Access Modes:\t${accessModesText(pv.spec?.accessModes)}`);
  if (pv.spec?.volumeMode) w.line(0, `VolumeMode:\t${pv.spec.volumeMode}`);
  w.line(0, `Capacity:\t${pv.spec?.capacity?.storage ?? '0'}`);
  writeNodeAffinity(w, pv);
  w.line(0, `Message:\t${pv.status?.message ?? ''}`);
  w.line(0, 'Source:');
  writeSource(w, pv);
  await writeEvents(w, api, obj, nowMs, settings);
  return w.toString();
}

/** getPodsForPVC: pods of the namespace with a volume on the claim, once per volume. */
async function podsUsing(api: ApiClient, pvc: PersistentVolumeClaim): Promise<Pod[]> {
  const res = await api.request<{ items: Pod[] }>({ verb: 'list', group: '', version: 'v1', resource: 'pods', namespace: pvc.metadata!.namespace! });
  if (!res.ok) return [];
  const pods: Pod[] = [];
  for (const pod of res.body.items) {
    for (const v of pod.spec?.volumes ?? []) if (v.persistentVolumeClaim?.claimName === pvc.metadata?.name) pods.push(pod);
  }
  for (const owner of pvc.metadata?.ownerReferences ?? []) {
    if (owner.kind !== 'Pod') continue;
    const pod = res.body.items.find((p) => p.metadata?.uid === owner.uid);
    if (pod && !pods.some((p) => p.metadata?.uid === pod.metadata?.uid)) pods.push(pod);
  }
  return pods.sort((a, b) => ((a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : (a.metadata?.name ?? '') > (b.metadata?.name ?? '') ? 1 : 0));
}

export async function describePersistentVolumeClaim(api: ApiClient, obj: KubeObject, nowMs: number, settings = SHOW_EVENTS): Promise<string> {
  const pvc = obj as PersistentVolumeClaim;
  const w = new PrefixWriter();
  w.line(0, `Name:\t${pvc.metadata?.name}`);
  w.line(0, `Namespace:\t${pvc.metadata?.namespace}`);
  w.line(0, `StorageClass:\t${storageClassOf(pvc)}`);
  w.line(0, `Status:\t${status(pvc.metadata, pvc.status?.phase, nowMs)}`);
  w.line(0, `Volume:\t${pvc.spec?.volumeName ?? ''}`);
  writeLabels(w, 'Labels', pvc.metadata?.labels);
  writeAnnotations(w, 'Annotations', pvc.metadata?.annotations);
  w.line(0, `Finalizers:\t${goStrings(pvc.metadata?.finalizers)}`);
  const bound = Boolean(pvc.spec?.volumeName);
  w.line(0, `Capacity:\t${bound ? (pvc.status?.capacity?.storage ?? '0') : ''}`);
  w.line(0, `Access Modes:\t${bound ? accessModesText(pvc.status?.accessModes) : ''}`);
  if (pvc.spec?.volumeMode) w.line(0, `VolumeMode:\t${pvc.spec.volumeMode}`);
  const source = pvc.spec?.dataSource;
  if (source) {
    w.line(0, 'DataSource:');
    if (source.apiGroup !== undefined) w.line(1, `APIGroup:\t${source.apiGroup}`);
    w.line(1, `Kind:\t${source.kind}`);
    w.line(1, `Name:\t${source.name}`);
  }
  const pods = await podsUsing(api, pvc);
  if (!pods.length) w.line(0, 'Used By:\t<none>');
  pods.forEach((pod, i) => w.line(0, `${i === 0 ? 'Used By:' : ''}\t${pod.metadata?.name}`));
  const conditions = pvc.status?.conditions ?? [];
  if (conditions.length) {
    w.line(0, 'Conditions:');
    w.line(1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage');
    w.line(1, '----\t------\t-----------------\t------------------\t------\t-------');
    for (const c of conditions) w.line(1, `${c.type} \t${c.status} \t${rfc1123z(c.lastProbeTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}`);
  }
  await writeEvents(w, api, obj, nowMs, settings);
  return w.toString();
}

export async function describeStorageClass(api: ApiClient, obj: KubeObject, nowMs: number, settings = SHOW_EVENTS): Promise<string> {
  const sc = obj as unknown as StorageClass;
  const w = new PrefixWriter();
  const annotations = sc.metadata?.annotations ?? {};
  const isDefault = annotations['storageclass.kubernetes.io/is-default-class'] === 'true' || annotations['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
  w.line(0, `Name:\t${sc.metadata?.name}`);
  w.line(0, `IsDefaultClass:\t${isDefault ? 'Yes' : 'No'}`);
  w.line(0, `Annotations:\t${formatLabels(sc.metadata?.annotations)}`);
  w.line(0, `Provisioner:\t${sc.provisioner}`);
  w.line(0, `Parameters:\t${formatLabels(sc.parameters)}`);
  w.line(0, `AllowVolumeExpansion:\t${sc.allowVolumeExpansion === undefined ? '<unset>' : sc.allowVolumeExpansion ? 'True' : 'False'}`);
  if (!sc.mountOptions?.length) w.line(0, 'MountOptions:\t<none>');
  else {
    w.line(0, 'MountOptions:');
    for (const option of sc.mountOptions) w.line(1, option);
  }
  if (sc.reclaimPolicy) w.line(0, `ReclaimPolicy:\t${sc.reclaimPolicy}`);
  if (sc.volumeBindingMode) w.line(0, `VolumeBindingMode:\t${sc.volumeBindingMode}`);
  if (sc.allowedTopologies) {
    if (!sc.allowedTopologies.length) w.line(0, 'AllowedTopologies:\t<none>');
    else {
      w.line(0, 'AllowedTopologies:\t');
      sc.allowedTopologies.forEach((term, i) => {
        const exprs = term.matchLabelExpressions ?? [];
        if (!exprs.length) w.line(1, `Term ${i}:\t<none>`);
        exprs.forEach((e, j) => w.line(1, `${j === 0 ? `Term ${i}:` : ''}\t${e.key} in [${e.values.join(', ')}]`));
      });
    }
  }
  await writeEvents(w, api, obj, nowMs, settings);
  return w.toString();
}
