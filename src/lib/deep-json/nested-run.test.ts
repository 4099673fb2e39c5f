import { describe, expect, it } from 'vitest';
import { runNested, type NestedStep } from './nested-run.ts';

function* depthOf(value: unknown): NestedStep<number> {
  if (typeof value !== 'object' || value === null) return 0;
  let deepest = 0;
  for (const child of Object.values(value)) deepest = Math.max(deepest, (yield depthOf(child)) as number);
  return deepest + 1;
}

describe('runNested', () => {
  it('returns what the root step returns', () => {
    expect(runNested(depthOf({ a: { b: [1, { c: 2 }] }, d: 3 }))).toBe(4);
  });

  it('walks 20,000 levels without a stack overflow', () => {
    let value: unknown = 'x';
    for (let i = 0; i < 20_000; i++) value = { a: value };
    expect(runNested(depthOf(value))).toBe(20_000);
  });

  it('lets an exception of a nested step end the run', () => {
    function* failing(): NestedStep<number> {
      throw new Error('bad nest');
    }
    function* parent(): NestedStep<number> {
      return ((yield failing()) as number) + 1;
    }
    expect(() => runNested(parent())).toThrow('bad nest');
  });
});
