import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../store/deep-freeze.ts';
import { jsonLength } from './request-body-decoder.ts';

describe('jsonLength', () => {
  const frozenSpec = deepFreeze({ containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] });
  const cases: { name: string; value: unknown }[] = [
    { name: 'scalars', value: [1, 'a"b', true, null, -0.5] },
    { name: 'unicode and escapes', value: { 'ké\n': 'ünï\tcode\u2028' } },
    { name: 'undefined and functions', value: { a: undefined, b: () => 1, c: [undefined, () => 1] } },
    { name: 'empty containers', value: { a: {}, b: [], c: [{}] } },
    { name: 'a body that shares a frozen spec', value: { spec: frozenSpec, status: { phase: 'Running' } } },
    { name: 'the frozen spec measured a second time', value: { spec: frozenSpec, status: {} } },
    { name: 'non-finite numbers', value: [Number.NaN, Number.POSITIVE_INFINITY] },
  ];
  it.each(cases)('measures $name as JSON.stringify does', ({ value }) => {
    expect(jsonLength(value)).toBe(JSON.stringify(value).length);
  });
});
