import { describe, expect, it } from 'vitest';
import { indent, wrapString } from './word-wrap.ts';

// Cases after mitchellh/go-wordwrap's wordwrap_test.go TestWrapString.
describe('wrapString (go-wordwrap WrapString)', () => {
  it.each([
    ['empty', '', 5, ''],
    ['fits', 'foo', 4, 'foo'],
    ['breaks at a space', 'foo bar baz', 3, 'foo\nbar\nbaz'],
    ['keeps newlines', 'foo\nb ar ', 4, 'foo\nb ar'],
    ['keeps blank lines', 'foo\n\nbar', 3, 'foo\n\nbar'],
    ['a long word is never broken', 'foo bar_baz_qux', 6, 'foo\nbar_baz_qux'],
    ['trailing spaces past the limit are dropped', 'foo bar  ', 7, 'foo bar'],
    [
      'explain description',
      'Map of string keys and values that can be used to organize and categorize (scope and select) objects.\n',
      76,
      'Map of string keys and values that can be used to organize and categorize\n(scope and select) objects.\n',
    ],
  ])('%s', (_name, input, limit, expected) => {
    expect(wrapString(input, limit)).toBe(expected);
  });

  it('indents every line, the empty last one too', () => {
    expect(indent(4, 'a\nb\n')).toBe('    a\n    b\n    ');
  });
});
