/**
 * The terminal's line editing: keys in, the edited line and the bytes to echo out. Pure, so it is
 * tested without a browser.
 */
import { keptTailOfLine, oneCellEach } from './kept-rows.ts';
import { WORD_KEYS, nextWordEnd, previousWordStart, type WordCommand } from './word-motion.ts';

export interface LineEdit {
  /** Bytes to write to the terminal. */
  echo: string;
  /** A finished line (Enter), if any. */
  submitted?: string;
  interrupted?: boolean;
  /** Ctrl-L: the screen was cleared; the caller writes the prompt and line again. */
  redraw?: boolean;
  /** Input after the key that ended the line (a paste of several lines, typeahead): for the next prompt. */
  rest?: string;
}

/**
 * Ctrl-R's state. Models readline's isearch.c: `lines` is the history plus the line being edited,
 * `at` the line searched, `index` the match position in it (the cursor while searching).
 */
interface ReverseSearch {
  query: string;
  lines: string[];
  at: number;
  index: number;
  /** The line last found, so repeated copies of it are skipped (readline's prev_line_found). */
  found?: string;
  /** The line shown: the last match, or the line being edited before any match. */
  shown: number;
  failed: boolean;
  savedLine: string;
  savedCursor: number;
}

const CTRL_C = '\x03';
const CTRL_G = '\x07';
const CTRL_R = '\x12';
const CTRL_W = '\x17';
const CTRL_Y = '\x19';
const ESC = '\x1b';
const BELL = '\x07';

/** One key from the terminal's input: a character or a whole escape sequence. */
function nextKey(data: string, i: number): string {
  if (data[i] !== ESC) return String.fromCodePoint(data.codePointAt(i)!);
  const next = data[i + 1];
  if (next === undefined) return ESC;
  if (next === '[') {
    let end = i + 2;
    while (end < data.length && /[0-9;?]/.test(data[end]!)) end++;
    return data.slice(i, end + 1);
  }
  // SS3 arrows/Home/End, or Meta+key (Alt sends ESC first).
  return data.slice(i, i + 3 - (next === 'O' ? 0 : 1));
}

const PRINTABLE_RUN = /[^\x00-\x1f\x7f]+/y;

const HOME_KEYS = new Set(['\x01', '\x1b[H', '\x1bOH', '\x1b[1~']);
const END_KEYS = new Set(['\x05', '\x1b[F', '\x1bOF', '\x1b[4~']);

export class LineEditor {
  #line = '';
  #cursor = 0;
  readonly #history: string[] = [];
  #historyIndex = 0;
  #search: ReverseSearch | undefined;
  #lastQuery = '';
  /** Rows between the first row of the prompt and the cursor, as last drawn by a full redraw. */
  #cursorRow = 0;

  /** The prompt in front of the line, which reverse search replaces and redraws. */
  prompt = '';
  /** The terminal's width, to redraw a line that wraps. */
  columns = 80;
  /** The rows the terminal keeps, its screen's and its scrollback's: a pasted line longer than them is echoed from where they start. */
  keptRows = Infinity;

  get line(): string {
    return this.#line;
  }

  get isSearching(): boolean {
    return this.#search !== undefined;
  }

  /** What the prompt's row shows: the prompt (or search message) and the line. */
  get display(): string {
    const search = this.#search;
    return search ? this.#searchPrefix(search) + search.lines[search.shown]! : this.prompt + this.#line;
  }

  /** Where the cursor is in `line` (or, while searching, in the line shown). */
  get cursor(): number {
    return this.#search ? this.#searchCursor(this.#search) : this.#cursor;
  }

  /** How far the cursor is from the end of the line. */
  get charsAfterCursor(): number {
    return this.#line.length - this.#cursor;
  }

  /** Text before the cursor (what Tab completes). */
  get beforeCursor(): string {
    return this.#line.slice(0, this.#cursor);
  }

  /** Replaces the word starting at `from` (up to the cursor) with `text`; returns the echo. */
  replaceWord(from: number, text: string): string {
    return this.#replace(from, this.#cursor, text);
  }

