/**
 * Which nodes a DaemonSet runs on and the pod it puts there: the template with the automatic
 * tolerations and a node affinity naming the node (matchFields metadata.name).
 * Models pkg/controller/daemon/util/daemonset_util.go and daemon_controller.go NodeShouldRunDaemonPod.
 */
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod, PodSpec, Toleration } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/client.ts';
import { requiredNodeAffinityMatches } from '../../scheduler/plugins/node-affinity.ts';
import { tolerationsTolerateTaint } from '../../scheduler/plugins/taint-toleration.ts';
import { CONTROLLER_REVISION_HASH_LABEL } from '../history/controller-history.ts';

export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';
const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';

/** AddOrUpdateDaemonPodTolerations: what every daemon pod tolerates, whatever its template says. */
function daemonTolerations(spec: PodSpec | undefined): Toleration[] {
  const auto: Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ];
  if (spec?.hostNetwork) auto.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  const tolerations = [...(spec?.tolerations ?? [])];
  for (const t of auto) {
    if (!tolerations.some((o) => o.key === t.key && o.effect === t.effect && o.operator === t.operator)) tolerations.push(t);
  }
  return tolerations;
}

/** The template's pod bound to `node` (NewPod + ReplaceDaemonSetPodNodeNameNodeAffinity). */
export function newDaemonPod(ds: DaemonSet, node: string, hash: string): KubeObject {
  const template = JSON.parse(JSON.stringify(ds.spec?.template ?? {})) as NonNullable<DaemonSet['spec']>['template'];
  const generation = ds.metadata?.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
  const labels: Record<string, string> = { ...(template.metadata?.labels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: hash };
  if (generation) labels[TEMPLATE_GENERATION_LABEL] = generation;
  const metadata: Record<string, unknown> = {
    generateName: `${ds.metadata!.name}-`,
    namespace: ds.metadata!.namespace,
    labels,
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: ds.metadata!.name!, uid: ds.metadata!.uid!, controller: true, blockOwnerDeletion: true }],
  };
  if (template.metadata?.annotations) metadata.annotations = template.metadata.annotations;
  const spec: PodSpec = { ...template.spec!, tolerations: daemonTolerations(template.spec) };
  const nodeAffinity = {
    ...spec.affinity?.nodeAffinity,
    requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }] },
  };
  spec.affinity = { ...spec.affinity, nodeAffinity };
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec } as KubeObject;
}

/** The node a daemon pod is bound to: its nodeName, else its matchFields affinity. */
export function targetNodeOf(pod: Pod): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  for (const term of pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) {
    const field = term.matchFields?.find((f) => f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1);
    if (field) return field.values![0];
  }
  return undefined;
}

/** NodeShouldRunDaemonPod: the node's labels satisfy the template and its taints are tolerated. */
export function nodeShouldRunDaemonPod(ds: DaemonSet, node: Node): boolean {
  const pod = { spec: { ...ds.spec?.template?.spec, nodeName: node.metadata?.name } } as Pod;
  if (!requiredNodeAffinityMatches(pod, node)) return false;
  const tolerations = daemonTolerations(ds.spec?.template?.spec);
  return (node.spec?.taints ?? []).every((t) => (t.effect !== 'NoSchedule' && t.effect !== 'NoExecute') || tolerationsTolerateTaint(tolerations, t));
}
