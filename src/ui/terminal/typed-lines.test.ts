import { describe, expect, it } from 'vitest';
import { continuationEcho, splitTypedLines } from './typed-lines.ts';

describe('splitTypedLines', () => {
  const cases: { name: string; text: string; max?: number; lines: string[]; rest: string }[] = [
    { name: 'takes every whole line of a paste', text: 'a\rb\rc', lines: ['a', 'b'], rest: 'c' },
    { name: 'takes a CRLF as one line end', text: 'a\r\nb\r\n', lines: ['a', 'b'], rest: '' },
    { name: 'keeps tabs, as bash keeps a bracketed paste literal', text: '\tx\r', lines: ['\tx'], rest: '' },
    { name: 'stops at a line with an editing key', text: 'a\rb\x1b[A\rc\r', lines: ['a'], rest: 'b\x1b[A\rc\r' },
    { name: 'stops after max lines', text: 'a\rb\rc\r', max: 2, lines: ['a', 'b'], rest: 'c\r' },
    { name: 'takes nothing from a line not yet ended', text: 'echo hi', lines: [], rest: 'echo hi' },
  ];
  it.each(cases)('$name', ({ text, max, lines, rest }) => {
    expect(splitTypedLines(text, max)).toEqual({ lines, rest });
  });

  it('takes a 1 MB here-document body in one pass', () => {
    const body = Array.from({ length: 20_000 }, (_, i) => `line ${i} ${'x'.repeat(40)}`);
    const { lines, rest } = splitTypedLines(`${body.join('\r')}\rEOF\r`);
    expect(lines.length).toBe(20_001);
    expect(lines.at(-1)).toBe('EOF');
    expect(rest).toBe('');
  });
});

describe('continuationEcho', () => {
  it('shows each line after the continuation prompt', () => {
    expect(continuationEcho(['a', 'EOF'])).toBe('> a\r\n> EOF\r\n');
  });

  it('writes only the last lines the terminal keeps, on a cleared screen, for a paste longer than them', () => {
    expect(continuationEcho(['a', 'b', 'c', 'EOF'], { cols: 80, keptRows: 2 })).toBe('\x1b[H\x1b[2J\x1b[3J> c\r\n> EOF\r\n');
  });
});
