import { describe, expect, it } from 'vitest';
import { create, newAdmissionServer, outcome, pod } from './testing/admission-server.ts';

const pc = (name: string, value: number, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'scheduling.k8s.io/v1',
  kind: 'PriorityClass',
  metadata: { name },
  value,
  ...extra,
});

// Case names from plugin/pkg/admission/priority/admission_test.go TestPodAdmission.
describe('Priority admission of pods', () => {
  const cases: { name: string; classes: ReturnType<typeof pc>[]; spec: Record<string, unknown>; answer: string; priority?: [string | undefined, number, string] }[] = [
    {
      name: 'Pod with priority class',
      classes: [pc('default1', 1000)],
      spec: { priorityClassName: 'default1' },
      answer: 'created',
      priority: ['default1', 1000, 'PreemptLowerPriority'],
    },
    { name: 'pod without priority class and no existing priority class', classes: [], spec: {}, answer: 'created', priority: [undefined, 0, 'PreemptLowerPriority'] },
    {
      name: 'pod without priority class and existing global default class',
      classes: [pc('default1', 1000, { globalDefault: true })],
      spec: {},
      answer: 'created',
      priority: ['default1', 1000, 'PreemptLowerPriority'],
    },
    {
      name: 'pod without priority class and multiple global default classes',
      classes: [pc('default1', 1000, { globalDefault: true })],
      spec: {},
      answer: 'created',
      priority: ['default1', 1000, 'PreemptLowerPriority'],
    },
    {
      name: 'Pod with a PriorityClass that is not found',
      classes: [],
      spec: { priorityClassName: 'foo' },
      answer: 'pods "p" is forbidden: no PriorityClass with name foo was found',
    },
    {
      name: 'pod with system critical priority class',
      classes: [],
      spec: { priorityClassName: 'system-cluster-critical' },
      answer: 'created',
      priority: ['system-cluster-critical', 2000000000, 'PreemptLowerPriority'],
    },
    {
      name: 'pod with integer priority',
      classes: [pc('default1', 1000)],
      spec: { priorityClassName: 'default1', priority: 5 },
      answer:
        'pods "p" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 1000 from the given PriorityClass name',
    },
    {
      name: 'pod with a priority class that has a preemption policy',
      classes: [pc('nopreempt', 10, { preemptionPolicy: 'Never' })],
      spec: { priorityClassName: 'nopreempt' },
      answer: 'created',
      priority: ['nopreempt', 10, 'Never'],
    },
    {
      name: 'pod with a preemption policy that differs from its class',
      classes: [pc('nopreempt', 10, { preemptionPolicy: 'Never' })],
      spec: { priorityClassName: 'nopreempt', preemptionPolicy: 'PreemptLowerPriority' },
      answer:
        'pods "p" is forbidden: the string value of PreemptionPolicy (PreemptLowerPriority) must not be provided in pod spec; priority admission controller computed Never from the given PriorityClass name',
    },
  ];
  it.each(cases)('$name', ({ classes, spec, answer, priority }) => {
    const server = newAdmissionServer();
    for (const c of classes) expect(outcome(create(server, 'scheduling.k8s.io', 'priorityclasses', c))).toBe('created');
    const res = create(server, '', 'pods', pod('p', undefined, spec));
    expect(outcome(res)).toBe(answer);
    if (priority) {
      const s = (res.body as { spec: { priorityClassName?: string; priority: number; preemptionPolicy: string } }).spec;
      expect([s.priorityClassName, s.priority, s.preemptionPolicy]).toEqual(priority);
    }
  });
});

// Case names from TestPriorityClassAdmission and the scheduling validation tests.
describe('PriorityClass admission and validation', () => {
  const cases: { name: string; existing: ReturnType<typeof pc>[]; created: ReturnType<typeof pc>; answer: string }[] = [
    { name: 'one default class', existing: [], created: pc('default1', 1000, { globalDefault: true }), answer: 'created' },
    {
      name: 'more than one default classes',
      existing: [pc('default1', 1000, { globalDefault: true })],
      created: pc('default2', 2000, { globalDefault: true }),
      answer: 'priorityclasses.scheduling.k8s.io "default2" is forbidden: PriorityClass default1 is already marked as default. Only one default can exist',
    },
    {
      name: 'value above the highest user definable priority',
      existing: [],
      created: pc('too-high', 2000000000),
      answer: 'PriorityClass "too-high" is invalid: value: Forbidden: maximum allowed value of a user defined priority is 1000000000',
    },
    {
      name: 'system name prefix',
      existing: [],
      created: pc('system-mine', 10),
      answer:
        'PriorityClass "system-mine" is invalid: metadata.name: Forbidden: priority class names with \'system-\' prefix are reserved for system use only. error: system-mine is not a known system priority class',
    },
  ];
  it.each(cases)('$name', ({ existing, created, answer }) => {
    const server = newAdmissionServer();
    for (const c of existing) create(server, 'scheduling.k8s.io', 'priorityclasses', c);
    expect(outcome(create(server, 'scheduling.k8s.io', 'priorityclasses', created))).toBe(answer);
  });
});
