/**
 * What `less` shows: the text cut into screen rows (wrapped, or chopped with `-S`), the window of
 * rows on the screen, the matches of the last search in standout, and the prompt on the last row.
 * Movement and search follow less 590 as seen in a terminal: the window never scrolls past the
 * last screenful, but a search puts its line at the top even near the end (`~` rows below).
 */
import type { PosixRegex } from '../../lib/regex/posix-regex.ts';

export interface LessOptions {
  /** `-S`: long lines are cut at the screen's edge instead of wrapped. */
  chop: boolean;
  /** `-N`: each line starts with its number. */
  lineNumbers: boolean;
}

interface Row {
  line: number;
  start: number;
  end: number;
}

const STANDOUT = '\x1b[7m';
const STANDOUT_END = '\x1b[27m';
const TILDE = '\x1b[1m~\x1b[0m';
/** less -N: `%7d ` before the line. */
const NUMBER_WIDTH = 8;

function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const char of line) out += char === '\t' ? ' '.repeat(8 - (out.length % 8)) : char;
  return out;
}

export class LessView {
  readonly lines: string[];
  readonly #options: LessOptions;
  #columns = 80;
  #rowsOnScreen = 24;
  #rows: Row[] = [];
  /** The first row shown. */
  top = 0;
  /** Columns scrolled to the right (`-S` and the arrow keys). */
  shift = 0;
  pattern: PosixRegex | undefined;

  constructor(text: string, size: { columns: number; rows: number }, options: LessOptions) {
    const lines = text.split('\n');
    if (lines.at(-1) === '') lines.pop();
    this.lines = lines.map(expandTabs);
    this.#options = options;
    this.resize(size);
  }

  resize(size: { columns: number; rows: number }): void {
    const topLine = this.#rows[this.top]?.line ?? 0;
    this.#columns = Math.max(NUMBER_WIDTH + 2, size.columns);
    this.#rowsOnScreen = Math.max(2, size.rows);
    this.#rows = [];
    const width = this.#textWidth;
    this.lines.forEach((text, line) => {
      if (this.#options.chop || text.length <= width) this.#rows.push({ line, start: 0, end: text.length });
      else for (let start = 0; start < text.length; start += width) this.#rows.push({ line, start, end: Math.min(text.length, start + width) });
    });
    this.top = this.#firstRowOf(topLine);
  }

  /** Rows of text on the screen: all but the prompt's. */
  get window(): number {
    return this.#rowsOnScreen - 1;
  }

  get columns(): number {
    return this.#columns;
  }

  /** The last line of the text is on the screen. */
  get atEnd(): boolean {
    return this.top + this.window >= this.#rows.length;
  }

  /** The text's line at the top of the screen, from 0. */
  get topLine(): number {
    return this.#rows[this.top]?.line ?? 0;
  }

  /** The text's line at the bottom of the screen, from 0. */
  get bottomLine(): number {
    return this.#rows[Math.min(this.top + this.window, this.#rows.length) - 1]?.line ?? 0;
  }

  get #textWidth(): number {
    return this.#columns - (this.#options.lineNumbers ? NUMBER_WIDTH : 0);
  }

  get #maxTop(): number {
    return Math.max(0, this.#rows.length - this.window);
  }

  forward(count: number): void {
    this.top = Math.min(this.top + count, Math.max(this.#maxTop, this.top));
  }

  back(count: number): void {
    this.top = Math.max(0, this.top - count);
  }

  toEnd(): void {
    this.top = this.#maxTop;
  }

  toLine(line: number): void {
    this.top = Math.min(this.#firstRowOf(Math.max(0, Math.min(line, this.lines.length - 1))), this.#maxTop);
  }

  /**
   * Moves the next line matching `pattern` to the top; false when none does. A forward search
   * starts below the top line (at it for a new search at the file's start), a backward one above.
   */
  search(pattern: PosixRegex, forward: boolean, fromTopLine: boolean): boolean {
    this.pattern = pattern;
    const topLine = this.#rows[this.top]?.line ?? 0;
    if (forward) {
      for (let line = fromTopLine ? topLine : topLine + 1; line < this.lines.length; line++) {
        if (pattern.test(this.lines[line]!)) return this.#jumpTo(line);
      }
    } else {
      for (let line = topLine - 1; line >= 0; line--) {
        if (pattern.test(this.lines[line]!)) return this.#jumpTo(line);
      }
    }
    return false;
  }

  #jumpTo(line: number): true {
    this.top = this.#firstRowOf(line);
    return true;
  }

  #firstRowOf(line: number): number {
    const index = this.#rows.findIndex((row) => row.line === line);
    return index < 0 ? 0 : index;
  }

  /**
   * The whole screen. `compact`: the first paint of a text shorter than the screen, where less
   * writes the prompt right below the last line instead of filling the rows with `~`.
   */
  render(prompt: string, compact = false): string {
    const shown: string[] = [];
    for (let i = 0; i < this.window; i++) {
      const row = this.#rows[this.top + i];
      if (row) shown.push(this.#renderRow(row));
      else if (!compact) shown.push(TILDE);
    }
    return `\x1b[H\x1b[2J${shown.map((row) => `${row}\r\n`).join('')}${shown.length < this.window ? '' : `\x1b[${this.#rowsOnScreen};1H`}${prompt}\x1b[K`;
  }

  #renderRow(row: Row): string {
    const text = this.lines[row.line]!;
    let prefix = '';
    if (this.#options.lineNumbers) prefix = row.start === 0 ? `${String(row.line + 1).padStart(NUMBER_WIDTH - 1)} ` : ' '.repeat(NUMBER_WIDTH);
    const width = this.#textWidth;
    let start = row.start;
    let end = row.end;
    let cut = false;
    if (this.#options.chop) {
      start = Math.min(this.shift, text.length);
      end = text.length;
      // less marks a chopped line with a standout `>` in the last column.
      if (end - start > width) {
        end = start + width - 1;
        cut = true;
      }
    }
    return prefix + this.#highlighted(text, start, end) + (cut ? `${STANDOUT}>${STANDOUT_END}` : '');
  }

  #highlighted(text: string, start: number, end: number): string {
    const marks = this.#matches(text);
    let out = '';
    let inMatch = false;
    for (let i = start; i < end; i++) {
      const marked = marks.some(([from, to]) => i >= from && i < to);
      if (marked !== inMatch) out += marked ? STANDOUT : STANDOUT_END;
      inMatch = marked;
      out += text[i];
    }
    return inMatch ? out + STANDOUT_END : out;
  }

  #matches(text: string): [number, number][] {
    const found: [number, number][] = [];
    if (!this.pattern) return found;
    for (let at = 0; at <= text.length;) {
      const match = this.pattern.exec(text, at);
      if (!match) break;
      if (match.end > match.start) found.push([match.start, match.end]);
      at = match.end > at ? match.end : at + 1;
    }
    return found;
  }
}
