/**
 * Moves the cluster's virtual clock with real time while the cluster is served (1×), or holds it
 * for a harness that wants repeatable output (`pause`, then `advance` by exact amounts). Every
 * movement goes through one queue, so the pump never runs two advances at once.
 */
import type { TimePump } from '../engine/clock/time-pump.ts';

export interface RealTime {
  nowMs(): number;
  every(ms: number, run: () => void): () => void;
}

export const systemRealTime: RealTime = {
  nowMs: () => performance.now(),
  every: (ms, run) => {
    const id = setInterval(run, ms);
    return () => clearInterval(id);
  },
};

/** How often real time is turned into virtual time. */
const TICK_MS = 50;

export class ClockDriver {
  readonly #pump: TimePump;
  readonly #realTime: RealTime;
  #queue: Promise<void> = Promise.resolve();
  #paused = false;
  /** Real instant that corresponds to virtual `#anchorVirtualMs`, re-anchored on resume. */
  #anchorRealMs = 0;
  #anchorVirtualMs = 0;
  #stopTicking: (() => void) | undefined;
  #ticking = false;

  readonly #onError: (error: unknown) => void;

  /** `onError` hears of a timer that threw (an engine bug); the clock goes on with the next one. */
  constructor(pump: TimePump, options: { realTime?: RealTime; onError?: (error: unknown) => void } = {}) {
    this.#pump = pump;
    this.#realTime = options.realTime ?? systemRealTime;
    this.#onError = options.onError ?? (() => undefined);
  }

  /** The cluster's virtual now. */
  nowMs(): number {
    return this.#pump.clock.now();
  }

  get paused(): boolean {
    return this.#paused;
  }

  start(): void {
    this.#anchor();
    this.#stopTicking = this.#realTime.every(TICK_MS, () => {
      if (this.#paused || this.#ticking) return;
      this.#ticking = true;
      this.#enqueue(() => this.#pump.advanceTo(this.#targetMs()))
        .catch((error: unknown) => this.#onError(error))
        .finally(() => {
          this.#ticking = false;
        });
    });
  }

  stop(): Promise<void> {
    this.#stopTicking?.();
    this.#stopTicking = undefined;
    return this.#queue;
  }

  pause(): Promise<void> {
    return this.#enqueue(async () => {
      if (!this.#paused) await this.#pump.advanceTo(this.#targetMs());
      this.#paused = true;
    });
  }

  resume(): Promise<void> {
    return this.#enqueue(async () => {
      this.#paused = false;
      this.#anchor();
    });
  }

  /** Steps virtual time by `ms` (while paused: the only way it moves). */
  advance(ms: number): Promise<void> {
    return this.#enqueue(async () => {
      await this.#pump.advance(ms);
      this.#anchor();
    });
  }

  /** Runs what a request made due now (controllers reacting to a create) before answering. */
  settle(): Promise<void> {
    return this.#enqueue(() => this.#pump.settle());
  }

  #anchor(): void {
    this.#anchorRealMs = this.#realTime.nowMs();
    this.#anchorVirtualMs = this.#pump.clock.now();
  }

  /** Whole milliseconds: the engine stamps objects and events from integer time. */
  #targetMs(): number {
    return this.#anchorVirtualMs + Math.max(0, Math.floor(this.#realTime.nowMs() - this.#anchorRealMs));
  }

  #enqueue(step: () => Promise<void>): Promise<void> {
    const next = this.#queue.then(step);
    this.#queue = next.catch(() => undefined);
    return next;
  }
}
