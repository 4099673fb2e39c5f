/**
 * The timers one pod worker has on the cluster clock, so that removing the pod cancels them all,
 * and a timer that fires after the pod is finished does nothing.
 */
import type { SeededRandom } from '../clock/seeded-random.ts';
import type { TimerId, VirtualClock } from '../clock/virtual-clock.ts';

export class PodTimers {
  readonly #clock: VirtualClock;
  readonly #random: SeededRandom;
  readonly #isFinished: () => boolean;
  readonly #ids = new Set<TimerId>();

  constructor(clock: VirtualClock, random: SeededRandom, isFinished: () => boolean) {
    this.#clock = clock;
    this.#random = random;
    this.#isFinished = isFinished;
  }

  after(delayMs: number, run: () => void): TimerId {
    const id = this.#clock.schedule(delayMs, () => {
      this.#ids.delete(id);
      if (!this.#isFinished()) run();
    });
    this.#ids.add(id);
    return id;
  }

  /** `run` about every `periodMs`, each time up to half a period late (wait.JitterUntil). */
  every(periodMs: number, run: () => void): void {
    this.after(periodMs + this.#random.int(periodMs / 2), () => {
      run();
      this.every(periodMs, run);
    });
  }

  /** `run` after `delayMs`; the returned function cancels it. */
  cancellable(delayMs: number, run: () => void): () => void {
    const id = this.after(delayMs, run);
    return () => this.cancel(id);
  }

  cancel(id: TimerId): void {
    this.#clock.cancel(id);
    this.#ids.delete(id);
  }

  cancelAll(): void {
    for (const id of this.#ids) this.#clock.cancel(id);
    this.#ids.clear();
  }

  /** Virtual time passing inside a sync (a pull, the sandbox); never resolves once the pod is gone. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.after(ms, resolve));
  }
}
