/**
 * kibana:6.4.2: the Kibana UI on port 5601, talking to the Elasticsearch at ELASTICSEARCH_URL
 * (default http://elasticsearch:9200) through the pod network. For a while after start — and until
 * Elasticsearch answers — every page is `Kibana server is not ready yet` (503). Then `/` and
 * `/app/kibana` show Discover for the index pattern `filebeat-*`: the newest documents of the last
 * 15 minutes, fetched from Elasticsearch on each request. Logs are Kibana's JSON lines.
 */
import type { AppContext, HttpRequest, HttpResponse, ImageSpec } from './image.ts';
import { COREUTILS_TOOLS } from './tool-sets.ts';

const VERSION = '6.4.2';
const PLUGINS = [
  'kibana',
  'elasticsearch',
  'xpack_main',
  'searchprofiler',
  'ml',
  'tilemap',
  'watcher',
  'grokdebugger',
  'logstash',
  'beats_management',
  'index_management',
  'console',
  'apm',
  'monitoring',
  'graph',
  'spaces',
  'security',
  'reporting',
  'license_management',
  'rollup',
  'timelion',
];
/** Optimising bundles and migrating saved objects: the UI stays unavailable at least this long. */
const WARM_UP_MS = 75_000;
const PING_MS = 2_500;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function ordinal(day: number): string {
  const teen = day % 100 >= 11 && day % 100 <= 13;
  const suffix = teen ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[day % 10] ?? 'th');
  return `${day}${suffix}`;
}

/** Kibana's default dateFormat `MMMM Do YYYY, HH:mm:ss.SSS` (the browser here is in UTC). */
export function kibanaDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const t = d.toISOString();
  return `${MONTHS[d.getUTCMonth()]} ${ordinal(d.getUTCDate())} ${d.getUTCFullYear()}, ${t.slice(11, 23)}`;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function flatten(value: unknown, prefix = '', out: [string, string][] = []): [string, string][] {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.push([prefix, typeof value === 'string' ? value : JSON.stringify(value)]);
  return out;
}

// In a frame as narrow as the lab's preview pane the field list folds away, as Kibana's sidebar collapses, to leave the hits readable.
const STYLE = `body{margin:0;font-family:"Open Sans",Helvetica,Arial,sans-serif;font-size:14px;color:#3f3f3f;background:#fff}
.kbn-nav{position:fixed;top:0;bottom:0;left:0;width:53px;background:#222}
.kbn-nav span{display:block;color:#fff;font-size:11px;text-align:center;padding:12px 0}
main{margin-left:53px;padding:0 16px}
.kuiLocalNav{display:flex;justify-content:space-between;align-items:center;border-bottom:1px solid #d9d9d9;padding:8px 0}
.kuiLocalTitle{font-size:18px}
.discover-sidebar{float:left;width:200px;padding-top:10px;color:#666}
.discover-wrapper{margin-left:216px}
.hits{font-size:20px;margin:12px 0}
table.kbn-table{width:100%;border-collapse:collapse}
table.kbn-table th{text-align:left;border-bottom:1px solid #d9d9d9;padding:4px}
table.kbn-table td{vertical-align:top;border-bottom:1px solid #eee;padding:4px;font-size:12px}
dl.source{margin:0;word-break:break-all}
dl.source dt{display:inline;font-weight:bold;background:#e4e4e4;padding:0 2px;margin-right:4px}
dl.source dd{display:inline;margin:0 8px 0 0}
.empty{margin:60px auto;max-width:640px}
@media (max-width:720px){.discover-sidebar{display:none}.discover-wrapper{margin-left:0}}`;

