import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeGoStruct } from './encode-go-struct.ts';

const read = (name: string) => readFileSync(join(import.meta.dirname, 'testdata', name), 'utf8');

// Each pair was captured from kubectl v1.35.2 against a served cluster: `get KIND NAME -o json`
// (the server's object, keys sorted) and `rollout history … --revision=N -o json` (the same object
// through kubectl's typed client).
const cases = [
  { name: 'a ReplicaSet: owner references, container and pod spec fields in Go order', input: 'replicaset.json', typed: 'replicaset.typed.json' },
  { name: 'a StatefulSet: volumeClaimTemplates keep their own kind and apiVersion', input: 'statefulset.json', typed: 'statefulset.typed.json' },
];

describe('encodeGoStruct', () => {
  it.each(cases)('$name', ({ input, typed }) => {
    expect(`${JSON.stringify(encodeGoStruct(JSON.parse(read(input))), null, 4)}\n`).toBe(read(typed));
  });

  it('leaves a kind without a Go struct to the caller', () => {
    expect(encodeGoStruct({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } })).toBeUndefined();
  });
});
