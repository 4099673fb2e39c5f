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

/** What components record events through: client-go's EventRecorder, legacy or events.k8s.io. */
export interface Recorder {
  record(object: KubeObject, type: EventType, reason: string, message: string, fieldPath?: string): void;
}

/** What makes two records the same Event: the object, the container, reason, message and source. */
export function eventKey(object: KubeObject, reason: string, message: string, component: string, fieldPath?: string): string {
  const meta = object.metadata ?? {};
  return [object.kind, meta.namespace ?? 'default', meta.name, meta.uid, fieldPath ?? '', reason, message, component].join('\u0000');
}

export class EventRecorder implements Recorder {
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
    const key = eventKey(object, reason, message, this.#source.component, fieldPath);
    const now = this.#clock.now();
    const existingName = this.#seen.get(key);
    if (existingName) {
      this.#seen.delete(key);
      this.#seen.set(key, existingName);
      if (countEvent(this.#server, namespace, existingName, (count) => count + 1, now)) return;
    }
    const name = writeEvent(this.#server, this.#source, now, object, type, reason, message, fieldPath);
    if (name === undefined) return;
    this.#seen.delete(key);
    this.#seen.set(key, name);
    if (this.#seen.size > this.#cacheEntries) this.#seen.delete(this.#seen.keys().next().value!);
  }
}

/** Creates the Event of a first record, named `<object>.<hex nanoseconds>`; its name, or undefined when refused. */
export function writeEvent(
  server: ApiServer,
  source: EventSource,
  now: number,
  object: KubeObject,
  type: EventType,
  reason: string,
  message: string,
  fieldPath?: string,
): string | undefined {
  const meta = object.metadata ?? {};
  const namespace = meta.namespace ?? 'default';
  const nanos = BigInt(now) * 1_000_000n + BigInt(Number(server.resourceVersion()) % 1_000_000);
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
    source: { component: source.component, ...(source.host ? { host: source.host } : {}) },
    firstTimestamp: formatTimestamp(now),
    lastTimestamp: formatTimestamp(now),
    count: 1,
    type,
    eventTime: null,
    reportingComponent: source.component,
    reportingInstance: source.host ?? '',
  };
  const created = server.handle({ verb: 'create', group: '', version: 'v1', resource: 'events', namespace, body: event });
  return created.ok ? name : undefined;
}

/** Sets a stored Event's count (from the one stored) and lastTimestamp; false when it is gone. */
export function countEvent(server: ApiServer, namespace: string, name: string, count: (stored: number) => number, lastMs: number): boolean {
  const existing = server.handle({ verb: 'get', group: '', version: 'v1', resource: 'events', namespace, name });
  if (!existing.ok) return false;
  const stored = existing.body as CoreEvent;
  const event = { ...stored, count: count(stored.count ?? 1), lastTimestamp: formatTimestamp(lastMs) };
  server.handle({ verb: 'update', group: '', version: 'v1', resource: 'events', namespace, name, body: event });
  return true;
}
