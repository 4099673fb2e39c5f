import { describe, expect, it } from 'vitest';
import type { FromWorker, ToWorker } from './messages.ts';
import { WorkerClient, type WorkerLike } from './worker-client.ts';

/** A worker that records what it is sent and answers pings unless hung. */
class FakeWorker implements WorkerLike {
  readonly received: ToWorker[] = [];
  hung = false;
  terminated = false;
  #listener: ((event: { data: FromWorker }) => void) | undefined;
  postMessage(message: ToWorker): void {
    this.received.push(message);
    if (message.type === 'ping' && !this.hung) this.answer({ type: 'pong', id: message.id });
  }
  addEventListener(_type: 'message', listener: (event: { data: FromWorker }) => void): void {
    this.#listener = listener;
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(message: FromWorker): void {
    this.#listener?.({ data: message });
  }
}

function setup() {
  const workers: FakeWorker[] = [];
  let nowMs = 0;
  let tick: (() => void) | undefined;
  const client = new WorkerClient(
    () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
    { watchdog: { now: () => nowMs, every: (_ms, run) => ((tick = run), () => (tick = undefined)), pingEveryMs: 1000, unresponsiveAfterMs: 5000 } },
  );
  const seen: FromWorker[] = [];
  client.subscribe((m) => seen.push(m));
  const passSeconds = (seconds: number) => {
    for (let i = 0; i < seconds; i++) {
      nowMs += 1000;
      tick?.();
    }
  };
  return { client, workers, seen, passSeconds };
}

describe('WorkerClient watchdog', () => {
  it('keeps a worker that answers its pings', () => {
    const { workers, seen, passSeconds } = setup();
    passSeconds(30);
    expect(workers).toHaveLength(1);
    expect(seen.filter((m) => m.type === 'session.restarted')).toEqual([]);
  });

  it('restarts a hung worker and rebuilds the lab from what was saved, clock and view included', () => {
    const { client, workers, seen, passSeconds } = setup();
    client.send({ type: 'session.start', seed: 7, startTimeMs: 1000, labId: 'rolling-updates', fresh: true });
    client.send({ type: 'clock.set', playing: false, speed: 5 });
    client.send({ type: 'workloads.watch', namespace: 'default' });
    workers[0]!.answer({ type: 'session.ready', version: 1, prompt: '$ ' });
    passSeconds(2);
    workers[0]!.answer({ type: 'clock.state', nowMs: 90_000, playing: false, speed: 5 });
    workers[0]!.hung = true;
    passSeconds(7);
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    expect(seen.filter((m) => m.type === 'session.restarted')).toEqual([{ type: 'session.restarted', reason: 'not responding' }]);
    expect(workers[1]!.received).toEqual([
      { type: 'session.start', seed: 7, startTimeMs: 90_000, labId: 'rolling-updates', fresh: false, restart: 'rebuild' },
      { type: 'clock.set', playing: false, speed: 5 },
      { type: 'workloads.watch', namespace: 'default' },
    ]);
  });

  it('finishes a Reset lab whose worker hung before its session was ready, once', () => {
    const { client, workers, passSeconds } = setup();
    client.send({ type: 'session.start', seed: 7, startTimeMs: 1000, labId: 'rolling-updates' });
    workers[0]!.answer({ type: 'session.ready', version: 1, prompt: '$ ' });
    workers[0]!.answer({ type: 'clock.state', nowMs: 90_000, playing: true, speed: 1 });
    client.send({ type: 'session.start', seed: 8, startTimeMs: 5000, labId: 'rolling-updates', fresh: true });
    workers[0]!.hung = true;
    passSeconds(7);
    expect(workers[1]!.received[0]).toEqual({ type: 'session.start', seed: 8, startTimeMs: 5000, labId: 'rolling-updates', fresh: true });
    // The reset hangs again: the next worker restores what was saved instead of trying a third time.
    passSeconds(2);
    workers[1]!.hung = true;
    passSeconds(7);
    expect(workers[2]!.received[0]).toMatchObject({ type: 'session.start', fresh: false, restart: 'saved' });
  });

  it('restores only progress and files when the worker rebuilding the session hangs too', () => {
    const { client, workers, seen, passSeconds } = setup();
    client.send({ type: 'session.start', seed: 7, startTimeMs: 1000, labId: 'rolling-updates' });
    passSeconds(2);
    workers[0]!.hung = true;
    passSeconds(7);
    passSeconds(2);
    workers[1]!.hung = true;
    passSeconds(7);
    expect(workers).toHaveLength(3);
    expect(workers[2]!.received[0]).toMatchObject({ type: 'session.start', restart: 'saved' });
    // Once a restarted session is ready, the next hang rebuilds again.
    workers[2]!.answer({ type: 'session.ready', version: 1, prompt: '$ ' });
    workers[2]!.hung = true;
    passSeconds(7);
    expect(workers[3]!.received[0]).toMatchObject({ type: 'session.start', restart: 'rebuild' });
    expect(seen.filter((m) => m.type === 'session.restarted').map((m) => m.type === 'session.restarted' && m.reason)).toEqual([
      'not responding',
      'not responding',
      'not responding',
    ]);
  });

  it('names the journal input a worker hung on, and nothing once the worker went idle', () => {
    const { client, workers, passSeconds } = setup();
    client.send({ type: 'session.start', seed: 7, startTimeMs: 1000, labId: 'rolling-updates' });
    workers[0]!.answer({ type: 'session.position', seq: 4 });
    workers[0]!.hung = true;
    passSeconds(7);
    expect(workers[1]!.received[0]).toMatchObject({ type: 'session.start', restart: 'rebuild', hung: 4 });
    workers[1]!.answer({ type: 'session.ready', version: 1, prompt: '$ ' });
    workers[1]!.answer({ type: 'session.position', seq: 9 });
    workers[1]!.answer({ type: 'session.position' });
    workers[1]!.hung = true;
    passSeconds(7);
    expect(workers[2]!.received[0]).not.toHaveProperty('hung');
  });

  it('cannot loop: a replay that hangs on an input again and again is restarted a bounded number of times', () => {
    const { client, workers, seen, passSeconds } = setup();
    // A model of the worker's side: inputs marked hung are skipped; inputs 3 and 5 hang whenever replayed.
    const journal = [1, 2, 3, 4, 5, 6];
    const marked = new Set<number>();
    const poisoned = new Set([3, 5]);
    const serve = (worker: FakeWorker) => {
      const start = worker.received.find((m) => m.type === 'session.start');
      if (!start || start.type !== 'session.start') return;
      if (start.hung !== undefined) marked.add(start.hung);
      if (start.restart !== 'saved') {
        for (const seq of journal.filter((s) => !marked.has(s))) {
          worker.answer({ type: 'session.position', seq });
          if (poisoned.has(seq)) {
            worker.hung = true;
            return;
          }
        }
        worker.answer({ type: 'session.position' });
      }
      worker.answer({ type: 'session.ready', version: 1, prompt: '$ ' });
    };
    for (let reload = 0; reload < 3; reload++) {
      client.send({ type: 'session.start', seed: 7, startTimeMs: 1000, labId: 'rolling-updates' });
      serve(workers.at(-1)!);
      for (let second = 0; second < 60; second++) {
        const before = workers.length;
        passSeconds(1);
        if (workers.length > before) serve(workers.at(-1)!);
      }
    }
    expect([...marked].sort()).toEqual([3, 5]);
    expect(seen.filter((m) => m.type === 'session.restarted')).toHaveLength(2);
    expect(workers.at(-1)!.hung).toBe(false);
  });

  it('restarts a restarted worker that never answers', () => {
    const { workers, seen, passSeconds } = setup();
    passSeconds(2);
    workers[0]!.hung = true;
    passSeconds(7);
    workers[1]!.hung = true;
    passSeconds(25);
    expect(workers).toHaveLength(2);
    passSeconds(10);
    expect(workers).toHaveLength(3);
    expect(seen.filter((m) => m.type === 'session.restarted').at(-1)).toMatchObject({ reason: 'not starting' });
  });

  it('does not count a worker that has not answered yet (still loading) as hung', () => {
    const { workers, passSeconds } = setup();
    workers[0]!.hung = true;
    passSeconds(30);
    expect(workers).toHaveLength(1);
  });

  it('restarts when Ctrl-C leaves a command running', () => {
    const { client, workers, seen, passSeconds } = setup();
    client.send({ type: 'shell.run', id: 1, line: 'busy' });
    client.send({ type: 'shell.interrupt' });
    passSeconds(7);
    expect(workers).toHaveLength(2);
    expect(seen.filter((m) => m.type === 'session.restarted')).toEqual([{ type: 'session.restarted', reason: 'Ctrl-C ignored', interrupted: 'busy' }]);
  });

  it.each([
    { what: 'a command', sent: ['ls'], answered: [] as FromWorker[], interrupted: 'ls' },
    { what: 'nothing for lines that were not a whole command', sent: ["echo 'open"], answered: [{ type: 'shell.needsMoreInput', id: 1 }], interrupted: undefined },
    { what: 'nothing once the prompt came back', sent: ['ls'], answered: [{ type: 'shell.done', id: 1, exitCode: 0, prompt: '$ ' }], interrupted: undefined },
    {
      what: 'the exec, not the line typed to the shell inside it',
      sent: ['kubectl exec -it box -- sh', 'while :; do :; done'],
      answered: [{ type: 'shell.done', id: 1, exitCode: 0, prompt: '/ # ', reading: true }],
      interrupted: 'kubectl exec -it box -- sh',
    },
  ] satisfies { what: string; sent: string[]; answered: FromWorker[]; interrupted: string | undefined }[])(
    'names $what as the input a restart does not run again',
    ({ sent, answered, interrupted }) => {
      const { client, workers, seen, passSeconds } = setup();
      if (sent[0]) client.send({ type: 'shell.run', id: 1, line: sent[0] });
      for (const message of answered) workers[0]!.answer(message);
      if (sent[1]) client.send({ type: 'shell.run', id: 2, line: sent[1] });
      passSeconds(2);
      workers[0]!.hung = true;
      passSeconds(7);
      expect(seen.find((m) => m.type === 'session.restarted')).toEqual({ type: 'session.restarted', reason: 'not responding', ...(interrupted ? { interrupted } : {}) });
    },
  );

  it('leaves a command alone once it has ended after Ctrl-C, and an editor Ctrl-C does not close', () => {
    const { client, workers, passSeconds } = setup();
    client.send({ type: 'shell.run', id: 1, line: 'sleep 100' });
    client.send({ type: 'shell.interrupt' });
    workers[0]!.answer({ type: 'shell.done', id: 1, exitCode: 130, prompt: '$ ' });
    client.send({ type: 'shell.run', id: 2, line: 'vi notes' });
    workers[0]!.answer({ type: 'editor.open', id: 1, path: '/root/notes', content: '', keys: 'vim' });
    client.send({ type: 'shell.interrupt' });
    passSeconds(30);
    expect(workers).toHaveLength(1);
  });
});

describe('WorkerClient hold', () => {
  it('keeps events from listeners until release, then delivers them in order to those subscribed by then', () => {
    const { client, workers, seen } = setup();
    client.hold();
    client.send({ type: 'session.start', seed: 1, startTimeMs: 0, labId: 'rolling-updates' });
    workers[0]!.answer({ type: 'clock.state', nowMs: 5, playing: true, speed: 1 });
    workers[0]!.answer({ type: 'session.ready', version: 1, prompt: '$ ' });
    const late: FromWorker[] = [];
    client.subscribe((m) => late.push(m));
    expect(seen).toEqual([]);
    client.release();
    workers[0]!.answer({ type: 'notice', message: 'after' });
    const expected = ['clock.state', 'session.ready', 'notice'];
    expect(seen.map((m) => m.type)).toEqual(expected);
    expect(late.map((m) => m.type)).toEqual(expected);
  });

  it('answers the watchdog while held: a worker that answers is not restarted', () => {
    const { client, workers, seen, passSeconds } = setup();
    client.hold();
    passSeconds(30);
    client.release();
    expect(workers).toHaveLength(1);
    expect(seen.filter((m) => m.type === 'session.restarted')).toEqual([]);
  });
});
