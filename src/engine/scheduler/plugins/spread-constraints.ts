/**
 * A pod's topology spread constraints as PodTopologySpread evaluates them: the selector, and
 * which nodes count as domains under nodeAffinityPolicy (Honor by default) and nodeTaintsPolicy
 * (Ignore by default). Models
 * pkg/scheduler/framework/plugins/podtopologyspread/common.go.
 */
import type { Node, Pod, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import {
  labelSelectorAsRequirements,
  matchesLabels,
  type LabelSelectorObject,
  type LabelSelectorRequirements,
  type Requirement,
} from '../../../lib/label-selector/label-selector.ts';
import type { NodeInfo } from '../node-info.ts';
import { requiredNodeAffinityMatches } from './node-affinity.ts';
import { tolerationsTolerateTaint } from './taint-toleration.ts';

export const LABEL_HOSTNAME = 'kubernetes.io/hostname';
export const LABEL_ZONE = 'topology.kubernetes.io/zone';

export interface SpreadConstraint {
  maxSkew: number;
  topologyKey: string;
  selector: LabelSelectorRequirements;
  minDomains: number;
  honorNodeAffinity: boolean;
  honorNodeTaints: boolean;
}

/** systemDefaultConstraints: what a pod without constraints of its own is spread by. */
const SYSTEM_DEFAULTS = [
  { topologyKey: LABEL_HOSTNAME, maxSkew: 3 },
  { topologyKey: LABEL_ZONE, maxSkew: 5 },
];

/** filterTopologySpreadConstraints: the pod's constraints with the given whenUnsatisfiable. */
export function podConstraints(pod: Pod, action: TopologySpreadConstraint['whenUnsatisfiable']): SpreadConstraint[] {
  const constraints: SpreadConstraint[] = [];
  for (const c of pod.spec?.topologySpreadConstraints ?? []) {
    if (c.whenUnsatisfiable !== action) continue;
    // matchLabelKeys arrive already folded into the selector at pod creation (pod-label-keys.ts).
    const parsed = labelSelectorAsRequirements(c.labelSelector as LabelSelectorObject | undefined);
    // An invalid selector was refused at admission; one that slipped through selects nothing.
    const selector: LabelSelectorRequirements = parsed.ok ? parsed.requirements : null;
    constraints.push({
      maxSkew: c.maxSkew,
      topologyKey: c.topologyKey,
      selector,
      minDomains: c.minDomains ?? 1,
      honorNodeAffinity: (c.nodeAffinityPolicy ?? 'Honor') === 'Honor',
      honorNodeTaints: (c.nodeTaintsPolicy ?? 'Ignore') === 'Honor',
    });
  }
  return constraints;
}

/** buildDefaultConstraints: the system defaults over the pod's default selector, none without one. */
export function defaultConstraints(selector: Requirement[] | undefined): SpreadConstraint[] {
  if (!selector?.length) return [];
  return SYSTEM_DEFAULTS.map((d) => ({ ...d, selector, minDomains: 1, honorNodeAffinity: true, honorNodeTaints: false }));
}

/** nodeLabelsMatchSpreadConstraints: the node carries every constraint's topology key. */
export function nodeHasAllTopologyKeys(node: Node, constraints: readonly SpreadConstraint[]): boolean {
  const labels = node.metadata?.labels ?? {};
  return constraints.every((c) => labels[c.topologyKey] !== undefined);
}

/** topologySpreadConstraint.matchNodeInclusionPolicies. */
export function matchNodeInclusionPolicies(c: SpreadConstraint, pod: Pod, node: Node): boolean {
  if (c.honorNodeAffinity && !requiredNodeAffinityMatches(pod, node)) return false;
  if (c.honorNodeTaints) {
    const tolerations = pod.spec?.tolerations ?? [];
    const untolerated = (node.spec?.taints ?? []).some((t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerationsTolerateTaint(tolerations, t));
    if (untolerated) return false;
  }
  return true;
}

/** Each selector's cache keys by namespace, made once per constraint and reused (hashed once) on every node. */
const selectorKeys = new WeakMap<Requirement[], Map<string, string>>();

function selectorKey(selector: Requirement[], namespace: string | undefined): string {
  let byNamespace = selectorKeys.get(selector);
  if (!byNamespace) selectorKeys.set(selector, (byNamespace = new Map()));
  let key = byNamespace.get(namespace ?? '');
  if (key === undefined) byNamespace.set(namespace ?? '', (key = `${namespace ?? ''}\u0000${JSON.stringify(selector)}`));
  return key;
}

/**
 * countPodsMatchSelector: live pods of the namespace on the node that the selector picks. Every
 * pod of a ReplicaSet asks the same question of every node, and binding one pod changes one node:
 * the node keeps the answer until its pods change.
 */
export function countPodsMatchSelector(node: NodeInfo, selector: LabelSelectorRequirements, namespace: string | undefined): number {
  if (selector === null) return 0;
  return node.memoizedCount(selectorKey(selector, namespace), () => countMatching(node, selector, namespace));
}

function countMatching(node: NodeInfo, selector: Requirement[], namespace: string | undefined): number {
  let count = 0;
  for (const { pod } of node.pods.values()) {
    if (pod.metadata?.deletionTimestamp || pod.metadata?.namespace !== namespace) continue;
    if (matchesLabels(selector, pod.metadata?.labels)) count++;
  }
  return count;
}

/** Whether the incoming pod would itself count in the constraint's domain. */
export function matchesSelf(c: SpreadConstraint, pod: Pod): boolean {
  return matchesLabels(c.selector, pod.metadata?.labels);
}
