/** The `kubectl.kubernetes.io/last-applied-configuration` annotation that client-side apply keeps. */
import type { KubeObject } from '../../engine/api/client.ts';
import { copyJson } from '../../lib/deep-json/deep-json.ts';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * The object with its annotation set to itself, as kubectl writes it: the builder has already put
 * the namespace into a namespaced object, and the annotations map is present (empty when the
 * manifest had none) when the object is encoded.
 * Models staging/src/k8s.io/kubectl/pkg/util/apply.go GetModifiedConfiguration.
 */
export function withLastApplied(obj: KubeObject, namespace: string | undefined): KubeObject {
  const copy = copyJson(obj);
  const annotations = { ...(copy.metadata?.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  copy.metadata = { ...copy.metadata, ...(namespace !== undefined ? { namespace } : {}), annotations };
  const encoded = encodeLikeGo(copy);
  copy.metadata = { ...copy.metadata, annotations: { ...annotations, [LAST_APPLIED]: encoded } };
  return copy;
}

/** json.Encoder output: keys sorted, HTML characters escaped, a trailing newline. */
export function encodeLikeGo(value: unknown): string {
  return `${sortedJson(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

/**
 * JSON with every object's keys sorted, written with an explicit stack: a manifest nested
 * thousands of levels deep (Go's decoder allows 10000) must not exhaust the call stack.
 */
function sortedJson(root: unknown): string {
  const out: string[] = [];
  // Each task writes literal text or one value.
  const tasks: ({ text: string } | { value: unknown })[] = [{ value: root }];
  while (tasks.length > 0) {
    const task = tasks.pop()!;
    if ('text' in task) {
      out.push(task.text);
      continue;
    }
    const value = task.value;
    if (value === null || typeof value !== 'object') {
      out.push(JSON.stringify(value) ?? 'null');
      continue;
    }
    const entries: ({ text: string } | { value: unknown })[] = [];
    if (Array.isArray(value)) {
      value.forEach((item, i) => entries.push({ text: i === 0 ? '' : ',' }, { value: item === undefined ? null : item }));
      tasks.push({ text: ']' }, ...entries.reverse(), { text: '[' });
      continue;
    }
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort();
    keys.forEach((k, i) => entries.push({ text: `${i === 0 ? '' : ','}${JSON.stringify(k)}:` }, { value: record[k] }));
    tasks.push({ text: '}' }, ...entries.reverse(), { text: '{' });
  }
  return out.join('');
}
