import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../engine/api/client.ts';
import { LAST_APPLIED, withLastApplied } from './last-applied.ts';

// What kubectl v1.35.2 stores for `kubectl apply -f` (pkg/util/apply.go GetModifiedConfiguration).
const cases: { name: string; obj: KubeObject; namespace: string | undefined; want: string }[] = [
  {
    name: 'namespaced object without annotations gets the namespace and an empty annotations map',
    obj: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { MODE: 'prod', COLOR: 'green' } },
    namespace: 'default',
    want: '{"apiVersion":"v1","data":{"COLOR":"green","MODE":"prod"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"settings","namespace":"default"}}\n',
  },
  {
    name: 'cluster-scoped object has no namespace',
    obj: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } },
    namespace: undefined,
    want: '{"apiVersion":"v1","kind":"Namespace","metadata":{"annotations":{},"name":"dev"}}\n',
  },
  {
    name: 'an earlier last-applied annotation is left out and HTML characters are escaped',
    obj: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'dev', annotations: { [LAST_APPLIED]: 'old', note: 'a<b & c>d' } } },
    namespace: 'dev',
    want: '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"annotations":{"note":"a\\u003cb \\u0026 c\\u003ed"},"name":"c","namespace":"dev"}}\n',
  },
  {
    name: 'lists of objects keep their order, keys sort inside each',
    obj: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n', labels: { b: '1', a: '2' } }, spec: { finalizers: ['z', 'a'], x: [{ b: 1, a: [true, null] }, []] } },
    namespace: undefined,
    want: '{"apiVersion":"v1","kind":"Namespace","metadata":{"annotations":{},"labels":{"a":"2","b":"1"},"name":"n"},"spec":{"finalizers":["z","a"],"x":[{"a":[true,null],"b":1},[]]}}\n',
  },
  {
    name: 'a field nested 3000 levels deep, as deep as the fuzzer goes',
    obj: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n' }, spec: nest(1500) },
    namespace: undefined,
    want: `{"apiVersion":"v1","kind":"Namespace","metadata":{"annotations":{},"name":"n"},"spec":${'{"a":['.repeat(1500)}"x"${']}'.repeat(1500)}}\n`,
  },
];

function nest(depth: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = { a: [value] };
  return value;
}

describe('withLastApplied', () => {
  it.each(cases)('$name', ({ obj, namespace, want }) => {
    const before = JSON.stringify(obj);
    expect(withLastApplied(obj, namespace).metadata?.annotations?.[LAST_APPLIED]).toBe(want);
    expect(JSON.stringify(obj)).toBe(before);
  });
});
