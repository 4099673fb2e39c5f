import { useState } from 'react';
import type { LabView } from '../../protocol/messages.ts';
import type { WorkerClient } from '../../protocol/worker-client.ts';
import { MarkupText } from './markup-text.tsx';

type Step = LabView['steps'][number];

/** How the learner answers a step: a choice to click, a text to type, or the task's Check button. */
export function StepAnswer({ client, step, index, checking, onCheck }: { client: WorkerClient; step: Step; index: number; checking: boolean; onCheck: () => void }) {
  const [text, setText] = useState('');
  if (step.kind === 'question' && step.choices) {
    return (
      <div className="lab-step-choices">
        {step.choices.map((choice) => (
          <button key={choice} onClick={() => client.send({ type: 'lab.answer', stepId: step.id, text: choice })}>
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
        <input aria-label={`answer to step ${index + 1}`} placeholder="Type your answer" value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit">Answer</button>
      </form>
    );
  }
  if (step.kind === 'task') {
    return (
      <button
        data-testid="check-button"
        title="Grade this task against the cluster as it is now"
        disabled={checking}
        onClick={() => {
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
