import type { VirtualClock } from './virtual-clock.ts';

/**
 * Drives a VirtualClock when the work it wakes is asynchronous (container processes, shell
 * commands awaiting `sleep`). Between two timers it yields one host macrotask, so every promise
 * chain a timer resumed has run before time moves again. The host supplies the macrotask
 * (setImmediate in Node, a MessageChannel in a worker): the engine itself never touches real time.
 */
export type YieldToHost = () => Promise<void>;

/**
 * How long the pump may run timers before it gives the host a turn (to answer the page, to take
 * Ctrl-C). `elapsedMs` is the host's monotonic clock; the engine never reads one itself.
 */
export interface TimeSlicing {
  elapsedMs: () => number;
  sliceMs: number;
}

/**
 * Microtask turns given, when slicing, to the promise chains a timer resumed before the next timer
 * runs: more than the deepest chain the engine's async code takes between two timers (a kubelet
 * sleep resuming through a few async frames). Each timer is then a task with its own microtask
 * checkpoint, as on a real event loop, so where a slice ends changes nothing the cluster does.
 * Without slicing all timers due at an instant run back to back before any microtask (the order
 * every recorded transcript has); the two orders differ, so a host picks one for a session's life.
 */
const MICROTASK_TURNS = 32;

async function drainMicrotasks(): Promise<void> {
  for (let i = 0; i < MICROTASK_TURNS; i++) await undefined;
}

/** How many rounds `settle` may take at one instant before it decides work is looping. */
const MAX_ROUNDS_PER_INSTANT = 10_000;

export class TimePump {
  readonly clock: VirtualClock;
  readonly #yieldToHost: YieldToHost;
  readonly #slicing: TimeSlicing | undefined;

  constructor(clock: VirtualClock, yieldToHost: YieldToHost, slicing?: TimeSlicing) {
    this.clock = clock;
    this.#yieldToHost = yieldToHost;
    this.#slicing = slicing;
  }

  /** Runs everything due at the current instant, including work it causes at the same instant. */
  async settle(): Promise<void> {
    for (let round = 0; round < MAX_ROUNDS_PER_INSTANT; round++) {
      if (this.#slicing) await this.#runDueInSlices(this.#slicing);
      else this.clock.runDue();
      await this.#yieldToHost();
      if (!this.clock.hasDueWork()) return;
    }
  }

  /** Runs the due timers one task at a time, handing the host a turn whenever a slice is used up. */
  async #runDueInSlices(slicing: TimeSlicing): Promise<void> {
    let sliceStartMs = slicing.elapsedMs();
    while (this.clock.runNext()) {
      await drainMicrotasks();
      if (slicing.elapsedMs() - sliceStartMs >= slicing.sliceMs) {
        await this.#yieldToHost();
        sliceStartMs = slicing.elapsedMs();
      }
    }
  }

  /** Moves virtual time forward by `ms`, settling at every instant where a timer is due. */
  async advance(ms: number): Promise<void> {
    await this.advanceTo(this.clock.now() + ms);
  }

  async advanceTo(targetMs: number): Promise<void> {
    await this.settle();
    for (;;) {
      const next = this.clock.nextDueAtMs();
      if (next === undefined || next > targetMs) break;
      this.clock.jumpToNextTimer();
      await this.settle();
    }
    this.clock.advanceTo(targetMs);
    await this.settle();
  }

  /**
   * Advances time timer by timer until `isDone()` holds or `budgetMs` of virtual time has passed,
   * and returns whether it finished. Time only moves while the work is idle: when `wasBusy()`
   * reports CPU-bound progress since it was last asked (a shell loop between two checkpoints), the
   * pump keeps yielding instead — up to `maxBusyRounds`, after which it gives up like a budget.
   */
  async runUntil(isDone: () => boolean, budgetMs: number, options: { wasBusy?: () => boolean; maxBusyRounds?: number } = {}): Promise<boolean> {
    const deadline = this.clock.now() + budgetMs;
    const maxBusyRounds = options.maxBusyRounds ?? 1_000_000;
    let busyRounds = 0;
    await this.settle();
    while (!isDone()) {
      if (options.wasBusy?.()) {
        if (++busyRounds > maxBusyRounds) return false;
        await this.settle();
        continue;
      }
      const next = this.clock.nextDueAtMs();
      if (next === undefined || next > deadline) {
        this.clock.advanceTo(deadline);
        await this.settle();
        return isDone();
      }
      this.clock.jumpToNextTimer();
      await this.settle();
    }
    return true;
  }
}
