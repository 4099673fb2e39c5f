/**
 * A background job's SIGSTOP / SIGCONT: a stopped job's shell waits at its next checkpoint until
 * it is continued, as a stopped process is not scheduled until SIGCONT.
 */
export class StopGate {
  #stopped = false;
  #continued: (() => void)[] = [];

  get stopped(): boolean {
    return this.#stopped;
  }

  stop(): void {
    this.#stopped = true;
  }

  continue(): void {
    this.#stopped = false;
    for (const resume of this.#continued.splice(0)) resume();
  }

  /** Resolves at once unless stopped, else once continued. */
  async untilContinued(): Promise<void> {
    if (!this.#stopped) return;
    await new Promise<void>((resolve) => this.#continued.push(resolve));
  }
}
