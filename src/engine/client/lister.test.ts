import { describe, expect, it } from 'vitest';
import type { LabelSelectorObject } from '../../lib/label-selector/label-selector.ts';
import type { KubeObject } from '../api/client.ts';
import { Indexer } from './indexer.ts';
import { Lister } from './lister.ts';

const obj = (namespace: string | undefined, name: string, labels: Record<string, string> = {}): KubeObject => ({ metadata: { ...(namespace ? { namespace } : {}), name, labels } });
const names = (objs: KubeObject[]) => objs.map((o) => (o.metadata?.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata?.name));

function lister(objects: KubeObject[]): Lister {
  const indexer = new Indexer();
  for (const o of objects) indexer.put(o);
  return new Lister(indexer);
}

describe('Lister', () => {
  const cluster = lister([obj('default', 'web', { app: 'web', tier: 'front' }), obj('default', 'db', { app: 'db' }), obj('dev', 'web', { app: 'web' })]);

  it.each<{ name: string; namespace?: string; selector?: LabelSelectorObject; want: string[] }>([
    { name: 'all namespaces', want: ['default/db', 'default/web', 'dev/web'] },
    { name: 'one namespace', namespace: 'default', want: ['default/db', 'default/web'] },
    { name: 'a namespace with nothing', namespace: 'prod', want: [] },
    { name: 'matchLabels across namespaces', selector: { matchLabels: { app: 'web' } }, want: ['default/web', 'dev/web'] },
    { name: 'matchExpressions in one namespace', namespace: 'default', selector: { matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, want: ['default/web'] },
    { name: 'an empty selector selects everything', selector: {}, want: ['default/db', 'default/web', 'dev/web'] },
    { name: 'an invalid selector selects nothing', selector: { matchExpressions: [{ key: 'app', operator: 'Near' }] }, want: [] },
  ])('list: $name', ({ namespace, selector, want }) => {
    expect(names(cluster.list(namespace, selector))).toEqual(want);
  });

  it.each([
    { name: 'namespaced hit', namespace: 'dev', key: 'web', want: 'dev/web' },
    { name: 'wrong namespace', namespace: 'prod', key: 'web', want: undefined },
    { name: 'missing name', namespace: 'default', key: 'cache', want: undefined },
  ])('get: $name', ({ namespace, key, want }) => {
    const found = cluster.get(namespace, key);
    expect(found ? names([found])[0] : undefined).toEqual(want);
  });

  it('gets cluster-scoped objects with no namespace', () => {
    const nodes = lister([obj(undefined, 'node01'), obj(undefined, 'controlplane')]);
    expect([nodes.get(undefined, 'node01')?.metadata?.name, names(nodes.list())]).toEqual(['node01', ['controlplane', 'node01']]);
  });
});
