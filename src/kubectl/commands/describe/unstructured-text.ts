/**
 * What `kubectl describe` prints for a kind it has no describer for (custom resources among
 * them): every field of the object, sorted, under labels made from the field names. Models
 * staging/src/k8s.io/kubectl/pkg/describe/describe.go genericDescriber, printUnstructuredContent
 * and smartLabelFor.
 */
import type { KubeObject } from '../../../engine/api/client.ts';
import type { DescribeWriter } from './prefix-writer.ts';

const SKIPPED = new Set(['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);
const COMMON_ACRONYMS = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);

export function writeUnstructuredContent(w: DescribeWriter, obj: KubeObject): void {
  writeContent(w, 0, obj as Record<string, unknown>, '');
}

function writeContent(w: DescribeWriter, level: number, content: Record<string, unknown>, prefix: string): void {
  for (const field of Object.keys(content).sort(byBytes)) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (SKIPPED.has(path)) continue;
    if (Array.isArray(value)) {
      w.line(level, `${smartLabelFor(field)}:`);
      for (const child of value) {
        if (isObject(child)) writeContent(w, level + 1, child, path);
        else w.line(level + 1, goText(child));
      }
    } else if (isObject(value)) {
      w.line(level, `${smartLabelFor(field)}:`);
      writeContent(w, level + 1, value, path);
    } else {
      w.line(level, `${smartLabelFor(field)}:\t${goText(value)}`);
    }
  }
}

function byBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Go's `%v` of a decoded JSON scalar. */
function goText(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  return String(value);
}

/** `cronSpec` -> `Cron Spec`, `apiVersion` -> `API Version`; names with other than letters and '-' stay as they are. */
export function smartLabelFor(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  return splitCamelCase(field)
    .filter((part) => part !== '_')
    .map((part) => (COMMON_ACRONYMS.has(part.toUpperCase()) ? part.toUpperCase() : part.charAt(0).toUpperCase() + part.slice(1)))
    .join(' ');
}

/** fatih/camelcase Split: runs of lower case, upper case and other characters; `HTTPServer` -> `HTTP`, `Server`. */
function splitCamelCase(text: string): string[] {
  const classOf = (c: string) => (/\p{Ll}/u.test(c) ? 1 : /\p{Lu}/u.test(c) ? 2 : /\p{N}/u.test(c) ? 3 : 4);
  const runs: string[][] = [];
  let last = 0;
  for (const c of text) {
    const cls = classOf(c);
    if (cls === last) runs[runs.length - 1]!.push(c);
    else runs.push([c]);
    last = cls;
  }
  // An upper-case run followed by a lower-case one gives its last letter to the next word.
  for (let i = 0; i < runs.length - 1; i++) {
    if (classOf(runs[i]![0]!) === 2 && classOf(runs[i + 1]![0]!) === 1) {
      runs[i + 1]!.unshift(runs[i]!.pop()!);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}
