/**
 * The container side of a TTY (`kubectl exec -it`): kubectl puts the user's terminal in raw mode
 * and sends keystrokes as typed, so the echo, line editing and Ctrl-C → SIGINT a real pty's line
 * discipline does (termios ICANON, ECHO, ECHOCTL, ISIG, ICRNL, ONLCR) happen here, in front of the
 * engine's line-based `readLine`.
 */
import { LineQueue } from './line-queue.ts';

export class TtyLineDiscipline {
  readonly #write: (text: string) => void;
  readonly #interruptListeners = new Set<() => void>();
  #line = '';
  readonly #queue = new LineQueue();
  #escape = '';

  /** `write` goes to the user's terminal (the exec's stdout). */
  constructor(write: (text: string) => void) {
    this.#write = write;
  }

  /** Output from the container: a TTY turns each newline into CR LF. */
  static outputOf(text: string): string {
    return text.replace(/\n/g, '\r\n');
  }

  /** Keystrokes from the user's terminal. */
  input(keys: string): void {
    for (const ch of keys) {
      if (this.#escape) {
        // Cursor keys and the like (ESC [ … final byte) do no line editing here: dropped.
        this.#escape += ch;
        if (this.#escape.length > 1 && /[@-~]/.test(ch) && !(this.#escape.length === 2 && ch === '[')) this.#escape = '';
        continue;
      }
      switch (ch) {
        case '\x1b':
          this.#escape = ch;
          break;
        case '\r':
        case '\n':
          this.#write('\r\n');
          this.#queue.deliver(this.#line);
          this.#line = '';
          break;
        case '\x7f':
        case '\b':
          if (this.#line) {
            this.#line = [...this.#line].slice(0, -1).join('');
            this.#write('\b \b');
          }
          break;
        case '\x15':
          this.#write('\b \b'.repeat([...this.#line].length));
          this.#line = '';
          break;
        case '\x03':
          this.#write('^C');
          this.#line = '';
          for (const listener of [...this.#interruptListeners]) listener();
          break;
        case '\x04':
          if (this.#line === '') this.#queue.deliver(null);
          else {
            this.#queue.deliver(this.#line);
            this.#line = '';
          }
          break;
        default:
          if (ch >= ' ' || ch === '\t') {
            this.#line += ch;
            this.#write(ch);
          }
      }
    }
  }

  /** The client went away: whoever reads gets end of input. */
  close(): void {
    this.#queue.close();
  }

  /** The engine's `readLine`: shows `prompt`, then waits for the next line (null at end of input). */
  readLine(prompt: string, cancel?: { onInterrupt(listener: () => void): () => void }): Promise<string | null> {
    if (prompt) this.#write(prompt);
    return this.#queue.next(cancel);
  }

  /** Ctrl-C presses, for the engine's `ctrlC`. */
  readonly ctrlC = {
    onInterrupt: (listener: () => void): (() => void) => {
      this.#interruptListeners.add(listener);
      return () => this.#interruptListeners.delete(listener);
    },
  };
}

/** Stdin without a TTY, handed over a line at a time as it arrives (v4, which cannot signal its end). */
export class StreamedLines {
  #buffer = '';
  readonly #queue = new LineQueue();

  input(text: string): void {
    this.#buffer += text;
    let newline: number;
    while ((newline = this.#buffer.indexOf('\n')) >= 0) {
      this.#queue.deliver(this.#buffer.slice(0, newline));
      this.#buffer = this.#buffer.slice(newline + 1);
    }
  }

  close(): void {
    if (this.#queue.closed) return;
    if (this.#buffer) this.#queue.deliver(this.#buffer);
    this.#buffer = '';
    this.#queue.close();
  }

  readLine(_prompt: string, cancel?: { onInterrupt(listener: () => void): () => void }): Promise<string | null> {
    return this.#queue.next(cancel);
  }
}
