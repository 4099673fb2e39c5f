/**
 * docker.elastic.co/elasticsearch/elasticsearch:6.4.2: a single-node Elasticsearch that keeps its
 * documents in memory. It takes a few tens of seconds to start (the HTTP port refuses connections
 * until `started`), refuses to start outside single-node discovery (the vm.max_map_count
 * bootstrap check), and serves the REST calls the logging lab needs: `GET /`, `_cat/indices`,
 * `_cat/health`, `_cluster/health`, `_bulk`, document index/get, `_search`, `_count`, index
 * templates and index deletion. Logs use the image's log4j layout.
 */
import type { AppContext, HttpRequest, HttpResponse, ImageSpec } from './image.ts';
import { COREUTILS_TOOLS } from './tool-sets.ts';
import { BASE64URL, Cluster, type Index } from './elasticsearch-cluster.ts';
import { byteSize, catTable, indexNotFound, json, parseBody, prettyJson } from './elasticsearch-responses.ts';
import { count, search } from './elasticsearch-search.ts';

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

/** log4j's `%d{ISO8601}`: `2026-11-22T22:00:05,123`. */
function log4jTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 19)},${iso.slice(20, 23)}`;
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
