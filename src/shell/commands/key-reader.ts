/**
 * The keys a full-screen program reads one at a time from TerminalPort.rawKeys: a chunk typed (or
 * pasted) is split into keys, an escape sequence (`ESC [ 5 ~`, `ESC O A`) kept whole.
 */
import type { RawKeys } from '../command.ts';

/** Splits typed bytes into keys: CSI and SS3 sequences whole, every other character alone. */
export function splitKeys(data: string): string[] {
  const keys: string[] = [];
  let i = 0;
  while (i < data.length) {
    if (data[i] === '\x1b' && data[i + 1] === '[') {
      let end = i + 2;
      while (end < data.length && !/[\x40-\x7e]/.test(data[end]!)) end++;
      keys.push(data.slice(i, end + 1));
      i = end + 1;
    } else if (data[i] === '\x1b' && data[i + 1] === 'O' && i + 2 < data.length) {
      keys.push(data.slice(i, i + 3));
      i += 3;
    } else {
      const char = String.fromCodePoint(data.codePointAt(i)!);
      keys.push(char);
      i += char.length;
    }
  }
  return keys;
}

export class KeyReader {
  readonly #queue: string[] = [];
  #waiting: ((key: string) => void) | undefined;
  readonly #raw: RawKeys;
  readonly #stop: () => void;

  constructor(raw: RawKeys) {
    this.#raw = raw;
    this.#stop = raw.onData((data) => {
      this.#queue.push(...splitKeys(data));
      this.#wake();
    });
  }

  /** A key that did not come from the keyboard's bytes (Ctrl-C, which the terminal sends as a signal). */
  push(key: string): void {
    this.#queue.push(key);
    this.#wake();
  }

  /** The next key typed. */
  next(): Promise<string> {
    const key = this.#queue.shift();
    if (key !== undefined) return Promise.resolve(key);
    return new Promise((resolve) => (this.#waiting = resolve));
  }

  /** Gives the keys back to the terminal. */
  close(): void {
    this.#stop();
    this.#raw.release();
  }

  #wake(): void {
    const waiting = this.#waiting;
    if (!waiting || this.#queue.length === 0) return;
    this.#waiting = undefined;
    waiting(this.#queue.shift()!);
  }
}
