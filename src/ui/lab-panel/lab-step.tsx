import { useState } from 'react';
import type { StepVerdict } from '../../labs/schema.ts';
import type { LabView } from '../../protocol/messages.ts';
import type { WorkerClient } from '../../protocol/worker-client.ts';

type Step = LabView['steps'][number];

/**
 * One open step: its prompt, the answer controls or the Check button, hints and the solution. A
 * passed step folds to its first line; the learner can unfold it to reread it.
 */
export function LabStep({ client, step, index, verdict, current }: { client: WorkerClient; step: Step; index: number; verdict: StepVerdict | undefined; current: boolean }) {
  const passed = verdict?.status === 'pass' && step.kind !== 'info';
  const [unfolded, setUnfolded] = useState(false);
  const [shown, setShown] = useState<'hint' | 'solution' | undefined>();
  const [text, setText] = useState('');
  const folded = passed && !unfolded;
  const className = ['lab-step', current ? 'current' : '', passed ? 'passed' : '', folded ? 'folded' : ''].filter(Boolean).join(' ');
  return (
    <div className={className} data-testid={`lab-step-${step.id}`}>
      {passed ? (
        <button className="lab-step-fold" aria-expanded={!folded} onClick={() => setUnfolded(!unfolded)}>
          <span aria-hidden="true">{folded ? '▸' : '▾'}</span> <b>{index + 1}.</b> ✔ {folded ? firstLine(step.prompt) : 'Passed'}
        </button>
      ) : null}
      {!folded && (
        <>
          <div>
            {!passed && <b>{index + 1}. </b>}
            {step.prompt}
          </div>
          {step.kind === 'question' && step.choices && (
            <div>
              {step.choices.map((choice) => (
                <button key={choice} onClick={() => client.send({ type: 'lab.answer', stepId: step.id, text: choice })}>
                  {choice}
                </button>
              ))}
            </div>
          )}
          {step.kind === 'question' && !step.choices && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                client.send({ type: 'lab.answer', stepId: step.id, text });
              }}
            >
              <input aria-label={`answer to step ${index + 1}`} value={text} onChange={(e) => setText(e.target.value)} />
              <button type="submit">Answer</button>
            </form>
          )}
          {step.kind === 'task' && (
            <button data-testid="check-button" onClick={() => client.send({ type: 'lab.check', stepId: step.id })}>
              Check
            </button>
          )}
          {step.kind !== 'info' && step.hints?.length ? <button onClick={() => setShown('hint')}>Hint</button> : null}
          {step.kind !== 'info' && step.solution ? <button onClick={() => setShown('solution')}>Show solution</button> : null}
          {shown === 'hint' && <pre>{step.hints?.join('\n')}</pre>}
          {shown === 'solution' && <pre>{Array.isArray(step.solution) ? step.solution.join('\n') : step.solution}</pre>}
        </>
      )}
      {verdict && verdict.status !== 'pending' && (
        <div className={`verdict ${verdict.status}`}>
          {verdict.status === 'pass' ? '✔ ' : '✖ '}
          {verdict.why}
        </div>
      )}
    </div>
  );
}

function firstLine(prompt: string): string {
  const sentence = prompt.split(/(?<=[.?!])\s/)[0] ?? prompt;
  return sentence.length > 90 ? `${sentence.slice(0, 89)}…` : sentence;
}
