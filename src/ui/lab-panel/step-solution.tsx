import type { LabView } from '../../protocol/messages.ts';
import { CopyButton } from './copy-button.tsx';
import { MarkupText } from './markup-text.tsx';

type Step = LabView['steps'][number];

/**
 * What "Show solution" reveals: for a question, the answer said as one and why it is right; for a
 * task, its commands as a wrapped code block with a button that copies them all.
 */
export function StepSolution({ step }: { step: Step }) {
  if (step.solution === undefined) return null;
  if (step.kind === 'question') {
    const answer = Array.isArray(step.solution) ? step.solution.join(' ') : step.solution;
    return (
      <div className="lab-step-solution" data-testid="step-solution">
        <p>
          The answer is <code>{answer}</code>.
        </p>
        {step.answerExplanation && (
          <p>
            <MarkupText text={step.answerExplanation} />
          </p>
        )}
      </div>
    );
  }
  const lines = Array.isArray(step.solution) ? step.solution.join('\n') : step.solution;
  return (
    <div className="lab-step-solution solution-code" data-testid="step-solution">
      <pre>
        <code>{lines}</code>
      </pre>
      <CopyButton className="copy-solution" text={lines} label="Copy the solution">
        Copy
      </CopyButton>
    </div>
  );
}
