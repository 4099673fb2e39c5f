/**
 * `_search` and `_count` on the documents an index shows: the few queries Kibana and a learner's
 * curl send, sorting on a field, paging with `from` and `size`.
 */
import type { HttpRequest, HttpResponse } from './image.ts';
import type { Cluster, Doc, Index } from './elasticsearch-cluster.ts';
import { json, parseBody } from './elasticsearch-responses.ts';

function fieldValue(source: Record<string, unknown>, path: string): unknown {
  let value: unknown = source;
  for (const part of path.split('.')) {
    if (value && typeof value === 'object' && part in (value as object)) value = (value as Record<string, unknown>)[part];
    else return (source as Record<string, unknown>)[path];
  }
  return value;
}

type Query = Record<string, unknown> | undefined;

/** The few queries Kibana and a learner's curl send: match_all, query_string/q, match, term, range. */
function matches(doc: Doc, query: Query): boolean {
  if (!query || 'match_all' in query) return true;
  const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value ?? '')).toLowerCase();
  if ('query_string' in query || 'simple_query_string' in query) {
    const q = String(((query.query_string ?? query.simple_query_string) as { query?: string }).query ?? '*');
    return queryString(doc, q);
  }
  if ('match' in query || 'match_phrase' in query || 'term' in query) {
    const [[field, raw]] = Object.entries((query.match ?? query.match_phrase ?? query.term) as Record<string, unknown>) as [[string, unknown]];
    const wanted = raw && typeof raw === 'object' ? ((raw as { query?: unknown; value?: unknown }).query ?? (raw as { value?: unknown }).value) : raw;
    return text(fieldValue(doc.source, field)).includes(text(wanted));
  }
  if ('range' in query) {
    const [[field, bounds]] = Object.entries(query.range as Record<string, Record<string, unknown>>) as [[string, Record<string, unknown>]];
    const value = String(fieldValue(doc.source, field) ?? '');
    const cmp = (bound: unknown) => String(bound);
    if (bounds.gte !== undefined && value < cmp(bounds.gte)) return false;
    if (bounds.gt !== undefined && value <= cmp(bounds.gt)) return false;
    if (bounds.lte !== undefined && value > cmp(bounds.lte)) return false;
    if (bounds.lt !== undefined && value >= cmp(bounds.lt)) return false;
    return true;
  }
  if ('bool' in query) {
    const bool = query.bool as { must?: Query | Query[]; filter?: Query | Query[] };
    const all = [bool.must, bool.filter].flatMap((q) => (q === undefined ? [] : Array.isArray(q) ? q : [q]));
    return all.every((q) => matches(doc, q));
  }
  return true;
}

function queryString(doc: Doc, q: string): boolean {
  if (q === '*' || q.trim() === '') return true;
  const field = /^([\w.@]+):(.*)$/.exec(q);
  const [path, wanted] = field ? [field[1]!, field[2]!] : [undefined, q];
  const needle = wanted.replace(/^"|"$/g, '').toLowerCase();
  const haystack = path ? JSON.stringify(fieldValue(doc.source, path) ?? '') : JSON.stringify(doc.source);
  return haystack.toLowerCase().includes(needle);
}

export function search(cluster: Cluster, indices: Index[], request: HttpRequest, pretty: boolean): HttpResponse {
  const body = parseBody(request.body) ?? {};
  const size = Number(request.query.size ?? body.size ?? 10);
  const from = Number(request.query.from ?? body.from ?? 0);
  const query: Query = request.query.q !== undefined ? { query_string: { query: request.query.q } } : (body.query as Query);
  let docs: { index: Index; doc: Doc }[] = indices.flatMap((index) => cluster.visible(index).map((doc) => ({ index, doc })));
  docs = docs.filter(({ doc }) => matches(doc, query));
  const sortSpec = request.query.sort ?? (Array.isArray(body.sort) ? body.sort[0] : body.sort);
  let sortField: string | undefined;
  let descending = false;
  if (typeof sortSpec === 'string') [sortField, descending] = [sortSpec.split(':')[0], sortSpec.split(':')[1] === 'desc'];
  else if (sortSpec && typeof sortSpec === 'object') {
    const [[field, order]] = Object.entries(sortSpec as Record<string, unknown>) as [[string, unknown]];
    sortField = field;
    descending = (typeof order === 'string' ? order : (order as { order?: string }).order) === 'desc';
  }
  if (sortField) {
    const field = sortField;
    docs.sort((a, b) => {
      const x = String(fieldValue(a.doc.source, field) ?? '');
      const y = String(fieldValue(b.doc.source, field) ?? '');
      return (x < y ? -1 : x > y ? 1 : a.doc.seqNo - b.doc.seqNo) * (descending ? -1 : 1);
    });
  } else docs.sort((a, b) => a.doc.seqNo - b.doc.seqNo);
  const shards = indices.reduce((n, i) => n + i.shards, 0);
  const hits = docs.slice(from, from + size).map(({ index, doc }) => ({
    _index: index.name,
    _type: doc.type,
    _id: doc.id,
    _score: sortField ? null : 1.0,
    _source: doc.source,
    ...(sortField ? { sort: [sortField === '@timestamp' ? Date.parse(String(fieldValue(doc.source, sortField))) : fieldValue(doc.source, sortField)] } : {}),
  }));
  return json(
    200,
    {
      took: 1 + Math.floor(cluster.ctx.random() * 8),
      timed_out: false,
      _shards: { total: shards, successful: shards, skipped: 0, failed: 0 },
      hits: { total: docs.length, max_score: sortField || docs.length === 0 ? null : 1.0, hits },
    },
    pretty,
  );
}

export function count(cluster: Cluster, indices: Index[], pretty: boolean): HttpResponse {
  const shards = indices.reduce((n, i) => n + i.shards, 0);
  return json(200, { count: indices.reduce((n, i) => n + cluster.visible(i).length, 0), _shards: { total: shards, successful: shards, skipped: 0, failed: 0 } }, pretty);
}
