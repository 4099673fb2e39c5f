import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../tests/support/session.ts';

// kubectl v1.35.2 `apply -f m.json` on a List of a ConfigMap with this metadata and a Secret whose
// metadata is a list: a List is validated on the client, every item's errors in one aggregate.
const cases: { name: string; metadata: unknown; why: string }[] = [
  {
    name: 'a list as name',
    metadata: { name: ['a'] },
    why: '[ValidationError(ConfigMap.metadata.name): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta.name: got "array", expected "string", ValidationError(Secret.metadata): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta: got "array", expected "map"]',
  },
  {
    name: 'a map as name',
    metadata: { name: { a: 1 } },
    why: '[ValidationError(ConfigMap.metadata.name): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta.name: got "map", expected "string", ValidationError(Secret.metadata): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta: got "array", expected "map"]',
  },
  {
    name: 'a string as metadata',
    metadata: 'x',
    why: '[ValidationError(ConfigMap.metadata): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta: got "string", expected "map", ValidationError(Secret.metadata): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta: got "array", expected "map"]',
  },
  {
    name: 'an integer as metadata',
    metadata: 5,
    why: '[ValidationError(ConfigMap.metadata): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta: got "integer", expected "map", ValidationError(Secret.metadata): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta: got "array", expected "map"]',
  },
  {
    name: 'an unknown field',
    metadata: { name: 'x', foo: 1 },
    why: '[ValidationError(ConfigMap.metadata): unknown field "foo" in io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta, ValidationError(Secret.metadata): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta: got "array", expected "map"]',
  },
  {
    name: 'a string generation',
    metadata: { name: 'x', generation: 'x' },
    why: '[ValidationError(ConfigMap.metadata.generation): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta.generation: got "string", expected "integer", ValidationError(Secret.metadata): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta: got "array", expected "map"]',
  },
  {
    name: 'a list as labels',
    metadata: { name: 'x', labels: ['a'] },
    why: '[ValidationError(ConfigMap.metadata.labels): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta.labels: got "array", expected "map", ValidationError(Secret.metadata): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta: got "array", expected "map"]',
  },
  {
    name: 'a list as a label value',
    metadata: { name: 'x', labels: { a: ['b'] } },
    why: '[ValidationError(ConfigMap.metadata.labels.a): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta.labels: got "array", expected "string", ValidationError(Secret.metadata): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta: got "array", expected "map"]',
  },
  {
    name: 'a string as finalizers',
    metadata: { name: 'x', finalizers: 'a' },
    why: '[ValidationError(ConfigMap.metadata.finalizers): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta.finalizers: got "string", expected "array", ValidationError(Secret.metadata): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta: got "array", expected "map"]',
  },
  {
    name: 'a number as name passes',
    metadata: { name: 5 },
    why: 'ValidationError(Secret.metadata): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta: got "array", expected "map"',
  },
  {
    name: 'null and a boolean uid pass',
    metadata: { name: 'x', namespace: null, uid: true },
    why: 'ValidationError(Secret.metadata): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta: got "array", expected "map"',
  },
  {
    name: 'an owner reference without its required fields',
    metadata: { name: 'x', ownerReferences: [{ name: 1 }] },
    why: '[ValidationError(ConfigMap.metadata.ownerReferences[0]): missing required field "apiVersion" in io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference, ValidationError(ConfigMap.metadata.ownerReferences[0]): missing required field "kind" in io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference, ValidationError(ConfigMap.metadata.ownerReferences[0]): missing required field "uid" in io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference, ValidationError(Secret.metadata): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta: got "array", expected "map"]',
  },
];

describe('List item metadata validation', () => {
  it.each(cases)('$name', async ({ metadata, why }) => {
    const session = await newSession();
    const items = [
      { apiVersion: 'v1', kind: 'ConfigMap', metadata },
      { apiVersion: 'v1', kind: 'Secret', metadata: [1] },
    ];
    session.fs.writeFile(`${session.shell.cwd}/m.json`, JSON.stringify({ apiVersion: 'v1', kind: 'List', items }));
    expect(await runLine(session, 'kubectl apply -f m.json')).toEqual({
      stdout: '',
      stderr: `error: error validating "m.json": error validating data: ${why}; if you choose to ignore these errors, turn validation off with --validate=false\n`,
      code: 1,
    });
  });
});
