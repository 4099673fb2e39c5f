/**
 * Runs a task once the learner stops typing for a while. Monaco's chunk evaluates in one long task
 * (about 360 ms of main-thread CPU) that no key pressed meanwhile is echoed through; loading it at
 * the first idle moment after the prompt put that task right under the learner's first command.
 */
export interface PauseTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

/** Subscribes to key presses; returns the unsubscribe. */
export type KeySource = (onKey: () => void) => () => void;

/**
 * Calls `run` once no key was pressed for `pauseMs`, counted from now and again from each key.
 * Returns a cancel that stops the wait (run is then never called).
 */
export function afterTypingPause(keys: KeySource, timers: PauseTimers, pauseMs: number, run: () => void): () => void {
  let timer: unknown;
  const stop = () => {
    timers.clearTimeout(timer);
    unsubscribe();
  };
  const restart = () => {
    timers.clearTimeout(timer);
    timer = timers.setTimeout(() => {
      stop();
      run();
    }, pauseMs);
  };
  const unsubscribe = keys(restart);
  restart();
  return stop;
}
