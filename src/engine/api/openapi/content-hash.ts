/**
 * A 128-bit content hash in upper-case hex for the `?hash=` of /openapi/v3 URLs. Upstream uses
 * SHA-512; clients only compare it to notice a changed document, so any stable digest serves
 * (the engine has no crypto API).
 */
const SEEDS = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b];

export function contentHash(text: string): string {
  return SEEDS.map((seed) => {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i++) {
      h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
      h ^= h >>> 15;
    }
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return ((h ^ (h >>> 16)) >>> 0).toString(16).toUpperCase().padStart(8, '0');
  }).join('');
}
