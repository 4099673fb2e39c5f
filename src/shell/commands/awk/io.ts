/** Where awk reads records from (its input files, `getline < file`, `cmd | getline`) and writes them to. */
import type { PosixRegex } from '../../../lib/regex/posix-regex.ts';

/** Reads records out of one text, RS a character, a regex, or "" for paragraphs. */
export class RecordReader {
  #at = 0;
  constructor(readonly text: string) {}

  /** The next record and the separator text that ended it, or undefined at the end. */
  next(rs: string, regex: () => PosixRegex): string | undefined {
    const text = this.text;
    if (this.#at >= text.length) return undefined;
    if (rs.length === 1) {
      const end = text.indexOf(rs, this.#at);
      const record = text.slice(this.#at, end < 0 ? text.length : end);
      this.#at = end < 0 ? text.length : end + 1;
      return record;
    }
    if (rs === '') {
      while (text[this.#at] === '\n') this.#at++;
      if (this.#at >= text.length) return undefined;
      const m = /\n\n+/g;
      m.lastIndex = this.#at;
      const found = m.exec(text);
      const record = text.slice(this.#at, found ? found.index : text.length).replace(/\n+$/, '');
      this.#at = found ? found.index + found[0].length : text.length;
      return record;
    }
    const found = regex().exec(text, this.#at);
    if (!found || found.end === found.start) {
      const record = text.slice(this.#at);
      this.#at = text.length;
      return record;
    }
    const record = text.slice(this.#at, found.start);
    this.#at = found.end;
    return record;
  }

  /** How far into the text: the main loop weighs its checkpoints by this. */
  get offset(): number {
    return this.#at;
  }
}

export interface OutputTarget {
  kind: 'file' | 'pipe';
  chunks: string[];
  /** For a file: whether its first write replaces what was there (`>`), or appends (`>>`). */
  append: boolean;
}
