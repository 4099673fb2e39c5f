import { describe, expect, it } from 'vitest';
import { AGGREGATE_PREFIX, EventCorrelator, type LegacyEvent } from './event-correlator.ts';

const event = (reason: string, message: string, fieldPath?: string, pod = 'my-pod', namespace = 'my-ns'): LegacyEvent => ({
  name: `${pod}.${reason}`,
  namespace,
  involvedObject: { kind: 'Pod', namespace, name: pod, uid: 'uid', apiVersion: 'v1', resourceVersion: '1', ...(fieldPath ? { fieldPath } : {}) },
  source: { component: 'kubelet', host: 'node01' },
  reportingController: 'kubelet',
  reportingInstance: 'node01',
  type: 'Normal',
  reason,
  message,
  count: 1,
  firstMs: 0,
  lastMs: 0,
});
const times = (n: number, e: LegacyEvent) => Array.from({ length: n }, () => e);
const similar = (n: number, e: LegacyEvent) => Array.from({ length: n }, (_, i) => ({ ...e, message: `${e.message}${i}` }));

const first = event('first', 'i am first');
const duplicate = event('duplicate', 'me again');
const unique = event('unique', 'snowflake');
const similarEvent = event('similar', 'similar message', 'spec.containers{container1}');
const otherContainer = { ...similarEvent, involvedObject: { ...similarEvent.involvedObject, fieldPath: 'spec.containers{container2}' } };

// client-go tools/record events_cache_test.go TestEventCorrelator: each Event one interval after the last.
describe('EventCorrelator', () => {
  const cases: { name: string; previous: LegacyEvent[]; next: LegacyEvent; intervalSeconds: number; want: { count: number; message: string } | 'skip' }[] = [
    { name: 'create-a-single-event', previous: [], next: first, intervalSeconds: 5, want: { count: 1, message: 'i am first' } },
    { name: 'the-same-event-should-just-count', previous: times(1, duplicate), next: duplicate, intervalSeconds: 5, want: { count: 2, message: 'me again' } },
    {
      name: 'the-same-event-should-just-count-even-if-more-than-aggregate',
      previous: times(10, duplicate),
      next: duplicate,
      intervalSeconds: 30,
      want: { count: 11, message: 'me again' },
    },
    { name: 'the-same-event-is-spam-if-happens-too-frequently', previous: times(26, duplicate), next: duplicate, intervalSeconds: 1, want: 'skip' },
    {
      name: 'create-many-unique-events',
      previous: Array.from({ length: 30 }, (_, i) => event(`reason-${i}`, `message-${i}`, undefined, `pod-${i}`, `ns-${i}`)),
      next: unique,
      intervalSeconds: 5,
      want: { count: 1, message: 'snowflake' },
    },
    {
      name: 'similar-events-should-aggregate-event',
      previous: similar(9, similarEvent),
      next: similarEvent,
      intervalSeconds: 5,
      want: { count: 1, message: `${AGGREGATE_PREFIX}similar message` },
    },
    {
      name: 'similar-events-many-times-should-count-the-aggregate',
      previous: similar(10, similarEvent),
      next: similarEvent,
      intervalSeconds: 5,
      want: { count: 2, message: `${AGGREGATE_PREFIX}similar message` },
    },
    {
      name: 'events-from-different-containers-do-not-aggregate',
      previous: times(1, otherContainer),
      next: similarEvent,
      intervalSeconds: 5,
      want: { count: 1, message: 'similar message' },
    },
    {
      name: 'similar-events-whose-interval-is-greater-than-aggregate-interval-do-not-aggregate',
      previous: similar(9, similarEvent),
      next: similarEvent,
      // Go's test clock moves on every read, so its 600 s apart are more than 600 s.
      intervalSeconds: 601,
      want: { count: 1, message: 'similar message' },
    },
  ];
  it.each(cases)('$name', ({ previous, next, intervalSeconds, want }) => {
    const correlator = new EventCorrelator();
    let now = 0;
    for (const e of previous) {
      now += intervalSeconds * 1000;
      const result = correlator.correlate({ ...e, firstMs: now, lastMs: now }, now);
      if (!result.skip) correlator.updateState(result.event);
    }
    now += intervalSeconds * 1000;
    const result = correlator.correlate({ ...next, firstMs: now, lastMs: now }, now);
    expect(result.skip ? 'skip' : { count: result.event.count, message: result.event.message }).toEqual(want);
  });

  it('counts a skipped record, so the next accepted one writes the whole count with its first time', () => {
    const correlator = new EventCorrelator();
    const results = [];
    for (let i = 0; i < 30; i++) {
      const now = i * 1000;
      results.push(correlator.correlate({ ...duplicate, firstMs: now, lastMs: now }, now));
    }
    expect(results.filter((r) => r.skip)).toHaveLength(5);
    const later = 330_000;
    const result = correlator.correlate({ ...duplicate, firstMs: later, lastMs: later }, later);
    expect(result.skip ? 'skip' : [result.event.count, result.event.firstMs, result.event.lastMs]).toEqual([31, 0, later]);
  });
});
