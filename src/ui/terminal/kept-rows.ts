/**
 * A terminal keeps only its last `rows + scrollback` rows. Text that fills more rows than that on
 * its own leaves nothing but its own tail on the screen and in the scrollback, so writing only that
 * tail, after clearing both, draws the same thing for a fraction of the work: xterm parses,
 * scrolls and renders every row written, and a pasted 2 MB line is 12,000 rows of 170 columns.
 */

/** Cursor home, erase the screen, erase the scrollback (xterm's ED 3). */
export const CLEAR_ALL = '\x1b[H\x1b[2J\x1b[3J';

export interface ScreenSize {
  cols: number;
  /** The screen's rows plus the scrollback's. */
  keptRows: number;
}

/** Text whose every character takes one cell: the row arithmetic below holds only for it. */
const NOT_ONE_CELL = /[^\x20-\x7e]/;

export function oneCellEach(text: string): boolean {
  return !NOT_ONE_CELL.test(text);
}

/**
 * What to write for `text` printed on one logical line, which starts at column 0, after
 * `cellsBefore` cells of it (the prompt and the line before the cursor). Past the kept rows, the
 * cut falls on a row boundary, so every row kept wraps where it would have.
 */
export function keptTailOfLine(text: string, cellsBefore: number, size: ScreenSize): string {
  const { cols, keptRows } = size;
  const totalRows = Math.ceil((cellsBefore + text.length) / cols);
  if (!(totalRows > keptRows)) return text;
  const cut = (totalRows - keptRows) * cols - cellsBefore;
  if (cut <= 0 || !oneCellEach(text)) return text;
  return CLEAR_ALL + text.slice(cut);
}

/**
 * Whole lines each shown after `prefix` and ended by CRLF, starting at column 0: the last of them
 * that fill the kept rows. A line not made of one-cell characters counts as the one row it takes at
 * least, so at least the kept rows are always written.
 */
export function keptLines(lines: readonly string[], prefix: string, size: ScreenSize): { lines: readonly string[]; cleared: boolean } {
  const { cols, keptRows } = size;
  let rows = 0;
  let first = lines.length;
  while (first > 0 && rows < keptRows) {
    const line = lines[--first]!;
    rows += !oneCellEach(line) ? 1 : Math.max(1, Math.ceil((prefix.length + line.length) / cols));
  }
  return first === 0 ? { lines, cleared: false } : { lines: lines.slice(first), cleared: true };
}
