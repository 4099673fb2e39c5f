import { describe, expect, it } from 'vitest';
import { ApiServer } from '../api/api-server.ts';
import type { KubeObject } from '../api/client.ts';
import { defaultServerLibraries } from '../api/default-server-libraries.ts';
import { allResourceDefinitions } from '../api/resources/index.ts';
import { createSystemNamespaces } from '../api/system-objects.ts';
import { SeededRandom } from '../clock/seeded-random.ts';
import { VirtualClock } from '../clock/virtual-clock.ts';
import { EventRecorder } from './event-recorder.ts';

const pod = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: `uid-${name}` } });

function counts(server: ApiServer, podName: string): number[] {
  const res = server.handle({ verb: 'list', group: '', version: 'v1', resource: 'events', namespace: 'default' });
  const items = (res.body as { items: (KubeObject & { count: number; involvedObject: { name: string } })[] }).items;
  return items.filter((e) => e.involvedObject.name === podName).map((e) => e.count);
}

describe('EventRecorder', () => {
  const cases: { name: string; othersBetween: number; want: number[] }[] = [
    { name: 'counts an event recorded again on the Event it wrote', othersBetween: 7, want: [2] },
    { name: 'writes a new Event once as many others as its cache holds pushed the first out (maxLruCacheEntries)', othersBetween: 8, want: [1, 1] },
  ];
  it.each(cases)('$name', ({ othersBetween, want }) => {
    const clock = new VirtualClock(0);
    const server = new ApiServer({ clock, random: new SeededRandom(1), definitions: allResourceDefinitions(), libraries: defaultServerLibraries() });
    createSystemNamespaces(server);
    const recorder = new EventRecorder(server, clock, { component: 'kubelet', host: 'node01' }, 8);
    recorder.record(pod('web'), 'Normal', 'Pulled', 'Container image "nginx" already present on machine');
    for (let i = 0; i < othersBetween; i++) recorder.record(pod(`other-${i}`), 'Normal', 'Started', 'Started container nginx');
    clock.advanceTo(1000);
    recorder.record(pod('web'), 'Normal', 'Pulled', 'Container image "nginx" already present on machine');
    expect(counts(server, 'web')).toEqual(want);
  });
});
