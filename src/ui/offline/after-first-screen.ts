import type { FromWorker } from '../../protocol/messages.ts';

/** The worker's answers after which the page's first screen is up: the catalogue, a prompt, or a fault. */
const FIRST_SCREEN: ReadonlySet<FromWorker['type']> = new Set(['lab.list', 'session.ready', 'error']);
/** Runs anyway after this long, for a page whose worker never answers. */
export const FIRST_SCREEN_WAIT_MS = 10_000;

export type MessageSource = { subscribe(listener: (message: FromWorker) => void): () => void };
/** Calls `run` after `ms`; the function returned cancels it. */
export type Wait = (run: () => void, ms: number) => () => void;

/**
 * Runs `run` once, when the page's first screen is up. Installing the offline copy fetches and
 * stores every built file (Monaco's 4 MB included); started at the page's load event, it took the
 * cores from the worker's compile of the session chunk and from the first render.
 * The function returned cancels.
 */
export function afterFirstScreen(source: MessageSource, run: () => void, wait: Wait): () => void {
  let done = false;
  const fire = () => {
    if (done) return;
    cancel();
    run();
  };
  const unsubscribe = source.subscribe((message) => {
    if (FIRST_SCREEN.has(message.type)) fire();
  });
  const cancelWait = wait(fire, FIRST_SCREEN_WAIT_MS);
  function cancel() {
    done = true;
    unsubscribe();
    cancelWait();
  }
  return cancel;
}

/** Resolves once the page's first screen is up; subscribe before the client's held events are released. */
export function firstScreenShown(source: MessageSource): Promise<void> {
  return new Promise((resolve) =>
    afterFirstScreen(source, resolve, (run, ms) => {
      const timer = setTimeout(run, ms);
      return () => clearTimeout(timer);
    }),
  );
}
