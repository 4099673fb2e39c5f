/**
 * Records core/v1 Events as client-go's recorder does: one Event per (object, reason, message,
 * source), named `<object>.<hex nanoseconds>`, whose count and lastTimestamp grow when the same
 * thing happens again (describe prints `5s (x25 over 6m20s)`).
 */
import type { ApiServer } from '../api/api-server.ts';
import type { KubeObject } from '../api/client.ts';
import { formatTimestamp } from '../api/timestamps.ts';
import type { VirtualClock } from '../clock/virtual-clock.ts';

export interface EventSource {
  component: string;
  host?: string;
}

export type EventType = 'Normal' | 'Warning';

/** client-go's events_cache.go maxLruCacheEntries: what a recorder remembers of the Events it wrote. */
const MAX_REMEMBERED = 4096;

interface CoreEvent extends KubeObject {
  count?: number;
  lastTimestamp?: string;
  firstTimestamp?: string;
}

export class EventRecorder {
  readonly #server: ApiServer;
  readonly #clock: VirtualClock;
  readonly #source: EventSource;
  /** Event names by what they say, least recently recorded first (an LRU cache, as client-go's). */
  readonly #seen = new Map<string, string>();

  readonly #cacheEntries: number;

  constructor(server: ApiServer, clock: VirtualClock, source: EventSource, cacheEntries = MAX_REMEMBERED) {
    this.#cacheEntries = cacheEntries;
    this.#server = server;
    this.#clock = clock;
    this.#source = source;
  }

  /** `fieldPath` names a container: `spec.containers{nginx}` (kubelet events). */
  record(object: KubeObject, type: EventType, reason: string, message: string, fieldPath?: string): void {
    const meta = object.metadata ?? {};
    const namespace = meta.namespace ?? 'default';
    const key = [object.kind, namespace, meta.name, meta.uid, fieldPath ?? '', reason, message, this.#source.component].join('\u0000');
    const now = this.#clock.now();
    const existingName = this.#seen.get(key);
    if (existingName) {
      this.#seen.delete(key);
      this.#seen.set(key, existingName);
      const existing = this.#server.handle({ verb: 'get', group: '', version: 'v1', resource: 'events', namespace, name: existingName });
      if (existing.ok) {
        const stored = existing.body as CoreEvent;
        const event = { ...stored, count: (stored.count ?? 1) + 1, lastTimestamp: formatTimestamp(now) };
        this.#server.handle({ verb: 'update', group: '', version: 'v1', resource: 'events', namespace, name: existingName, body: event });
        return;
      }
    }
    const nanos = BigInt(now) * 1_000_000n + BigInt(Number(this.#server.resourceVersion()) % 1_000_000);
    const name = `${meta.name}.${nanos.toString(16)}`;
    const event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: {
        kind: object.kind,
        namespace: meta.namespace,
        name: meta.name,
        uid: meta.uid,
        apiVersion: object.apiVersion,
        resourceVersion: meta.resourceVersion,
        ...(fieldPath ? { fieldPath } : {}),
      },
      reason,
      message,
      source: { component: this.#source.component, ...(this.#source.host ? { host: this.#source.host } : {}) },
      firstTimestamp: formatTimestamp(now),
      lastTimestamp: formatTimestamp(now),
      count: 1,
      type,
      eventTime: null,
      reportingComponent: this.#source.component,
      reportingInstance: this.#source.host ?? '',
    };
    const created = this.#server.handle({ verb: 'create', group: '', version: 'v1', resource: 'events', namespace, body: event });
    if (!created.ok) return;
    this.#seen.delete(key);
    this.#seen.set(key, name);
    if (this.#seen.size > this.#cacheEntries) this.#seen.delete(this.#seen.keys().next().value!);
  }
}
