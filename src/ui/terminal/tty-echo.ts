/**
 * What a terminal in canonical mode echoes for keys typed while a command runs (bash has handed the
 * terminal back to the line discipline): the keys themselves, control keys as `^X`, and the erase
 * keys rubbing out what this line echoed. Models drivers/tty/n_tty.c with `stty sane` (icanon echo
 * echoe echok echoke echoctl iexten). The keys still reach bash's readline raw once the command
 * ends, which edits the line the same way.
 */

const DEL = '\x7f';
const CTRL_U = '\x15';
const CTRL_W = '\x17';
/** Not echoed: Ctrl-D ends the input (VEOF) and Ctrl-C is handled by the caller (VINTR). */
const SILENT = new Set(['\x04', '\x03']);

export class TtyEcho {
  /** The cells each key of the unfinished line took on screen, so erasing knows how far to go back. */
  #widths: { char: string; width: number }[] = [];

  /** Returns the bytes to write to the screen for `data`. */
  feed(data: string): string {
    let out = '';
    for (const char of data) out += this.#key(char);
    return out;
  }

  /** A new prompt: bash reads the unfinished line from here on. */
  reset(): void {
    this.#widths = [];
  }

  #key(char: string): string {
    if (SILENT.has(char)) return '';
    if (char === '\r' || char === '\n') {
      this.#widths = [];
      return '\r\n';
    }
    if (char === DEL) return this.#erase(1);
    if (char === CTRL_U) return this.#erase(this.#widths.length);
    if (char === CTRL_W) return this.#erase(this.#wordLength());
    if (char === '\t') {
      this.#widths.push({ char, width: 0 });
      return '\t';
    }
    const code = char.codePointAt(0)!;
    // echoctl: a control character shows as a caret and the character 64 places on (ESC is ^[).
    const shown = code < 0x20 ? `^${String.fromCharCode(code + 64)}` : char;
    this.#widths.push({ char, width: shown.length });
    return shown;
  }

  /** VWERASE: the spaces before the cursor, then the word before them. */
  #wordLength(): number {
    let n = this.#widths.length;
    while (n > 0 && /\s/.test(this.#widths[n - 1]!.char)) n--;
    while (n > 0 && !/\s/.test(this.#widths[n - 1]!.char)) n--;
    return this.#widths.length - n;
  }

  #erase(count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) {
      const last = this.#widths.pop();
      if (!last) break;
      // A tab is not rubbed out cell by cell here; n_tty recomputes its width, we leave the cursor.
      out += '\b \b'.repeat(last.width);
    }
    return out;
  }
}
