/**
 * The session worker, started the moment the page's first script runs: its bundle downloads and
 * compiles while the page's own loads and React renders, instead of after the first render.
 */

const testHooks = new URLSearchParams(window.location.search).get('test-hooks') === '1';

// Vite bundles a worker only from a literal `new Worker(new URL(…), {static options})`.
const newWorker = () =>
  testHooks
    ? new Worker(new URL('../../worker/session-worker.ts', import.meta.url), { type: 'module', name: 'session test-hooks' })
    : new Worker(new URL('../../worker/session-worker.ts', import.meta.url), { type: 'module', name: 'session' });

let started: Worker | undefined;

/** Starts the page's first session worker ahead of the app that will use it. */
export function startSessionWorker(): void {
  started ??= newWorker();
}

/** The worker started ahead, once; a new one after that (a watchdog's restart). */
export function createSessionWorker(): Worker {
  const worker = started ?? newWorker();
  started = undefined;
  return worker;
}
