import type { StepVerdict } from '../../labs/schema.ts';
import type { LabView } from '../../protocol/messages.ts';
import type { WorkerClient } from '../../protocol/worker-client.ts';
import { AppPreview } from '../app-preview/app-preview.tsx';
import { RolloutView } from '../rollout-view/rollout-view.tsx';
import { firstClosedStep } from './closed-steps.ts';
import { LabStep } from './lab-step.tsx';

/** The lab's steps in order: questions answered in place, tasks checked with the Check button. */
export function LabPanel({ client, lab, verdicts, score: reported, reached, onReset }: { client: WorkerClient; lab: LabView; verdicts: Record<string, StepVerdict>; score: { passed: number; total: number } | undefined; reached: string | undefined; onReset: () => void }) {
  const score = reported ?? { passed: 0, total: lab.steps.filter((s) => s.kind !== 'info').length };
  const current = lab.steps.find((s) => s.kind !== 'info' && verdicts[s.id]?.status !== 'pass')?.id;
  const closedFrom = firstClosedStep(lab, verdicts, reached);
  return (
    <div className="lab-panel" data-testid="lab-panel">
      <h3>{lab.title}</h3>
      <p>{lab.summary}</p>

      <p data-testid="lab-score">
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
        return <LabStep key={step.id} client={client} step={step} index={i} verdict={verdict} current={step.id === current} />;
      })}
      <AppPreview key={lab.id} client={client} previews={lab.previews ?? []} />
      <RolloutView client={client} />
    </div>
  );
}