  #wordCommand(command: WordCommand): string {
    const line = this.#line;
    const target = command === 'forward-word' || command === 'kill-word' ? nextWordEnd(line, this.#cursor) : previousWordStart(line, this.#cursor);
    if (command === 'kill-word' || command === 'backward-kill-word') return this.#replace(Math.min(target, this.#cursor), Math.max(target, this.#cursor), '');
    const move = target - this.#cursor;
    this.#cursor = target;
    return move === 0 ? '' : `\x1b[${Math.abs(move)}${move > 0 ? 'C' : 'D'}`;
  }

  #replace(from: number, to: number, text: string): string {
    const rest = this.#line.slice(to);
    const back = this.#cursor - from;
    this.#line = this.#line.slice(0, from) + text + rest;
    this.#cursor = from + text.length;
    return `${back > 0 ? `\x1b[${back}D` : ''}\x1b[K${text}${rest}${rest.length ? `\x1b[${rest.length}D` : ''}`;
  }

  /** Replaces the lines Up and Ctrl-R go through: the shell's history of a restored session. */
  loadHistory(lines: readonly string[]): void {
    this.#history.splice(0, this.#history.length, ...lines);
    this.#historyIndex = this.#history.length;
  }

  reset(): void {
    this.#line = '';
    this.#cursor = 0;
    this.#historyIndex = this.#history.length;
    this.#search = undefined;
  }

  /** Ends a reverse search keeping the line found, as Esc does; returns the echo. */
  acceptSearch(): string {
    const search = this.#search;
    if (!search) return '';
    this.#search = undefined;
    if (search.query) this.#lastQuery = search.query;
    this.#line = search.lines[search.shown]!;
    this.#cursor = this.#searchCursor(search);
    this.#historyIndex = search.shown;
    return this.#draw(this.prompt, this.#line, this.#cursor);
  }

  feed(data: string): LineEdit {
    let echo = '';
    for (let i = 0; i < data.length;) {
      if (!this.#search) {
        // Plain text (a paste) goes in as one run: inserting it key by key copies the line each time.
        PRINTABLE_RUN.lastIndex = i;
        const run = PRINTABLE_RUN.exec(data)?.[0];
        if (run && run.length > 1) {
          echo += this.#editKey(run).echo;
          i += run.length;
          continue;
        }
      }
      const key = nextKey(data, i);
      if (this.#search) {
        const handled = this.#searchKey(key);
        echo += handled.echo;
        if (handled.done) return this.#finish(echo, handled.done, data.slice(i + key.length));
        if (handled.consumed) {
          i += key.length;
          continue;
        }
        // Any other key ends the search and then does what it always does.
        echo += this.acceptSearch();
      }
      i += key.length;
      const result = this.#editKey(key);
      echo += result.echo;
      if (result.done) return this.#finish(echo, result.done, data.slice(i));
    }
    return { echo };
  }

  #finish(echo: string, done: LineEdit, rest: string): LineEdit {
    return { ...done, echo: echo + done.echo, ...(rest ? { rest } : {}) };
  }

