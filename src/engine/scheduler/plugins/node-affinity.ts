/**
 * Models pkg/scheduler/framework/plugins/nodeaffinity: spec.nodeSelector and the required node
 * affinity terms must both match the node; preferred terms add their weights to its score.
 * Term matching follows staging/src/k8s.io/component-helpers/scheduling/corev1/nodeaffinity.
 */
import type { Node, NodeSelectorRequirement, NodeSelectorTerm, Pod } from 'kubernetes-types/core/v1';
import type { FilterPlugin, ScorePlugin } from '../framework.ts';
import { defaultNormalizeScore, unschedulable } from '../framework.ts';

export const ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";

function requirementMatches(r: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      if (value === undefined || values.length !== 1 || !/^-?\d+$/.test(value) || !/^-?\d+$/.test(values[0]!)) return false;
      const [have, want] = [BigInt(value), BigInt(values[0]!)];
      return r.operator === 'Gt' ? have > want : have < want;
    }
    default:
      return false;
  }
}

/** A term matches when all its expressions and fields match; an empty term matches nothing. */
export function nodeSelectorTermMatches(term: NodeSelectorTerm, node: Node): boolean {
  const expressions = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (!expressions.length && !fields.length) return false;
  const labels = node.metadata?.labels ?? {};
  return expressions.every((r) => requirementMatches(r, labels[r.key])) && fields.every((r) => r.key === 'metadata.name' && requirementMatches(r, node.metadata?.name));
}

/** GetRequiredNodeAffinity(pod).Match(node): spec.nodeSelector and the required terms. */
export function requiredNodeAffinityMatches(pod: Pod, node: Node): boolean {
  const labels = node.metadata?.labels ?? {};
  const selectorOk = Object.entries(pod.spec?.nodeSelector ?? {}).every(([k, v]) => labels[k] === v);
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  return selectorOk && (!terms || terms.some((t) => nodeSelectorTermMatches(t, node)));
}

export const nodeAffinityFilter: FilterPlugin = {
  name: 'NodeAffinity',
  filter(state, info) {
    return requiredNodeAffinityMatches(state.pod, info.node!) ? undefined : unschedulable('NodeAffinity', 'UnschedulableAndUnresolvable', ERR_REASON_POD);
  },
};

export const nodeAffinityScore: ScorePlugin = {
  name: 'NodeAffinity',
  weight: 2,
  score(state, nodes) {
    const preferred = state.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
    if (!preferred.length) return undefined;
    const raw = nodes.map((n) => preferred.reduce((sum, p) => sum + (p.weight && nodeSelectorTermMatches(p.preference, n.node!) ? p.weight : 0), 0));
    return defaultNormalizeScore(raw, false);
  },
};
