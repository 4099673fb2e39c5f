/**
 * Shell output goes out in batches; the page acknowledges what its terminal has drawn. A shell
 * that prints faster than the terminal draws waits at its next checkpoint, as on a real pty, so
 * `while true; do echo x; done` neither floods the page nor stops answering Ctrl-C.
 */
import type { FromWorker } from '../protocol/messages.ts';

const OUTPUT_FLUSH_MS = 10;
const OUTPUT_CHUNK_CHARS = 64 * 1024;
const HIGH_WATER_CHARS = 256 * 1024;
const LOW_WATER_CHARS = 64 * 1024;
/** A page that stops acknowledging (no terminal) slows output down rather than stopping it. */
const DRAIN_TIMEOUT_MS = 1000;

export class TerminalOutput {
  #outputId = 0;
  #buffer = '';
  #flushTimer: ReturnType<typeof setTimeout> | undefined;
  #unackedChars = 0;
  #drainWaiters: (() => void)[] = [];

  /** `interrupted` says whether the running command got Ctrl-C: it then never waits for the page. */
  constructor(
    private readonly post: (message: FromWorker) => void,
    private readonly interrupted: () => boolean | undefined,
  ) {}

  flush(): void {
    clearTimeout(this.#flushTimer);
    this.#flushTimer = undefined;
    for (let i = 0; i < this.#buffer.length; i += OUTPUT_CHUNK_CHARS) this.post({ type: 'shell.output', id: this.#outputId, data: this.#buffer.slice(i, i + OUTPUT_CHUNK_CHARS) });
    this.#unackedChars += this.#buffer.length;
    this.#buffer = '';
  }

  write(id: number, data: string): void {
    if (id !== this.#outputId) this.flush();
    this.#outputId = id;
    this.#buffer += data;
    if (this.#buffer.length >= OUTPUT_CHUNK_CHARS) this.flush();
    else this.#flushTimer ??= setTimeout(() => this.flush(), OUTPUT_FLUSH_MS);
  }

  /** The page drew `chars` more characters. */
  acknowledge(chars: number): void {
    this.#unackedChars = Math.max(0, this.#unackedChars - chars);
    if (this.#unackedChars <= LOW_WATER_CHARS) this.releaseWaiters();
  }

  /** A new session starts with a terminal that owes nothing. */
  reset(): void {
    this.#unackedChars = 0;
    this.releaseWaiters();
  }

  releaseWaiters(): void {
    const waiters = this.#drainWaiters;
    this.#drainWaiters = [];
    for (const release of waiters) release();
  }

  /** Resolves once the page has drawn enough of what was sent (the shell's checkpoint waits on it). */
  readonly drained = (): Promise<void> =>
    this.#unackedChars <= HIGH_WATER_CHARS || this.interrupted()
      ? Promise.resolve()
      : new Promise((resolve) => {
          this.#drainWaiters.push(resolve);
          setTimeout(resolve, DRAIN_TIMEOUT_MS);
        });
}
