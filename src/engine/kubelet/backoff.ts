/**
 * Per-key exponential back-off as client-go's flowcontrol.Backoff keeps it for the kubelet: the
 * first retry is free, then 10 s doubling to 5 min; an entry older than twice the maximum (a
 * container that ran for 10 min) starts again at the initial delay. Times are virtual ms.
 */
interface Entry {
  backoffMs: number;
  lastUpdateMs: number;
}

export class Backoff {
  readonly initialMs: number;
  readonly maxMs: number;
  readonly #entries = new Map<string, Entry>();

  constructor(initialMs: number, maxMs: number) {
    this.initialMs = initialMs;
    this.maxMs = maxMs;
  }

  /** The current delay for `key` (0 when it has none). */
  get(key: string): number {
    return this.#entries.get(key)?.backoffMs ?? 0;
  }

  /** Whether a retry of something that failed at `eventMs` must still wait at `nowMs`. */
  isInBackOffSince(key: string, eventMs: number, nowMs: number): boolean {
    const entry = this.#entries.get(key);
    if (!entry || this.#hasExpired(eventMs, entry.lastUpdateMs)) return false;
    return nowMs - eventMs < entry.backoffMs;
  }

  /** Whether `nowMs` is still within the delay set by the last `next` (image pulls). */
  isInBackOffSinceUpdate(key: string, nowMs: number): boolean {
    const entry = this.#entries.get(key);
    if (!entry || this.#hasExpired(nowMs, entry.lastUpdateMs)) return false;
    return nowMs - entry.lastUpdateMs < entry.backoffMs;
  }

  /** When the delay set by the last `next` ends (image pulls), if one is set. */
  retryAt(key: string): number | undefined {
    const entry = this.#entries.get(key);
    return entry ? entry.lastUpdateMs + entry.backoffMs : undefined;
  }

  /** When the wait that started at `eventMs` ends. */
  expiresAt(key: string, eventMs: number): number {
    return eventMs + this.get(key);
  }

  /** Records a retry: the first one (or the first after a long quiet spell) sets the initial delay. */
  next(key: string, eventMs: number, nowMs: number): void {
    const entry = this.#entries.get(key);
    if (!entry || this.#hasExpired(eventMs, entry.lastUpdateMs)) {
      this.#entries.set(key, { backoffMs: this.initialMs, lastUpdateMs: nowMs });
      return;
    }
    entry.backoffMs = Math.min(entry.backoffMs * 2, this.maxMs);
    entry.lastUpdateMs = nowMs;
  }

  reset(key: string): void {
    this.#entries.delete(key);
  }

  #hasExpired(eventMs: number, lastUpdateMs: number): boolean {
    return eventMs - lastUpdateMs > 2 * this.maxMs;
  }
}

/** Go's time.Duration.String for whole seconds: `10s`, `1m20s`, `5m0s`. */
export function goDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (hours > 0) return `${hours}h${minutes}m${seconds}s`;
  return minutes > 0 ? `${minutes}m${seconds}s` : `${seconds}s`;
}
