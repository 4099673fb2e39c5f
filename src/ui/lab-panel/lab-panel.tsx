import type { StepVerdict } from '../../labs/schema.ts';
import type { LabView } from '../../protocol/messages.ts';
import type { WorkerClient } from '../../protocol/worker-client.ts';
import { ClosedStep } from './closed-step.tsx';
import { firstClosedStep } from './closed-steps.ts';
import { LabScore } from './lab-score.tsx';
import { LabStep } from './lab-step.tsx';
import { MarkupText } from './markup-text.tsx';
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
  return (
    <div className="lab-panel" data-testid="lab-panel">
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
