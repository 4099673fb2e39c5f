import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goSortArray } from './go-sort.ts';

// Orders the real kubectl v1.35.2 printed for `get --sort-by` over lists with many equal keys.
const recorded = JSON.parse(readFileSync(new URL('./testdata/kubectl-sort-by.json', import.meta.url), 'utf8')) as {
  cases: { name: string; keys: number[]; order: number[] }[];
};

describe('goSortArray leaves equal keys where Go sort.Sort does', () => {
  it.each(recorded.cases)('$name', ({ keys, order }) => {
    const items = keys.map((_, i) => i);
    expect(goSortArray(items, (a, b) => keys[a]! < keys[b]!)).toEqual(order);
  });

  it.each([
    { name: 'empty', keys: [] as number[], order: [] as number[] },
    { name: 'one item', keys: [7], order: [0] },
    { name: 'up to twelve items sort stably (insertion sort)', keys: [2, 1, 2, 1, 0, 2, 1, 0, 0, 1, 2, 0], order: [4, 7, 8, 11, 1, 3, 6, 9, 0, 2, 5, 10] },
  ])('$name', ({ keys, order }) => {
    expect(
      goSortArray(
        keys.map((_, i) => i),
        (a, b) => keys[a]! < keys[b]!,
      ),
    ).toEqual(order);
  });
});
