import { describe, expect, it } from 'vitest';
import { ApiServer } from '../api/api-server.ts';
import type { KubeObject } from '../api/client.ts';
import { defaultServerLibraries } from '../api/default-server-libraries.ts';
import { allResourceDefinitions } from '../api/resources/index.ts';
import { createSystemNamespaces } from '../api/system-objects.ts';
import { SeededRandom } from '../clock/seeded-random.ts';
import { VirtualClock } from '../clock/virtual-clock.ts';
import { EventSeriesRecorder } from './event-series-recorder.ts';

const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'picky', namespace: 'default', uid: 'uid-picky' } };
const MINUTE = 60_000;

/** The count of each Event about the pod, oldest first. */
function counts(server: ApiServer): number[] {
  const res = server.handle({ verb: 'list', group: '', version: 'v1', resource: 'events', namespace: 'default' });
  return (res.body as { items: (KubeObject & { count: number })[] }).items.map((e) => e.count);
}

// client-go tools/events event_broadcaster.go: recordToSink, refreshExistingEventSeries, finishSeries.
describe('EventSeriesRecorder', () => {
  const cases: { name: string; recordAtMs: number[]; checkAtMs: number; want: number[] }[] = [
    { name: 'writes a single event once', recordAtMs: [0], checkAtMs: MINUTE, want: [1] },
    { name: 'makes an isomorphic event a series of 2', recordAtMs: [0, 1_000], checkAtMs: 2_000, want: [2] },
    { name: 'counts later records in memory only', recordAtMs: [0, 1_000, 2_000, 3_000], checkAtMs: 4_000, want: [2] },
    { name: 'writes the count when the series finishes after 6 idle minutes', recordAtMs: [0, 1_000, 2_000, 3_000], checkAtMs: 12 * MINUTE, want: [4] },
    { name: 'writes a live series every 30 minutes', recordAtMs: Array.from({ length: 10 }, (_, i) => i * 3 * MINUTE), checkAtMs: 30 * MINUTE, want: [10] },
    { name: 'keeps a single event exactly 6 minutes old', recordAtMs: [0, 7 * MINUTE], checkAtMs: 8 * MINUTE, want: [2] },
    { name: 'starts a new event once a single one is forgotten', recordAtMs: [0, 13 * MINUTE], checkAtMs: 14 * MINUTE, want: [1, 1] },
  ];
  it.each(cases)('$name', ({ recordAtMs, checkAtMs, want }) => {
    const clock = new VirtualClock(0);
    const server = new ApiServer({ clock, random: new SeededRandom(1), definitions: allResourceDefinitions(), libraries: defaultServerLibraries() });
    createSystemNamespaces(server);
    const recorder = new EventSeriesRecorder(server, clock, { component: 'default-scheduler' });
    for (const atMs of recordAtMs) {
      clock.advanceTo(atMs);
      recorder.record(pod, 'Warning', 'FailedScheduling', '0/2 nodes are available: 2 Insufficient cpu.');
    }
    clock.advanceTo(checkAtMs);
    expect(counts(server)).toEqual(want);
  });
});
