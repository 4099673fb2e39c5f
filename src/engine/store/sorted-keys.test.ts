import { describe, expect, it } from 'vitest';
import { SortedKeys } from './sorted-keys.ts';

describe('SortedKeys', () => {
  type Step = ['add' | 'delete', string] | ['read'];
  const cases: { name: string; steps: Step[]; want: string[] }[] = [
    {
      name: 'orders keys added in any order',
      steps: [
        ['add', 'b'],
        ['add', 'c'],
        ['add', 'a'],
      ],
      want: ['a', 'b', 'c'],
    },
    { name: 'merges keys added after a read', steps: [['add', 'b'], ['add', 'd'], ['read'], ['add', 'c'], ['add', 'a'], ['add', 'e']], want: ['a', 'b', 'c', 'd', 'e'] },
    { name: 'keeps one copy of a key added twice', steps: [['add', 'a'], ['read'], ['add', 'a'], ['add', 'b'], ['add', 'b']], want: ['a', 'b'] },
    { name: 'deletes a key not yet merged', steps: [['add', 'a'], ['read'], ['add', 'b'], ['delete', 'b']], want: ['a'] },
    {
      name: 'ignores deleting an absent key',
      steps: [
        ['add', 'a'],
        ['delete', 'z'],
      ],
      want: ['a'],
    },
    {
      name: 'adds a key again after deleting it',
      steps: [
        ['add', 'a'],
        ['delete', 'a'],
        ['add', 'a'],
      ],
      want: ['a'],
    },
    {
      name: 'sorts by code unit, as the store lists',
      steps: [
        ['add', 'b'],
        ['add', 'B'],
        ['add', 'a-10'],
        ['add', 'a-9'],
      ],
      want: ['B', 'a-10', 'a-9', 'b'],
    },
  ];
  it.each(cases)('$name', ({ steps, want }) => {
    const keys = new SortedKeys();
    for (const step of steps) {
      if (step[0] === 'add') keys.add(step[1]);
      else if (step[0] === 'delete') keys.delete(step[1]);
      else keys.values();
    }
    expect([...keys.values()]).toEqual(want);
    expect(keys.size).toBe(want.length);
  });
});
