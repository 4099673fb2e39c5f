import { describe, expect, it } from 'vitest';
import { CLEAR_ALL, keptLines, keptTailOfLine } from './kept-rows.ts';

describe('keptTailOfLine', () => {
  const size = { cols: 10, keptRows: 3 };
  const cases: { name: string; text: string; cellsBefore: number; echo: string }[] = [
    { name: 'writes a line that fits the kept rows whole', text: 'abcdefghijklmnopqrst', cellsBefore: 5, echo: 'abcdefghijklmnopqrst' },
    { name: 'writes the last kept rows, cut where a row starts', text: '56789ABCDEFGHIJKLMNOPQRSTUV', cellsBefore: 5, echo: `${CLEAR_ALL}ABCDEFGHIJKLMNOPQRSTUV` },
    { name: 'keeps a last row the cursor waits at the end of', text: '3456789012345678901234567890123456789', cellsBefore: 3, echo: `${CLEAR_ALL}012345678901234567890123456789` },
    { name: 'writes text with a wide character whole', text: `${'a'.repeat(40)}漢`, cellsBefore: 0, echo: `${'a'.repeat(40)}漢` },
  ];
  it.each(cases)('$name', ({ text, cellsBefore, echo }) => {
    expect(keptTailOfLine(text, cellsBefore, size)).toBe(echo);
  });
});

describe('keptLines', () => {
  const size = { cols: 10, keptRows: 3 };
  const cases: { name: string; lines: string[]; kept: string[]; cleared: boolean }[] = [
    { name: 'keeps every line when they fit', lines: ['a', 'b', 'c'], kept: ['a', 'b', 'c'], cleared: false },
    { name: 'keeps the last lines that fill the kept rows', lines: ['a', 'b', 'c', 'd', 'e'], kept: ['c', 'd', 'e'], cleared: true },
    { name: 'counts the rows a wrapped line takes, its prompt included', lines: ['a', 'b', '123456789', 'c'], kept: ['123456789', 'c'], cleared: true },
    { name: 'counts a line of wide characters as one row', lines: ['a', 'b', '漢字漢字漢字漢字漢字', 'c'], kept: ['b', '漢字漢字漢字漢字漢字', 'c'], cleared: true },
  ];
  it.each(cases)('$name', ({ lines, kept, cleared }) => {
    expect(keptLines(lines, '> ', size)).toEqual({ lines: kept, cleared });
  });
});
