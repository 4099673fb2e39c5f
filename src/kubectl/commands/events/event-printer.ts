/**
 * `kubectl events`' own table: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE (NAMESPACE first with -A),
 * events ordered by when they were last seen.
 * Models staging/src/k8s.io/kubectl/pkg/cmd/events/event_printer.go and events.go SortableEvents.
 */
import type { Event } from 'kubernetes-types/core/v1';
import { translateTimestampSince } from '../../../lib/duration/human-duration.ts';
import { goSortArray } from '../../../lib/go-sort/go-sort.ts';
import { formatTable } from '../../printers/table-printer.ts';

/** When the event last happened: its series' last observation, else lastTimestamp, else eventTime. */
function eventTimeMs(e: Event): number {
  const text = e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime;
  const ms = text ? Date.parse(text) : NaN;
  return Number.isNaN(ms) ? -Infinity : ms;
}

/** sort.Sort, not a stable sort: events of the same second keep Go's order, not the server's. */
export function sortEvents(events: Event[]): Event[] {
  return goSortArray([...events], (a, b) => eventTimeMs(a) < eventTimeMs(b));
}

/** `5m`, `5m (x3 over 10m)`: the interval cell. */
export function eventInterval(e: Event, nowMs: number): string {
  const first = e.eventTime ? translateTimestampSince(e.eventTime, nowMs) : translateTimestampSince(e.firstTimestamp, nowMs);
  if (e.series) return `${translateTimestampSince(e.series.lastObservedTime, nowMs)} (x${e.series.count ?? 0} over ${first})`;
  if ((e.count ?? 0) > 1) return `${translateTimestampSince(e.lastTimestamp, nowMs)} (x${e.count} over ${first})`;
  return first;
}

export function eventRow(e: Event, nowMs: number, allNamespaces: boolean): string[] {
  const row = [eventInterval(e, nowMs), e.type ?? '', e.reason ?? '', `${e.involvedObject.kind ?? ''}/${e.involvedObject.name ?? ''}`, (e.message ?? '').trim()];
  return allNamespaces ? [e.metadata?.namespace ?? '', ...row] : row;
}

export function eventHeader(allNamespaces: boolean): string[] {
  const header = ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
  return allNamespaces ? ['NAMESPACE', ...header] : header;
}

/** The table as one tabwriter flush: every column as wide as its widest cell. */
export function printEventTable(events: Event[], nowMs: number, options: { allNamespaces: boolean; noHeaders: boolean }): string {
  const rows = events.map((e) => eventRow(e, nowMs, options.allNamespaces));
  return formatTable(options.noHeaders ? rows : [eventHeader(options.allNamespaces), ...rows]);
}
