/**
 * The page's side of the protocol: correlates requests with answers and fans out worker events.
 * With a watchdog it pings the worker; one that stops answering (a loop that never yields, Ctrl-C
 * not honoured) is terminated and replaced by a fresh worker that restores the saved lab.
 */
import type { FromWorker, ToWorker } from './messages.ts';

export interface WorkerLike {
  postMessage(message: ToWorker): void;
  addEventListener(type: 'message', listener: (event: { data: FromWorker }) => void): void;
  terminate?(): void;
}

/** Real time for the watchdog, injected so this layer stays free of host timers. */
export interface WatchdogOptions {
  now(): number;
  /** Calls `run` every `ms` until the returned function is called. */
  every(ms: number, run: () => void): () => void;
  pingEveryMs?: number;
  /** How long a ping (or Ctrl-C) may go unanswered before the worker counts as hung. */
  unresponsiveAfterMs?: number;
  /** How long a restarted worker may take to answer at all. */
  startingLimitMs?: number;
}

const PING_EVERY_MS = 1000;
const UNRESPONSIVE_AFTER_MS = 6000;
const STARTING_LIMIT_MS = 30_000;

/** What a fresh worker needs to be told to carry on where the hung one was. */
type Sticky = Extract<ToWorker, { type: 'session.start' | 'clock.set' | 'workloads.watch' }>;

export class WorkerClient {
  readonly #createWorker: (() => WorkerLike) | undefined;
  readonly #listeners = new Set<(message: FromWorker) => void>();
  readonly #sticky = new Map<Sticky['type'], Sticky>();
  #worker: WorkerLike;
  #nextId = 1;
  #stopWatchdog: (() => void) | undefined;
  /** The worker has answered at least once: loading its code is not mistaken for a hang. */
  #answered = false;
  /** Set from a restart until the new worker's session is ready: when it was restarted. */
  #restartedAtMs: number | undefined;
  #pingSentAtMs: number | undefined;
  #pingId = 0;
  #runningId: number | undefined;
  /** The command line running, also while its program reads lines typed to it (`kubectl exec -it`). */
  #runningLine: string | undefined;
  #interruptedAtMs: number | undefined;
  /** Files open in the editor: Ctrl-C does not end `vi` or `kubectl edit`, as in a real terminal. */
  readonly #editing = new Set<number>();
  #now: (() => number) | undefined;
  /** The journal input the worker is on (session.position): a restart names it as the one that hung. */
  #inFlightSeq: number | undefined;
  /** Virtual time last reported, so a restarted cluster's clock does not go back to the start. */
  #virtualNowMs: number | undefined;
  /** Reset lab was asked for and its session is not ready yet: a restart meanwhile must still reset. */
  #resetPending = false;
  /** Events kept while held (see hold), for listeners that subscribe later. */
  #held: FromWorker[] | undefined;

