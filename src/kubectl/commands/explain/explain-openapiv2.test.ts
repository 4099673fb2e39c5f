import { describe, expect, it } from 'vitest';
import { wrapParagraphs } from './explain-openapiv2.ts';

// Cases after pkg/explain formatter_test.go.
describe('wrapParagraphs (formatter.go wrapString)', () => {
  it.each([
    ['TestWrapString', 'A long line that should be wrapped.', 10, ['A long', 'line that', 'should be', 'wrapped.']],
    ['TestWrapCodeBlocks keeps indented code', 'Example:\n    a := 1\nback', 20, ['Example:', '    a := 1', 'back']],
    ['TestWrapBulletList keeps list items apart', 'Values:\n - `"A"` first\n - `"B"` second', 30, ['Values:', '- `"A"` first', '- `"B"` second']],
    ['a blank line before the first line is out is dropped', 'One.\n\nTwo.', 80, ['One.', 'Two.']],
    ['a blank line after it is kept', 'One\ntwo.\nThree\n\nFour', 4, ['One', 'two.', 'Three', '', 'Four']],
  ])('%s', (_name, text, wrap, lines) => {
    expect(wrapParagraphs(text, wrap)).toEqual(lines);
  });
});
