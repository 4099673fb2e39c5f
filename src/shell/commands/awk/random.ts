/**
 * rand() and srand() as mawk 1.3.4 20200120 built with `random-funcs: srandom/random` gives them:
 * glibc's random(), the additive feedback generator of degree 31 (TYPE_3), divided by RAND_MAX.
 * Models glibc stdlib/random_r.c __srandom_r and __random_r.
 */
import type { Value } from './values.ts';

const RAND_MAX = 2147483647;
const DEGREE = 31;
const SEPARATION = 3;

export class AwkRandom {
  readonly #state = new Int32Array(DEGREE);
  #front = SEPARATION;
  #rear = 0;
  /** What srand() hands back: the last seed as it was given, a string staying a string. */
  #seed: Value;

  constructor(seed: number) {
    this.#seed = seed;
    this.#seedWith(seed);
  }

  /** The next number in [0, 1], random() / RAND_MAX. */
  rand(): number {
    return this.#random() / RAND_MAX;
  }

  /**
   * Seeds the generator and answers the previous seed. A number is truncated and held within
   * ±RAND_MAX. For a string or a field (even `"12"`) mawk reads the cell's double unconverted, a
   * stale value that is 0 early in a program (srandom takes 0 as 1); we always take 0.
   */
  srand(seed: Value): Value {
    const previous = this.#seed;
    this.#seed = seed;
    this.#seedWith(typeof seed === 'number' ? Math.trunc(Math.min(RAND_MAX, Math.max(-RAND_MAX, Number.isNaN(seed) ? 0 : seed))) : 0);
    return previous;
  }

  #seedWith(seed: number): void {
    const state = this.#state;
    let word = seed === 0 ? 1 : seed | 0;
    state[0] = word;
    // state[i] = 16807 * state[i - 1] % 2147483647, computed without overflowing 31 bits.
    for (let i = 1; i < DEGREE; i++) {
      const hi = Math.trunc(word / 127773);
      const lo = word % 127773;
      word = 16807 * lo - 2836 * hi;
      if (word < 0) word += 2147483647;
      state[i] = word;
    }
    this.#front = SEPARATION;
    this.#rear = 0;
    for (let i = 0; i < DEGREE * 10; i++) this.#random();
  }

  #random(): number {
    const state = this.#state;
    state[this.#front] = (state[this.#front]! + state[this.#rear]!) | 0;
    const value = state[this.#front]! >>> 1;
    this.#front = (this.#front + 1) % DEGREE;
    this.#rear = (this.#rear + 1) % DEGREE;
    return value;
  }
}
