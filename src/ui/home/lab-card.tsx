import type { LabEntry } from '../../protocol/messages.ts';
import { MarkupText } from '../lab-panel/markup-text.tsx';
import { labAction, progressText } from './lab-progress.ts';

/** One lab of the catalogue: what it teaches, how long it takes, the learner's score, and the way in. */
export function LabCard({ lab }: { lab: LabEntry }) {
  const action = labAction(lab);
  return (
    <li className="lab-card" data-testid="home-lab" data-lab-id={lab.id}>
      <h3>
        <a href={`#/labs/${lab.id}`}>{lab.title}</a>
      </h3>
      <p className="lab-card-summary">
        <MarkupText text={lab.summary} />
      </p>
      <p className="lab-card-meta">
        {lab.minutes !== undefined && <span>about {lab.minutes} min</span>}
        <span>{lab.graded} graded steps</span>
      </p>
      <div className="lab-card-progress">
        <progress max={lab.graded} value={lab.passed ?? 0} aria-label={`${lab.title}: progress`} />
        <span data-testid="home-lab-progress">{progressText(lab)}</span>
        <a className="lab-card-go" href={`#/labs/${lab.id}`} aria-label={`${action} ${lab.title}`}>
          {action}
        </a>
      </div>
    </li>
  );
}
