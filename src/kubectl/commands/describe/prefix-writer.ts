/**
 * describe's PrefixWriter: lines at indent levels of two spaces, later run through tabwriter
 * (padding 2), plus the multi-line label, annotation and toleration helpers of
 * pkg/describe/describe.go.
 */
import type { Toleration } from 'kubernetes-types/core/v1';
import { tabwrite } from '../../printers/tabwriter.ts';

/** What the describe helpers write to: aligned by tabwriter for describe, raw for `rollout history`. */
export interface DescribeWriter {
  line(level: number, line: string): void;
}

export class PrefixWriter implements DescribeWriter {
  #text = '';

  line(level: number, line: string): void {
    this.#text += `${'  '.repeat(level)}${line}\n`;
  }

  toString(): string {
    return tabwrite(this.#text, 2);
  }
}

/** kubectl prints no annotation that `kubectl apply` manages for itself. */
const SKIPPED_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
const MAX_ANNOTATION_LENGTH = 140;

/** printLabelsMultiline: `Title:\tk=v`, further keys on `\tk=v` lines, sorted. */
export function writeLabels(w: DescribeWriter, title: string, map: Record<string, string> | undefined): void {
  const keys = Object.keys(map ?? {}).sort();
  if (keys.length === 0) {
    w.line(0, `${title}:\t<none>`);
    return;
  }
  keys.forEach((k, i) => w.line(0, `${i === 0 ? `${title}:` : ''}\t${k}=${map![k]}`));
}

/** printAnnotationsMultiline: long or multi-line values go on their own lines, cut at 138 characters. */
export function writeAnnotations(w: DescribeWriter, title: string, map: Record<string, string> | undefined): void {
  const keys = Object.keys(map ?? {})
    .filter((k) => !SKIPPED_ANNOTATIONS.has(k))
    .sort();
  if (keys.length === 0) {
    w.line(0, `${title}:\t<none>`);
    return;
  }
  keys.forEach((key, i) => {
    const head = i === 0 ? `${title}:` : '';
    const value = map![key]!.replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION_LENGTH || value.includes('\n')) {
      w.line(0, `${head}\t${key}:`);
      for (const part of value.split('\n')) w.line(0, `\t  ${shorten(part, MAX_ANNOTATION_LENGTH - 2)}`);
    } else w.line(0, `${head}\t${key}: ${value}`);
  });
}

function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}...` : s;
}

/** printPodTolerationsMultiline: sorted by key, `key=value:Effect op=Exists for 300s`. */
export function writeTolerations(w: DescribeWriter, title: string, tolerations: Toleration[] | undefined): void {
  const sorted = [...(tolerations ?? [])].sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0));
  if (sorted.length === 0) {
    w.line(0, `${title}:\t<none>`);
    return;
  }
  sorted.forEach((t, i) => {
    let text = t.key ?? '';
    if (t.value) text += `=${t.value}`;
    if (t.effect) text += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) text += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) text += ` for ${t.tolerationSeconds}s`;
    w.line(0, `${i === 0 ? `${title}:` : ''}\t${text}`);
  });
}

/** `Sun, 22 Nov 2026 22:09:12 +0000` (RFC1123Z, UTC). */
export function rfc1123z(timestamp: string | null | undefined): string {
  if (!timestamp) return '<unknown>';
  const d = new Date(timestamp);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}
