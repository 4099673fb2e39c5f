/**
 * Test support: the screen a terminal shows after a stream of bytes, for comparing what a real
 * full-screen program drew with what ours draws. Knows the controls less, more and watch write
 * (cursor moves, clears, scrolling, reverse index, standout, the alternate screen) and ignores
 * other escape sequences. Standout cells come back wrapped in `[7m`…`[27m`.
 */

interface Cell {
  char: string;
  standout: boolean;
}

export class Screen {
  readonly #columns: number;
  readonly #rows: number;
  #cells: Cell[][];
  #saved: { cells: Cell[][]; row: number; col: number } | undefined;
  #row = 0;
  #col = 0;
  #standout = false;

  constructor(columns: number, rows: number) {
    this.#columns = columns;
    this.#rows = rows;
    this.#cells = this.#blank();
  }

  #blank(): Cell[][] {
    return Array.from({ length: this.#rows }, () => this.#blankRow());
  }

  #blankRow(): Cell[] {
    return Array.from({ length: this.#columns }, () => ({ char: ' ', standout: false }));
  }

  write(data: string): this {
    for (let i = 0; i < data.length; i++) {
      const char = data[i]!;
      if (char === '\x1b') {
        i = this.#escape(data, i);
        continue;
      }
      if (char === '\r') this.#col = 0;
      else if (char === '\n') this.#lineFeed();
      else if (char === '\b') this.#col = Math.max(0, this.#col - 1);
      else if (char === '\x07') continue;
      else this.#put(char);
    }
    return this;
  }

  /** Each row, trailing blanks trimmed, standout runs marked. */
  rows(): string[] {
    return this.#cells.map((row) => {
      let out = '';
      let standout = false;
      for (const cell of row) {
        if (cell.standout !== standout) out += cell.standout ? '[7m' : '[27m';
        standout = cell.standout;
        out += cell.char;
      }
      if (standout) out += '[27m';
      return out.replace(/ +$/, '');
    });
  }

  #put(char: string): void {
    if (this.#col >= this.#columns) {
      this.#col = 0;
      this.#lineFeed();
    }
    this.#cells[this.#row]![this.#col] = { char, standout: this.#standout };
    this.#col++;
  }

  #lineFeed(): void {
    if (this.#row < this.#rows - 1) this.#row++;
    else {
      this.#cells.shift();
      this.#cells.push(this.#blankRow());
    }
  }

  #escape(data: string, at: number): number {
    const next = data[at + 1];
    if (next === 'M') {
      // Reverse index: up a row, scrolling down at the top.
      if (this.#row > 0) this.#row--;
      else {
        this.#cells.pop();
        this.#cells.unshift(this.#blankRow());
      }
      return at + 1;
    }
    if (next === '=' || next === '>') return at + 1;
    if (next === '(') return at + 2;
    if (next !== '[') return at + 1;
    let end = at + 2;
    while (end < data.length && !/[\x40-\x7e]/.test(data[end]!)) end++;
    this.#csi(data.slice(at + 2, end), data[end]!);
    return end;
  }

  #csi(params: string, final: string): void {
    const numbers = params.replace(/^\?/, '').split(';').map(Number);
    const first = numbers[0] || 0;
    switch (final) {
      case 'H':
        this.#row = Math.min(this.#rows - 1, Math.max(0, (numbers[0] || 1) - 1));
        this.#col = Math.min(this.#columns - 1, Math.max(0, (numbers[1] || 1) - 1));
        break;
      case 'J':
        if (first === 2) this.#cells = this.#blank();
        break;
      case 'K':
        for (let c = this.#col; c < this.#columns; c++) this.#cells[this.#row]![c] = { char: ' ', standout: false };
        break;
      case 'm':
        for (const n of params === '' ? [0] : numbers) {
          if (n === 7) this.#standout = true;
          else if (n === 27 || n === 0) this.#standout = false;
        }
        break;
      case 'h':
        if (params === '?1049') {
          this.#saved = { cells: this.#cells, row: this.#row, col: this.#col };
          this.#cells = this.#blank();
        }
        break;
      case 'l':
        if (params === '?1049' && this.#saved) {
          ({ cells: this.#cells, row: this.#row, col: this.#col } = this.#saved);
          this.#saved = undefined;
        }
        break;
    }
  }
}
