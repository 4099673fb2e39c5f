import { describe, expect, it } from 'vitest';
import { createJsonMergePatch, jsonMergePatch } from './json-merge-patch.ts';
import { applyJsonPatch } from './json-patch.ts';

const doc = { metadata: { name: 'x', labels: { app: 'a' } }, spec: { containers: [{ name: 'c', image: 'i1' }], replicas: 1 } };

describe('applyJsonPatch', () => {
  const cases: { name: string; ops: unknown; result: unknown }[] = [
    { name: 'replace a scalar', ops: [{ op: 'replace', path: '/spec/replicas', value: 3 }], result: { ...doc, spec: { ...doc.spec, replicas: 3 } } },
    {
      name: 'replace inside an array',
      ops: [{ op: 'replace', path: '/spec/containers/0/image', value: 'i2' }],
      result: { ...doc, spec: { ...doc.spec, containers: [{ name: 'c', image: 'i2' }] } },
    },
    {
      name: 'add to the end of an array',
      ops: [{ op: 'add', path: '/spec/containers/-', value: { name: 'd' } }],
      result: { ...doc, spec: { ...doc.spec, containers: [...doc.spec.containers, { name: 'd' }] } },
    },
    {
      name: 'add a key with an escaped pointer',
      ops: [{ op: 'add', path: '/metadata/labels/app.kubernetes.io~1name', value: 'w' }],
      result: { ...doc, metadata: { ...doc.metadata, labels: { app: 'a', 'app.kubernetes.io/name': 'w' } } },
    },
    { name: 'remove a key', ops: [{ op: 'remove', path: '/metadata/labels' }], result: { ...doc, metadata: { name: 'x' } } },
    {
      name: 'move and copy',
      ops: [
        { op: 'copy', from: '/metadata/name', path: '/metadata/labels/name' },
        { op: 'move', from: '/spec/replicas', path: '/spec/count' },
      ],
      result: { metadata: { name: 'x', labels: { app: 'a', name: 'x' } }, spec: { containers: doc.spec.containers, count: 1 } },
    },
    { name: 'a passing test', ops: [{ op: 'test', path: '/spec/replicas', value: 1 }], result: doc },
  ];
  it.each(cases)('applies $name', ({ ops, result }) => {
    expect(applyJsonPatch(doc, ops)).toEqual({ ok: true, value: result });
  });

  const failures: { name: string; ops: unknown; message: string }[] = [
    {
      name: 'replace of a missing key',
      ops: [{ op: 'replace', path: '/spec/paused', value: true }],
      message: 'replace operation does not apply: doc is missing key: /spec/paused: missing value',
    },
    {
      name: 'add under a missing parent',
      ops: [{ op: 'add', path: '/spec/strategy/type', value: 'x' }],
      message: 'add operation does not apply: doc is missing path: "/spec/strategy/type": missing value',
    },
    { name: 'remove of a missing key', ops: [{ op: 'remove', path: '/metadata/annotations' }], message: 'Unable to remove nonexistent key: annotations: missing value' },
    { name: 'index out of range', ops: [{ op: 'remove', path: '/spec/containers/3' }], message: 'Unable to access invalid index: 3: invalid index referenced' },
    { name: 'a failing test', ops: [{ op: 'test', path: '/spec/replicas', value: 2 }], message: 'testing value /spec/replicas failed: test failed' },
    { name: 'an unknown op', ops: [{ op: 'frobnicate', path: '/a' }], message: 'Unexpected kind: frobnicate' },
    { name: 'a non-array patch', ops: { op: 'add' }, message: 'json: cannot unmarshal object into Go value of type jsonpatch.Patch' },
  ];
  it.each(failures)('reports $name', ({ ops, message }) => {
    expect(applyJsonPatch(doc, ops)).toEqual({ ok: false, message });
  });

  it('leaves the target untouched', () => {
    applyJsonPatch(doc, [{ op: 'replace', path: '/spec/replicas', value: 9 }]);
    expect(doc.spec.replicas).toBe(1);
  });
});

describe('jsonMergePatch', () => {
  const cases: { name: string; target: unknown; patch: unknown; result: unknown }[] = [
    { name: 'RFC 7386 example', target: { a: 'b', c: { d: 'e', f: 'g' } }, patch: { a: 'z', c: { f: null } }, result: { a: 'z', c: { d: 'e' } } },
    { name: 'arrays replace', target: { a: [1, 2] }, patch: { a: [3] }, result: { a: [3] } },
    { name: 'nulls in new objects are dropped', target: {}, patch: { a: { b: null, c: 1 } }, result: { a: { c: 1 } } },
    { name: 'non-object patch replaces', target: { a: 1 }, patch: ['x'], result: ['x'] },
    { name: 'object patch over a scalar', target: 'x', patch: { a: 1 }, result: { a: 1 } },
  ];
  it.each(cases)('$name', ({ target, patch, result }) => {
    expect(jsonMergePatch(target, patch)).toEqual(result);
  });

  it('creates the patch between two documents', () => {
    expect(createJsonMergePatch({ a: 1, b: { c: 2, d: 3 }, e: [1] }, { a: 1, b: { c: 4 }, e: [2], f: true })).toEqual({
      b: { c: 4, d: null },
      e: [2],
      f: true,
    });
  });
});
