import { useEffect, useRef, type RefObject } from 'react';
import type { StepVerdict } from '../../labs/schema.ts';
import type { LabView } from '../../protocol/messages.ts';
import type { WorkerClient } from '../../protocol/worker-client.ts';
import { ClosedStep } from './closed-step.tsx';
import { firstClosedStep } from './closed-steps.ts';
import { LabScore } from './lab-score.tsx';
import { LabStep } from './lab-step.tsx';
import { MarkupText } from './markup-text.tsx';
import { STEP_ANSWER } from './step-answer.tsx';
import './lab-panel.css';

/** The lab's steps in order: questions answered in place, tasks checked with the Check button. The app preview and rollout view are in the work area's dock (layout/). */
export function LabPanel({
  client,
  lab,
  verdicts,
  score: reported,
  reached,
  onReset,
}: {
  client: WorkerClient;
  lab: LabView;
  verdicts: Record<string, StepVerdict>;
  score: { passed: number; total: number } | undefined;
  reached: string | undefined;
  onReset: () => void;
}) {
  const score = reported ?? { passed: 0, total: lab.steps.filter((s) => s.kind !== 'info').length };
  const current = lab.steps.find((s) => s.kind !== 'info' && verdicts[s.id]?.status !== 'pass')?.id;
  const closedFrom = firstClosedStep(lab, verdicts, reached);
  const panel = useRef<HTMLDivElement>(null);
  useKeyboardOnNextStep(panel, current);
  return (
    <div className="lab-panel" data-testid="lab-panel" ref={panel}>
      <h3>{lab.title}</h3>
      <p>
        <MarkupText text={lab.summary} />
      </p>
      <LabScore score={score} onReset={onReset} />
      {lab.steps.map((step, i) =>
        i >= closedFrom ? (
          <ClosedStep key={step.id} client={client} step={step} index={i} first={i === closedFrom} />
        ) : (
          <LabStep key={step.id} client={client} step={step} index={i} verdict={verdicts[step.id]} current={step.id === current} />
        ),
      )}
    </div>
  );
}

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), textarea, select, a[href]';

/**
 * When a step passes, the control answered with folds away and the browser drops the focus to the
 * page: a keyboard user would start again from the top. The focus goes on to the next step instead,
 * but only when it was in the panel (or just lost from it), never from the terminal or the editor.
 */
function useKeyboardOnNextStep(panel: RefObject<HTMLDivElement | null>, current: string | undefined): void {
  const previous = useRef(current);
  useEffect(() => {
    if (previous.current === current) return;
    previous.current = current;
    const root = panel.current;
    const focused = document.activeElement;
    if (!root || current === undefined || (focused && focused !== document.body && !root.contains(focused))) return;
    const step = root.querySelector<HTMLElement>(`[data-testid="lab-step-${current}"]`);
    (step?.querySelector<HTMLElement>(STEP_ANSWER) ?? step?.querySelector<HTMLElement>(FOCUSABLE))?.focus();
  }, [panel, current]);
}
