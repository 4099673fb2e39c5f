import { describe, expect, it } from 'vitest';
import { generateRsaKey, modInverse, modPow, sievePrimes } from './rsa-key.ts';

/** A reproducible byte source (xorshift32): the tests need keys, not secrecy. */
function seededBytes(seed: number): (count: number) => Uint8Array {
  let state = seed >>> 0 || 1;
  return (count) =>
    Uint8Array.from({ length: count }, () => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) & 0xff;
    });
}

describe('modular arithmetic', () => {
  const cases = [
    { name: '4^13 mod 497', got: () => modPow(4n, 13n, 497n), want: 445n },
    { name: '3^0 mod 7', got: () => modPow(3n, 0n, 7n), want: 1n },
    { name: 'inverse of 3 mod 11', got: () => modInverse(3n, 11n), want: 4n },
    { name: 'inverse of 65537 mod 3120', got: () => modInverse(17n, 3120n), want: 2753n },
  ];
  it.each(cases)('$name', ({ got, want }) => expect(got()).toBe(want));
});

describe('sievePrimes', () => {
  const isPrime = (n: number) => {
    for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
    return n > 1;
  };
  const cases = [
    { name: 'the first odd primes', got: () => sievePrimes().slice(0, 6), want: [3, 5, 7, 11, 13, 17] },
    { name: 'two thousand of them', got: () => sievePrimes().length, want: 2000 },
    { name: 'the last, 17 393', got: () => sievePrimes().at(-1), want: 17_393 },
    {
      name: 'every odd prime up to the last, in order',
      got: () => sievePrimes().join(),
      want: Array.from({ length: 17_392 }, (_, i) => i + 2)
        .filter((n) => n % 2 === 1 && isPrime(n))
        .join(),
    },
  ];
  it.each(cases)('$name', ({ got, want }) => expect(got()).toEqual(want));
});

describe('generateRsaKey', () => {
  const cases = [{ bits: 512 }, { bits: 1024 }, { bits: 2048 }];
  it.each(cases)(
    'makes a $bits-bit key that signs and verifies, yielding as it searches',
    async ({ bits }) => {
      let yields = 0;
      let progress = '';
      const key = await generateRsaKey(bits, {
        randomBytes: seededBytes(bits),
        yieldSlice: async () => void yields++,
        progress: (code) => (progress += '.+*\n'[code]),
      });
      expect(key.n.toString(2)).toHaveLength(bits);
      expect(key.p * key.q).toBe(key.n);
      expect(modPow(modPow(12345n, key.d, key.n), key.e, key.n)).toBe(12345n);
      // OpenSSL's shape: per half, two auxiliary primes ending `*`, then the prime and a newline;
      // each prime's 65 `+` are its trial division and 64 Miller-Rabin rounds.
      const half = /([.+]*\+{65}\*){2}[.+]*\+{65}\n/.source;
      expect(progress).toMatch(new RegExp(`^${half}${half}$`));
      expect(yields).toBeGreaterThan(progress.split('+').length / 65);
    },
    60_000,
  );

  it('stops when a yield throws, as Ctrl-C does', async () => {
    let yields = 0;
    const generating = generateRsaKey(2048, {
      randomBytes: seededBytes(7),
      yieldSlice: async () => {
        if (++yields === 3) throw new Error('interrupted');
      },
    });
    await expect(generating).rejects.toThrow('interrupted');
    expect(yields).toBe(3);
  });
});