function page(title: string, body: string): HttpResponse {
  return {
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n<nav class="kbn-nav"><span>kibana</span><span>Discover</span><span>Visualize</span><span>Dashboard</span><span>Timelion</span><span>Dev Tools</span><span>Monitoring</span><span>Management</span></nav>\n<main>\n${body}\n</main>\n</body>\n</html>\n`,
  };
}

interface SearchResponse {
  _shards?: { total: number };
  hits?: { total: number; hits: { _id: string; _type: string; _index: string; _source: Record<string, unknown> }[] };
}

async function discover(ctx: AppContext, esUrl: string): Promise<HttpResponse> {
  const since = new Date(ctx.now() - 15 * 60_000).toISOString();
  const result = await ctx.network.request({
    method: 'POST',
    url: `${esUrl}/filebeat-*/_search`,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      size: 50,
      sort: [{ '@timestamp': { order: 'desc', unmapped_type: 'boolean' } }],
      query: { bool: { must: [{ match_all: {} }], filter: [{ range: { '@timestamp': { gte: since } } }] } },
    }),
    timeoutMs: 30_000,
  });
  if (result.error || (result.status ?? 500) >= 500) return statusPage(esUrl);
  let response: SearchResponse = {};
  try {
    response = JSON.parse(result.body ?? '{}') as SearchResponse;
  } catch {
    return statusPage(esUrl);
  }
  if (!response._shards?.total) {
    return page(
      'Management - Kibana',
      `<div class="kuiLocalNav"><span class="kuiLocalTitle">Management / Kibana / Index Patterns</span></div>
<div class="empty"><h2>Couldn't find any Elasticsearch data</h2>
<p>You'll need to index some data into Elasticsearch before you can create an index pattern.</p>
<p>Index pattern: <code>filebeat-*</code></p></div>`,
    );
  }
  const hits = response.hits?.hits ?? [];
  const total = response.hits?.total ?? 0;
  const rows = hits
    .map((hit) => {
      const time = kibanaDate(String(hit._source['@timestamp'] ?? ''));
      const fields = flatten(hit._source).map(([k, v]) => [k, k === '@timestamp' ? kibanaDate(v) : v] as const);
      const meta: [string, string][] = [
        ['_id', hit._id],
        ['_type', hit._type],
        ['_index', hit._index],
        ['_score', ' - '],
      ];
      const source = [...fields, ...meta].map(([k, v]) => `<dt>${escapeHtml(k)}:</dt><dd>${escapeHtml(v)}</dd>`).join(' ');
      return `<tr><td class="time">${escapeHtml(time)}</td><td><dl class="source">${source}</dl></td></tr>`;
    })
    .join('\n');
  const results = hits.length
    ? `<table class="kbn-table"><thead><tr><th>Time</th><th>_source</th></tr></thead>\n<tbody>\n${rows}\n</tbody></table>`
    : '<div class="empty"><h2>No results match your search criteria</h2><p>Expand your time range.</p></div>';
  return page(
    'Discover - Kibana',
    `<div class="kuiLocalNav"><span class="kuiLocalTitle">Discover</span><span>Last 15 minutes</span></div>
<div class="discover-sidebar"><div class="index-pattern"><strong>filebeat-*</strong></div><p>Selected fields</p><p>_source</p></div>
<div class="discover-wrapper"><div class="hits"><strong>${total}</strong> hits</div>
${results}
</div>`,
  );
}

function statusPage(esUrl: string): HttpResponse {
  const response = page(
    'Kibana status',
    `<div class="kuiLocalNav"><span class="kuiLocalTitle">Status: Red</span></div>
<table class="kbn-table"><tbody><tr><td>plugin:elasticsearch@${VERSION}</td><td>Unable to connect to Elasticsearch at ${escapeHtml(esUrl)}.</td></tr></tbody></table>`,
  );
  return { ...response, status: 503 };
}

function contentLength(bytes: number): string {
  return bytes < 1024 ? `${bytes.toFixed(1)}B` : `${(bytes / 1024).toFixed(1)}KB`;
}

export async function kibanaApp(ctx: AppContext): Promise<number> {
  const esUrl = (ctx.env.ELASTICSEARCH_URL || 'http://elasticsearch:9200').replace(/\/$/, '');
  const stamp = () => `${new Date(ctx.now()).toISOString().slice(0, 19)}Z`;
  const log = (tags: string[], message: string, status?: { state: string; prevState: string; prevMsg: string }) =>
    ctx.log(
      JSON.stringify({
        type: 'log',
        '@timestamp': stamp(),
        tags,
        pid: 1,
        ...(status ? { state: status.state, message, prevState: status.prevState, prevMsg: status.prevMsg } : { message }),
      }),
    );
  const states = new Map<string, { state: string; message: string }>();
  const setStatus = (plugin: string, state: 'green' | 'yellow' | 'red', message: string) => {
    const previous = states.get(plugin) ?? { state: 'uninitialized', message: 'uninitialized' };
    if (previous.state === state && previous.message === message) return;
    states.set(plugin, { state, message });
    log(['status', `plugin:${plugin}@${VERSION}`, state === 'red' ? 'error' : 'info'], `Status changed from ${previous.state} to ${state} - ${message}`, {
      state,
      prevState: previous.state,
      prevMsg: previous.message,
    });
  };
  const startedAt = ctx.now();
  let ready = false;
  const respond = async (request: HttpRequest): Promise<HttpResponse> => {
    if (!ready) return { status: 503, body: 'Kibana server is not ready yet', contentType: 'text/plain; charset=utf-8' };
    const began = ctx.now();
    let response: HttpResponse;
    if (request.pathname === '/' || request.pathname === '/app/kibana' || request.pathname === '/app/kibana/discover') response = await discover(ctx, esUrl);
    else if (request.pathname === '/api/status') {
      response = {
        status: 200,
        contentType: 'application/json; charset=utf-8',
        body: JSON.stringify({
          name: ctx.hostname,
          version: { number: VERSION, build_hash: 'a7c7e0b8ef9e1b4b4f4d3d8b0d2b2a5d9a9a0e7c', build_number: 18010, build_snapshot: false },
          status: {
            overall: { state: 'green', title: 'Green', nickname: 'Looking good', icon: 'success' },
            statuses: [...states].map(([id, s]) => ({ id: `plugin:${id}@${VERSION}`, state: s.state, message: s.message })),
          },
        }),
      };
    } else if (request.method === 'POST' && request.pathname.startsWith('/api/saved_objects/index-pattern')) {
      response = {
        status: 200,
        contentType: 'application/json; charset=utf-8',
        body: JSON.stringify({ id: request.pathname.split('/').pop(), type: 'index-pattern', version: 1, attributes: { title: 'filebeat-*', timeFieldName: '@timestamp' } }),
      };
    } else response = { status: 404, contentType: 'application/json; charset=utf-8', body: JSON.stringify({ statusCode: 404, error: 'Not Found', message: 'Not Found' }) };
    const took = ctx.now() - began + 12 + Math.floor(ctx.random() * 40);
    const method = request.method.toLowerCase();
    ctx.log(
      JSON.stringify({
        type: 'response',
        '@timestamp': stamp(),
        tags: [],
        pid: 1,
        method,
        statusCode: response.status,
        req: { url: request.path, method, headers: request.headers, remoteAddress: request.remoteAddress, userAgent: request.remoteAddress },
        res: { statusCode: response.status, responseTime: took, contentLength: response.body.length },
        message: `${request.method} ${request.path} ${response.status} ${took}ms - ${contentLength(response.body.length)}`,
      }),
    );
    return response;
  };

  await ctx.sleep(4_000 + Math.floor(ctx.random() * 1_500));
  setStatus('kibana', 'green', 'Ready');
  for (const plugin of PLUGINS.slice(1)) setStatus(plugin, 'yellow', 'Waiting for Elasticsearch');
  ctx.serve(5601, respond);
  let esSeenAt: number | undefined;
  let savedObjects = false;
  let stopping = false;
  void ctx.terminated.then(() => (stopping = true));
  while (!stopping) {
    const ping = await ctx.network.request({ method: 'GET', url: `${esUrl}/`, timeoutMs: 30_000 });
    if (ping.error) {
      log(['warning', 'elasticsearch', 'admin'], `Unable to revive connection: ${esUrl}/`);
      log(['warning', 'elasticsearch', 'admin'], 'No living connections');
      for (const plugin of PLUGINS.slice(1)) setStatus(plugin, 'red', `Unable to connect to Elasticsearch at ${esUrl}.`);
      esSeenAt = undefined;
    } else {
      esSeenAt ??= ctx.now();
      for (const plugin of PLUGINS.slice(1)) setStatus(plugin, 'green', 'Ready');
      if (!savedObjects) {
        savedObjects = true;
        await ctx.network.request({
          method: 'PUT',
          url: `${esUrl}/_template/kibana_index_template:.kibana`,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ template: '.kibana', settings: { number_of_shards: 1, auto_expand_replicas: '0-1' }, mappings: { doc: {} } }),
          timeoutMs: 30_000,
        });
        const config = JSON.stringify({ type: 'config', config: { buildNum: 18010 }, updated_at: new Date(ctx.now()).toISOString() });
        const pattern = JSON.stringify({
          type: 'index-pattern',
          'index-pattern': { title: 'filebeat-*', timeFieldName: '@timestamp' },
          updated_at: new Date(ctx.now()).toISOString(),
        });
        await ctx.network.request({
          method: 'POST',
          url: `${esUrl}/_bulk`,
          headers: { 'content-type': 'application/x-ndjson' },
          body: `{"index":{"_index":".kibana","_type":"doc","_id":"config:${VERSION}"}}\n${config}\n{"index":{"_index":".kibana","_type":"doc","_id":"index-pattern:filebeat-*"}}\n${pattern}\n`,
          timeoutMs: 30_000,
        });
      }
      if (!ready && ctx.now() - startedAt >= WARM_UP_MS && ctx.now() - esSeenAt >= 5_000) {
        ready = true;
        log(['info', 'monitoring-ui', 'kibana-monitoring'], 'Starting monitoring stats collection');
        log(['listening', 'info'], 'Server running at http://0:5601');
      }
    }
    await Promise.race([ctx.sleep(PING_MS), ctx.terminated]);
  }
  return 0;
}

async function dumbInit(ctx: AppContext): Promise<number> {
  const rest = ctx.argv.slice(ctx.argv[1] === '--' ? 2 : 1);
  const program = rest[0] ?? '';
  if (program.endsWith('kibana-docker')) return kibanaApp({ ...ctx, argv: rest });
  ctx.logError(`[dumb-init] ${program}: No such file or directory`);
  return 2;
}

export const kibana: ImageSpec = {
  repository: 'docker.io/library/kibana',
  tags: ['6.4.2'],
  entrypoint: ['/usr/local/bin/dumb-init', '--'],
  cmd: ['/usr/local/bin/kibana-docker'],
  env: { PATH: '/usr/share/kibana/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', ELASTIC_CONTAINER: 'true' },
  workingDir: '/usr/share/kibana',
  binaries: [...COREUTILS_TOOLS, 'curl'],
  userland: 'gnu',
  apps: { '/usr/local/bin/dumb-init': dumbInit, '/usr/local/bin/kibana-docker': kibanaApp, 'kibana-docker': kibanaApp },
  files: { '/usr/share/kibana/config/kibana.yml': 'server.name: kibana\nserver.host: "0"\nelasticsearch.url: http://elasticsearch:9200\n' },
  sizeBytes: 744_000_000,
  stopsOnSigterm: true,
};
