/** What the page is told of labs: the list to choose from, a lab's steps, how far a learner got. */
import { PROTOCOL_VERSION, type FromWorker, type LabEntry, type LabView } from '../protocol/messages.ts';
import type { Session } from '../session/session.ts';
import type { Grader } from '../labs/grader.ts';
import type { Choice, LoadedLab } from '../labs/schema.ts';
import { bundledLabs } from './bundled-labs.ts';
import { loadSavedPassed } from './progress-store.ts';

export function reachedOf(lab: Grader): { reached?: string } {
  const reached = lab.reachedStep();
  return reached ? { reached } : {};
}

/** What the lab panel shows of a lab: its steps without their checks. */
export function labView(lab: LoadedLab): LabView {
  const { id, title, summary, minutes, steps, previews } = lab;
  return {
    id,
    title,
    summary,
    ...(minutes ? { minutes } : {}),
    ...(previews ? { previews } : {}),
    steps: steps.map(({ id: stepId, kind, prompt, choices, freeText, hints, solution, setup }) => ({
      id: stepId,
      kind,
      prompt,
      ...(choices ? { choices: choices.map((c) => c.text) } : {}),
      ...answerExplanationOf(choices, solution),
      ...(freeText ? { freeText } : {}),
      ...(hints ? { hints } : {}),
      ...(solution ? { solution } : {}),
      ...(setup ? { createsObjects: true } : {}),
    })),
  };
}

/** The right option's explanation, for "Show solution"; its "Right: " is for the verdict only. */
function answerExplanationOf(choices: Choice[] | undefined, solution: string | string[] | undefined): { answerExplanation?: string } {
  const right = typeof solution === 'string' ? choices?.find((c) => c.text === solution) : undefined;
  return right ? { answerExplanation: right.explanation.replace(/^Right: /, '').replace(/^./, (c) => c.toUpperCase()) } : {};
}

/** The catalogue: every bundled lab, with the steps its save says were passed. */
export async function labCatalogue(): Promise<LabEntry[]> {
  const labs = bundledLabs();
  const saved = await loadSavedPassed(labs.map((l) => l.id));
  return labs.map(({ id, title, summary, minutes, steps }) => {
    const graded = steps.filter((s) => s.kind !== 'info');
    const passed = saved[id];
    return {
      id,
      title,
      summary,
      ...(minutes ? { minutes } : {}),
      graded: graded.length,
      // A step the lab no longer has (the lab changed since the save) does not count.
      ...(passed ? { passed: graded.filter((s) => passed.includes(s.id)).length } : {}),
    };
  });
}

/**
 * What the page is told once a session's shell is ready: its prompt, lab, history and unsaved
 * drafts. The lab's setup may still be running: the learner types meanwhile.
 */
export function readyMessage(ready: {
  session: Session;
  lab: LoadedLab | undefined;
  clusterRestored: boolean | undefined;
  drafts: Record<string, string> | undefined;
}): FromWorker {
  const { session, lab, clusterRestored, drafts } = ready;
  return {
    type: 'session.ready',
    version: PROTOCOL_VERSION,
    prompt: session.shell.prompt(),
    ...(lab ? { lab: labView(lab) } : {}),
    ...(clusterRestored !== undefined ? { clusterRestored } : {}),
    history: [...session.shell.history],
    ...(drafts ? { drafts } : {}),
  };
}

/** What the page is told once the session has booted: the clock at once (not at the next tick's report), and the lab's verdicts so far. */
export function bootedMessages(booted: { session: Session; grader: Grader | undefined; clock: { playing: boolean; speed: number } }): FromWorker[] {
  const { session, grader, clock } = booted;
  return [
    { type: 'clock.state', nowMs: session.cluster.clock.now(), ...clock },
    ...(grader ? [{ type: 'lab.verdicts' as const, verdicts: grader.verdicts(), score: grader.score(), ...reachedOf(grader) }] : []),
  ];
}
