import { useState } from 'react';
import type { LabView } from '../../protocol/messages.ts';
import { MarkupText } from './markup-text.tsx';

type Step = LabView['steps'][number];

/** The Hint and Show solution buttons of a step, and what they reveal. */
export function StepHelp({ step }: { step: Step }) {
  const [shown, setShown] = useState<'hint' | 'solution' | undefined>();
  if (step.kind === 'info') return null;
  const solution = Array.isArray(step.solution) ? step.solution.join('\n') : step.solution;
  return (
    <>
      {step.hints?.length ? (
        <button aria-pressed={shown === 'hint'} onClick={() => setShown(shown === 'hint' ? undefined : 'hint')}>
          Hint
        </button>
      ) : null}
      {solution ? (
        <button aria-pressed={shown === 'solution'} onClick={() => setShown(shown === 'solution' ? undefined : 'solution')}>
          Show solution
        </button>
      ) : null}
      {shown === 'hint' && (
        <div className="lab-step-hints">
          {step.hints?.map((hint) => (
            <p key={hint}>
              <MarkupText text={hint} />
            </p>
          ))}
        </div>
      )}
      {shown === 'solution' && <pre>{solution}</pre>}
    </>
  );
}
