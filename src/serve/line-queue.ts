/**
 * Lines handed to a program that reads them one at a time: queued until it asks, or given straight
 * to it when it already waits. Null marks the end of input; Ctrl-C ends a wait with null.
 */
export class LineQueue {
  readonly #lines: (string | null)[] = [];
  #waiting: ((line: string | null) => void) | undefined;
  #closed = false;

  get closed(): boolean {
    return this.#closed;
  }

  deliver(line: string | null): void {
    const waiting = this.#waiting;
    if (waiting) {
      this.#waiting = undefined;
      waiting(line);
    } else {
      this.#lines.push(line);
    }
  }

  /** Ends the input: every later read gets null. */
  close(): void {
    this.#closed = true;
    this.deliver(null);
  }

  next(cancel?: { onInterrupt(listener: () => void): () => void }): Promise<string | null> {
    const queued = this.#lines.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (this.#closed) return Promise.resolve(null);
    return new Promise((resolve) => {
      const stop = cancel?.onInterrupt(() => {
        this.#waiting = undefined;
        resolve(null);
      });
      this.#waiting = (line) => {
        stop?.();
        resolve(line);
      };
    });
  }
}
