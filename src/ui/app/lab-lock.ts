/**
 * Which browser tab a lab's save belongs to. Two tabs on one lab would both write its save and
 * interleave its journal, so one tab holds a Web Lock named after the lab and the others wait
 * with a notice. "Use it here" asks the holder over a BroadcastChannel to hand over: it stops
 * saving, releases the lock, and the asking tab takes it and restores the lab from the save.
 */

/** `owner`: this tab saves the lab; `elsewhere`: another tab does; `pending`: asking for the lock. */
export type LabOwnership = 'pending' | 'owner' | 'elsewhere';

/** The part of `navigator.locks` used here. */
export interface LockManagerPort {
  request(name: string, options: { signal?: AbortSignal }, held: (lock: unknown) => Promise<void>): Promise<unknown>;
  query?(): Promise<{ held?: { name?: string }[] }>;
}

/** The part of a BroadcastChannel used here. */
export interface ChannelPort {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

export interface LabLockOptions {
  locks: LockManagerPort;
  channel: ChannelPort;
  /** Runs before the lock goes to another tab: this tab's saves stop and the last one finishes. */
  beforeRelease(): Promise<void>;
  onChange(ownership: LabOwnership): void;
  /** How long a tab opening waits for the lock before it counts as held elsewhere. */
  startWaitMs?: number;
}

/**
 * A reloaded page's lock is released only once the old document is gone, which may be after the
 * new one asks: so a tab opening waits a moment for it rather than asking only if it is free.
 */
const START_WAIT_MS = 1500;

/** A busy browser may grant a free lock later than the wait: ask again this often before giving up. */
const FREE_LOCK_RETRIES = 3;

const isTakeRequest = (data: unknown, name: string) => typeof data === 'object' && data !== null && (data as { take?: unknown }).take === name;

export class LabLock {
  readonly #name: string;
  readonly #options: LabLockOptions;
  #ownership: LabOwnership = 'pending';
  /** Ends the held lock's callback, which releases the lock. */
  #release: (() => void) | undefined;
  #disposed = false;

  constructor(name: string, options: LabLockOptions) {
    this.#name = name;
    this.#options = options;
    options.channel.addEventListener('message', (event) => {
      if (isTakeRequest(event.data, name) && this.#ownership === 'owner') void this.#handOver();
    });
  }

  get name(): string {
    return this.#name;
  }

  get ownership(): LabOwnership {
    return this.#ownership;
  }

  /** Takes the lock when no other tab holds it (after a short wait); otherwise the lab is open elsewhere. */
  start(): void {
    this.#set('pending');
    void this.#hold(this.#startWait(), FREE_LOCK_RETRIES);
  }

  /** "Use it here": the tab holding the lab hands it over, and this one takes it. */
  takeOver(): void {
    if (this.#ownership !== 'elsewhere' || this.#disposed) return;
    this.#set('pending');
    this.#options.channel.postMessage({ take: this.#name });
    void this.#hold();
  }

  dispose(): void {
    this.#disposed = true;
    this.#release?.();
    this.#options.channel.close();
  }

  #startWait(): AbortSignal {
    return AbortSignal.timeout(this.#options.startWaitMs ?? START_WAIT_MS);
  }

  /** Whether another page holds the lock now; unknown (true) where the browser cannot say. */
  async #heldElsewhere(): Promise<boolean> {
    const state = await this.#options.locks.query?.().catch(() => undefined);
    return state?.held?.some((lock) => lock.name === this.#name) ?? true;
  }

  #hold(signal?: AbortSignal, retries = 0): Promise<unknown> {
    return this.#options.locks
      .request(this.#name, signal ? { signal } : {}, async () => {
        if (this.#disposed) return;
        await new Promise<void>((resolve) => {
          this.#release = resolve;
          this.#set('owner');
        });
      })
      .catch(async (error: unknown) => {
        if (signal?.aborted) {
          if (retries > 0 && !this.#disposed && !(await this.#heldElsewhere())) return this.#hold(this.#startWait(), retries - 1);
          this.#set('elsewhere');
          return;
        }
        // Without locks (an old browser, a sandboxed frame) this tab simply saves, as before.
        console.error('cka-lab: the lab lock is unavailable', error);
        this.#set('owner');
      });
  }

  async #handOver(): Promise<void> {
    try {
      await this.#options.beforeRelease();
    } finally {
      this.#set('elsewhere');
      const release = this.#release;
      this.#release = undefined;
      release?.();
    }
  }

  #set(ownership: LabOwnership): void {
    if (this.#disposed || this.#ownership === ownership) return;
    this.#ownership = ownership;
    this.#options.onChange(ownership);
  }
}
