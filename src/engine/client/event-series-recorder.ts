/**
 * Records Events as the events.k8s.io broadcaster does (client-go tools/events, which the
 * scheduler uses): the first record writes the Event, the second makes it a series of 2, and later
 * ones only count in memory. Every 30 minutes each series is written with its count
 * (refreshExistingEventSeries); every 6 minutes a series idle for 6 minutes is written a last time
 * and forgotten, as is a single Event older than that (finishSeries), so the next record writes a
 * new Event. A pod the scheduler retries on every cluster change thus costs one write, not one per
 * attempt.
 */
import type { ApiServer } from '../api/api-server.ts';
import type { KubeObject } from '../api/client.ts';
import type { TimerId, VirtualClock } from '../clock/virtual-clock.ts';
import { countEvent, createEvent, eventKey, makeEvent, type EventSource, type EventType, type Recorder } from './event-recorder.ts';

/** finishTime and refreshTime of client-go's event_broadcaster.go. */
export const FINISH_TIME_MS = 6 * 60_000;
export const REFRESH_TIME_MS = 30 * 60_000;

interface Isomorphic {
  namespace: string;
  name: string;
  count: number;
  /** The count the stored Event has. */
  written: number;
  firstMs: number;
  lastMs: number;
}

export class EventSeriesRecorder implements Recorder {
  readonly #server: ApiServer;
  readonly #clock: VirtualClock;
  readonly #source: EventSource;
  readonly #startMs: number;
  readonly #cache = new Map<string, Isomorphic>();
  #tick: TimerId | undefined;

  constructor(server: ApiServer, clock: VirtualClock, source: EventSource) {
    this.#server = server;
    this.#clock = clock;
    this.#source = source;
    this.#startMs = clock.now();
  }

  record(object: KubeObject, type: EventType, reason: string, message: string, fieldPath?: string): void {
    const key = eventKey(object, reason, message, this.#source.component, fieldPath);
    const now = this.#clock.now();
    const cached = this.#cache.get(key);
    if (cached) {
      cached.count++;
      cached.lastMs = now;
      if (cached.count === 2) this.#write(cached);
      return;
    }
    const event = makeEvent(this.#server, this.#source, now, object, type, reason, message, fieldPath);
    if (!createEvent(this.#server, event)) return;
    this.#cache.set(key, { namespace: event.namespace, name: event.name, count: 1, written: 1, firstMs: now, lastMs: now });
    this.#scheduleTick();
  }

  #write(event: Isomorphic): void {
    if (event.written === event.count) return;
    countEvent(this.#server, event.namespace, event.name, () => event.count, event.lastMs);
    event.written = event.count;
  }

  /** The tickers run only while something is cached: the next 6-minute mark since the recorder began. */
  #scheduleTick(): void {
    if (this.#tick !== undefined) return;
    const now = this.#clock.now();
    const nextMs = this.#startMs + (Math.floor((now - this.#startMs) / FINISH_TIME_MS) + 1) * FINISH_TIME_MS;
    this.#tick = this.#clock.schedule(nextMs - now, () => {
      this.#tick = undefined;
      this.#onTick();
      if (this.#cache.size > 0) this.#scheduleTick();
    });
  }

  #onTick(): void {
    const now = this.#clock.now();
    for (const [key, event] of this.#cache) {
      const series = event.count > 1;
      if ((series ? event.lastMs : event.firstMs) >= now - FINISH_TIME_MS) continue;
      if (series) this.#write(event);
      this.#cache.delete(key);
    }
    if ((now - this.#startMs) % REFRESH_TIME_MS === 0) for (const event of this.#cache.values()) if (event.count > 1) this.#write(event);
  }
}
