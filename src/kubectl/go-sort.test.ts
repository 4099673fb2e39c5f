import { describe, expect, it } from 'vitest';
import { goSort } from './go-sort.ts';

/** A small deterministic generator, so each case is the same on every run. */
function numbers(count: number, range: number, seed: number): number[] {
  let state = seed;
  return Array.from({ length: count }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % range;
  });
}

describe('goSort', () => {
  it.each([
    { name: 'empty', items: [] },
    { name: 'already sorted', items: Array.from({ length: 60 }, (_, i) => i) },
    { name: 'descending', items: Array.from({ length: 60 }, (_, i) => 60 - i) },
    { name: 'many duplicates', items: numbers(200, 3, 1) },
    { name: 'random', items: numbers(500, 1000, 7) },
  ])('sorts $name input', ({ items }) => {
    const sorted = [...items];
    goSort(sorted, (a, b) => a < b);
    expect(sorted).toEqual([...items].sort((a, b) => a - b));
  });

  it('keeps equal items in list order up to 12 items, as insertion sort does', () => {
    const items = numbers(12, 2, 3).map((key, i) => ({ key, i }));
    goSort(items, (a, b) => a.key < b.key);
    expect(items.map((x) => x.i)).toEqual([...items].sort((a, b) => a.key - b.key || a.i - b.i).map((x) => x.i));
  });

  it('reorders equal items past 12, as Go does', () => {
    const items = Array.from({ length: 21 }, (_, i) => ({ key: i % 2, i }));
    goSort(items, (a, b) => a.key < b.key);
    expect(items.map((x) => x.key)).toEqual([...Array(11).fill(0), ...Array(10).fill(1)]);
    const stable = [...items].sort((a, b) => a.key - b.key || a.i - b.i).map((x) => x.i);
    expect(items.map((x) => x.i)).not.toEqual(stable);
  });
});
