import { describe, expect, it } from 'vitest';
import { KUBERNETES_VERSION } from '../../cluster-topology.ts';
import { allResourceDefinitions } from '../resources/index.ts';
import { openApiV2Document } from './index.ts';
import { openApiV2Protobuf } from './openapi-v2-protobuf.ts';

/** Reads one message level into field number → raw values (varints, or bytes of strings and messages). */
function fields(bytes: Uint8Array): Map<number, (number | Uint8Array)[]> {
  const out = new Map<number, (number | Uint8Array)[]>();
  let at = 0;
  const varint = (): number => {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (at >= bytes.length) throw new Error('truncated varint');
      const b = bytes[at++]!;
      value += (b & 0x7f) * scale;
      scale *= 128;
      if (b < 0x80) return value;
    }
  };
  while (at < bytes.length) {
    const key = varint();
    let value: number | Uint8Array = varint();
    if ((key & 7) === 2) {
      value = bytes.subarray(at, at + value);
      at += value.length;
    }
    out.set(key >> 3, [...(out.get(key >> 3) ?? []), value]);
  }
  return out;
}

const text = (b: number | Uint8Array | undefined): string => new TextDecoder().decode(b as Uint8Array);

describe('openApiV2Protobuf', () => {
  const resources = allResourceDefinitions().map((d) => d.info);
  const doc = openApiV2Document(resources) as { paths: object; definitions: object };
  const top = fields(openApiV2Protobuf(resources));

  it('encodes the document as gnostic openapi.v2.Document', () => {
    const info = fields(top.get(2)![0] as Uint8Array);
    expect([text(top.get(1)![0]), text(info.get(1)![0]), text(info.get(2)![0])]).toEqual(['2.0', 'Kubernetes', KUBERNETES_VERSION]);
    expect(fields(top.get(8)![0] as Uint8Array).get(2)!.length).toBe(Object.keys(doc.paths).length);
    expect(fields(top.get(9)![0] as Uint8Array).get(1)!.length).toBe(Object.keys(doc.definitions).length);
  });

  it('writes vendor extensions as YAML that kubectl parses', () => {
    const definitions = fields(top.get(9)![0] as Uint8Array)
      .get(1)!
      .map((d) => fields(d as Uint8Array));
    const pod = fields(definitions.find((d) => text(d.get(1)![0]) === 'io.k8s.api.core.v1.Pod')!.get(2)![0] as Uint8Array);
    const extensions = pod
      .get(31)!
      .map((e) => fields(e as Uint8Array))
      .map((e) => [text(e.get(1)![0]), text(fields(e.get(2)![0] as Uint8Array).get(2)![0])]);
    expect(extensions).toEqual([['x-kubernetes-group-version-kind', '[{"group":"","kind":"Pod","version":"v1"}]\n']]);
  });
});
