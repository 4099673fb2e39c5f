/**
 * Virtual time for the simulated cluster. Nothing in the engine reads the wall clock: every
 * delay (image pull, grace period, back-off, minReadySeconds) is a timer on this clock, and the
 * clock only moves when its owner advances it. Timers due at the same instant run in the order
 * they were scheduled, so a run replays identically.
 */
import { TimerHeap, type Timer } from './timer-heap.ts';

export type TimerId = number;

export class VirtualClock {
  #nowMs: number;
  readonly #timers = new TimerHeap();
  #nextId = 1;
  #seq = 0;

  constructor(startMs: number) {
    this.#nowMs = startMs;
  }

  now(): number {
    return this.#nowMs;
  }

  /** Runs `run` once virtual time has moved `delayMs` past now (0 = at the current instant). */
  schedule(delayMs: number, run: () => void): TimerId {
    const timer: Timer = { id: this.#nextId++, atMs: this.#nowMs + Math.max(0, delayMs), seq: this.#seq++, run };
    this.#timers.push(timer);
    return timer.id;
  }

  cancel(id: TimerId): void {
    this.#timers.cancel(id);
  }

  /** A promise that resolves when virtual time reaches now + ms (or rejects on interrupt). */
  sleep(ms: number, interrupt?: Interruptible): Promise<void> {
    return new Promise((resolve, reject) => {
      const id = this.schedule(ms, () => {
        unsubscribe?.();
        resolve();
      });
      const unsubscribe = interrupt?.onInterrupt(() => {
        this.cancel(id);
        reject(new InterruptedError());
      });
    });
  }

  /** When the earliest pending timer is due, or undefined when nothing is scheduled. */
  nextDueAtMs(): number | undefined {
    return this.#timers.peek()?.atMs;
  }

  hasDueWork(): boolean {
    const first = this.#timers.peek();
    return first !== undefined && first.atMs <= this.#nowMs;
  }

  /** Runs the earliest timer if it is due; false when none is. */
  runNext(): boolean {
    if (!this.hasDueWork()) return false;
    this.#timers.pop()!.run();
    return true;
  }

  /** Runs every timer due at or before now, including those scheduled while running. */
  runDue(maxTimers = 100_000): number {
    let ran = 0;
    while (this.hasDueWork() && ran < maxTimers) {
      const timer = this.#timers.pop()!;
      ran++;
      timer.run();
    }
    return ran;
  }

  /**
   * Moves time forward to `targetMs`, running each timer at its own instant. Synchronous: promise
   * continuations started by a timer run after this returns — use TimePump for async work.
   */
  advanceTo(targetMs: number): void {
    for (;;) {
      const next = this.#timers.peek();
      if (next === undefined || next.atMs > targetMs) break;
      this.#nowMs = Math.max(this.#nowMs, next.atMs);
      this.runDue();
    }
    this.#nowMs = Math.max(this.#nowMs, targetMs);
  }

  advance(ms: number): void {
    this.advanceTo(this.#nowMs + ms);
  }

  /** Jumps to the next timer (if any) without running it; the caller runs due work. */
  jumpToNextTimer(): boolean {
    const next = this.#timers.peek();
    if (next === undefined) return false;
    this.#nowMs = Math.max(this.#nowMs, next.atMs);
    return true;
  }

  pendingTimers(): number {
    return this.#timers.size;
  }
}

/** Something that can be interrupted (Ctrl-C on a shell command, a closed watch). */
export interface Interruptible {
  onInterrupt(listener: () => void): () => void;
}

export class InterruptedError extends Error {
  constructor() {
    super('interrupted');
    this.name = 'InterruptedError';
  }
}
