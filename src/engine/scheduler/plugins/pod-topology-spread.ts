/**
 * Models pkg/scheduler/framework/plugins/podtopologyspread/scoring.go with the system default
 * constraints (hostname maxSkew 3, zone maxSkew 5, ScheduleAnyway): pods selected by a Service or
 * owned by a ReplicaSet, ReplicationController or StatefulSet spread over the nodes. Our nodes have
 * no zone label, so the hostname constraint is the one that counts.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { labelSelectorAsRequirements, matchesLabels, type Requirement } from '../../../lib/label-selector/label-selector.ts';
import type { ScorePlugin } from '../framework.ts';
import { MAX_NODE_SCORE } from '../framework.ts';

const HOSTNAME = 'kubernetes.io/hostname';
const HOSTNAME_MAX_SKEW = 3;

/** helper.DefaultSelector: the union of the selectors that pick this pod out. */
export type DefaultSelector = (pod: Pod) => Requirement[] | undefined;

export function podTopologySpreadScore(defaultSelector: DefaultSelector): ScorePlugin {
  return {
    name: 'PodTopologySpread',
    weight: 2,
    score(state, nodes) {
      const pod = state.pod;
      let requirements: Requirement[] | undefined;
      const explicit = (pod.spec?.topologySpreadConstraints ?? []).filter((c) => c.whenUnsatisfiable === 'ScheduleAnyway' && c.topologyKey === HOSTNAME);
      let maxSkew = HOSTNAME_MAX_SKEW;
      if (pod.spec?.topologySpreadConstraints?.length) {
        const c = explicit[0];
        if (!c) return undefined;
        const parsed = c.labelSelector ? labelSelectorAsRequirements(c.labelSelector) : undefined;
        requirements = parsed?.ok ? (parsed.requirements ?? undefined) : undefined;
        maxSkew = c.maxSkew;
      } else requirements = defaultSelector(pod);
      if (!requirements) return undefined;
      const weight = Math.log(nodes.length + 2);
      const namespace = pod.metadata?.namespace;
      const raw = nodes.map((n) => {
        let count = 0;
        for (const info of n.pods.values()) {
          const p = info.pod;
          if (p.metadata?.namespace === namespace && !p.metadata?.deletionTimestamp && matchesLabels(requirements!, p.metadata?.labels ?? {})) count++;
        }
        return Math.round(count * weight + (maxSkew - 1));
      });
      const highest = Math.max(...raw);
      const lowest = Math.min(...raw);
      return raw.map((s) => (highest === 0 ? MAX_NODE_SCORE : Math.trunc((MAX_NODE_SCORE * (highest + lowest - s)) / highest)));
    },
  };
}
