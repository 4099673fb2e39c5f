import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/client.ts';
import { Indexer, NAMESPACE_INDEX } from './indexer.ts';

const pod = (namespace: string, name: string, nodeName?: string): KubeObject => ({ kind: 'Pod', metadata: { namespace, name }, ...(nodeName ? { spec: { nodeName } } : {}) });
const byNode = { 'spec.nodeName': (obj: KubeObject) => [(obj as { spec?: { nodeName?: string } }).spec?.nodeName ?? ''] };
const keys = (objs: KubeObject[]) => objs.map((o) => `${o.metadata?.namespace}/${o.metadata?.name}`);

type Step = { put: KubeObject } | { delete: string };

describe('Indexer', () => {
  // Case names follow client-go's thread_safe_store_test.go / index_test.go where one exists.
  const cases: { name: string; steps: Step[]; list: string[]; index: [string, string, string[]][] }[] = [
    { name: 'empty', steps: [], list: [], index: [[NAMESPACE_INDEX, 'default', []]] },
    {
      name: 'lists in namespace/name order whatever the insertion order',
      steps: [{ put: pod('kube-system', 'b') }, { put: pod('default', 'z') }, { put: pod('default', 'a') }],
      list: ['default/a', 'default/z', 'kube-system/b'],
      index: [
        [NAMESPACE_INDEX, 'default', ['default/a', 'default/z']],
        [NAMESPACE_INDEX, 'kube-system', ['kube-system/b']],
      ],
    },
    {
      name: 'TestUpdateIndexes: an update refiles the object',
      steps: [{ put: pod('default', 'web', 'node01') }, { put: pod('default', 'web', 'controlplane') }],
      list: ['default/web'],
      index: [
        ['spec.nodeName', 'node01', []],
        ['spec.nodeName', 'controlplane', ['default/web']],
      ],
    },
    {
      name: 'TestDeleteIndexes: a delete unfiles the object',
      steps: [{ put: pod('default', 'web', 'node01') }, { put: pod('default', 'db', 'node01') }, { delete: 'default/web' }],
      list: ['default/db'],
      index: [
        ['spec.nodeName', 'node01', ['default/db']],
        [NAMESPACE_INDEX, 'default', ['default/db']],
      ],
    },
    { name: 'deleting a missing key is a no-op', steps: [{ delete: 'default/none' }], list: [], index: [] },
  ];
  it.each(cases)('$name', ({ steps, list, index }) => {
    const indexer = new Indexer(byNode);
    for (const step of steps) {
      if ('put' in step) indexer.put(step.put);
      else indexer.delete(step.delete);
    }
    expect(keys(indexer.list())).toEqual(list);
    for (const [name, value, want] of index) expect([name, value, keys(indexer.byIndex(name, value))]).toEqual([name, value, want]);
  });

  it('freezes what it caches, so a reader cannot change it', () => {
    const indexer = new Indexer();
    indexer.put(pod('default', 'web', 'node01'));
    const cached = indexer.getByKey('default/web') as { spec: { nodeName: string } };
    expect(() => (cached.spec.nodeName = 'other')).toThrow(TypeError);
  });

  it('files cached objects under an index added later', () => {
    const indexer = new Indexer();
    indexer.put(pod('default', 'web', 'node01'));
    indexer.addIndexers(byNode);
    expect(keys(indexer.byIndex('spec.nodeName', 'node01'))).toEqual(['default/web']);
  });

  it.each([
    { name: 'an unknown index', run: (i: Indexer) => i.byIndex('nope', 'x'), message: 'Index with name nope does not exist' },
    { name: 'an index added twice', run: (i: Indexer) => i.addIndexers({ [NAMESPACE_INDEX]: () => [] }), message: 'indexer conflict: namespace' },
  ])('rejects $name', ({ run, message }) => {
    expect(() => run(new Indexer())).toThrow(message);
  });
});
