/**
 * docker.elastic.co/elasticsearch/elasticsearch:6.4.2: a single-node Elasticsearch that keeps its
 * documents in memory. It takes a few tens of seconds to start (the HTTP port refuses connections
 * until `started`), refuses to start outside single-node discovery (the vm.max_map_count
 * bootstrap check), and serves the REST calls the logging lab needs: `GET /`, `_cat/indices`,
 * `_cat/health`, `_cluster/health`, `_bulk`, document index/get, `_search`, `_count`, index
 * templates and index deletion. Logs use the image's log4j layout.
 */
import { GlobPattern } from '../../lib/regex/glob-pattern.ts';
import type { AppContext, HttpRequest, HttpResponse, ImageSpec } from './image.ts';
import { COREUTILS_TOOLS } from './tool-sets.ts';

const VERSION = {
  number: '6.4.2',
  build_flavor: 'default',
  build_type: 'tar',
  build_hash: '04711c2',
  build_date: '2018-09-26T13:34:09.098244Z',
  build_snapshot: false,
  lucene_version: '7.4.0',
  minimum_wire_compatibility_version: '5.6.0',
  minimum_index_compatibility_version: '5.0.0',
};

const MODULES = [
  'aggs-matrix-stats',
  'analysis-common',
  'ingest-common',
  'lang-expression',
  'lang-mustache',
  'lang-painless',
  'mapper-extras',
  'parent-join',
  'percolator',
  'rank-eval',
  'reindex',
  'repository-url',
  'transport-netty4',
  'tribe',
  'x-pack-core',
  'x-pack-deprecation',
  'x-pack-graph',
  'x-pack-logstash',
  'x-pack-ml',
  'x-pack-monitoring',
  'x-pack-rollup',
  'x-pack-security',
  'x-pack-sql',
  'x-pack-upgrade',
  'x-pack-watcher',
];

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

