import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { applyPodLabelKeys } from './pod-label-keys.ts';

const term = (extra: Record<string, unknown>) => ({ labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'kubernetes.io/hostname', ...extra });

// What strategy.go mutatePodAffinity and mutateTopologySpreadConstraints do to a new pod.
const cases = [
  {
    name: 'matchLabelKeys are merged into labelSelector with In and mismatchLabelKeys are merged with NotIn',
    spec: { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ matchLabelKeys: ['rev'], mismatchLabelKeys: ['team'] })] } } },
    want: {
      matchLabels: { app: 'web' },
      matchExpressions: [
        { key: 'rev', operator: 'In', values: ['abc'] },
        { key: 'team', operator: 'NotIn', values: ['blue'] },
      ],
    },
  },
  {
    name: 'keys the pod does not carry are skipped',
    spec: { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ matchLabelKeys: ['missing'] })] } } },
    want: { matchLabels: { app: 'web' } },
  },
];

describe('applyPodLabelKeys', () => {
  it.each(cases)('$name', ({ spec, want }) => {
    const pod = { metadata: { labels: { app: 'web', rev: 'abc', team: 'blue' } }, spec: { containers: [], ...spec } } as Pod;
    applyPodLabelKeys(pod);
    const group = pod.spec!.affinity!.podAffinity ?? pod.spec!.affinity!.podAntiAffinity;
    expect(group!.requiredDuringSchedulingIgnoredDuringExecution![0]!.labelSelector).toEqual(want);
  });

  it('narrows a topology spread constraint to the pod’s own revision', () => {
    const pod = {
      metadata: { labels: { app: 'web', 'pod-template-hash': '5d8f' } },
      spec: {
        containers: [],
        topologySpreadConstraints: [
          {
            maxSkew: 1,
            topologyKey: 'kubernetes.io/hostname',
            whenUnsatisfiable: 'DoNotSchedule',
            labelSelector: { matchLabels: { app: 'web' } },
            matchLabelKeys: ['pod-template-hash'],
          },
          { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule', matchLabelKeys: ['pod-template-hash'] },
        ],
      },
    } as Pod;
    applyPodLabelKeys(pod);
    expect(pod.spec!.topologySpreadConstraints!.map((c) => c.labelSelector)).toEqual([
      { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'pod-template-hash', operator: 'In', values: ['5d8f'] }] },
      undefined,
    ]);
  });
});
