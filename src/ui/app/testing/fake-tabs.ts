import type { ChannelPort, LockManagerPort } from '../lab-lock.ts';

/** Exclusive locks shared by the tabs of one fake browser, granted in the order asked, as navigator.locks does. */
export class FakeLocks implements LockManagerPort {
  readonly #held = new Set<string>();
  readonly #waiting: { name: string; grant: () => void }[] = [];
  /** Until when a busy browser grants nothing, not even a free lock. */
  readonly #busyUntil: number;

  constructor(busyMs = 0) {
    this.#busyUntil = Date.now() + busyMs;
  }

  query(): Promise<{ held: { name: string }[] }> {
    return Promise.resolve({ held: [...this.#held].map((name) => ({ name })) });
  }

  request(name: string, options: { signal?: AbortSignal }, held: (lock: unknown) => Promise<void>): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const grant = () => {
        options.signal?.removeEventListener('abort', abort);
        this.#held.add(name);
        held({ name })
          .then(resolve, reject)
          .finally(() => {
            this.#held.delete(name);
            const next = this.#waiting.findIndex((w) => w.name === name);
            if (next >= 0) this.#waiting.splice(next, 1)[0]!.grant();
          });
      };
      const waiting = { name, grant };
      const abort = () => {
        this.#waiting.splice(this.#waiting.indexOf(waiting), 1);
        reject(options.signal?.reason);
      };
      const busyMs = this.#busyUntil - Date.now();
      if (!this.#held.has(name) && busyMs <= 0) return grant();
      this.#waiting.push(waiting);
      options.signal?.addEventListener('abort', abort);
      // A free lock is granted once the browser is no longer busy; a held one when it is let go.
      if (!this.#held.has(name))
        setTimeout(() => {
          const index = this.#waiting.indexOf(waiting);
          if (index >= 0 && !this.#held.has(name)) this.#waiting.splice(index, 1)[0]!.grant();
        }, busyMs);
    });
  }
}

/** A BroadcastChannel between fake tabs: a message reaches every other open channel, later. */
export class FakeChannels {
  readonly #open = new Set<{ listeners: ((event: { data: unknown }) => void)[] }>();

  open(): ChannelPort {
    const self = { listeners: [] as ((event: { data: unknown }) => void)[] };
    this.#open.add(self);
    return {
      postMessage: (data) => {
        for (const other of this.#open) if (other !== self) for (const listener of other.listeners) queueMicrotask(() => listener({ data }));
      },
      addEventListener: (_type, listener) => self.listeners.push(listener),
      close: () => this.#open.delete(self),
    };
  }
}
