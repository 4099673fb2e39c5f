import type { LabView } from '../../protocol/messages.ts';
import type { WorkerClient } from '../../protocol/worker-client.ts';

/**
 * A step not reached yet whose question would ask about objects not there yet. The first closed
 * step can be opened ahead of time; the ones after it only show their number.
 */
export function ClosedStep({ client, step, index, first }: { client: WorkerClient; step: LabView['steps'][number]; index: number; first: boolean }) {
  return (
    <div className="lab-step closed" data-testid={`lab-step-${step.id}`}>
      <b>{index + 1}.</b>{' '}
      {first ? (
        <>
          Opens when the steps before it are done (it adds objects to the cluster). <button onClick={() => client.send({ type: 'lab.check', stepId: step.id })}>Open it now</button>
        </>
      ) : (
        '…'
      )}
    </div>
  );
}
