import { describe, expect, it } from 'vitest';
import { ApiServer } from '../api/api-server.ts';
import type { KubeObject } from '../api/client.ts';
import { defaultServerLibraries } from '../api/default-server-libraries.ts';
import { allResourceDefinitions } from '../api/resources/index.ts';
import { SeededRandom } from '../clock/seeded-random.ts';
import { VirtualClock } from '../clock/virtual-clock.ts';
import { core, SharedInformerFactory } from './informer-factory.ts';
import { createSystemNamespaces } from '../api/system-objects.ts';

const CONFIGMAPS = core('configmaps');

function newServer(): ApiServer {
  const server = new ApiServer({ clock: new VirtualClock(0), random: new SeededRandom(1), definitions: allResourceDefinitions(), libraries: defaultServerLibraries() });
  createSystemNamespaces(server);
  return server;
}

const configMap = (name: string, value: string, namespace = 'default'): KubeObject =>
  ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data: { value } }) as KubeObject;
const valueOf = (obj: KubeObject | undefined) => (obj as { data?: { value?: string } } | undefined)?.data?.value;

type Op = { create: [string, string] } | { update: [string, string] } | { delete: string };

function run(server: ApiServer, op: Op): void {
  if ('create' in op) server.handle({ verb: 'create', ...CONFIGMAPS, namespace: 'default', body: configMap(...op.create) });
  else if ('update' in op) server.handle({ verb: 'update', ...CONFIGMAPS, namespace: 'default', name: op.update[0], body: configMap(...op.update) });
  else server.handle({ verb: 'delete', ...CONFIGMAPS, namespace: 'default', name: op.delete });
}

describe('SharedInformer', () => {
  it.each<{ name: string; before: Op[]; after: Op[]; want: string[] }>([
    { name: 'objects present at registration arrive as adds', before: [{ create: ['a', '1'] }, { create: ['b', '2'] }], after: [], want: ['add a=1', 'add b=2'] },
    { name: 'add, update, delete', before: [], after: [{ create: ['a', '1'] }, { update: ['a', '2'] }, { delete: 'a' }], want: ['add a=1', 'update a 1->2', 'delete a=2'] },
    {
      name: 'updates of two objects keep their own old versions',
      before: [{ create: ['a', '1'] }, { create: ['b', '1'] }],
      after: [{ update: ['b', '2'] }, { update: ['a', '3'] }],
      want: ['add a=1', 'add b=1', 'update b 1->2', 'update a 1->3'],
    },
  ])('$name', ({ before, after, want }) => {
    const server = newServer();
    for (const op of before) run(server, op);
    const informer = new SharedInformerFactory(server).informerFor(CONFIGMAPS);
    const seen: string[] = [];
    informer.addEventHandler({
      onAdd: (obj) => seen.push(`add ${obj.metadata?.name}=${valueOf(obj)}`),
      onUpdate: (old, obj) => seen.push(`update ${obj.metadata?.name} ${valueOf(old)}->${valueOf(obj)}`),
      onDelete: (obj) => seen.push(`delete ${obj.metadata?.name}=${valueOf(obj)}`),
    });
    for (const op of after) run(server, op);
    expect(seen).toEqual(want);
  });

  it('has synced and holds the initial list once it runs', () => {
    const server = newServer();
    run(server, { create: ['a', '1'] });
    const informer = new SharedInformerFactory(server).informerFor(CONFIGMAPS);
    expect([informer.hasSynced(), valueOf(informer.lister.get('default', 'a'))]).toEqual([true, '1']);
  });

  it('reflects a write before the write returns', () => {
    const server = newServer();
    const lister = new SharedInformerFactory(server).lister(CONFIGMAPS);
    const seen: (string | undefined)[] = [];
    for (const op of [{ create: ['a', '1'] }, { update: ['a', '2'] }, { delete: 'a' }] as Op[]) {
      run(server, op);
      seen.push(valueOf(lister.get('default', 'a')));
    }
    expect(seen).toEqual(['1', '2', undefined]);
  });

  it('hands handlers the cached object, frozen', () => {
    const server = newServer();
    const informer = new SharedInformerFactory(server).informerFor(CONFIGMAPS);
    const added: KubeObject[] = [];
    informer.addEventHandler({ onAdd: (obj) => added.push(obj) });
    run(server, { create: ['a', '1'] });
    expect(added[0]).toBe(informer.lister.get('default', 'a'));
    expect(() => ((added[0] as { data: { value: string } }).data.value = 'x')).toThrow(TypeError);
  });

  it('stops telling a handler once it unregisters', () => {
    const server = newServer();
    const informer = new SharedInformerFactory(server).informerFor(CONFIGMAPS);
    const seen: string[] = [];
    const stop = informer.addEventHandler({ onAdd: (obj) => seen.push(obj.metadata!.name!) });
    run(server, { create: ['a', '1'] });
    stop();
    run(server, { create: ['b', '1'] });
    expect(seen).toEqual(['a']);
  });
});

describe('SharedInformerFactory', () => {
  it('shares one informer per resource and adds indexes asked for later', () => {
    const factory = new SharedInformerFactory(newServer());
    const first = factory.informerFor(CONFIGMAPS);
    const second = factory.informerFor(CONFIGMAPS, { byValue: (obj) => [valueOf(obj) ?? ''] });
    expect([first === second, first.indexer.hasIndex('byValue'), factory.informerFor(core('secrets')) === (first as unknown)]).toEqual([true, true, false]);
  });
});
