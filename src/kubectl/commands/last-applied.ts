/** The `kubectl.kubernetes.io/last-applied-configuration` annotation that client-side apply keeps. */
import type { KubeObject } from '../../engine/api/client.ts';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * The object with its annotation set to itself, as kubectl writes it: the builder has already put
 * the namespace into a namespaced object, and the annotations map is present (empty when the
 * manifest had none) when the object is encoded.
 * Models staging/src/k8s.io/kubectl/pkg/util/apply.go GetModifiedConfiguration.
 */
export function withLastApplied(obj: KubeObject, namespace: string | undefined): KubeObject {
  const copy = JSON.parse(JSON.stringify(obj)) as KubeObject;
  const annotations = { ...(copy.metadata?.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  copy.metadata = { ...copy.metadata, ...(namespace !== undefined ? { namespace } : {}), annotations };
  const encoded = encodeLikeGo(copy);
  copy.metadata = { ...copy.metadata, annotations: { ...annotations, [LAST_APPLIED]: encoded } };
  return copy;
}

/** json.Encoder output: keys sorted, HTML characters escaped, a trailing newline. */
export function encodeLikeGo(value: unknown): string {
  return `${JSON.stringify(sortKeys(value)).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((k) => [k, sortKeys(record[k])]),
    );
  }
  return value;
}
