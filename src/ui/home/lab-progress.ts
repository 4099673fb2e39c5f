import type { LabEntry } from '../../protocol/messages.ts';

/** How far the learner got in a lab, in words: the score shown beside its bar. */
export function progressText(lab: Pick<LabEntry, 'graded' | 'passed'>): string {
  if (lab.passed === undefined) return 'Not started';
  if (lab.passed >= lab.graded) return `Completed: ${lab.graded} of ${lab.graded}`;
  return `${lab.passed} of ${lab.graded} passed`;
}

/** What the card's link does: start a lab never saved, continue one under way, review one done. */
export function labAction(lab: Pick<LabEntry, 'graded' | 'passed'>): 'Start' | 'Continue' | 'Review' {
  if (lab.passed === undefined) return 'Start';
  return lab.passed >= lab.graded ? 'Review' : 'Continue';
}
