/** How Elasticsearch 6.4.2 writes its answers: Jackson's JSON, `_cat` tables, byte sizes, its errors. */
import type { HttpResponse } from './image.ts';

/** Jackson's default pretty printer, as `?pretty` and the root endpoint print: `"a" : 1`, `[ 1, 2 ]`. */
export function prettyJson(value: unknown, indent = ''): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[ ]';
    return `[ ${value.map((v) => prettyJson(v, indent)).join(', ')} ]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{ }';
    const inner = `${indent}  `;
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)} : ${prettyJson(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** ByteSizeValue.toString: `230b`, `85.3kb`, `4.5mb`. */
export function byteSize(bytes: number): string {
  const units: [string, number][] = [
    ['gb', 1024 ** 3],
    ['mb', 1024 ** 2],
    ['kb', 1024],
  ];
  for (const [unit, size] of units) {
    if (bytes >= size) {
      const value = Math.round((bytes / size) * 10) / 10;
      return `${Number.isInteger(value) ? value : value.toFixed(1)}${unit}`;
    }
  }
  return `${bytes}b`;
}

/** Java writes these doubles with a fraction even when whole: `"_score" : 1.0`. */
const DOUBLE_FIELDS = /("(?:_score|max_score|active_shards_percent_as_number)"\s?:\s?)(-?\d+)(?=[,\n}\s])/g;

export function json(status: number, body: unknown, pretty: boolean): HttpResponse {
  const text = pretty ? `${prettyJson(body)}\n` : JSON.stringify(body);
  return { status, body: text.replace(DOUBLE_FIELDS, '$1$2.0'), contentType: 'application/json; charset=UTF-8' };
}

export function indexNotFound(name: string, pretty: boolean): HttpResponse {
  const cause = { type: 'index_not_found_exception', reason: 'no such index', 'resource.type': 'index_or_alias', 'resource.id': name, index_uuid: '_na_', index: name };
  return json(404, { error: { root_cause: [cause], ...cause }, status: 404 }, pretty);
}

export function parseBody(body: string): Record<string, unknown> | undefined {
  if (!body.trim()) return undefined;
  try {
    return JSON.parse(body) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** `_cat` tables: columns padded to their widest cell, numbers right-aligned. */
export function catTable(headers: string[], rows: string[][], rightAligned: Set<string>, verbose: boolean): string {
  const all = verbose ? [headers, ...rows] : rows;
  const widths = headers.map((_, c) => Math.max(...all.map((r) => r[c]!.length)));
  return all
    .map(
      (r) =>
        r
          .map((cell, c) => (rightAligned.has(headers[c]!) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
          .join(' ')
          .trimEnd() + '\n',
    )
    .join('');
}
