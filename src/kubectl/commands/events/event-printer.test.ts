import type { Event } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { eventInterval, printEventTable, sortEvents } from './event-printer.ts';

const NOW = Date.parse('2026-01-01T01:00:00Z');
const event = (name: string, fields: Partial<Event>): Event => ({
  metadata: { name, namespace: 'default' },
  involvedObject: { kind: 'Pod', name: 'web' },
  type: 'Normal',
  ...fields,
});

// Cases after pkg/cmd/events/events_test.go TestEventIsSorted and event_printer_test.go TestPrintObj.
describe('events table', () => {
  const cases = [
    { name: 'single event', e: event('a', { firstTimestamp: '2026-01-01T00:55:00Z', lastTimestamp: '2026-01-01T00:55:00Z', count: 1 }), want: '5m' },
    { name: 'repeated event', e: event('a', { firstTimestamp: '2026-01-01T00:30:00Z', lastTimestamp: '2026-01-01T00:58:00Z', count: 3 }), want: '2m (x3 over 30m)' },
    {
      name: 'event series',
      e: event('a', { eventTime: '2026-01-01T00:40:00.000000Z', series: { count: 4, lastObservedTime: '2026-01-01T00:59:00.000000Z' } }),
      want: '60s (x4 over 20m)',
    },
    { name: 'no timestamps', e: event('a', {}), want: '<unknown>' },
  ];
  it.each(cases)('$name', ({ e, want }) => expect(eventInterval(e, NOW)).toBe(want));

  it('sorts by the time last seen, oldest first', () => {
    const events = [
      event('late', { lastTimestamp: '2026-01-01T00:59:00Z' }),
      event('series', { eventTime: '2026-01-01T00:10:00.000000Z', series: { count: 2, lastObservedTime: '2026-01-01T00:20:00.000000Z' } }),
      event('early', { lastTimestamp: '2026-01-01T00:01:00Z' }),
    ];
    expect(sortEvents(events).map((e) => e.metadata?.name)).toEqual(['early', 'series', 'late']);
  });

  it('prints LAST SEEN, TYPE, REASON, OBJECT and MESSAGE, with NAMESPACE first for -A', () => {
    const e = event('a', {
      reason: 'Pulled',
      message: ' Container image "nginx" already present \n',
      firstTimestamp: '2026-01-01T00:59:00Z',
      lastTimestamp: '2026-01-01T00:59:00Z',
    });
    expect(printEventTable([e], NOW, { allNamespaces: true, noHeaders: false })).toBe(
      'NAMESPACE   LAST SEEN   TYPE     REASON   OBJECT    MESSAGE\ndefault     60s         Normal   Pulled   Pod/web   Container image "nginx" already present\n',
    );
    expect(printEventTable([e], NOW, { allNamespaces: false, noHeaders: true })).toBe('60s   Normal   Pulled   Pod/web   Container image "nginx" already present\n');
  });
});
