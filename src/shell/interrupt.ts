import type { Interrupt } from './command.ts';

/** Ctrl-C for one command line. */
export function createInterrupt(): Interrupt & { fire(): void } {
  let fired = false;
  const listeners = new Set<() => void>();
  return {
    get interrupted() {
      return fired;
    },
    onInterrupt(listener) {
      if (fired) {
        listener();
        return () => undefined;
      }
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    fire() {
      if (fired) return;
      fired = true;
      for (const listener of [...listeners]) listener();
    },
  };
}
