import { describe, expect, it } from 'vitest';
import { selectString } from './container-selector.ts';

describe('selectString', () => {
  const cases = [
    { s: 'foo', spec: '', want: false },
    { s: 'foo', spec: 'bar', want: false },
    { s: 'foo', spec: 'foo', want: true },
    { s: 'foo', spec: '*', want: true },
    { s: 'foo', spec: 'f*', want: true },
    { s: 'nginx', spec: '*x', want: true },
    // Upstream looks for the first occurrence only, so a suffix that also appears earlier does not match.
    { s: 'foo', spec: '*o', want: false },
    { s: 'foo', spec: '*x', want: false },
    { s: 'foo', spec: 'x*', want: false },
    { s: 'foobar', spec: 'f*r', want: true },
    { s: 'foobar', spec: 'f*b', want: false },
  ];
  it.each(cases)('selectString($s, $spec) is $want', ({ s, spec, want }) => expect(selectString(s, spec)).toBe(want));
});