/** log4j's `%d{ISO8601}`: `2026-11-22T22:00:05,123`. */
function log4jTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 19)},${iso.slice(20, 23)}`;
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

interface Doc {
  id: string;
  type: string;
  source: Record<string, unknown>;
  version: number;
  seqNo: number;
  size: number;
  /** Searchable after the index's refresh interval. */
  visibleAtMs: number;
}

interface Index {
  name: string;
  uuid: string;
  shards: number;
  replicas: number;
  refreshMs: number;
  docs: Map<string, Doc>;
  mappedTypes: Set<string>;
}

interface Template {
  patterns: string[];
  body: unknown;
}

/** An index pattern, whose only wildcard is `*`, matched on RE2 so that `a*a*a*a*b` costs linear time. */
function indexPattern(pattern: string): GlobPattern {
  return new GlobPattern(pattern.replace(/[?[\\]/g, '\\$&'));
}

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

class Cluster {
  readonly indices = new Map<string, Index>();
  readonly templates = new Map<string, Template>();
  seqNo = 0;
  randomClusterUuid = '';

  constructor(
    readonly ctx: AppContext,
    readonly nodeName: string,
    readonly clusterName: string,
    readonly log: (level: string, category: string, message: string) => void,
  ) {}

  randomId(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += BASE64URL[Math.floor(this.ctx.random() * 64)];
    return out;
  }

  health(index: Index): 'green' | 'yellow' {
    return index.replicas > 0 ? 'yellow' : 'green';
  }

  clusterHealth(): 'green' | 'yellow' {
    return [...this.indices.values()].some((i) => this.health(i) === 'yellow') ? 'yellow' : 'green';
  }

  resolve(expression: string): Index[] {
    if (expression === '_all' || expression === '*' || expression === '') return [...this.indices.values()].filter((i) => !i.name.startsWith('.'));
    const found = new Map<string, Index>();
    for (const part of expression.split(',')) {
      if (part.includes('*')) {
        const re = indexPattern(part);
        for (const index of this.indices.values()) if (re.matches(index.name) && !(index.name.startsWith('.') && !part.startsWith('.'))) found.set(index.name, index);
      } else {
        const index = this.indices.get(part);
        if (index) found.set(part, index);
      }
    }
    return [...found.values()];
  }

  create(name: string, cause: string): Index {
    const template = [...this.templates.entries()].find(([, t]) => t.patterns.some((p) => indexPattern(p).matches(name)));
    const settings = ((template?.[1].body as { settings?: { index?: Record<string, unknown> } } | undefined)?.settings?.index ?? {}) as Record<string, unknown>;
    const isKibana = name === '.kibana';
    const index: Index = {
      name,
      uuid: this.randomId(22),
      shards: Number(settings.number_of_shards ?? (isKibana ? 1 : 5)),
      replicas: 1,
      refreshMs: settings.refresh_interval === '5s' ? 5000 : 1000,
      docs: new Map(),
      mappedTypes: new Set(),
    };
    this.indices.set(name, index);
    this.log(
      'INFO',
      'o.e.c.m.MetaDataCreateIndexService',
      `[${name}] creating index, cause [${cause}], templates [${template?.[0] ?? ''}], shards [${index.shards}]/[1], mappings [${template || isKibana ? 'doc' : ''}]`,
    );
    if (isKibana) {
      index.replicas = 0;
      this.log('INFO', 'o.e.c.r.a.AllocationService', `updating number_of_replicas to [0] for indices [${name}]`);
    }
    // A new index is red until its primaries start; the log reports where the cluster lands.
    const after = this.clusterHealth();
    this.log(
      'INFO',
      'o.e.c.r.a.AllocationService',
      `Cluster health status changed from [RED] to [${after.toUpperCase()}] (reason: [shards started [[${name}][${index.shards - 1}]] ...]).`,
    );
    return index;
  }

  indexDoc(indexName: string, type: string, id: string | undefined, source: Record<string, unknown>, cause: string): { index: Index; doc: Doc; created: boolean } {
    const index = this.indices.get(indexName) ?? this.create(indexName, cause);
    if (!index.mappedTypes.has(type)) {
      index.mappedTypes.add(type);
      this.log('INFO', 'o.e.c.m.MetaDataMappingService', `[${index.name}/${index.uuid}] update_mapping [${type}]`);
    }
    const docId = id ?? this.randomId(20);
    const existing = index.docs.get(docId);
    const text = JSON.stringify(source);
    const doc: Doc = { id: docId, type, source, version: (existing?.version ?? 0) + 1, seqNo: this.seqNo++, size: text.length, visibleAtMs: this.ctx.now() + index.refreshMs };
    index.docs.set(docId, doc);
    return { index, doc, created: !existing };
  }

  visible(index: Index): Doc[] {
    const now = this.ctx.now();
    return [...index.docs.values()].filter((d) => d.visibleAtMs <= now);
  }

  storeBytes(index: Index): number {
    const docs = this.visible(index);
    return docs.length === 0 ? 261 * index.shards : Math.round(docs.reduce((n, d) => n + d.size, 0) * 0.62) + 4_300 * index.shards;
  }
}

/** Java writes these doubles with a fraction even when whole: `"_score" : 1.0`. */
const DOUBLE_FIELDS = /("(?:_score|max_score|active_shards_percent_as_number)"\s?:\s?)(-?\d+)(?=[,\n}\s])/g;

function json(status: number, body: unknown, pretty: boolean): HttpResponse {
  const text = pretty ? `${prettyJson(body)}\n` : JSON.stringify(body);
  return { status, body: text.replace(DOUBLE_FIELDS, '$1$2.0'), contentType: 'application/json; charset=UTF-8' };
}

function indexNotFound(name: string, pretty: boolean): HttpResponse {
  const cause = { type: 'index_not_found_exception', reason: 'no such index', 'resource.type': 'index_or_alias', 'resource.id': name, index_uuid: '_na_', index: name };
  return json(404, { error: { root_cause: [cause], ...cause }, status: 404 }, pretty);
}

function parseBody(body: string): Record<string, unknown> | undefined {
  if (!body.trim()) return undefined;
  try {
    return JSON.parse(body) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** `_cat` tables: columns padded to their widest cell, numbers right-aligned. */
function catTable(headers: string[], rows: string[][], rightAligned: Set<string>, verbose: boolean): string {
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

function search(cluster: Cluster, indices: Index[], request: HttpRequest, pretty: boolean): HttpResponse {
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

function bulk(cluster: Cluster, request: HttpRequest, defaultIndex: string | undefined, pretty: boolean): HttpResponse {
  const lines = request.body.split('\n').filter((l) => l.trim());
  const items: unknown[] = [];
  for (let i = 0; i < lines.length; i++) {
    const action = parseBody(lines[i]!);
    const [[verb, meta]] = Object.entries(action ?? { invalid: {} }) as [[string, { _index?: string; _type?: string; _id?: string }]];
    if (verb !== 'index' && verb !== 'create') continue;
    const source = parseBody(lines[++i] ?? '') ?? {};
    const { index, doc, created } = cluster.indexDoc(meta._index ?? defaultIndex ?? '', meta._type ?? 'doc', meta._id, source, 'auto(bulk api)');
    items.push({
      [verb]: {
        _index: index.name,
        _type: doc.type,
        _id: doc.id,
        _version: doc.version,
        result: created ? 'created' : 'updated',
        _shards: { total: 2, successful: 1, failed: 0 },
        _seq_no: doc.seqNo,
        _primary_term: 1,
        status: created ? 201 : 200,
      },
    });
  }
  return json(200, { took: 3 + Math.floor(cluster.ctx.random() * 20), errors: false, items }, pretty);
}

function handle(cluster: Cluster, request: HttpRequest): HttpResponse {
  const pretty = 'pretty' in request.query;
  const method = request.method === 'HEAD' ? 'GET' : request.method;
  const parts = request.pathname
    .split('/')
    .filter(Boolean)
    .map((p) => decodeURIComponent(p));
  const [first, second, third] = parts;
  const noHandler = () => json(400, { error: `no handler found for uri [${request.path}] and method [${request.method}]` }, pretty);
  if (parts.length === 0)
    return method === 'GET'
      ? json(200, { name: cluster.nodeName, cluster_name: cluster.clusterName, cluster_uuid: cluster.randomClusterUuid, version: VERSION, tagline: 'You Know, for Search' }, true)
      : noHandler();
  if (first === '_cat') {
    const verbose = 'v' in request.query;
    if (second === 'indices') {
      const indices = [...cluster.indices.values()].sort((a, b) => a.name.localeCompare(b.name));
      const rows = indices.map((i) => {
        const store = cluster.storeBytes(i);
        return [cluster.health(i), 'open', i.name, i.uuid, String(i.shards), String(i.replicas), String(cluster.visible(i).length), '0', byteSize(store), byteSize(store)];
      });
      const headers = ['health', 'status', 'index', 'uuid', 'pri', 'rep', 'docs.count', 'docs.deleted', 'store.size', 'pri.store.size'];
      return {
        status: 200,
        body: catTable(headers, rows, new Set(['pri', 'rep', 'docs.count', 'docs.deleted', 'store.size', 'pri.store.size']), verbose),
        contentType: 'text/plain; charset=UTF-8',
      };
    }
    if (second === 'health') {
      const now = cluster.ctx.now();
      const shards = [...cluster.indices.values()].reduce((n, i) => n + i.shards, 0);
      const unassigned = [...cluster.indices.values()].reduce((n, i) => n + i.shards * i.replicas, 0);
      const active = shards + unassigned === 0 ? '100.0%' : `${((shards / (shards + unassigned)) * 100).toFixed(1)}%`;
      const time = new Date(now).toISOString().slice(11, 19);
      const headers = [
        'epoch',
        'timestamp',
        'cluster',
        'status',
        'node.total',
        'node.data',
        'shards',
        'pri',
        'relo',
        'init',
        'unassign',
        'pending_tasks',
        'max_task_wait_time',
        'active_shards_percent',
      ];
      const row = [
        String(Math.floor(now / 1000)),
        time,
        cluster.clusterName,
        cluster.clusterHealth(),
        '1',
        '1',
        String(shards),
        String(shards),
        '0',
        '0',
        String(unassigned),
        '0',
        '-',
        active,
      ];
      return { status: 200, body: catTable(headers, [row], new Set(), verbose), contentType: 'text/plain; charset=UTF-8' };
    }
    return noHandler();
  }
  if (first === '_cluster' && second === 'health') {
    const shards = [...cluster.indices.values()].reduce((n, i) => n + i.shards, 0);
    const unassigned = [...cluster.indices.values()].reduce((n, i) => n + i.shards * i.replicas, 0);
    return json(
      200,
      {
        cluster_name: cluster.clusterName,
        status: cluster.clusterHealth(),
        timed_out: false,
        number_of_nodes: 1,
        number_of_data_nodes: 1,
        active_primary_shards: shards,
        active_shards: shards,
        relocating_shards: 0,
        initializing_shards: 0,
        unassigned_shards: unassigned,
        delayed_unassigned_shards: 0,
        number_of_pending_tasks: 0,
        number_of_in_flight_fetch: 0,
        task_max_waiting_in_queue_millis: 0,
        active_shards_percent_as_number: shards + unassigned === 0 ? 100.0 : (shards / (shards + unassigned)) * 100,
      },
      pretty,
    );
  }
  if (first === '_bulk' && (method === 'POST' || method === 'PUT')) return bulk(cluster, request, undefined, pretty);
  if (first === '_template' && second) {
    if (method === 'PUT' || method === 'POST') {
      const body = parseBody(request.body) ?? {};
      const patterns = (body.index_patterns as string[] | undefined) ?? (body.template ? [String(body.template)] : []);
      if (body.template) cluster.log('WARN', 'o.e.d.a.a.i.t.p.PutIndexTemplateRequest', 'Deprecated field [template] used, replaced by [index_patterns]');
      cluster.templates.set(second, { patterns, body });
      cluster.log('INFO', 'o.e.c.m.MetaDataIndexTemplateService', `adding template [${second}] for index patterns [${patterns.join(', ')}]`);
      return json(200, { acknowledged: true }, pretty);
    }
    const template = cluster.templates.get(second);
    return template ? json(200, { [second]: { order: 1, index_patterns: template.patterns, ...(template.body as object) } }, pretty) : json(404, {}, pretty);
  }
  if (first === '_search' || first === '_count')
    return first === '_search' ? search(cluster, cluster.resolve('_all'), request, pretty) : count(cluster, cluster.resolve('_all'), pretty);
  if (first!.startsWith('_')) return noHandler();
  // /<index>[/...]
  const expression = first!;
  if (second === '_search' || second === '_count') {
    const indices = cluster.resolve(expression);
    if (indices.length === 0 && !expression.includes('*')) return indexNotFound(expression, pretty);
    return second === '_search' ? search(cluster, indices, request, pretty) : count(cluster, indices, pretty);
  }
  if (second === '_bulk') return bulk(cluster, request, expression, pretty);
  if (second === undefined) {
    if (method === 'DELETE') {
      const indices = cluster.resolve(expression);
      if (indices.length === 0) return indexNotFound(expression, pretty);
      for (const index of indices) {
        cluster.indices.delete(index.name);
        cluster.log('INFO', 'o.e.c.m.MetaDataDeleteIndexService', `[${index.name}/${index.uuid}] deleting index`);
      }
      return json(200, { acknowledged: true }, pretty);
    }
    if (method === 'PUT') {
      if (cluster.indices.has(expression)) {
        const index = cluster.indices.get(expression)!;
        const cause = { type: 'resource_already_exists_exception', reason: `index [${expression}/${index.uuid}] already exists`, index_uuid: index.uuid, index: expression };
        return json(400, { error: { root_cause: [cause], ...cause }, status: 400 }, pretty);
      }
      cluster.create(expression, 'api');
      return json(200, { acknowledged: true, shards_acknowledged: true, index: expression }, pretty);
    }
    const indices = cluster.resolve(expression);
    if (indices.length === 0) return expression.includes('*') ? json(200, {}, pretty) : indexNotFound(expression, pretty);
    return json(
      200,
      Object.fromEntries(
        indices.map((i) => [
          i.name,
          { aliases: {}, mappings: {}, settings: { index: { number_of_shards: String(i.shards), number_of_replicas: String(i.replicas), uuid: i.uuid, provided_name: i.name } } },
        ]),
      ),
      pretty,
    );
  }
  // /<index>/<type>[/<id>]
  if (method === 'POST' || method === 'PUT') {
    const source = parseBody(request.body);
    if (!source)
      return json(
        400,
        { error: { root_cause: [{ type: 'parse_exception', reason: 'request body is required' }], type: 'parse_exception', reason: 'request body is required' }, status: 400 },
        pretty,
      );
    const { index, doc, created } = cluster.indexDoc(expression, second, third, source, 'auto(index api)');
    return json(
      created ? 201 : 200,
      {
        _index: index.name,
        _type: doc.type,
        _id: doc.id,
        _version: doc.version,
        result: created ? 'created' : 'updated',
        _shards: { total: 2, successful: 1, failed: 0 },
        _seq_no: doc.seqNo,
        _primary_term: 1,
      },
      pretty,
    );
  }
  if (third) {
    const index = cluster.indices.get(expression);
    if (!index) return indexNotFound(expression, pretty);
    const doc = index.docs.get(third);
    return doc
      ? json(200, { _index: index.name, _type: doc.type, _id: doc.id, _version: doc.version, found: true, _source: doc.source }, pretty)
      : json(404, { _index: index.name, _type: second, _id: third, found: false }, pretty);
  }
  return noHandler();
}

function count(cluster: Cluster, indices: Index[], pretty: boolean): HttpResponse {
  const shards = indices.reduce((n, i) => n + i.shards, 0);
  return json(200, { count: indices.reduce((n, i) => n + cluster.visible(i).length, 0), _shards: { total: shards, successful: shards, skipped: 0, failed: 0 } }, pretty);
}

export async function elasticsearchApp(ctx: AppContext): Promise<number> {
  const nodeId = Array.from({ length: 22 }, () => BASE64URL[Math.floor(ctx.random() * 64)]).join('');
  const nodeName = ctx.env['node.name'] || nodeId.slice(0, 7);
  const clusterName = ctx.env['cluster.name'] || 'docker-cluster';
  const line = (level: string, category: string, message: string) => {
    const padded = category.length < 25 ? category.padEnd(25) : category;
    ctx.log(`[${log4jTime(ctx.now())}][${level.padEnd(5)}][${padded}] [${nodeName}] ${message}`);
  };
  const step = async (ms: number) => ctx.sleep(ms + Math.floor(ctx.random() * ms * 0.3));
  ctx.log('OpenJDK 64-Bit Server VM warning: Option UseConcMarkSweepGC was deprecated in version 9.0 and will likely be removed in a future release.');
  await step(3_500);
  line('INFO', 'o.e.e.NodeEnvironment', 'using [1] data paths, mounts [[/ (overlay)]], net usable_space [663.2gb], net total_space [718.5gb], types [overlay]');
  line('INFO', 'o.e.e.NodeEnvironment', 'heap size [989.8mb], compressed ordinary object pointers [true]');
  line('INFO', 'o.e.n.Node', `node name derived from node ID [${nodeId}]; set [node.name] to override`);
  line(
    'INFO',
    'o.e.n.Node',
    'version[6.4.2], pid[1], build[default/tar/04711c2/2018-09-26T13:34:09.098244Z], OS[Linux/5.15.0-1083-gcp/amd64], JVM[Oracle Corporation/OpenJDK 64-Bit Server VM/10.0.2/10.0.2+13]',
  );
  line(
    'INFO',
    'o.e.n.Node',
    `JVM arguments [-Xms1g, -Xmx1g, -XX:+UseConcMarkSweepGC, -XX:CMSInitiatingOccupancyFraction=75, -XX:+UseCMSInitiatingOccupancyOnly, -XX:+AlwaysPreTouch, -Xss1m, -Djava.awt.headless=true, -Dfile.encoding=UTF-8, -Djna.nosys=true, -XX:-OmitStackTraceInFastThrow, -Dio.netty.noUnsafe=true, -Dio.netty.noKeySetOptimization=true, -Dio.netty.recycler.maxCapacityPerThread=0, -Dlog4j.shutdownHookEnabled=false, -Dlog4j2.disable.jmx=true, -Djava.io.tmpdir=/tmp/elasticsearch.${Math.floor(ctx.random() * 9e18)}, -XX:+HeapDumpOnOutOfMemoryError, -XX:HeapDumpPath=data, -XX:ErrorFile=logs/hs_err_pid%p.log, -Xlog:gc*,gc+age=trace,safepoint:file=logs/gc.log:utctime,pid,tags:filecount=32,filesize=64m, -Djava.locale.providers=COMPAT, -XX:UseAVX=2, -Des.cgroups.hierarchy.override=/, ${ctx.env.ES_JAVA_OPTS ? `${ctx.env.ES_JAVA_OPTS.split(/\s+/).join(', ')}, ` : ''}-Des.path.home=/usr/share/elasticsearch, -Des.path.conf=/usr/share/elasticsearch/config, -Des.distribution.flavor=default, -Des.distribution.type=tar]`,
  );
  await step(4_000);
  for (const module of MODULES) line('INFO', 'o.e.p.PluginsService', `loaded module [${module}]`);
  line('INFO', 'o.e.p.PluginsService', 'no plugins loaded');
  await step(5_000);
  line('INFO', 'o.e.x.s.a.s.FileRolesStore', 'parsed [0] roles from file [/usr/share/elasticsearch/config/roles.yml]');
  line(
    'INFO',
    'o.e.x.m.j.p.l.CppLogMessageHandler',
    `[controller/${80 + Math.floor(ctx.random() * 40)}] [Main.cc@109] controller (64 bit): Version 6.4.2 (Build 660eefe6f2ea55) Copyright (c) 2018 Elasticsearch BV`,
  );
  const singleNode = ctx.env['discovery.type'] === 'single-node';
  line('INFO', 'o.e.d.DiscoveryModule', `using discovery type [${singleNode ? 'single-node' : 'zen'}]`);
  await step(3_000);
  line('INFO', 'o.e.n.Node', 'initialized');
  line('INFO', 'o.e.n.Node', 'starting ...');
  await step(1_500);
  line('INFO', 'o.e.t.TransportService', `publish_address {${ctx.podIP}:9300}, bound_addresses {0.0.0.0:9300}`);
  if (!singleNode) {
    // Bound to a non-loopback address without single-node discovery, the bootstrap checks apply.
    line('INFO', 'o.e.b.BootstrapChecks', 'bound or publishing to a non-loopback address, enforcing bootstrap checks');
    ctx.log('ERROR: [1] bootstrap checks failed');
    ctx.log('[1]: max virtual memory areas vm.max_map_count [65530] is too low, increase to at least [262144]');
    line('INFO', 'o.e.n.Node', 'stopping ...');
    line('INFO', 'o.e.n.Node', 'stopped');
    line('INFO', 'o.e.n.Node', 'closing ...');
    line('INFO', 'o.e.n.Node', 'closed');
    return 78;
  }
  const cluster = new Cluster(ctx, nodeName, clusterName, line);
  cluster.randomClusterUuid = cluster.randomId(22);
  ctx.serve(9300, () => ({ status: 400, body: 'This is not an HTTP port', contentType: 'text/plain' }));
  ctx.serve(9200, (request) => handle(cluster, request));
  line('INFO', 'o.e.x.s.t.n.SecurityNetty4HttpServerTransport', `publish_address {${ctx.podIP}:9200}, bound_addresses {0.0.0.0:9200}`);
  line('INFO', 'o.e.n.Node', 'started');
  await step(600);
  line('INFO', 'o.e.g.GatewayService', 'recovered [0] indices into cluster_state');
  for (const [name, pattern] of [
    ['.watch-history-9', '.watcher-history-9*'],
    ['.triggered_watches', '.triggered_watches*'],
    ['.watches', '.watches*'],
    ['.monitoring-logstash', '.monitoring-logstash-6-*'],
    ['.monitoring-es', '.monitoring-es-6-*'],
    ['.monitoring-alerts', '.monitoring-alerts-6'],
    ['.monitoring-beats', '.monitoring-beats-6-*'],
    ['.monitoring-kibana', '.monitoring-kibana-6-*'],
  ] as const) {
    cluster.templates.set(name, { patterns: [pattern], body: {} });
    line('INFO', 'o.e.c.m.MetaDataIndexTemplateService', `adding template [${name}] for index patterns [${pattern}]`);
  }
  line(
    'INFO',
    'o.e.l.LicenseService',
    `license [${cluster.randomId(8).toLowerCase()}-${cluster.randomId(4).toLowerCase()}-4${cluster.randomId(3).toLowerCase()}-a${cluster.randomId(3).toLowerCase()}-${cluster.randomId(12).toLowerCase()}] mode [basic] - valid`,
  );
  await ctx.terminated;
  line('INFO', 'o.e.n.Node', 'stopping ...');
  line('INFO', 'o.e.n.Node', 'stopped');
  line('INFO', 'o.e.n.Node', 'closing ...');
  line('INFO', 'o.e.n.Node', 'closed');
  return 143;
}

export const elasticsearch: ImageSpec = {
  repository: 'docker.elastic.co/elasticsearch/elasticsearch',
  tags: ['6.4.2'],
  entrypoint: ['/usr/local/bin/docker-entrypoint.sh'],
  cmd: ['eswrapper'],
  env: { PATH: '/usr/share/elasticsearch/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', ELASTIC_CONTAINER: 'true', JAVA_HOME: '/opt/jdk-10.0.2' },
  workingDir: '/usr/share/elasticsearch',
  binaries: [...COREUTILS_TOOLS, 'curl'],
  userland: 'gnu',
  apps: { '/usr/local/bin/docker-entrypoint.sh': elasticsearchApp, 'docker-entrypoint.sh': elasticsearchApp },
  files: {
    '/usr/share/elasticsearch/config/elasticsearch.yml': 'cluster.name: "docker-cluster"\nnetwork.host: 0.0.0.0\ndiscovery.zen.minimum_master_nodes: 1\n',
    '/usr/share/elasticsearch/data/': '',
    '/usr/share/elasticsearch/logs/': '',
  },
  sizeBytes: 828_000_000,
  stopsOnSigterm: true,
};
