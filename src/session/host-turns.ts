/**
 * Turns for the host's message loop (Ctrl-C, the page's acknowledgements of output, its clock) by
 * real time. The simulation yields every so many steps of work, so how its tasks interleave and
 * when virtual time moves never depend on the machine's speed; on a slow machine, or in a heavy
 * step, those yields can come far apart. So a program also lets the host in once `sliceMs` of real
 * time has passed since the host last had a turn. Such a turn is invisible to the simulation: a
 * simulated task that the host resumes meanwhile waits until the program has gone on, then queues
 * again behind it, where it would have been without the turn.
 */
import type { HostTurns } from '../shell/shell.ts';

/** Under the 50 ms, with room for the step that runs past the slice before its checkpoint. */
export const HOST_SLICE_MS = 25;

export class RealTimeHostTurns implements HostTurns {
  readonly #host: () => Promise<void>;
  readonly #realNow: () => number;
  readonly #sliceMs: number;
  #lastTurnMs: number;
  #held = false;
  readonly #waiting: (() => void)[] = [];

  constructor(host: () => Promise<void>, realNow: () => number, sliceMs = HOST_SLICE_MS) {
    this.#host = host;
    this.#realNow = realNow;
    this.#sliceMs = sliceMs;
    this.#lastTurnMs = realNow();
  }

  due(): boolean {
    return this.#realNow() - this.#lastTurnMs >= this.#sliceMs;
  }

  async take(): Promise<void> {
    this.#held = true;
    try {
      await this.#host();
    } finally {
      this.#held = false;
      this.#lastTurnMs = this.#realNow();
      for (const resume of this.#waiting.splice(0)) resume();
    }
  }

  /** The simulation's own yield: the host's turn, then, while a program holds its place in a turn of its own, a wait for it. */
  async simulationYield(): Promise<void> {
    await this.#host();
    while (this.#held) {
      await new Promise<void>((resume) => this.#waiting.push(resume));
      await this.#host();
    }
    this.#lastTurnMs = this.#realNow();
  }
}
