/** The session worker's script, as Vite bundles it: the page's first worker and each watchdog restart. */

const testHooks = new URLSearchParams(window.location.search).get('test-hooks') === '1';

// Vite bundles a worker only from a literal `new Worker(new URL(…), {static options})`.
export const createSessionWorker = (): Worker =>
  testHooks
    ? new Worker(new URL('../../worker/session-worker.ts', import.meta.url), { type: 'module', name: 'session test-hooks' })
    : new Worker(new URL('../../worker/session-worker.ts', import.meta.url), { type: 'module', name: 'session' });
