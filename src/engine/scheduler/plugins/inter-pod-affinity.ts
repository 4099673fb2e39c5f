/**
 * Models pkg/scheduler/framework/plugins/interpodaffinity (filtering.go): the pod's required
 * affinity needs a matching pod in the node's topology domain (unless it would be the first of
 * its kind), its required anti-affinity needs none there, and no existing pod's anti-affinity may
 * reject it.
 */
import type { Pod, PodAffinityTerm } from 'kubernetes-types/core/v1';
import { labelSelectorAsRequirements, matchesLabels, type LabelSelectorObject } from '../../../lib/label-selector/label-selector.ts';
import type { CycleState, FilterPlugin } from '../framework.ts';
import { unschedulable } from '../framework.ts';

export const ERR_REASON_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";
export const ERR_REASON_AFFINITY = "node(s) didn't match pod affinity rules";
export const ERR_REASON_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";

interface PreFilterState {
  affinityTerms: readonly PodAffinityTerm[];
  antiAffinityTerms: readonly PodAffinityTerm[];
  /** Counts by `topologyKey\0value`. */
  existingAntiAffinityCounts: Map<string, number>;
  affinityCounts: Map<string, number>;
  antiAffinityCounts: Map<string, number>;
}

const pair = (key: string, value: string) => `${key}\u0000${value}`;

function selectorMatches(selector: LabelSelectorObject | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector) return false;
  const parsed = labelSelectorAsRequirements(selector);
  return parsed.ok && matchesLabels(parsed.requirements, labels ?? {});
}

/** AffinityTerm.Matches: the term's namespaces (its owner's when none are named) and its label selector. */
export function termMatches(term: PodAffinityTerm, owner: Pod, candidate: Pod, state: Pick<CycleState, 'namespaceLabels'>): boolean {
  const ns = candidate.metadata?.namespace ?? '';
  const named = term.namespaces ?? [];
  const inNamespace =
    named.includes(ns) ||
    (term.namespaceSelector ? selectorMatches(term.namespaceSelector as LabelSelectorObject, state.namespaceLabels(ns) as Record<string, string>) : false) ||
    (!named.length && !term.namespaceSelector && ns === owner.metadata?.namespace);
  return inNamespace && selectorMatches(term.labelSelector as LabelSelectorObject | undefined, candidate.metadata?.labels);
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

export const interPodAffinity: FilterPlugin = {
  name: 'InterPodAffinity',
  preFilter(state): PreFilterState {
    const pod = state.pod;
    const affinityTerms = pod.spec?.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
    const antiAffinityTerms = pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
    const pre: PreFilterState = { affinityTerms, antiAffinityTerms, existingAntiAffinityCounts: new Map(), affinityCounts: new Map(), antiAffinityCounts: new Map() };
    const needsAll = affinityTerms.length > 0 || antiAffinityTerms.length > 0;
    for (const node of state.nodes) {
      const labels = node.node?.metadata?.labels ?? {};
      // A pod without terms of its own only meets existing anti-affinity: the nodes' short lists answer.
      for (const info of (needsAll ? node.pods : node.podsWithRequiredAntiAffinity).values()) {
        if (info.hasRequiredAntiAffinity) {
          for (const term of info.pod.spec!.affinity!.podAntiAffinity!.requiredDuringSchedulingIgnoredDuringExecution!) {
            const value = labels[term.topologyKey];
            if (value !== undefined && termMatches(term, info.pod, pod, state)) bump(pre.existingAntiAffinityCounts, pair(term.topologyKey, value));
          }
        }
        if (!needsAll) continue;
        if (affinityTerms.length && affinityTerms.every((t) => termMatches(t, pod, info.pod, state)))
          for (const t of affinityTerms) if (labels[t.topologyKey] !== undefined) bump(pre.affinityCounts, pair(t.topologyKey, labels[t.topologyKey]!));
        for (const t of antiAffinityTerms)
          if (labels[t.topologyKey] !== undefined && termMatches(t, pod, info.pod, state)) bump(pre.antiAffinityCounts, pair(t.topologyKey, labels[t.topologyKey]!));
      }
    }
    return pre;
  },
  filter(state, node, preState) {
    const pre = preState as PreFilterState;
    const labels = node.node?.metadata?.labels ?? {};
    if (!satisfyPodAffinity(state, pre, labels)) return unschedulable('InterPodAffinity', 'UnschedulableAndUnresolvable', ERR_REASON_AFFINITY);
    if (pre.antiAffinityTerms.some((t) => labels[t.topologyKey] !== undefined && (pre.antiAffinityCounts.get(pair(t.topologyKey, labels[t.topologyKey]!)) ?? 0) > 0))
      return unschedulable('InterPodAffinity', 'Unschedulable', ERR_REASON_ANTI_AFFINITY);
    if (pre.existingAntiAffinityCounts.size && Object.entries(labels).some(([k, v]) => (pre.existingAntiAffinityCounts.get(pair(k, v)) ?? 0) > 0))
      return unschedulable('InterPodAffinity', 'Unschedulable', ERR_REASON_EXISTING_ANTI_AFFINITY);
    return undefined;
  },
};

function satisfyPodAffinity(state: CycleState, pre: PreFilterState, labels: Record<string, string>): boolean {
  let podsExist = true;
  for (const t of pre.affinityTerms) {
    const value = labels[t.topologyKey];
    if (value === undefined) return false;
    if ((pre.affinityCounts.get(pair(t.topologyKey, value)) ?? 0) <= 0) podsExist = false;
  }
  if (podsExist) return true;
  // The first pod of a group with affinity to itself may go anywhere its topologies exist.
  return pre.affinityCounts.size === 0 && pre.affinityTerms.every((t) => termMatches(t, state.pod, state.pod, state));
}
