import { describe, expect, it } from 'vitest';
import { mergeSort } from './merge-sort.ts';

describe('mergeSort', () => {
  const cases: { name: string; length: number }[] = [
    { name: 'no items', length: 0 },
    { name: 'fewer items than one run', length: 100 },
    { name: 'a run and a bit', length: 4097 },
    { name: 'many runs, merged in several passes', length: 50_000 },
  ];
  for (const { name, length } of cases)
    it(`sorts as the engine's stable sort does: ${name}`, async () => {
      let seed = 7;
      // Few distinct keys, so stability shows: equal keys must keep their input order.
      const items = Array.from({ length }, (_, index) => ({ key: (seed = (seed * 48271) % 2147483647) % 97, index }));
      let checkpoints = 0;
      const compare = (a: { key: number }, b: { key: number }) => a.key - b.key;
      const sorted = await mergeSort({ checkpoint: async () => void checkpoints++ }, items, compare);
      expect(sorted).toEqual(items.slice().sort(compare));
      // One after each run of 4096, and more while merging: 50,000 items take four passes of merges.
      expect(checkpoints).toBeGreaterThanOrEqual(Math.ceil(length / 4096) + (length === 50_000 ? 10 : 0));
    });
});
