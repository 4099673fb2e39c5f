/**
 * A small deterministic PRNG (mulberry32) so generated names, IPs and random colours replay the
 * same way for the same seed.
 */
export class SeededRandom {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

/** The alphabet Kubernetes uses for generated names: no vowels, no look-alike characters. */
export const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** Models apiserver/pkg/storage/names/generate.go: base (max 58 chars) + 5 random characters. */
export function generateName(base: string, random: SeededRandom): string {
  const trimmed = base.length > 58 ? base.slice(0, 58) : base;
  let suffix = '';
  for (let i = 0; i < 5; i++) suffix += SAFE_ALPHABET[random.int(SAFE_ALPHABET.length)];
  return trimmed + suffix;
}
