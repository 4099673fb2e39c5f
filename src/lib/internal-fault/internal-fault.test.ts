import { afterEach, describe, expect, it, vi } from 'vitest';
import { reportInternalFault } from './internal-fault.ts';

describe('reportInternalFault', () => {
  afterEach(() => vi.restoreAllMocks());

  const cases: { name: string; error: unknown }[] = [
    { name: 'a TypeError', error: new TypeError("Cannot read properties of null (reading 'content')") },
    { name: 'a thrown string', error: 'x.includes is not a function' },
    { name: 'undefined', error: undefined },
  ];
  it.each(cases)('shows the same neutral words for $name and logs the error itself', ({ error }) => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(reportInternalFault('the shell', error)).toBe('internal error');
    expect(logged.mock.calls).toEqual([['cka-lab: internal error in the shell', error]]);
  });
});
