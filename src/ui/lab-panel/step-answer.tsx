import { useState, type KeyboardEvent } from 'react';
import type { LabView } from '../../protocol/messages.ts';
import type { WorkerClient } from '../../protocol/worker-client.ts';
import { MarkupText } from './markup-text.tsx';

type Step = LabView['steps'][number];

/** Marks the controls a step is answered with: where the keyboard lands in a step, past its copy buttons. */
const ANSWER_MARK = { 'data-step-answer': '' };
export const STEP_ANSWER = '[data-step-answer]';

/** How the learner answers a step: a choice to click, a text to type, or the task's Check button. */
export function StepAnswer({ client, step, index, checking, onCheck }: { client: WorkerClient; step: Step; index: number; checking: boolean; onCheck: () => void }) {
  const [text, setText] = useState('');
  if (step.kind === 'question' && step.choices) {
    return (
      <div className="lab-step-choices" role="group" aria-label={`choices for step ${index + 1}`} onKeyDown={moveBetweenChoices}>
        {step.choices.map((choice) => (
          <button key={choice} {...ANSWER_MARK} onClick={() => client.send({ type: 'lab.answer', stepId: step.id, text: choice })}>
            <MarkupText text={choice} />
          </button>
        ))}
      </div>
    );
  }
  if (step.kind === 'question') {
    return (
      <form
        onSubmit={(e) => {
          e.preventDefault();
          client.send({ type: 'lab.answer', stepId: step.id, text });
        }}
      >
        <input {...ANSWER_MARK} aria-label={`answer to step ${index + 1}`} placeholder="Type your answer" value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit">Answer</button>
      </form>
    );
  }
  if (step.kind === 'task') {
    return (
      <button
        {...ANSWER_MARK}
        data-testid="check-button"
        title="Grade this task against the cluster as it is now"
        // Not `disabled`: a disabled button drops the keyboard focus to the page while the check runs.
        aria-disabled={checking}
        onClick={() => {
          if (checking) return;
          onCheck();
          client.send({ type: 'lab.check', stepId: step.id });
        }}
      >
        {checking ? 'Checking…' : 'Check'}
      </button>
    );
  }
  return null;
}

/** Arrow keys move between a question's choices, as in a group of radio buttons; Tab leaves the group. */
function moveBetweenChoices(e: KeyboardEvent<HTMLDivElement>): void {
  const step = e.key === 'ArrowDown' || e.key === 'ArrowRight' ? 1 : e.key === 'ArrowUp' || e.key === 'ArrowLeft' ? -1 : 0;
  if (step === 0 || e.altKey || e.ctrlKey || e.metaKey) return;
  const buttons = [...e.currentTarget.querySelectorAll('button')];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (at < 0) return;
  e.preventDefault();
  buttons[(at + step + buttons.length) % buttons.length]?.focus();
}
