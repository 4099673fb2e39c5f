import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/client.ts';
import { ObjectStore, type StoredEvent } from './object-store.ts';

const PODS = '/pods';
const pod = (namespace: string, name: string, extra: Partial<KubeObject> = {}): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { namespace, name }, ...extra });
const names = (objs: KubeObject[]) => objs.map((o) => `${o.metadata?.namespace ?? ''}/${o.metadata?.name}`);

describe('ObjectStore', () => {
  describe('immutable objects', () => {
    const mutations: { name: string; read: (store: ObjectStore) => KubeObject; mutate: (obj: KubeObject) => void }[] = [
      { name: 'a field of an object from get', read: (s) => s.get(PODS, 'default', 'web')!, mutate: (o) => (o.kind = 'Service') },
      { name: 'metadata of an object from list', read: (s) => s.list(PODS)[0]!, mutate: (o) => (o.metadata!.name = 'other') },
      {
        name: 'a nested array of an object from put',
        read: (s) => s.put(PODS, pod('default', 'web', { spec: { containers: [{ name: 'c' }] } })),
        mutate: (o) => (o.spec as { containers: unknown[] }).containers.push({}),
      },
      { name: 'a label added to an object from get', read: (s) => s.get(PODS, 'default', 'web')!, mutate: (o) => (o.metadata!.labels = { app: 'web' }) },
      { name: 'a key deleted from an object from get', read: (s) => s.get(PODS, 'default', 'web')!, mutate: (o) => delete (o as Partial<KubeObject>).apiVersion },
    ];
    it.each(mutations)('throws when a caller changes $name', ({ read, mutate }) => {
      const store = new ObjectStore();
      store.put(PODS, pod('default', 'web', { spec: { containers: [{ name: 'c' }] } }));
      const obj = read(store);
      expect(() => mutate(obj)).toThrow(TypeError);
      const { resourceVersion: _, ...metadata } = store.get(PODS, 'default', 'web')!.metadata!;
      expect({ ...store.get(PODS, 'default', 'web'), metadata }).toEqual(pod('default', 'web', { spec: { containers: [{ name: 'c' }] } }));
    });

    it('keeps what it stored when the caller changes the object it passed in', () => {
      const store = new ObjectStore();
      const mine = pod('default', 'web');
      store.put(PODS, mine);
      mine.metadata!.name = 'changed';
      expect(store.get(PODS, 'default', 'web')?.metadata?.name).toBe('web');
    });

    it('shares one object between get, list and watch instead of copying it', () => {
      const store = new ObjectStore();
      const seen: StoredEvent[] = [];
      store.subscribe((e) => seen.push(e));
      const stored = store.put(PODS, pod('default', 'web'));
      expect(store.get(PODS, 'default', 'web')).toBe(stored);
      expect(store.list(PODS)[0]).toBe(stored);
      expect(seen[0]!.object).toBe(stored);
    });

    it('replaces an object on write, leaving the one readers hold as it was', () => {
      const store = new ObjectStore();
      const first = store.put(PODS, pod('default', 'web', { spec: { image: 'a' } }));
      store.put(PODS, pod('default', 'web', { spec: { image: 'b' } }));
      expect([first.spec, first.metadata?.resourceVersion]).toEqual([{ image: 'a' }, '1']);
      expect(store.get(PODS, 'default', 'web')?.spec).toEqual({ image: 'b' });
    });
  });

  describe('list order', () => {
    const cases: { name: string; puts: [string, string][]; removes?: [string, string][]; namespace?: string; want: string[] }[] = [
      {
        name: 'by namespace then name, whatever the write order',
        puts: [
          ['b', 'x'],
          ['a', 'y'],
          ['a', 'b'],
        ],
        want: ['a/b', 'a/y', 'b/x'],
      },
      {
        name: 'as etcd compares whole keys: "a-b/x" before "a/x"',
        puts: [
          ['a', 'x'],
          ['a-b', 'x'],
        ],
        want: ['a-b/x', 'a/x'],
      },
      {
        name: 'one namespace',
        puts: [
          ['b', 'x'],
          ['a', 'y'],
          ['a', 'b'],
        ],
        namespace: 'a',
        want: ['a/b', 'a/y'],
      },
      { name: 'a namespace with nothing', puts: [['a', 'y']], namespace: 'c', want: [] },
      {
        name: 'without the removed',
        puts: [
          ['a', 'x'],
          ['a', 'y'],
          ['b', 'z'],
        ],
        removes: [
          ['a', 'x'],
          ['b', 'z'],
        ],
        want: ['a/y'],
      },
      {
        name: 'an object written twice once',
        puts: [
          ['a', 'x'],
          ['a', 'x'],
        ],
        want: ['a/x'],
      },
    ];
    it.each(cases)('$name', ({ puts, removes, namespace, want }) => {
      const store = new ObjectStore();
      for (const [ns, name] of puts) store.put(PODS, pod(ns, name));
      for (const [ns, name] of removes ?? []) store.remove(PODS, ns, name);
      expect(names(store.list(PODS, namespace))).toEqual(want);
    });
  });

  describe('indexes', () => {
    const nodeOf = (obj: KubeObject) => (obj.spec as { nodeName?: string } | undefined)?.nodeName;
    it('files objects by value in key order, refiling on update and unfiling on remove', () => {
      const store = new ObjectStore();
      store.put(PODS, pod('b', 'p1', { spec: { nodeName: 'node01' } }));
      store.addIndex(PODS, 'node', nodeOf);
      store.put(PODS, pod('a', 'p2', { spec: { nodeName: 'node01' } }));
      store.put(PODS, pod('a', 'p3', { spec: { nodeName: 'controlplane' } }));
      store.put(PODS, pod('a', 'p4'));
      expect(names(store.byIndex(PODS, 'node', 'node01'))).toEqual(['a/p2', 'b/p1']);
      expect(names(store.byIndex(PODS, 'node', 'node01', 'b'))).toEqual(['b/p1']);
      store.put(PODS, pod('a', 'p2', { spec: { nodeName: 'controlplane' } }));
      store.remove(PODS, 'b', 'p1');
      expect(names(store.byIndex(PODS, 'node', 'node01'))).toEqual([]);
      expect(names(store.byIndex(PODS, 'node', 'controlplane'))).toEqual(['a/p2', 'a/p3']);
    });
  });

  describe('watchers', () => {
    it('tells only the watchers a write concerns, in the order they subscribed', () => {
      const store = new ObjectStore();
      const told: string[] = [];
      store.subscribe(() => told.push('pods in a'), { resourceKey: PODS, namespace: 'a' });
      store.subscribe(() => told.push('everything'));
      store.subscribe(() => told.push('services'), { resourceKey: '/services' });
      const stop = store.subscribe(() => told.push('pods'), { resourceKey: PODS });
      store.subscribe(() => told.push('pods in b'), { resourceKey: PODS, namespace: 'b' });
      store.put(PODS, pod('a', 'x'));
      store.put(PODS, pod('b', 'x'));
      stop();
      store.put(PODS, pod('b', 'y'));
      expect(told).toEqual(['pods in a', 'everything', 'pods', 'everything', 'pods', 'pods in b', 'everything', 'pods in b']);
    });

    it('still tells a watcher removed while an event is being announced, and not one added meanwhile', () => {
      const store = new ObjectStore();
      const told: string[] = [];
      let stopSecond = () => {};
      store.subscribe(
        () => {
          told.push('first');
          stopSecond();
          store.subscribe(() => told.push('late'), { resourceKey: PODS });
        },
        { resourceKey: PODS },
      );
      stopSecond = store.subscribe(() => told.push('second'), { resourceKey: PODS });
      store.put(PODS, pod('a', 'x'));
      expect(told).toEqual(['first', 'second']);
    });
  });

  describe('eventsSince', () => {
    it('returns the events after a resourceVersion, or undefined once history no longer reaches it', () => {
      const store = new ObjectStore();
      for (let i = 0; i < 10_005; i++) store.put(PODS, pod('a', `p${i}`));
      expect(store.eventsSince(10_003)?.map((e) => e.resourceVersion)).toEqual([10_004, 10_005]);
      expect(store.eventsSince(5)?.length).toBe(10_000);
      expect(store.eventsSince(4)).toBeUndefined();
    }, 30_000);
  });
});
