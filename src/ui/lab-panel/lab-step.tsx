import { useEffect, useRef, useState } from 'react';
import type { StepVerdict } from '../../labs/schema.ts';
import type { LabView } from '../../protocol/messages.ts';
import type { WorkerClient } from '../../protocol/worker-client.ts';
import { MarkupText } from './markup-text.tsx';
import { StepAnswer } from './step-answer.tsx';
import { StepHelp } from './step-help.tsx';
import { stepTitle } from './step-title.ts';

type Step = LabView['steps'][number];

/**
 * One open step: its prompt, how to answer it, hints and the solution, and the verdict. A passed
 * step folds to its first sentence; the learner can unfold it to reread it. The current step
 * scrolls into the panel's view when the learner gets to it.
 */
export function LabStep({ client, step, index, verdict, current }: { client: WorkerClient; step: Step; index: number; verdict: StepVerdict | undefined; current: boolean }) {
  const passed = verdict?.status === 'pass' && step.kind !== 'info';
  const [unfolded, setUnfolded] = useState(false);
  // From a press of Check until a new verdict comes: the verdict shown before is hidden, so it is never read as the new one.
  const [checkPressed, setCheckPressed] = useState<{ over: StepVerdict | undefined }>();
  const checking = checkPressed !== undefined && checkPressed.over === verdict;
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (current && box.current) revealInPanel(box.current);
  }, [current]);
  const folded = passed && !unfolded;
  const bodyId = `lab-step-body-${step.id}`;
  const className = ['lab-step', current ? 'current' : '', passed ? 'passed' : '', folded ? 'folded' : ''].filter(Boolean).join(' ');
  return (
    <div ref={box} className={className} data-testid={`lab-step-${step.id}`} aria-current={current ? 'step' : undefined}>
      {passed ? (
        <button className="lab-step-fold" aria-expanded={!folded} aria-controls={bodyId} onClick={() => setUnfolded(!unfolded)}>
          <span aria-hidden="true">{folded ? '▸' : '▾'}</span> <b>{index + 1}.</b> ✔ {folded ? <MarkupText segments={stepTitle(step.prompt)} /> : 'Passed'}
        </button>
      ) : null}
      {!folded && (
        <div id={bodyId}>
          <div>
            {!passed && <b>{index + 1}. </b>}
            <MarkupText text={step.prompt} copyable />
          </div>
          <StepAnswer client={client} step={step} index={index} checking={checking} onCheck={() => setCheckPressed({ over: verdict })} />
          <StepHelp step={step} />
        </div>
      )}
      {verdict && verdict.status !== 'pending' && !checking && (
        <div className={`verdict ${verdict.status}`} role="status">
          {verdict.status === 'pass' ? '✔ ' : '✖ '}
          {verdict.why}
          {verdict.explanation && (
            <p className="verdict-explanation" data-testid="verdict-explanation">
              <MarkupText text={verdict.explanation} />
            </p>
          )}
        </div>
      )}
    </div>
  );
}

/** Scrolls the lab panel, and only it, so `element` is in view: scrollIntoView would also scroll a page embedding the lab. */
function revealInPanel(element: HTMLElement): void {
  const panel = element.closest('.lab-panel');
  if (!(panel instanceof HTMLElement)) return;
  const box = element.getBoundingClientRect();
  const view = panel.getBoundingClientRect();
  if (box.top < view.top) panel.scrollTop -= view.top - box.top;
  else if (box.bottom > view.bottom) panel.scrollTop += Math.min(box.bottom - view.bottom, box.top - view.top);
}
