/**
 * When the served session can be used. Its prompt shows before its lab is set up and its saved
 * files are back (booting), and after a command while the cluster settles that command's instant
 * (catching up): what changes or judges the session waits for both, as the journal's replay does.
 * A session started while another boots replaces it: what waited for that one waits for the new one.
 */
export interface Boot {
  /** False once a later session started. */
  readonly current: boolean;
  /** The session booted (or failed to): nothing waits for it any more. */
  end(): void;
}

export class SessionGate {
  #booting: Promise<void> | undefined;
  #endBooting: (() => void) | undefined;
  #catchingUp: Promise<void> | undefined;
  #starts = 0;

  get isBooting(): boolean {
    return this.#booting !== undefined;
  }

  get isCatchingUp(): boolean {
    return this.#catchingUp !== undefined;
  }

  /** A new session starts booting; the last one's catching up no longer counts. */
  begin(): Boot {
    this.#endBooting?.();
    this.#catchingUp = undefined;
    const start = ++this.#starts;
    let end!: () => void;
    const booting = new Promise<void>((resolve) => (end = resolve));
    this.#booting = booting;
    this.#endBooting = end;
    const gate = this;
    return {
      get current() {
        return start === gate.#starts;
      },
      end: () => {
        if (this.#booting === booting) this.#booting = this.#endBooting = undefined;
        end();
      },
    };
  }

  /** The cluster settles the last command's instant, slice by slice, while the prompt is back. */
  catchUp(settle: () => Promise<void>): void {
    const settling: Promise<void> = settle()
      .catch((error: unknown) => console.error('cka-lab: settling after a command failed', error))
      .finally(() => {
        if (this.#catchingUp === settling) this.#catchingUp = undefined;
      });
    this.#catchingUp = settling;
  }

  /** Resolves once no session is booting. */
  async booted(): Promise<void> {
    while (this.#booting) await this.#booting;
  }

  /** Resolves once the session has booted and caught up with the last command's instant. */
  async settled(): Promise<void> {
    await this.booted();
    await this.#catchingUp;
  }
}
