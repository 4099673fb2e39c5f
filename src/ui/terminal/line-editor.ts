/**
 * The terminal's line editing: keys in, the edited line and the bytes to echo out. Pure, so it is
 * tested without a browser.
 */
export interface LineEdit {
  /** Bytes to write to the terminal. */
  echo: string;
  /** A finished line (Enter), if any. */
  submitted?: string;
  interrupted?: boolean;
  /** Ctrl-L: the screen was cleared; the caller writes the prompt and line again. */
  redraw?: boolean;
}

export class LineEditor {
  #line = '';
  #cursor = 0;
  readonly #history: string[] = [];
  #historyIndex = 0;

  get line(): string {
    return this.#line;
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

  #replace(from: number, to: number, text: string): string {
    const rest = this.#line.slice(to);
    const back = this.#cursor - from;
    this.#line = this.#line.slice(0, from) + text + rest;
    this.#cursor = from + text.length;
    return `${back > 0 ? `\x1b[${back}D` : ''}\x1b[K${text}${rest}${rest.length ? `\x1b[${rest.length}D` : ''}`;
  }

  reset(): void {
    this.#line = '';
    this.#cursor = 0;
    this.#historyIndex = this.#history.length;
  }

  feed(data: string): LineEdit {
    let echo = '';
    for (let i = 0; i < data.length; i++) {
      const ch = data[i]!;
      if (ch === '\r') {
        const submitted = this.#line;
        if (submitted.trim()) this.#history.push(submitted);
        this.reset();
        return { echo: `${echo}\r\n`, submitted };
      }
      if (ch === '\x03') {
        this.reset();
        return { echo: `${echo}^C\r\n`, interrupted: true };
      }
      if (ch === '\x01' || (ch === '\x1b' && (data.startsWith('[H', i + 1) || data.startsWith('OH', i + 1) || data.startsWith('[1~', i + 1)))) {
        if (ch === '\x1b') i += data.startsWith('[1~', i + 1) ? 3 : 2;
        echo += this.#cursor > 0 ? `\x1b[${this.#cursor}D` : '';
        this.#cursor = 0;
        continue;
      }
      if (ch === '\x05' || (ch === '\x1b' && (data.startsWith('[F', i + 1) || data.startsWith('OF', i + 1) || data.startsWith('[4~', i + 1)))) {
        if (ch === '\x1b') i += data.startsWith('[4~', i + 1) ? 3 : 2;
        const move = this.#line.length - this.#cursor;
        echo += move > 0 ? `\x1b[${move}C` : '';
        this.#cursor = this.#line.length;
        continue;
      }
      if (ch === '\x15') {
        echo += this.#replace(0, this.#cursor, '');
        continue;
      }
      if (ch === '\x0b') {
        this.#line = this.#line.slice(0, this.#cursor);
        echo += '\x1b[K';
        continue;
      }
      if (ch === '\x17') {
        const before = this.#line.slice(0, this.#cursor);
        const start = before.replace(/\S+\s*$/, '').length;
        echo += this.#replace(start, this.#cursor, '');
        continue;
      }
      if (ch === '\x0c') {
        return { echo: `${echo}\x1b[H\x1b[2J`, redraw: true };
      }
      if (ch === '\x7f') {
        if (this.#cursor > 0) {
          this.#line = this.#line.slice(0, this.#cursor - 1) + this.#line.slice(this.#cursor);
          this.#cursor--;
          echo += `\b${this.#line.slice(this.#cursor)} \x1b[${this.#line.length - this.#cursor + 1}D`;
        }
        continue;
      }
      if (ch === '\x1b' && data[i + 1] === '[') {
        const code = data[i + 2];
        i += 2;
        if (code === 'D' && this.#cursor > 0) {
          this.#cursor--;
          echo += '\x1b[D';
        } else if (code === 'C' && this.#cursor < this.#line.length) {
          this.#cursor++;
          echo += '\x1b[C';
        } else if ((code === 'A' || code === 'B') && this.#history.length > 0) {
          this.#historyIndex = Math.max(0, Math.min(this.#history.length, this.#historyIndex + (code === 'A' ? -1 : 1)));
          const next = this.#history[this.#historyIndex] ?? '';
          echo += `${this.#cursor > 0 ? `\x1b[${this.#cursor}D` : ''}\x1b[K${next}`;
          this.#line = next;
          this.#cursor = next.length;
        }
        continue;
      }
      if (ch >= ' ') {
        this.#line = this.#line.slice(0, this.#cursor) + ch + this.#line.slice(this.#cursor);
        this.#cursor++;
        const rest = this.#line.slice(this.#cursor);
        echo += ch + rest + (rest.length ? `\x1b[${rest.length}D` : '');
      }
    }
    return { echo };
  }
}
