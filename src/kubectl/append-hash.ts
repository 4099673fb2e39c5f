/**
 * `create configmap|secret --append-hash`: the object's name gets a suffix hashed from its content.
 * Models k8s.io/kubectl/pkg/util/hash: the kind, name and data (and type, binaryData) as Go's
 * json.Marshal writes them, SHA-256, then kustomize's ten-character encoding. Unlike kustomize's
 * generators, the name is part of what is hashed.
 */
import type { KubeObject } from '../engine/api/client.ts';
import { utf8Bytes } from '../lib/base64.ts';
import { sha256Hex } from '../lib/sha256/sha256.ts';
import { encodeHash, goJson } from './kustomize/name-hash.ts';

function hashOf(obj: KubeObject): string {
  const name = obj.metadata?.name ?? '';
  // The generators start from an empty map, so absent data hashes as `{}`.
  const data = obj.data ?? {};
  const encoded: Record<string, unknown> =
    obj.kind === 'Secret' ? { kind: 'Secret', type: typeof obj.type === 'string' ? obj.type : '', name, data } : { kind: 'ConfigMap', name, data };
  if (obj.kind === 'ConfigMap' && obj.binaryData && Object.keys(obj.binaryData).length) encoded.binaryData = obj.binaryData;
  return encodeHash(sha256Hex(utf8Bytes(goJson(encoded))));
}

/** The object renamed `<name>-<hash>`. */
export function withHashedName(obj: KubeObject): KubeObject {
  return { ...obj, metadata: { ...obj.metadata, name: `${obj.metadata?.name ?? ''}-${hashOf(obj)}` } };
}
