import { useState } from 'react';

/** The score, a word when the lab is done, and Reset lab — asked twice, since it wipes the progress. */
export function LabScore({ score, onReset }: { score: { passed: number; total: number }; onReset: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const done = score.total > 0 && score.passed === score.total;
  return (
    <div className="lab-score">
      <span data-testid="lab-score" role="status">
        Score {score.passed}/{score.total}
        {done && <strong className="lab-done"> — lab complete, every step passed</strong>}
      </span>{' '}
      {confirming ? (
        <span>
          Start this lab afresh?{' '}
          <button
            onClick={() => {
              setConfirming(false);
              onReset();
            }}
          >
            Reset
          </button>
          <button onClick={() => setConfirming(false)}>Keep my progress</button>
        </span>
      ) : (
        <button onClick={() => setConfirming(true)}>Reset lab</button>
      )}
    </div>
  );
}
