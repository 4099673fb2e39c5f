/**
 * The page's keyboard handed to a full-screen program (TerminalPort.rawKeys): the page is told
 * (terminal.raw) so it sends keys as shell.keys instead of echoing them, and told again when the
 * program lets go. One program holds the keys at a time; a nested one (less run by less's `!`)
 * takes them until it lets go.
 */
import type { RawKeys } from '../shell/command.ts';
import type { FromWorker } from '../protocol/messages.ts';

export class RawKeysBridge {
  readonly #post: (message: FromWorker) => void;
  readonly #holders: Set<(data: string) => void>[] = [];

  constructor(post: (message: FromWorker) => void) {
    this.#post = post;
  }

  /** A program holds the keys: it waits on the learner, not on work. */
  get held(): boolean {
    return this.#holders.length > 0;
  }

  open(): RawKeys {
    const listeners = new Set<(data: string) => void>();
    this.#holders.push(listeners);
    if (this.#holders.length === 1) this.#post({ type: 'terminal.raw', raw: true });
    let released = false;
    return {
      onData: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      release: () => {
        if (released) return;
        released = true;
        listeners.clear();
        const at = this.#holders.indexOf(listeners);
        if (at >= 0) this.#holders.splice(at, 1);
        if (this.#holders.length === 0) this.#post({ type: 'terminal.raw', raw: false });
      },
    };
  }

  /** Keys from the page: to the program that took the keyboard last; dropped when none holds it. */
  press(data: string): void {
    const listeners = this.#holders.at(-1);
    if (listeners) for (const listener of [...listeners]) listener(data);
  }

  /** A new session: whatever held the keys is gone. */
  reset(): void {
    if (this.#holders.length > 0) this.#post({ type: 'terminal.raw', raw: false });
    this.#holders.length = 0;
  }
}
