/**
 * The workload snapshots the rollout view has seen, so the learner can scrub back through a
 * rollout. Bounded: a snapshot equal to the one before is not kept, and past `limit` the oldest go.
 */
import type { WorkloadSnapshot } from '../../protocol/messages.ts';

export const HISTORY_LIMIT = 600;

function content(snapshot: WorkloadSnapshot): string {
  const { nowMs: _nowMs, ...rest } = snapshot;
  return JSON.stringify(rest);
}

function fingerprint(d: WorkloadSnapshot['deployments'][number]): string {
  return `${d.replicas}|${d.strategy}|${d.maxSurge}|${d.maxUnavailable}|${d.revision}`;
}

export class SnapshotHistory {
  readonly limit: number;
  #items: WorkloadSnapshot[] = [];
  #lastContent = '';
  #latestMs: number | undefined;
  /** When each deployment's spec last changed while watched. */
  readonly #changedMs = new Map<string, number>();

  constructor(limit = HISTORY_LIMIT) {
    this.limit = limit;
  }

  get items(): readonly WorkloadSnapshot[] {
    return this.#items;
  }

  get latest(): WorkloadSnapshot | undefined {
    return this.#items.at(-1);
  }

  /** The latest virtual time seen, which runs on while snapshots stay the same. */
  get latestMs(): number | undefined {
    return this.#latestMs;
  }

  clear(): void {
    this.#items = [];
    this.#lastContent = '';
    this.#latestMs = undefined;
    this.#changedMs.clear();
  }

  /** Adds a snapshot; one from before the latest (a new session) starts the history again. */
  push(snapshot: WorkloadSnapshot): void {
    if (this.#latestMs !== undefined && snapshot.nowMs < this.#latestMs) this.clear();
    const previous = this.latest;
    this.#latestMs = snapshot.nowMs;
    const text = content(snapshot);
    if (text === this.#lastContent) return;
    if (previous) {
      for (const d of snapshot.deployments) {
        const before = previous.deployments.find((p) => p.name === d.name);
        if (!before || fingerprint(before) !== fingerprint(d)) this.#changedMs.set(d.name, snapshot.nowMs);
      }
    }
    this.#lastContent = text;
    this.#items.push(snapshot);
    if (this.#items.length > this.limit) this.#items.splice(0, this.#items.length - this.limit);
  }

  /** The index of the snapshot showing the moment `ms`: the last one taken at or before it. */
  indexAt(ms: number): number {
    let found = 0;
    this.#items.forEach((s, i) => {
      if (s.nowMs <= ms) found = i;
    });
    return found;
  }

  /** The deployment the learner last touched: its spec changed, or the controller reported on it. */
  lastTouched(): string | undefined {
    const latest = this.latest;
    if (!latest) return undefined;
    let best: { name: string; atMs: number } | undefined;
    for (const d of latest.deployments) {
      const eventMs = Math.max(-Infinity, ...latest.events.filter((e) => e.object === d.name).map((e) => e.atMs));
      const atMs = Math.max(eventMs, this.#changedMs.get(d.name) ?? -Infinity);
      if (!best || atMs > best.atMs) best = { name: d.name, atMs };
    }
    return best?.name;
  }
}
