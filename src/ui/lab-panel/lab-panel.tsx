import { useState } from 'react';
import type { StepVerdict } from '../../labs/schema.ts';
import type { LabView } from '../../protocol/messages.ts';
import type { WorkerClient } from '../../protocol/worker-client.ts';
import { AppPreview } from '../app-preview/app-preview.tsx';
import { RolloutView } from '../rollout-view/rollout-view.tsx';

/** The lab's steps in order: questions answered in place, tasks checked with the Check button. */
export function LabPanel({ client, lab, verdicts, score: reported, onReset }: { client: WorkerClient; lab: LabView; verdicts: Record<string, StepVerdict>; score: { passed: number; total: number } | undefined; onReset: () => void }) {
  const score = reported ?? { passed: 0, total: lab.steps.filter((s) => s.kind !== 'info').length };
  const [shown, setShown] = useState<Record<string, 'hint' | 'solution' | undefined>>({});
  const [text, setText] = useState<Record<string, string>>({});
  const current = lab.steps.find((s) => s.kind !== 'info' && verdicts[s.id]?.status !== 'pass')?.id;
  const closedFrom = firstClosedStep(lab, verdicts, current);
  return (
    <div className="lab-panel" data-testid="lab-panel">
      <h3>{lab.title}</h3>
      <p>{lab.summary}</p>

      <p>
        Score {score.passed}/{score.total} <button onClick={onReset}>Reset lab</button>
      </p>
      {lab.steps.map((step, i) => {
        const verdict = verdicts[step.id];
        if (i >= closedFrom) {
          return (
            <div key={step.id} className="lab-step closed" data-testid={`lab-step-${step.id}`}>
              <b>{i + 1}.</b> {i === closedFrom ? 'Opens when the steps before it are done (it adds objects to the cluster).' : '…'}{' '}
              {i === closedFrom && <button onClick={() => client.send({ type: 'lab.check', stepId: step.id })}>Open it now</button>}
            </div>
          );
        }
        return (
          <div key={step.id} className={`lab-step${step.id === current ? ' current' : ''}`} data-testid={`lab-step-${step.id}`}>
            <div>
              <b>{i + 1}.</b> {step.prompt}
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
              <div>
                <input value={text[step.id] ?? ''} onChange={(e) => setText({ ...text, [step.id]: e.target.value })} />
                <button onClick={() => client.send({ type: 'lab.answer', stepId: step.id, text: text[step.id] ?? '' })}>Answer</button>
              </div>
            )}
            {step.kind === 'task' && (
              <button data-testid="check-button" onClick={() => client.send({ type: 'lab.check', stepId: step.id })}>
                Check
              </button>
            )}
            {step.kind !== 'info' && step.hints?.length ? <button onClick={() => setShown({ ...shown, [step.id]: 'hint' })}>Hint</button> : null}
            {step.kind !== 'info' && step.solution ? <button onClick={() => setShown({ ...shown, [step.id]: 'solution' })}>Show solution</button> : null}
            {shown[step.id] === 'hint' && <pre>{step.hints?.join('\n')}</pre>}
            {shown[step.id] === 'solution' && <pre>{Array.isArray(step.solution) ? step.solution.join('\n') : step.solution}</pre>}
            {verdict && verdict.status !== 'pending' && <div className={`verdict ${verdict.status}`}>{verdict.status === 'pass' ? '✔ ' : '✖ '}{verdict.why}</div>}
          </div>
        );
      })}
      <AppPreview client={client} defaultTarget="node01:30080" />
      <RolloutView client={client} />
    </div>
  );
}

/**
 * A step that creates objects when reached (purple appears at its question) stays closed, with the
 * steps after it, until the learner gets there: its prompt would ask about pods not yet there.
 */
function firstClosedStep(lab: LabView, verdicts: Record<string, StepVerdict>, current: string | undefined): number {
  const currentIndex = current === undefined ? lab.steps.length : lab.steps.findIndex((s) => s.id === current);
  const touched = lab.steps.reduce((furthest, s, i) => (verdicts[s.id] ? i : furthest), -1);
  const reached = Math.max(currentIndex, touched);
  const closed = lab.steps.findIndex((s, i) => i > reached && s.createsObjects);
  return closed < 0 ? lab.steps.length : closed;
}
