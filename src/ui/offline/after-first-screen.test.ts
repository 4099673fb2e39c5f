import { describe, expect, it } from 'vitest';
import type { FromWorker } from '../../protocol/messages.ts';
import { afterFirstScreen, FIRST_SCREEN_WAIT_MS } from './after-first-screen.ts';

function harness() {
  const listeners = new Set<(message: FromWorker) => void>();
  const waits: { ms: number; run: () => void; cancelled: boolean }[] = [];
  let runs = 0;
  const cancel = afterFirstScreen(
    {
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    () => runs++,
    (run, ms) => {
      const wait = { ms, run, cancelled: false };
      waits.push(wait);
      return () => {
        wait.cancelled = true;
      };
    },
  );
  const post = (message: FromWorker) => [...listeners].forEach((listener) => listener(message));
  return { post, waits, cancel, runs: () => runs, listeners };
}

describe('afterFirstScreen', () => {
  const cases: { name: string; messages: FromWorker[]; wantRuns: number }[] = [
    { name: 'the home page catalogue', messages: [{ type: 'lab.list', labs: [] }], wantRuns: 1 },
    { name: 'a prompt', messages: [{ type: 'session.ready', version: 1, prompt: '$ ' }], wantRuns: 1 },
    { name: 'a fault', messages: [{ type: 'error', message: 'x' }], wantRuns: 1 },
    { name: 'other messages before the prompt', messages: [{ type: 'pong', id: 1 }], wantRuns: 0 },
    {
      name: 'once only',
      messages: [
        { type: 'lab.list', labs: [] },
        { type: 'session.ready', version: 1, prompt: '$ ' },
      ],
      wantRuns: 1,
    },
  ];
  it.each(cases)('runs after $name', ({ messages, wantRuns }) => {
    const h = harness();
    messages.forEach(h.post);
    expect(h.runs()).toBe(wantRuns);
    if (wantRuns > 0) expect({ listeners: h.listeners.size, waitCancelled: h.waits[0]!.cancelled }).toEqual({ listeners: 0, waitCancelled: true });
  });

  it('runs after the wait when the worker never answers', () => {
    const h = harness();
    expect(h.waits.map((w) => w.ms)).toEqual([FIRST_SCREEN_WAIT_MS]);
    h.waits[0]!.run();
    h.post({ type: 'lab.list', labs: [] });
    expect({ runs: h.runs(), listeners: h.listeners.size }).toEqual({ runs: 1, listeners: 0 });
  });

  it('never runs once cancelled', () => {
    const h = harness();
    h.cancel();
    h.post({ type: 'lab.list', labs: [] });
    expect({ runs: h.runs(), waitCancelled: h.waits[0]!.cancelled }).toEqual({ runs: 0, waitCancelled: true });
  });
});
