import type { StepVerdict } from '../../labs/schema.ts';
import type { LabView } from '../../protocol/messages.ts';

/**
 * The index of the first step still closed, or the number of steps when all are open. A step that
 * creates objects when reached (purple appears at its question) stays closed, with the steps after
 * it, until the learner gets there: its prompt would ask about pods not yet there.
 */
export function firstClosedStep(lab: Pick<LabView, 'steps'>, verdicts: Record<string, StepVerdict>, reachedStepId: string | undefined): number {
  const steps = lab.steps;
  const current = steps.findIndex((s) => s.kind !== 'info' && verdicts[s.id]?.status !== 'pass');
  const touched = steps.reduce((furthest, s, i) => (verdicts[s.id] ? i : furthest), -1);
  const reached = Math.max(current < 0 ? steps.length : current, touched, reachedStepId ? steps.findIndex((s) => s.id === reachedStepId) : -1);
  const closed = steps.findIndex((s, i) => i > reached && s.createsObjects);
  return closed < 0 ? steps.length : closed;
}
