import { describe, expect, it } from 'vitest';
import { GlobPattern } from './glob-pattern.ts';

// Expected values follow bash 5.2 `[[ $text == $pattern ]]` and `${text#pattern}` family.
describe('GlobPattern', () => {
  it.each([
    { pattern: '*.txt', text: 'notes.txt', want: true },
    { pattern: '*.txt', text: 'notes.txt.bak', want: false },
    { pattern: 'a?c', text: 'abc', want: true },
    { pattern: '[!a]*', text: 'abc', want: false },
    { pattern: '[^a]*', text: 'bc', want: true },
    { pattern: '[[:upper:]]*', text: 'Abc', want: true },
    { pattern: '[a-c]x', text: 'bx', want: true },
    { pattern: '[]]', text: ']', want: true },
    { pattern: '\\*', text: '*', want: true },
    { pattern: '\\*', text: 'a', want: false },
    { pattern: '[', text: '[', want: true },
    { pattern: 'a.b', text: 'axb', want: false },
    { pattern: '(x)|y', text: '(x)|y', want: true },
    { pattern: '*', text: 'line1\nline2', want: true },
    { pattern: '[z-a]', text: 'm', want: false },
  ])('$pattern against $text', ({ pattern, text, want }) => {
    expect(new GlobPattern(pattern).matches(text)).toBe(want);
  });

  it.each([
    { name: '${v#*/}', pattern: '*/', text: 'a/b/c', longest: false, want: 2 },
    { name: '${v##*/}', pattern: '*/', text: 'a/b/c', longest: true, want: 4 },
    { name: 'no prefix matches', pattern: 'x*', text: 'abc', longest: false, want: -1 },
  ])('prefix $name', ({ pattern, text, longest, want }) => {
    expect(new GlobPattern(pattern).prefixLength(text, longest)).toBe(want);
  });

  it.each([
    { name: '${v%.*}', pattern: '.*', text: 'a.tar.gz', longest: false, want: 3 },
    { name: '${v%%.*}', pattern: '.*', text: 'a.tar.gz', longest: true, want: 7 },
  ])('suffix $name', ({ pattern, text, longest, want }) => {
    expect(new GlobPattern(pattern).suffixLength(text, longest)).toBe(want);
  });

  it('a pattern with many stars answers at once', () => {
    const started = Date.now();
    expect(new GlobPattern('*a*a*a*a*a*a*a*a*a*b').matches('a'.repeat(5000))).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
