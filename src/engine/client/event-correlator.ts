/**
 * client-go's EventCorrelator (tools/record/events_cache.go), which every legacy recorder — the
 * kubelet's, the controller manager's — runs before it writes: a repeated Event counts on the one
 * it wrote; ten Events that differ only by message within ten minutes become one
 * `(combined from similar events): …` Event; and a source may burst 25 Events of one type about
 * one object, then one more every five minutes. A skipped record still counts, so the next
 * accepted one writes the whole count (`x40 over 20m`) with a lastTimestamp that lags.
 */
import { LruCache } from '../../lib/lru-cache.ts';

/** core/v1 ObjectReference, as ref.GetReference fills it. */
export interface ObjectReference {
  kind: string | undefined;
  namespace: string | undefined;
  name: string | undefined;
  uid: string | undefined;
  apiVersion: string | undefined;
  resourceVersion: string | undefined;
  fieldPath?: string;
}

/** The fields of a core/v1 Event the correlator reads and writes; times in virtual ms. */
export interface LegacyEvent {
  name: string;
  namespace: string;
  involvedObject: ObjectReference;
  source: { component: string; host?: string };
  reportingController: string;
  reportingInstance: string;
  type: string;
  reason: string;
  message: string;
  count: number;
  firstMs: number;
  lastMs: number;
}

export type Correlation = { skip: true } | { skip: false; event: LegacyEvent; update: boolean };

/** events_cache.go's defaults. */
const MAX_LRU_CACHE_ENTRIES = 4096;
const AGGREGATE_MAX_EVENTS = 10;
const AGGREGATE_INTERVAL_MS = 600_000;
const SPAM_BURST = 25;
const SPAM_QPS = 1 / 300;

export const AGGREGATE_PREFIX = '(combined from similar events): ';

const objectKey = (event: LegacyEvent, withFieldPath: boolean): string[] => {
  const o = event.involvedObject;
  return [
    event.source.component,
    event.source.host ?? '',
    o.kind ?? '',
    o.namespace ?? '',
    o.name ?? '',
    ...(withFieldPath ? [o.fieldPath ?? ''] : []),
    o.uid ?? '',
    o.apiVersion ?? '',
  ];
};

/** getEventKey: what makes two Events the same one. */
export const fullEventKey = (event: LegacyEvent): string => [...objectKey(event, true), event.type, event.reason, event.message].join('\u0000');
/** EventAggregatorByReasonFunc: Events that differ only by message. */
const aggregateKey = (event: LegacyEvent): string => [...objectKey(event, false), event.type, event.reason, event.reportingController, event.reportingInstance].join('\u0000');
/** getSpamKey: one token bucket per source, object and type. */
const spamKey = (event: LegacyEvent): string => [...objectKey(event, false), event.type].join('\u0000');

interface Observation {
  count: number;
  firstMs: number;
  name: string;
}

interface TokenBucket {
  tokens: number;
  atMs: number;
}

export class EventCorrelator {
  readonly #aggregates: LruCache<string, { messages: Set<string>; lastMs: number }>;
  readonly #observations: LruCache<string, Observation>;
  readonly #buckets: LruCache<string, TokenBucket>;

  constructor(cacheEntries = MAX_LRU_CACHE_ENTRIES) {
    this.#aggregates = new LruCache(cacheEntries);
    this.#observations = new LruCache(cacheEntries);
    this.#buckets = new LruCache(cacheEntries);
  }

  /** EventCorrelate: the Event to write (`update` when one of its name is already stored), or skip. */
  correlate(event: LegacyEvent, nowMs: number): Correlation {
    const [aggregated, key] = this.#aggregate(event, nowMs);
    const observed = this.#observe(aggregated, key);
    if (!this.#accept(spamKey(observed), nowMs)) return { skip: true };
    return { skip: false, event: observed, update: observed.count > 1 };
  }

  /** UpdateState: remembers the Event as the server stored it. */
  updateState(event: LegacyEvent): void {
    this.#observations.set(fullEventKey(event), { count: event.count, firstMs: event.firstMs, name: event.name });
  }

  #aggregate(event: LegacyEvent, nowMs: number): [LegacyEvent, string] {
    const key = aggregateKey(event);
    let record = this.#aggregates.get(key);
    if (!record || nowMs - record.lastMs > AGGREGATE_INTERVAL_MS) record = { messages: new Set(), lastMs: 0 };
    record.messages.add(event.message);
    record.lastMs = nowMs;
    this.#aggregates.set(key, record);
    if (record.messages.size < AGGREGATE_MAX_EVENTS) return [event, fullEventKey(event)];
    // Go's PopAny takes an arbitrary member; the oldest keeps replays deterministic.
    record.messages.delete(record.messages.values().next().value!);
    // The record's own name has the aggregate's form: `<object>.<hex nanoseconds>` of now.
    const combined: LegacyEvent = {
      ...event,
      message: AGGREGATE_PREFIX + event.message,
      reportingController: '',
      reportingInstance: '',
      count: 1,
      firstMs: nowMs,
      lastMs: nowMs,
    };
    return [combined, key];
  }

  /** eventLogger.eventObserve: a known Event keeps its name and first time and counts one more. */
  #observe(event: LegacyEvent, key: string): LegacyEvent {
    const last = this.#observations.get(key);
    const observed = last ? { ...event, name: last.name, firstMs: last.firstMs, count: last.count + 1 } : { ...event };
    this.#observations.set(key, { count: observed.count, firstMs: observed.firstMs, name: observed.name });
    return observed;
  }

  /** A token bucket as golang.org/x/time/rate's: full at first, refilled continuously. */
  #accept(key: string, nowMs: number): boolean {
    const bucket = this.#buckets.get(key) ?? { tokens: SPAM_BURST, atMs: nowMs };
    bucket.tokens = Math.min(SPAM_BURST, bucket.tokens + ((nowMs - bucket.atMs) / 1000) * SPAM_QPS);
    bucket.atMs = nowMs;
    const accepted = bucket.tokens >= 1;
    if (accepted) bucket.tokens -= 1;
    this.#buckets.set(key, bucket);
    return accepted;
  }
}
