/**
 * Models pkg/scheduler/framework/plugins/podtopologyspread. The filter (filtering.go) keeps the
 * skew of each DoNotSchedule constraint — matching pods in the node's domain, plus the pod itself
 * when it matches, minus the emptiest domain — within maxSkew; a node without the topology key
 * never fits. The score (scoring.go) prefers the domains with fewest matching pods for the
 * ScheduleAnyway constraints, or for the system defaults (hostname maxSkew 3, zone maxSkew 5) when
 * the pod has no constraints and a Service or owner selects it.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Requirement } from '../../../lib/label-selector/label-selector.ts';
import type { CycleState, FilterPlugin, ScorePlugin } from '../framework.ts';
import { MAX_NODE_SCORE, unschedulable } from '../framework.ts';
import type { NodeInfo } from '../node-info.ts';
import {
  countPodsMatchSelector,
  defaultConstraints,
  LABEL_HOSTNAME,
  matchNodeInclusionPolicies,
  matchesSelf,
  nodeHasAllTopologyKeys,
  podConstraints,
  type SpreadConstraint,
} from './spread-constraints.ts';

export const ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
export const ERR_REASON_NODE_LABEL_NOT_MATCH = `${ERR_REASON_CONSTRAINTS_NOT_MATCH} (missing required label)`;

/** helper.DefaultSelector: the union of the selectors that pick this pod out. */
export type DefaultSelector = (pod: Pod) => Requirement[] | undefined;

interface PreFilterState {
  constraints: SpreadConstraint[];
  /** Per constraint: matching pods by topology value, over the nodes that count as domains. */
  matchNum: Map<string, number>[];
}

/** calPreFilterState. */
function preFilterState(state: CycleState): PreFilterState {
  const pod = state.pod;
  const constraints = podConstraints(pod, 'DoNotSchedule');
  const matchNum = constraints.map(() => new Map<string, number>());
  if (!constraints.length) return { constraints, matchNum };
  for (const node of state.nodes) {
    if (!node.node || !nodeHasAllTopologyKeys(node.node, constraints)) continue;
    constraints.forEach((c, i) => {
      if (!matchNodeInclusionPolicies(c, pod, node.node!)) return;
      const value = node.node!.metadata!.labels![c.topologyKey]!;
      matchNum[i]!.set(value, (matchNum[i]!.get(value) ?? 0) + countPodsMatchSelector(node, c.selector, pod.metadata?.namespace));
    });
  }
  return { constraints, matchNum };
}

/** preFilterState.minMatchNum: the emptiest domain, or 0 while there are fewer than minDomains. */
function minMatchNum(pre: PreFilterState, i: number): number {
  const counts = pre.matchNum[i]!;
  if (counts.size < pre.constraints[i]!.minDomains) return 0;
  return counts.size ? Math.min(...counts.values()) : Number.MAX_SAFE_INTEGER;
}

export const podTopologySpreadFilter: FilterPlugin = {
  name: 'PodTopologySpread',
  preFilter: preFilterState,
  filter(state, node, preState) {
    const pre = preState as PreFilterState;
    if (!pre.constraints.length) return undefined;
    const labels = node.node?.metadata?.labels ?? {};
    for (const [i, c] of pre.constraints.entries()) {
      const value = labels[c.topologyKey];
      if (value === undefined) return unschedulable('PodTopologySpread', 'UnschedulableAndUnresolvable', ERR_REASON_NODE_LABEL_NOT_MATCH);
      const self = matchesSelf(c, state.pod) ? 1 : 0;
      const skew = (pre.matchNum[i]!.get(value) ?? 0) + self - minMatchNum(pre, i);
      if (skew > c.maxSkew) return unschedulable('PodTopologySpread', 'Unschedulable', ERR_REASON_CONSTRAINTS_NOT_MATCH);
    }
    return undefined;
  },
};

/** topologyNormalizingWeight: domains with more nodes weigh more. */
const normalizingWeight = (size: number) => Math.log(size + 2);

export function podTopologySpreadScore(defaultSelector: DefaultSelector): ScorePlugin {
  return {
    name: 'PodTopologySpread',
    weight: 2,
    score(state, nodes) {
      const pod = state.pod;
      const explicit = (pod.spec?.topologySpreadConstraints?.length ?? 0) > 0;
      const constraints = explicit ? podConstraints(pod, 'ScheduleAnyway') : defaultConstraints(defaultSelector(pod));
      if (!constraints.length) return undefined;
      const namespace = pod.metadata?.namespace;
      // initPreScoreState: with constraints of its own, a pod ignores nodes lacking any of their keys.
      const ignored = new Set<NodeInfo>(explicit ? nodes.filter((n) => !nodeHasAllTopologyKeys(n.node!, constraints)) : []);
      const pairCounts = constraints.map(() => new Map<string, number>());
      for (const n of nodes) {
        if (ignored.has(n)) continue;
        constraints.forEach((c, i) => {
          const value = n.node?.metadata?.labels?.[c.topologyKey];
          if (c.topologyKey !== LABEL_HOSTNAME && value !== undefined) pairCounts[i]!.set(value, 0);
        });
      }
      const weights = constraints.map((c, i) => normalizingWeight(c.topologyKey === LABEL_HOSTNAME ? nodes.length - ignored.size : pairCounts[i]!.size));
      for (const n of state.nodes) {
        if (!n.node || (explicit && !nodeHasAllTopologyKeys(n.node, constraints))) continue;
        constraints.forEach((c, i) => {
          const value = n.node!.metadata?.labels?.[c.topologyKey];
          if (value === undefined || !pairCounts[i]!.has(value) || !matchNodeInclusionPolicies(c, pod, n.node!)) return;
          pairCounts[i]!.set(value, pairCounts[i]!.get(value)! + countPodsMatchSelector(n, c.selector, namespace));
        });
      }
      const raw = nodes.map((n) => {
        if (ignored.has(n)) return -1;
        let score = 0;
        constraints.forEach((c, i) => {
          const value = n.node?.metadata?.labels?.[c.topologyKey];
          if (value === undefined) return;
          const count = c.topologyKey === LABEL_HOSTNAME ? countPodsMatchSelector(n, c.selector, namespace) : pairCounts[i]!.get(value)!;
          score += count * weights[i]! + (c.maxSkew - 1);
        });
        return Math.round(score);
      });
      return normalizeScore(raw);
    },
  };
}

/** NormalizeScore: fewer matching pods score higher; ignored nodes (-1) score 0. */
function normalizeScore(raw: number[]): number[] {
  const valid = raw.filter((s) => s >= 0);
  const highest = Math.max(0, ...valid);
  const lowest = valid.length ? Math.min(...valid) : 0;
  return raw.map((s) => (s < 0 ? 0 : highest === 0 ? MAX_NODE_SCORE : Math.trunc((MAX_NODE_SCORE * (highest + lowest - s)) / highest)));
}