  /** `worker` is a worker, or a factory when the client may restart it (the watchdog needs one). */
  constructor(worker: WorkerLike | (() => WorkerLike), options: { watchdog?: WatchdogOptions } = {}) {
    this.#createWorker = typeof worker === 'function' ? worker : undefined;
    this.#worker = this.#attach(typeof worker === 'function' ? worker() : worker);
    if (options.watchdog && this.#createWorker) this.#startWatchdog(options.watchdog);
  }

  #attach(worker: WorkerLike): WorkerLike {
    worker.addEventListener('message', (event) => {
      if (worker !== this.#worker) return;
      const message = event.data;
      this.#answered = true;
      if (message.type === 'pong' && message.id === this.#pingId) this.#pingSentAtMs = undefined;
      if (message.type === 'editor.open') this.#editing.add(message.id);
      if (message.type === 'clock.state') this.#virtualNowMs = message.nowMs;
      if (message.type === 'session.ready') {
        this.#restartedAtMs = undefined;
        this.#resetPending = false;
      }
      if (message.type === 'session.position') this.#inFlightSeq = message.seq;
      // Lines that were not a whole command yet did not run.
      if (message.type === 'shell.needsMoreInput' && message.id === this.#runningId) {
        this.#runningId = undefined;
        this.#runningLine = undefined;
      }
      if (message.type === 'shell.done') {
        this.#runningId = undefined;
        this.#interruptedAtMs = undefined;
        if (!message.reading) this.#runningLine = undefined;
      }
      this.#emit(message);
    });
    return worker;
  }

  #emit(message: FromWorker): void {
    if (this.#held) this.#held.push(message);
    else for (const listener of this.#listeners) listener(message);
  }

  /**
   * Keeps the worker's events from listeners until release: a session started before the page's
   * views exist (main.tsx) has its prompt and state delivered to them once they subscribed.
   */
  hold(): void {
    this.#held ??= [];
  }

  /** Delivers the events kept since hold, in order, and every later one as it comes. */
  release(): void {
    const held = this.#held ?? [];
    this.#held = undefined;
    for (const message of held) this.#emit(message);
  }

  #startWatchdog(options: WatchdogOptions): void {
    const limitMs = options.unresponsiveAfterMs ?? UNRESPONSIVE_AFTER_MS;
    this.#now = options.now;
    this.#stopWatchdog = options.every(options.pingEveryMs ?? PING_EVERY_MS, () => {
      const now = options.now();
      if (!this.#answered && this.#restartedAtMs !== undefined && now - this.#restartedAtMs > (options.startingLimitMs ?? STARTING_LIMIT_MS)) {
        this.restart('not starting');
        return;
      }
      if (this.#interruptedAtMs !== undefined && now - this.#interruptedAtMs > limitMs) {
        this.restart('Ctrl-C ignored');
        return;
      }
      if (this.#pingSentAtMs !== undefined) {
        if (this.#answered && now - this.#pingSentAtMs > limitMs) this.restart('not responding');
        return;
      }
      this.#pingSentAtMs = now;
      this.#worker.postMessage({ type: 'ping', id: ++this.#pingId });
    });
  }

  send(message: ToWorker): void {
    if (message.type === 'session.start' || message.type === 'clock.set' || message.type === 'workloads.watch') this.#sticky.set(message.type, message);
    if (message.type === 'session.start') this.#resetPending = message.fresh === true;
    if (message.type === 'shell.run') {
      this.#runningId = message.id;
      this.#runningLine ??= message.line;
    }
    if (message.type === 'editor.done') this.#editing.delete(message.id);
    if (message.type === 'shell.interrupt' && this.#runningId !== undefined && this.#editing.size === 0 && this.#interruptedAtMs === undefined && this.#now)
      this.#interruptedAtMs = this.#now();
    this.#worker.postMessage(message);
  }

  /**
   * Replaces the worker with a fresh one that rebuilds the session from its saved journal (or, failing
   * that, restores the saved progress and /root files), keeps the clock setting and the rollout
   * view's subscription, and tells subscribers first. The command that was running is not run again.
   * A worker restarted while the one before it was still rebuilding only restores progress and
   * files: the rebuild itself may be what hangs (a pod that loops without yielding). The journal
   * input the worker was on is named as hung, so no later replay runs it again.
   */
  restart(reason: string): void {
    if (!this.#createWorker) return;
    const rebuild = this.#restartedAtMs === undefined ? 'rebuild' : 'saved';
    // A reset that hung is asked for once more; if that hangs too, what was saved is restored.
    const redoReset = this.#resetPending && rebuild === 'rebuild';
    this.#resetPending = false;
    this.#restartedAtMs = this.#now?.() ?? 0;
    const interrupted = this.#runningLine?.trim() ? this.#runningLine : undefined;
    const hung = this.#inFlightSeq !== undefined ? { hung: this.#inFlightSeq } : {};
    this.#inFlightSeq = undefined;
    this.#runningLine = undefined;
    this.#worker.terminate?.();
    this.#answered = false;
    this.#pingSentAtMs = undefined;
    this.#runningId = undefined;
    this.#interruptedAtMs = undefined;
    this.#editing.clear();
    this.#worker = this.#attach(this.#createWorker());
    this.#emit({ type: 'session.restarted', reason, ...(interrupted !== undefined ? { interrupted } : {}) });
    for (const message of this.#sticky.values()) {
      // A restart resumes from what was saved; it wipes it only to finish a Reset lab that hung.
      if (message.type !== 'session.start') this.#worker.postMessage(message);
      else if (redoReset) {
        this.#resetPending = true;
        this.#worker.postMessage(message);
      } else this.#worker.postMessage({ ...message, fresh: false, restart: rebuild, startTimeMs: this.#virtualNowMs ?? message.startTimeMs, ...hung });
    }
  }

  dispose(): void {
    this.#stopWatchdog?.();
    this.#worker.terminate?.();
  }

  nextId(): number {
    return this.#nextId++;
  }

  subscribe(listener: (message: FromWorker) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
