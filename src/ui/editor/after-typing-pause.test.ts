import { describe, expect, it } from 'vitest';
import { afterTypingPause, type PauseTimers } from './after-typing-pause.ts';

/** Timers stepped by hand, and a key source the test presses. */
function harness() {
  let nowMs = 0;
  let nextId = 0;
  const due = new Map<number, { atMs: number; run: () => void }>();
  const listeners = new Set<() => void>();
  const timers: PauseTimers = {
    setTimeout: (run, ms) => {
      due.set(++nextId, { atMs: nowMs + ms, run });
      return nextId;
    },
    clearTimeout: (id) => void due.delete(id as number),
  };
  const step = (ms: number) => {
    const untilMs = nowMs + ms;
    for (;;) {
      const next = [...due].filter(([, t]) => t.atMs <= untilMs).sort((a, b) => a[1].atMs - b[1].atMs)[0];
      if (!next) break;
      due.delete(next[0]);
      nowMs = next[1].atMs;
      next[1].run();
    }
    nowMs = untilMs;
  };
  const keys = (onKey: () => void) => {
    listeners.add(onKey);
    return () => void listeners.delete(onKey);
  };
  const press = () => listeners.forEach((l) => l());
  return { timers, step, keys, press, listening: () => listeners.size, pending: () => due.size };
}

type Action = { step: number } | 'key' | 'cancel';

describe('afterTypingPause', () => {
  const cases: { name: string; actions: Action[]; ranAtMs: number | undefined }[] = [
    { name: 'runs after the pause when no key is pressed', actions: [{ step: 2000 }], ranAtMs: 1000 },
    { name: 'waits a whole pause after the last key', actions: [{ step: 900 }, 'key', { step: 900 }, 'key', { step: 2000 }], ranAtMs: 2800 },
    { name: 'does not run while keys keep coming', actions: [{ step: 600 }, 'key', { step: 600 }, 'key', { step: 600 }, 'key', { step: 600 }], ranAtMs: undefined },
    { name: 'never runs once cancelled', actions: [{ step: 500 }, 'cancel', { step: 5000 }], ranAtMs: undefined },
  ];
  it.each(cases)('$name', ({ actions, ranAtMs }) => {
    const h = harness();
    let elapsedMs = 0;
    let ran: number | undefined;
    let runs = 0;
    const cancel = afterTypingPause(h.keys, h.timers, 1000, () => {
      runs++;
      ran ??= elapsedMs;
    });
    for (const action of actions) {
      if (action === 'key') h.press();
      else if (action === 'cancel') cancel();
      else
        for (let i = 0; i < action.step / 100; i++) {
          elapsedMs += 100;
          h.step(100);
        }
    }
    expect(ran).toBe(ranAtMs);
    expect(runs).toBe(ranAtMs === undefined ? 0 : 1);
  });

  it('lets go of the keys and its timer once it ran', () => {
    const h = harness();
    afterTypingPause(h.keys, h.timers, 1000, () => undefined);
    h.step(1000);
    h.press();
    expect({ listening: h.listening(), pending: h.pending() }).toEqual({ listening: 0, pending: 0 });
  });
});
