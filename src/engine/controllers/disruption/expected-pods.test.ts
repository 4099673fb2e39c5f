import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { budgetNumbers, type ScaleOf } from './expected-pods.ts';

// Cases after pkg/controller/disruption/disruption_test.go (v1.35): what a budget expects and
// how many pods must stay healthy.
const pdb = (spec: NonNullable<PodDisruptionBudget['spec']>): PodDisruptionBudget => ({
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name: 'foo', namespace: 'default' },
  spec,
});
const pod = (name: string, controller?: string): Pod => ({
  metadata: {
    name,
    namespace: 'default',
    ...(controller ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: controller, uid: controller, controller: true }] } : {}),
  },
});
const scales: Record<string, number> = { rs: 4, rs2: 6 };
const scaleOf: ScaleOf = (_ns, ref) => (ref.uid in scales ? { uid: ref.uid, replicas: scales[ref.uid]! } : undefined);

describe('budgetNumbers', () => {
  it.each([
    {
      name: 'TestNoSelector (integer minAvailable counts the pods)',
      spec: { minAvailable: 3 },
      pods: [pod('a'), pod('b')],
      want: { expectedCount: 2, desiredHealthy: 3, unmanagedPods: [] },
    },
    { name: 'TestIntegerMaxUnavailable', spec: { maxUnavailable: 1 }, pods: [pod('a', 'rs'), pod('b', 'rs')], want: { expectedCount: 4, desiredHealthy: 3, unmanagedPods: [] } },
    {
      name: 'TestIntegerMaxUnavailableWithScaling (never below zero)',
      spec: { maxUnavailable: 7 },
      pods: [pod('a', 'rs')],
      want: { expectedCount: 4, desiredHealthy: 0, unmanagedPods: [] },
    },
    {
      name: 'TestReplicaSet (percentage minAvailable rounds up)',
      spec: { minAvailable: '20%' },
      pods: [pod('a', 'rs')],
      want: { expectedCount: 4, desiredHealthy: 1, unmanagedPods: [] },
    },
    { name: 'TestMultipleControllers', spec: { minAvailable: '50%' }, pods: [pod('a', 'rs'), pod('b', 'rs2')], want: { expectedCount: 10, desiredHealthy: 5, unmanagedPods: [] } },
    { name: 'TestPercentageMaxUnavailable', spec: { maxUnavailable: '30%' }, pods: [pod('a', 'rs2')], want: { expectedCount: 6, desiredHealthy: 4, unmanagedPods: [] } },
    { name: 'TestNakedPod', spec: { minAvailable: '28%' }, pods: [pod('naked')], want: { expectedCount: 0, desiredHealthy: 0, unmanagedPods: ['naked'] } },
    { name: 'TestUnknownController', spec: { maxUnavailable: 1 }, pods: [pod('a', 'gone')], want: { error: 'found no controllers for pod "a"' } },
  ])('$name', ({ spec, pods, want }) => {
    expect(budgetNumbers(pdb(spec), pods, scaleOf)).toEqual(want);
  });
});
