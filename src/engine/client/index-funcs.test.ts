import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/client.ts';
import { controlledBy, CONTROLLER_INDEX, controllerIndexFunc, orphansIn, OWNER_UID_INDEX, ownerUidIndexFunc, UID_INDEX, uidIndexFunc } from './index-funcs.ts';
import { Indexer } from './indexer.ts';

type Owner = { uid: string; controller?: boolean };
const pod = (namespace: string, name: string, uid: string, owners: Owner[] = []): KubeObject => ({
  kind: 'Pod',
  metadata: { namespace, name, uid, ...(owners.length ? { ownerReferences: owners.map((o) => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', ...o })) } : {}) },
});
const keys = (objs: KubeObject[]) => objs.map((o) => `${o.metadata?.namespace}/${o.metadata?.name}`);

describe('shared index functions', () => {
  const indexer = () => {
    const i = new Indexer({ [OWNER_UID_INDEX]: ownerUidIndexFunc, [CONTROLLER_INDEX]: controllerIndexFunc, [UID_INDEX]: uidIndexFunc });
    i.put(pod('default', 'web-2', 'p2', [{ uid: 'rs1', controller: true }]));
    i.put(pod('default', 'web-1', 'p1', [{ uid: 'rs1', controller: true }, { uid: 'other' }]));
    i.put(pod('default', 'loose', 'p3'));
    i.put(pod('prod', 'loose', 'p4', [{ uid: 'other' }]));
    return i;
  };
  const cases: { name: string; index: string; value: string; want: string[] }[] = [
    { name: 'pods of one controller, in key order', index: CONTROLLER_INDEX, value: controlledBy('rs1'), want: ['default/web-1', 'default/web-2'] },
    { name: 'orphans of one namespace: no owner at all', index: CONTROLLER_INDEX, value: orphansIn('default'), want: ['default/loose'] },
    { name: 'orphans of one namespace: owners but no controller', index: CONTROLLER_INDEX, value: orphansIn('prod'), want: ['prod/loose'] },
    { name: 'dependents of an owner, controller or not', index: OWNER_UID_INDEX, value: 'other', want: ['default/web-1', 'prod/loose'] },
    { name: 'an object by its own uid', index: UID_INDEX, value: 'p3', want: ['default/loose'] },
    { name: 'an unknown value', index: UID_INDEX, value: 'gone', want: [] },
  ];
  it.each(cases)('$name', ({ index, value, want }) => {
    expect(keys(indexer().byIndex(index, value))).toEqual(want);
  });

  it('lists the values an index holds, dropping one when its last object goes', () => {
    const i = indexer();
    i.delete('prod/loose');
    i.put(pod('default', 'web-1', 'p1', [{ uid: 'rs1', controller: true }]));
    expect(i.indexValues(OWNER_UID_INDEX)).toEqual(['rs1']);
  });
});
