import { describe, expect, it } from 'vitest';
import { suggestCommands } from './command-suggestions.ts';

// Each expectation is the "Did you mean this?" list kubectl v1.35.2 prints for `kubectl <typed>`.
const cases: { name: string; typed: string; expected: string[] }[] = [
  { name: 'a typo within distance 2, in registration order (set before get)', typed: 'gett', expected: ['set', 'get'] },
  { name: 'distance 2 by substitution and deletion', typed: 'bogus', expected: ['logs'] },
  { name: "get's SuggestFor list", typed: 'list', expected: ['get', 'wait'] },
  { name: "get's SuggestFor ps, after cp by distance", typed: 'ps', expected: ['get', 'cp', 'wait'] },
  { name: "delete's SuggestFor rm", typed: 'rm', expected: ['run', 'delete', 'cp'] },
  { name: 'prefixes and short distances together', typed: 'ex', expected: ['expose', 'set', 'explain', 'get', 'exec', 'cp'] },
  {
    name: 'one letter: every command it starts, plus distance 2',
    typed: 'a',
    expected: ['autoscale', 'attach', 'cp', 'auth', 'apply', 'annotate', 'alpha', 'api-versions', 'api-resources'],
  },
  { name: 'case-insensitive', typed: 'DELET', expected: ['delete'] },
  { name: 'nothing near', typed: 'rolling-update', expected: [] },
];

describe('suggestCommands', () => {
  it.each(cases)('$name', ({ typed, expected }) => {
    expect(suggestCommands(typed)).toEqual(expected);
  });
});
