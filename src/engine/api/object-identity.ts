/**
 * The identity the server gives a new object: a random version-4 UID and, for generateName, a
 * five-character suffix from the alphabet of staging/src/k8s.io/apimachinery/pkg/util/rand/rand.go
 * String, with the base cut to 58 characters (names.SimpleNameGenerator).
 */
import type { SeededRandom } from '../clock/seeded-random.ts';

export function generateUid(random: SeededRandom): string {
  // Drawn in the uid's own order, and joined once: pieces concatenated stay a rope of strings in
  // every stored object's metadata.
  const chars: string[] = [];
  const hex = (n: number) => {
    for (let i = 0; i < n; i++) chars.push(HEX_DIGITS[random.int(16)]!);
  };
  hex(8);
  chars.push('-');
  hex(4);
  chars.push('-', '4');
  hex(3);
  chars.push('-', '89ab'[random.int(4)]!);
  hex(3);
  chars.push('-');
  hex(12);
  return chars.join('');
}

const HEX_DIGITS = '0123456789abcdef';

/** A generated name not yet taken (`isTaken` asks the store). */
export function generateUniqueName(random: SeededRandom, base: string, isTaken: (name: string) => boolean): string {
  for (;;) {
    let suffix = '';
    for (let i = 0; i < 5; i++) suffix += 'bcdfghjklmnpqrstvwxz2456789'[random.int(27)];
    const name = (base.length > 58 ? base.slice(0, 58) : base) + suffix;
    if (!isTaken(name)) return name;
  }
}

/** A stable UUID-shaped id from a name, for objects whose uid must not draw from the seeded sequence (service accounts, nodes). */
export function stableUid(name: string): string {
  let hex = '';
  let h = 0x811c9dc5;
  for (let round = 0; hex.length < 32; round++) {
    for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i) ^ round, 0x01000193) >>> 0;
    hex += h.toString(16).padStart(8, '0');
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
