/**
 * A controller's work queue (client-go workqueue's role): keys are deduplicated while waiting and
 * processed at the current virtual instant, or after a delay for requeues. Processing runs on the
 * clock, never inside the watch callback that enqueued the key.
 */
import type { TimerId, VirtualClock } from '../clock/virtual-clock.ts';

export class WorkQueue {
  readonly #clock: VirtualClock;
  readonly #process: (key: string) => void;
  readonly #pending = new Map<string, { timer: TimerId; atMs: number }>();

  constructor(clock: VirtualClock, process: (key: string) => void) {
    this.#clock = clock;
    this.#process = process;
  }

  add(key: string): void {
    this.addAfter(key, 0);
  }

  /** Processes `key` after `delayMs`, unless it is already due sooner. */
  addAfter(key: string, delayMs: number): void {
    const atMs = this.#clock.now() + Math.max(0, delayMs);
    const existing = this.#pending.get(key);
    if (existing && existing.atMs <= atMs) return;
    if (existing) this.#clock.cancel(existing.timer);
    const timer = this.#clock.schedule(atMs - this.#clock.now(), () => {
      this.#pending.delete(key);
      this.#process(key);
    });
    this.#pending.set(key, { timer, atMs });
  }
}
