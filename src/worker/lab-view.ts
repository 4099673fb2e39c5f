/** What the page is told of labs: the list to choose from, a lab's steps, how far a learner got. */
import type { LabView } from '../protocol/messages.ts';
import { loadLab } from '../labs/load-lab.ts';
import type { Grader } from '../labs/grader.ts';
import type { LoadedLab } from '../labs/schema.ts';
import { bundledLabFiles, bundledLabIds } from './bundled-labs.ts';

export function reachedOf(lab: Grader): { reached?: string } {
  const reached = lab.reachedStep();
  return reached ? { reached } : {};
}

/** What the lab panel shows of a lab: its steps without their checks. */
export function labView(lab: LoadedLab): LabView {
  const { id, title, summary, steps, previews } = lab;
  return {
    id,
    title,
    summary,
    ...(previews ? { previews } : {}),
    steps: steps.map(({ id: stepId, kind, prompt, choices, freeText, hints, solution, setup }) => ({
      id: stepId,
      kind,
      prompt,
      ...(choices ? { choices } : {}),
      ...(freeText ? { freeText } : {}),
      ...(hints ? { hints } : {}),
      ...(solution ? { solution } : {}),
      ...(setup ? { createsObjects: true } : {}),
    })),
  };
}

export function labsSummary() {
  return bundledLabIds().flatMap((id) => {
    const loaded = loadLab(bundledLabFiles(id) ?? {});
    return loaded.ok ? [{ id, title: loaded.lab.title, summary: loaded.lab.summary }] : [];
  });
}
