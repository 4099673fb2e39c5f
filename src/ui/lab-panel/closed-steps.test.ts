import { describe, expect, it } from 'vitest';
import type { StepVerdict } from '../../labs/schema.ts';
import { firstClosedStep } from './closed-steps.ts';

const lab = {
  steps: [
    { id: 'count', kind: 'question' as const, prompt: '' },
    { id: 'purple', kind: 'question' as const, prompt: '', createsObjects: true },
    { id: 'purple-state', kind: 'question' as const, prompt: '' },
    { id: 'fix', kind: 'task' as const, prompt: '' },
  ],
};
const pass = (stepId: string): StepVerdict => ({ stepId, status: 'pass', why: '' });

describe('firstClosedStep', () => {
  it.each([
    { name: 'a fresh lab closes the step that creates objects and all after it', verdicts: [], reached: undefined, closedFrom: 1 },
    { name: 'passing the step before it opens it', verdicts: [pass('count')], reached: undefined, closedFrom: 4 },
    { name: '"Open it now" reached it: open, also after a reload that only knows what passed', verdicts: [], reached: 'purple', closedFrom: 4 },
    { name: 'a checked later step opens everything up to it', verdicts: [{ stepId: 'fix', status: 'fail', why: '' } as StepVerdict], reached: undefined, closedFrom: 4 },
  ])('$name', ({ verdicts, reached, closedFrom }) => {
    expect(firstClosedStep(lab, Object.fromEntries(verdicts.map((v) => [v.stepId, v])), reached)).toBe(closedFrom);
  });
});
