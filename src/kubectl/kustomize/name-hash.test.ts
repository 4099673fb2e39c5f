import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { KubeObject } from '../../engine/api/client.ts';
import { contentHash, goJson } from './name-hash.ts';

// kustomize api/hasher/hasher_test.go TestConfigMapHash and TestSecretHash.
const cases: { desc: string; yaml: string; hash: string }[] = [
  { desc: 'configmap empty data', yaml: 'apiVersion: v1\nkind: ConfigMap', hash: '6ct58987ht' },
  { desc: 'configmap one key', yaml: 'apiVersion: v1\nkind: ConfigMap\ndata:\n  one: ""', hash: '9g67k2htb6' },
  { desc: 'configmap three keys', yaml: 'apiVersion: v1\nkind: ConfigMap\ndata:\n  two: 2\n  one: ""\n  three: 3', hash: '7757f9kkct' },
  { desc: 'configmap one key with binary data', yaml: 'apiVersion: v1\nkind: ConfigMap\nbinaryData:\n  one: ""', hash: '6mtk2m274t' },
  { desc: 'configmap two keys with one each', yaml: 'apiVersion: v1\nkind: ConfigMap\ndata:\n  one: ""\nbinaryData:\n  two: ""', hash: '698h7c7t9m' },
  { desc: 'secret empty data', yaml: 'apiVersion: v1\nkind: Secret\ntype: my-type', hash: '5gmgkf8578' },
  { desc: 'secret one key', yaml: 'apiVersion: v1\nkind: Secret\ntype: my-type\ndata:\n  one: ""', hash: '74bd68bm66' },
  { desc: 'secret three keys', yaml: 'apiVersion: v1\nkind: Secret\ntype: my-type\ndata:\n  two: 2\n  one: ""\n  three: 3', hash: '4gf75c7476' },
  { desc: 'secret stringdata', yaml: 'apiVersion: v1\nkind: Secret\ntype: my-type\ndata:\n  one: ""\nstringData:\n  two: 2', hash: 'c4h4264gdb' },
];

describe('contentHash', () => {
  it.each(cases)('$desc', ({ yaml, hash }) => {
    expect(contentHash(parse(yaml) as KubeObject)).toBe(hash);
  });

  it('ignores the name (hasher.go looks up `metadata/name` as one key)', () => {
    const obj = (name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { a: '1' } }) as KubeObject;
    expect(contentHash(obj('x'))).toBe(contentHash(obj('y')));
  });
});

describe('goJson', () => {
  it('escapes HTML characters as encoding/json does', () => {
    expect(goJson({ b: '<a&b>', a: 1 })).toBe('{"a":1,"b":"\\u003ca\\u0026b\\u003e"}');
  });
});
