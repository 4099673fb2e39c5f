/**
 * Records core/v1 Events as client-go's legacy recorder does: one Event per (object, reason,
 * message, source), named `<object>.<hex nanoseconds>`, whose count and lastTimestamp grow when the
 * same thing happens again (describe prints `5s (x25 over 6m20s)`), through the correlator's
 * aggregation and spam filter.
 */
import type { ApiServer } from '../api/api-server.ts';
import type { KubeObject } from '../api/client.ts';
import { formatTimestamp } from '../api/timestamps.ts';
import type { VirtualClock } from '../clock/virtual-clock.ts';
import { EventCorrelator, type LegacyEvent } from './event-correlator.ts';

export interface EventSource {
  component: string;
  host?: string;
}

export type EventType = 'Normal' | 'Warning';

interface CoreEvent extends KubeObject {
  count?: number;
  message?: string;
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

/** The legacy recorder (tools/record), its records correlated before they are written. */
export class EventRecorder implements Recorder {
  readonly #server: ApiServer;
  readonly #clock: VirtualClock;
  readonly #source: EventSource;
  readonly #correlator: EventCorrelator;

  constructor(server: ApiServer, clock: VirtualClock, source: EventSource, cacheEntries?: number) {
    this.#server = server;
    this.#clock = clock;
    this.#source = source;
    this.#correlator = new EventCorrelator(cacheEntries);
  }

  /** `fieldPath` names a container: `spec.containers{nginx}` (kubelet events). */
  record(object: KubeObject, type: EventType, reason: string, message: string, fieldPath?: string): void {
    const now = this.#clock.now();
    const event = makeEvent(this.#server, this.#source, now, object, type, reason, message, fieldPath);
    const correlated = this.#correlator.correlate(event, now);
    if (correlated.skip) return;
    const written = (correlated.update && patchEvent(this.#server, correlated.event)) || createEvent(this.#server, correlated.event);
    if (written) this.#correlator.updateState(correlated.event);
  }
}

/** recorderImpl.makeEvent and generateEvent: a first record, counted once. */
export function makeEvent(
  server: ApiServer,
  source: EventSource,
  now: number,
  object: KubeObject,
  type: EventType,
  reason: string,
  message: string,
  fieldPath: string | undefined,
): LegacyEvent {
  return {
    name: eventName(server, object.metadata?.name, now),
    namespace: object.metadata?.namespace ?? 'default',
    involvedObject: involvedObject(object, fieldPath),
    source,
    reportingController: source.component,
    reportingInstance: source.host ?? '',
    type,
    reason,
    message,
    count: 1,
    firstMs: now,
    lastMs: now,
  };
}

/** `<object>.<hex nanoseconds>`; the resource version's digits keep names apart within one virtual ms. */
function eventName(server: ApiServer, objectName: string | undefined, now: number): string {
  const nanos = BigInt(now) * 1_000_000n + BigInt(Number(server.resourceVersion()) % 1_000_000);
  return `${objectName}.${nanos.toString(16)}`;
}

function involvedObject(object: KubeObject, fieldPath: string | undefined): LegacyEvent['involvedObject'] {
  const meta = object.metadata ?? {};
  return {
    kind: object.kind,
    namespace: meta.namespace,
    name: meta.name,
    uid: meta.uid,
    apiVersion: object.apiVersion,
    resourceVersion: meta.resourceVersion,
    ...(fieldPath ? { fieldPath } : {}),
  };
}

/** Creates the Event of a first record; false when the server refuses it. */
export function createEvent(server: ApiServer, event: LegacyEvent): boolean {
  const body = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: event.name, namespace: event.namespace },
    involvedObject: event.involvedObject,
    reason: event.reason,
    message: event.message,
    source: { component: event.source.component, ...(event.source.host ? { host: event.source.host } : {}) },
    firstTimestamp: formatTimestamp(event.firstMs),
    lastTimestamp: formatTimestamp(event.lastMs),
    count: event.count,
    type: event.type,
    eventTime: null,
    reportingComponent: event.reportingController,
    reportingInstance: event.reportingInstance,
  };
  return server.handle({ verb: 'create', group: '', version: 'v1', resource: 'events', namespace: event.namespace, body }).ok;
}

/** The recorder's patch of a repeated Event: its count, lastTimestamp and message; false when it is gone. */
function patchEvent(server: ApiServer, event: LegacyEvent): boolean {
  return rewriteEvent(server, event.namespace, event.name, () => ({ count: event.count, lastTimestamp: formatTimestamp(event.lastMs), message: event.message }));
}

/** Sets a stored Event's count (from the one stored) and lastTimestamp; false when it is gone. */
export function countEvent(server: ApiServer, namespace: string, name: string, count: (stored: number) => number, lastMs: number): boolean {
  return rewriteEvent(server, namespace, name, (stored) => ({ count: count(stored.count ?? 1), lastTimestamp: formatTimestamp(lastMs) }));
}

/** Writes a stored Event again with `fields` computed from it; false when it is gone. */
function rewriteEvent(server: ApiServer, namespace: string, name: string, fields: (stored: CoreEvent) => Partial<CoreEvent>): boolean {
  const existing = server.handle({ verb: 'get', group: '', version: 'v1', resource: 'events', namespace, name });
  if (!existing.ok) return false;
  const stored = existing.body as CoreEvent;
  return server.handle({ verb: 'update', group: '', version: 'v1', resource: 'events', namespace, name, body: { ...stored, ...fields(stored) } }).ok;
}