  #submit(): LineEdit {
    const submitted = this.#line;
    if (submitted.trim()) this.#history.push(submitted);
    this.reset();
    return { echo: '\r\n', submitted };
  }

  #editKey(key: string): { echo: string; done?: LineEdit } {
    if (key === '\r') return { echo: '', done: this.#submit() };
    if (key === CTRL_C) {
      this.reset();
      return { echo: '', done: { echo: '^C\r\n', interrupted: true } };
    }
    if (key === '\x0c') return { echo: '', done: { echo: '\x1b[H\x1b[2J', redraw: true } };
    if (key === CTRL_R) return { echo: this.#startSearch() };
    if (HOME_KEYS.has(key)) {
      const echo = this.#cursor > 0 ? `\x1b[${this.#cursor}D` : '';
      this.#cursor = 0;
      return { echo };
    }
    if (END_KEYS.has(key)) {
      const move = this.#line.length - this.#cursor;
      this.#cursor = this.#line.length;
      return { echo: move > 0 ? `\x1b[${move}C` : '' };
    }
    if (key === '\x15') return { echo: this.#replace(0, this.#cursor, '') };
    if (key === '\x0b') {
      this.#line = this.#line.slice(0, this.#cursor);
      return { echo: '\x1b[K' };
    }
    if (key === CTRL_W) {
      const start = this.#line.slice(0, this.#cursor).replace(/\S+\s*$/, '').length;
      return { echo: this.#replace(start, this.#cursor, '') };
    }
    if (key === '\x7f' || key === '\b') {
      if (this.#cursor === 0) return { echo: '' };
      this.#line = this.#line.slice(0, this.#cursor - 1) + this.#line.slice(this.#cursor);
      this.#cursor--;
      return { echo: `\b${this.#line.slice(this.#cursor)} \x1b[${this.#line.length - this.#cursor + 1}D` };
    }
    if (key === '\x1b[3~') {
      if (this.#cursor === this.#line.length) return { echo: '' };
      this.#line = this.#line.slice(0, this.#cursor) + this.#line.slice(this.#cursor + 1);
      return { echo: `${this.#line.slice(this.#cursor)} \x1b[${this.#line.length - this.#cursor + 1}D` };
    }
    const word = WORD_KEYS.get(key);
    if (word) return { echo: this.#wordCommand(word) };
    if (key === '\x1b[D') {
      if (this.#cursor === 0) return { echo: '' };
      this.#cursor--;
      return { echo: '\x1b[D' };
    }
    if (key === '\x1b[C') {
      if (this.#cursor === this.#line.length) return { echo: '' };
      this.#cursor++;
      return { echo: '\x1b[C' };
    }
    if ((key === '\x1b[A' || key === '\x1b[B') && this.#history.length > 0) {
      this.#historyIndex = Math.max(0, Math.min(this.#history.length, this.#historyIndex + (key === '\x1b[A' ? -1 : 1)));
      const next = this.#history[this.#historyIndex] ?? '';
      const echo = `${this.#cursor > 0 ? `\x1b[${this.#cursor}D` : ''}\x1b[K${next}`;
      this.#line = next;
      this.#cursor = next.length;
      return { echo };
    }
    if (key.length > 0 && key[0]! >= ' ' && key !== '\x7f') {
      const before = this.#line.slice(0, this.#cursor);
      this.#line = before + key + this.#line.slice(this.#cursor);
      this.#cursor += key.length;
      const rest = this.#line.slice(this.#cursor);
      if (rest.length) return { echo: `${key}${rest}\x1b[${rest.length}D` };
      if (key.length < this.columns || !oneCellEach(before)) return { echo: key };
      return { echo: keptTailOfLine(key, [...this.prompt].length + before.length, { cols: this.columns, keptRows: this.keptRows }) };
    }
    return { echo: '' };
  }

  #startSearch(): string {
    const cells = [...this.prompt].length + this.#cursor;
    // At the exact end of a full row the terminal holds the cursor on that row until more text comes.
    this.#cursorRow = this.#cursor === this.#line.length && cells > 0 && cells % this.columns === 0 ? cells / this.columns - 1 : Math.floor(cells / this.columns);
    const lines = [...this.#history, this.#line];
    this.#search = { query: '', lines, at: lines.length - 1, index: this.#cursor, shown: lines.length - 1, failed: false, savedLine: this.#line, savedCursor: this.#cursor };
    return this.#drawSearch();
  }

  /** A key while searching: `consumed` when search handled it, `done` when it ends the line. */
  #searchKey(key: string): { echo: string; consumed?: boolean; done?: LineEdit } {
    const search = this.#search!;
    if (key === CTRL_G) {
      this.#search = undefined;
      this.#line = search.savedLine;
      this.#cursor = search.savedCursor;
      return { echo: this.#draw(this.prompt, this.#line, this.#cursor), consumed: true };
    }
    if (key === CTRL_C) {
      this.#search = undefined;
      const line = search.lines[search.shown]!;
      const echo = this.#draw(this.#searchPrefix(search), line, line.length);
      this.reset();
      return { echo, done: { echo: '^C\r\n', interrupted: true } };
    }
    if (key === ESC || key === '\n') {
      return { echo: this.acceptSearch(), consumed: true };
    }
    if (key === CTRL_R) {
      if (search.query === '') {
        if (!this.#lastQuery) return { echo: '', consumed: true };
        search.query = this.#lastQuery;
        return { echo: this.#runSearch(search.index), consumed: true };
      }
      return { echo: this.#runSearch(search.index - 1), consumed: true };
    }
    if (key === '\x7f' || key === '\b') {
      if (search.query === '') return { echo: BELL, consumed: true };
      search.query = search.query.slice(0, -1);
      return { echo: this.#runSearch(search.index), consumed: true };
    }
    if (key === CTRL_W || key === CTRL_Y) {
      const shown = search.lines[search.shown]!;
      const from = Math.max(0, search.index) + search.query.length;
      if (from >= shown.length) return { echo: BELL, consumed: true };
      const word = key === CTRL_Y ? shown.slice(from) : /^\W?\w*/.exec(shown.slice(from))![0];
      search.query += word;
      return { echo: this.#runSearch(search.index), consumed: true };
    }
    if (key.length > 0 && key[0]! >= ' ' && key !== '\x7f' && key[0] !== ESC) {
      search.query += key;
      return { echo: this.#runSearch(search.index), consumed: true };
    }
    return { echo: '' };
  }

  /**
   * Models isearch.c's search loop: back through the current line from `from`, then older lines.
   * A failed search keeps the last match in place.
   */
  #runSearch(from: number): string {
    const search = this.#search!;
    const { query } = search;
    if (query === '') {
      search.failed = true;
      return BELL + this.#drawSearch();
    }
    let at = search.at;
    let index = Math.min(from, search.lines[at]!.length - query.length);
    for (;;) {
      const found = index >= 0 ? search.lines[at]!.lastIndexOf(query, index) : -1;
      if (found >= 0) {
        search.at = at;
        search.index = found;
        search.shown = at;
        search.found = search.lines[at]!;
        search.failed = false;
        return this.#drawSearch();
      }
      do at--;
      while (at >= 0 && (search.lines[at] === search.found || search.lines[at]!.length < query.length));
      if (at < 0) {
        search.failed = true;
        return BELL + this.#drawSearch();
      }
      index = search.lines[at]!.length - query.length;
    }
  }

  #searchPrefix(search: ReverseSearch): string {
    return `(${search.failed ? 'failed ' : ''}reverse-i-search)\`${search.query}': `;
  }

  #drawSearch(): string {
    const search = this.#search!;
    return this.#draw(this.#searchPrefix(search), search.lines[search.shown]!, this.#searchCursor(search));
  }

  /** Where the cursor sits: on the match, or where it was when nothing has matched yet. */
  #searchCursor(search: ReverseSearch): number {
    if (search.found === undefined) return search.savedCursor;
    return Math.max(0, Math.min(search.index, search.lines[search.shown]!.length));
  }

  /** Rewrites prompt and line from the first row of the prompt, leaving the cursor at `cursor`. */
  #draw(prefix: string, line: string, cursor: number): string {
    const columns = Math.max(1, this.columns);
    let out = `${this.#cursorRow > 0 ? `\x1b[${this.#cursorRow}A` : ''}\r\x1b[J${prefix}${line}`;
    const cells = [...prefix].length + line.length;
    const endRow = Math.floor(cells / columns);
    // Past the last column the terminal waits to wrap; a space forces it, as readline does.
    if (cells > 0 && cells % columns === 0) out += ' \r';
    const target = [...prefix].length + cursor;
    const row = Math.floor(target / columns);
    const column = target % columns;
    if (target !== cells || cells % columns === 0) {
      out += `${endRow - row > 0 ? `\x1b[${endRow - row}A` : ''}\r${column > 0 ? `\x1b[${column}C` : ''}`;
    }
    this.#cursorRow = row;
    return out;
  }
}
