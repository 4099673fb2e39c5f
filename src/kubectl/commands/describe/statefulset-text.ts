/** describe for StatefulSets: pkg/describe/describe.go describeStatefulSet and describeVolumeClaimTemplates. */
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { ApiClient, KubeObject } from '../../../engine/api/client.ts';
import { formatLabelSelector } from '../../../lib/label-selector/label-selector.ts';
import { SHOW_EVENTS, writeEvents } from './events-section.ts';
import { writePodTemplate } from './pod-template-text.ts';
import { PrefixWriter, rfc1123z, writeAnnotations, writeLabels } from './prefix-writer.ts';

/** getPodStatusForController: the phases of the pods the selector finds and the object controls. */
export async function podPhaseCounts(api: ApiClient, obj: KubeObject, selector: string): Promise<string> {
  const res = await api.request<{ items: Pod[] }>({
    verb: 'list',
    group: '',
    version: 'v1',
    resource: 'pods',
    namespace: obj.metadata!.namespace!,
    query: { labelSelector: selector },
  });
  const pods = (res.ok ? res.body.items : []).filter((p) => p.metadata?.ownerReferences?.some((o) => o.controller && o.uid === obj.metadata?.uid));
  const count = (phase: string) => pods.filter((p) => p.status?.phase === phase).length;
  return `${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed`;
}

function writeVolumeClaimTemplates(w: PrefixWriter, templates: PersistentVolumeClaim[] | undefined): void {
  if (!templates?.length) {
    w.line(0, 'Volume Claims:\t<none>');
    return;
  }
  w.line(0, 'Volume Claims:');
  for (const pvc of templates) {
    w.line(1, `Name:\t${pvc.metadata?.name ?? ''}`);
    const storageClass = pvc.spec?.storageClassName ?? pvc.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '';
    w.line(1, `StorageClass:\t${storageClass}`);
    writeLabels(w, '  Labels', pvc.metadata?.labels);
    writeLabels(w, '  Annotations', pvc.metadata?.annotations);
    const storage = pvc.spec?.resources?.requests?.storage;
    w.line(1, `Capacity:\t${storage === undefined ? '<default>' : String(storage)}`);
    w.line(1, `Access Modes:\t[${(pvc.spec?.accessModes ?? []).join(' ')}]`);
  }
}

export async function describeStatefulSet(api: ApiClient, obj: KubeObject, nowMs: number, settings = SHOW_EVENTS): Promise<string> {
  const set = obj as StatefulSet;
  const w = new PrefixWriter();
  const selector = formatLabelSelector(set.spec?.selector);
  w.line(0, `Name:\t${set.metadata?.name}`);
  w.line(0, `Namespace:\t${set.metadata?.namespace}`);
  w.line(0, `CreationTimestamp:\t${rfc1123z(set.metadata?.creationTimestamp)}`);
  w.line(0, `Selector:\t${selector}`);
  writeLabels(w, 'Labels', set.metadata?.labels);
  writeAnnotations(w, 'Annotations', set.metadata?.annotations);
  w.line(0, `Replicas:\t${set.spec?.replicas ?? 0} desired | ${set.status?.replicas ?? 0} total`);
  w.line(0, `Update Strategy:\t${set.spec?.updateStrategy?.type ?? ''}`);
  const rollingUpdate = set.spec?.updateStrategy?.rollingUpdate;
  if (rollingUpdate?.partition !== undefined) {
    w.line(1, `Partition:\t${rollingUpdate.partition}`);
    if (rollingUpdate.maxUnavailable !== undefined) w.line(1, `MaxUnavailable:\t${rollingUpdate.maxUnavailable}`);
  }
  w.line(0, `Pods Status:\t${await podPhaseCounts(api, obj, selector)}`);
  writePodTemplate(w, set.spec?.template ?? {});
  writeVolumeClaimTemplates(w, set.spec?.volumeClaimTemplates);
  await writeEvents(w, api, obj, nowMs, settings);
  return w.toString();
}
