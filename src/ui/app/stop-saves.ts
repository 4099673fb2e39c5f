import type { WorkerClient } from '../../protocol/worker-client.ts';

/** How long a worker may take to finish its last save before the lab goes to another tab anyway. */
const STOP_SAVES_LIMIT_MS = 3000;

/** Asks the worker to stop saving; resolves once its last save is written. */
export function stopSaves(client: WorkerClient): Promise<void> {
  return new Promise((resolve) => {
    const id = client.nextId();
    const done = () => {
      unsubscribe();
      window.clearTimeout(timer);
      resolve();
    };
    const unsubscribe = client.subscribe((m) => {
      if (m.type === 'saves.stopped' && m.id === id) done();
    });
    const timer = window.setTimeout(done, STOP_SAVES_LIMIT_MS);
    client.send({ type: 'saves.stop', id });
  });
}
