/**
 * RSA keys in BigInt arithmetic, generated in slices: the search awaits `yieldSlice` between
 * primality tests so the host stays responsive and Ctrl-C can stop it (issue 10 §2). WebCrypto
 * would do the work on another thread, where the shell cannot see that a command is computing.
 */
import { bytesToBigInt } from './big-bytes.ts';

export interface RsaKey {
  n: bigint;
  e: bigint;
  d: bigint;
  p: bigint;
  q: bigint;
  dp: bigint;
  dq: bigint;
  qinv: bigint;
}

export interface KeyGeneration {
  randomBytes(count: number): Uint8Array;
  /** Called between primality tests; may throw to stop the search. */
  yieldSlice(): Promise<void>;
  /** OpenSSL's BN_GENCB codes: 0 a candidate, 1 a Miller-Rabin round passed, 2 a prime found, 3 a key half done. */
  progress?(code: 0 | 1 | 2 | 3): void;
}

export const PUBLIC_EXPONENT = 65537n;

// OpenSSL 3 runs at least 64 Miller-Rabin rounds (bn_mr_min_checks) and prints a `+` for each.
const MR_ROUNDS_SHOWN = 64;
// Deliberate deviation: 5 rounds already bound the error for random candidates of 512 bits and
// more below 2^-100 (FIPS 186-4 table C.3); the other rounds are shown, not computed.
const MR_ROUNDS_RUN = 5;
const SIEVE_SIZE = 2000;
let sievePrimesMemo: readonly number[] | undefined;

/**
 * The first 2000 odd primes (3 to 17 393): a sieve wider than OpenSSL's rejects more candidates
 * without a modPow. Built on first use, not when the shell's programs load.
 */
export function sievePrimes(): readonly number[] {
  if (sievePrimesMemo) return sievePrimesMemo;
  const limit = 17_394;
  const composite = new Uint8Array(limit);
  const primes: number[] = [];
  for (let n = 3; n < limit && primes.length < SIEVE_SIZE; n += 2) {
    if (composite[n]) continue;
    primes.push(n);
    for (let multiple = n * n; multiple < limit; multiple += 2 * n) composite[multiple] = 1;
  }
  sievePrimesMemo = primes;
  return primes;
}

/** How many primes (2 included) OpenSSL's BN_check_prime divides by (bn_prime.c calc_trial_divisions). */
function trialDivisions(bits: number): number {
  return bits <= 512 ? 64 : bits <= 1024 ? 128 : bits <= 2048 ? 384 : 1024;
}

export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
  }
  return result;
}

export function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [((a % m) + m) % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const quotient = oldR / r;
    [oldR, r] = [r, oldR - quotient * r];
    [oldS, s] = [s, oldS - quotient * s];
  }
  return ((oldS % m) + m) % m;
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));

function randomBelow(limit: bigint, options: KeyGeneration): bigint {
  const bytes = Math.ceil(limit.toString(16).length / 2) + 8;
  return bytesToBigInt(options.randomBytes(bytes)) % limit;
}

function randomOdd(bits: number, options: KeyGeneration): bigint {
  const raw = options.randomBytes(Math.ceil(bits / 8));
  let n = bytesToBigInt(raw) & ((1n << BigInt(bits)) - 1n);
  // The top two bits set, so p·q has exactly twice the bits (as BN_priv_rand_ex with TOP_TWO).
  n |= 3n << BigInt(bits - 2);
  return n | 1n;
}

async function isProbablePrime(n: bigint, options: KeyGeneration): Promise<boolean> {
  let d = n - 1n;
  let s = 0;
  while ((d & 1n) === 0n) {
    d >>= 1n;
    s++;
  }
  for (let round = 0; round < MR_ROUNDS_RUN; round++) {
    await options.yieldSlice();
    const a = 2n + randomBelow(n - 3n, options);
    let x = modPow(a, d, n);
    let composite = x !== 1n && x !== n - 1n;
    for (let i = 1; composite && i < s; i++) {
      x = (x * x) % n;
      if (x === n - 1n) composite = false;
    }
    if (composite) return false;
    options.progress?.(1);
  }
  for (let round = MR_ROUNDS_RUN; round < MR_ROUNDS_SHOWN; round++) options.progress?.(1);
  return true;
}

/**
 * Steps through odd numbers from a random start, as the FIPS 186-4 search steps from its start:
 * a `.` per candidate, a `+` when OpenSSL's trial division would pass, then one per round.
 */
export async function generatePrime(bits: number, options: KeyGeneration): Promise<bigint> {
  const shownTrials = trialDivisions(bits) - 1;
  for (;;) {
    const start = randomOdd(bits, options);
    const primes = sievePrimes();
    const residues = primes.map((p) => Number(start % BigInt(p)));
    for (let step = 0; step < 1 << 16; step += 2) {
      if (step % 32 === 0) await options.yieldSlice();
      options.progress?.(0);
      const divisor = residues.findIndex((r, i) => (r + step) % primes[i]! === 0);
      if (divisor >= 0 && divisor < shownTrials) continue;
      const candidate = start + BigInt(step);
      if (candidate % PUBLIC_EXPONENT === 1n) continue;
      options.progress?.(1);
      // A factor past OpenSSL's trial primes: its first Miller-Rabin round would fail.
      if (divisor >= 0) continue;
      if (await isProbablePrime(candidate, options)) return candidate;
    }
  }
}

export function rsaKeyFromPrimes(p: bigint, q: bigint, e = PUBLIC_EXPONENT): RsaKey {
  if (p < q) [p, q] = [q, p];
  const phi = (p - 1n) * (q - 1n);
  const d = modInverse(e, phi / gcd(p - 1n, q - 1n));
  return { n: p * q, e, d, p, q, dp: d % (p - 1n), dq: d % (q - 1n), qinv: modInverse(q, p) };
}

/** FIPS 186-4 B.3.6 draws two auxiliary primes before each of p and q (OpenSSL's `*` marks). */
function auxiliaryPrimeBits(bits: number): number {
  return bits >= 4096 ? 201 : bits >= 3072 ? 171 : 141;
}

async function generateKeyHalf(bits: number, keyBits: number, options: KeyGeneration): Promise<bigint> {
  for (let i = 0; i < 2; i++) {
    await generatePrime(auxiliaryPrimeBits(keyBits), options);
    options.progress?.(2);
  }
  const prime = await generatePrime(bits, options);
  options.progress?.(3);
  return prime;
}

// Deliberate deviation: p and q are drawn directly rather than derived from the auxiliary primes;
// the auxiliary searches only keep the progress OpenSSL prints.
export async function generateRsaKey(bits: number, options: KeyGeneration): Promise<RsaKey> {
  const half = Math.ceil(bits / 2);
  const p = await generateKeyHalf(half, bits, options);
  let q: bigint;
  do q = await generateKeyHalf(bits - half, bits, options);
  while (q === p);
  return rsaKeyFromPrimes(p, q);
}
