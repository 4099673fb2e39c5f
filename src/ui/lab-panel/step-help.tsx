import { useState } from 'react';
import type { LabView } from '../../protocol/messages.ts';
import { MarkupText } from './markup-text.tsx';
import { StepSolution } from './step-solution.tsx';

type Step = LabView['steps'][number];

/** The Hint and Show solution buttons of a step, and what they reveal. */
export function StepHelp({ step }: { step: Step }) {
  const [shown, setShown] = useState<'hint' | 'solution' | undefined>();
  if (step.kind === 'info') return null;
  return (
    <>
      {step.hints?.length ? (
        <button aria-pressed={shown === 'hint'} onClick={() => setShown(shown === 'hint' ? undefined : 'hint')}>
          Hint
        </button>
      ) : null}
      {step.solution !== undefined && step.solution.length > 0 ? (
        <button aria-pressed={shown === 'solution'} onClick={() => setShown(shown === 'solution' ? undefined : 'solution')}>
          Show solution
        </button>
      ) : null}
      {shown === 'hint' && (
        <div className="lab-step-hints">
          {step.hints?.map((hint) => (
            <p key={hint}>
              <MarkupText text={hint} copyable />
            </p>
          ))}
        </div>
      )}
      {shown === 'solution' && <StepSolution step={step} />}
    </>
  );
}
