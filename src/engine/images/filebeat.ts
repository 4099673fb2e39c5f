/**
 * kodekloud/filebeat-configured: Filebeat 6.4.2 with a baked configuration that tails
 * /var/log/event-simulator/*.log inside its own container and ships each new line to
 * http://elasticsearch:9200 as a document of the daily index `filebeat-6.4.2-YYYY.MM.DD`
 * (bulk requests; the index template is loaded first). While Elasticsearch is unreachable it
 * keeps the lines queued and reconnects with back-off (1 s doubling to 60 s). Logs go to stderr
 * (`-e`) in libbeat's tab-separated layout.
 */
import type { AppContext, ImageSpec } from './image.ts';
import type { HttpResult } from '../kubelet/tool-runner.ts';
import { COREUTILS_TOOLS } from './tool-sets.ts';

const VERSION = '6.4.2';
const INPUT_DIR = '/var/log/event-simulator';
const HOST = 'elasticsearch:9200';
const URL = `http://${HOST}`;
const OUTPUT = `backoff(elasticsearch(${URL}))`;
const SCAN_MS = 10_000;
const BULK_MAX = 50;
const QUEUE_MAX = 4096;
const BACKOFF_MAX_MS = 60_000;
const TEMPLATE = {
  index_patterns: [`filebeat-${VERSION}-*`],
  settings: { index: { 'mapping.total_fields.limit': 10000, number_of_routing_shards: 30, number_of_shards: 3, refresh_interval: '5s' } },
  mappings: {
    doc: {
      _meta: { version: VERSION },
      date_detection: false,
      properties: { '@timestamp': { type: 'date' }, message: { type: 'text', norms: false }, source: { type: 'keyword' }, offset: { type: 'long' } },
    },
  },
};

const CONFIG = `filebeat.inputs:
- type: log
  paths:
    - ${INPUT_DIR}/*.log

output.elasticsearch:
  hosts: ["${HOST}"]
`;

interface Harvested {
  offset: number;
}

interface Event {
  atMs: number;
  source: string;
  offset: number;
  message: string;
}

function dialError(result: HttpResult): string {
  switch (result.error) {
    case 'unknown-host':
      return 'lookup elasticsearch on 10.96.0.10:53: no such host';
    case 'timeout':
      return `dial tcp ${result.address}: i/o timeout`;
    case 'no-route':
      return `dial tcp ${result.address}: connect: no route to host`;
    default:
      return `dial tcp ${result.address}: connect: connection refused`;
  }
}

export async function filebeatApp(ctx: AppContext): Promise<number> {
  const args = ctx.argv.slice(1);
  const toStderr = args.includes('-e');
  const fileLog: string[] = [];
  const logLine = (level: string, where: string, message: string, selector?: string) => {
    const line = [new Date(ctx.now()).toISOString(), level, ...(selector ? [`[${selector}]`] : []), where, message].join('\t');
    if (toStderr) ctx.logError(line);
    else fileLog.push(line);
  };
  const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(ctx.random() * 16)]).join('');
  const uuid = `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
  const home = '/usr/share/filebeat';

  logLine('INFO', 'instance/beat.go:544', `Home path: [${home}] Config path: [${home}] Data path: [${home}/data] Logs path: [${home}/logs]`);
  logLine('INFO', 'instance/beat.go:551', `Beat UUID: ${uuid}`);
  logLine(
    'INFO',
    'instance/beat.go:768',
    `Beat info\t{"system_info": {"beat": {"path": {"config": "${home}", "data": "${home}/data", "home": "${home}", "logs": "${home}/logs"}, "type": "filebeat", "uuid": "${uuid}"}}}`,
    'beat',
  );
  logLine(
    'INFO',
    'instance/beat.go:777',
    `Build info\t{"system_info": {"build": {"commit": "e193f6d68b25b7ddbe3a3ed8d60bc07fea1ef800", "libbeat": "${VERSION}", "time": "2018-09-26T12:43:08.000Z", "version": "${VERSION}"}}}`,
    'beat',
  );
  logLine('INFO', 'instance/beat.go:780', 'Go runtime info\t{"system_info": {"go": {"os":"linux","arch":"amd64","max_procs":16,"version":"go1.10.3"}}}', 'beat');
  logLine(
    'INFO',
    'instance/beat.go:784',
    `Host info\t{"system_info": {"host": {"architecture":"x86_64","containerized":true,"hostname":"${ctx.hostname}","ips":["127.0.0.1/8","${ctx.podIP}/24"],"kernel_version":"5.15.0-1083-gcp","os":{"family":"redhat","platform":"centos","name":"CentOS Linux","version":"7 (Core)","major":7,"minor":5,"patch":1804,"codename":"Core"},"timezone":"UTC","timezone_offset_sec":0}}}`,
    'beat',
  );
  logLine('INFO', 'instance/beat.go:273', `Setup Beat: filebeat; Version: ${VERSION}`);
  logLine('INFO', 'elasticsearch/client.go:163', `Elasticsearch url: ${URL}`);
  logLine('INFO', 'pipeline/module.go:98', `Beat name: ${ctx.hostname}`);
  logLine('INFO', 'instance/beat.go:367', 'filebeat start running.');
  logLine('INFO', 'log/log.go:114', 'Starting metrics logging every 30s', 'monitoring');
  logLine('INFO', 'registrar/registrar.go:134', `Loading registrar data from ${home}/data/registry`);
  logLine('INFO', 'registrar/registrar.go:141', 'States Loaded from registrar: 0');
  logLine('INFO', 'crawler/crawler.go:72', 'Loading Inputs: 1');
  logLine('INFO', 'log/input.go:138', `Configured paths: [${INPUT_DIR}/*.log]`);
  logLine('INFO', 'input/input.go:114', `Starting input of type: log; ID: ${Math.floor(ctx.random() * 9e18)} `);
  logLine('INFO', 'crawler/crawler.go:106', 'Loading and starting Inputs completed. Enabled inputs: 1');

  const harvested = new Map<string, Harvested>();
  const queue: Event[] = [];
  let connected = false;
  let attempts = 0;
  let nextConnectAt = 0;
  let backoffMs = 1000;
  let lastScan = -Infinity;
  let lastMetrics = ctx.now();
  const stats = { added: 0, acked: 0, batches: 0 };

  const scan = () => {
    let names: string[] = [];
    try {
      names = ctx.fs.exists(INPUT_DIR) && ctx.fs.stat(INPUT_DIR).kind === 'directory' ? ctx.fs.readdir(INPUT_DIR).filter((n) => n.endsWith('.log')) : [];
    } catch {
      names = [];
    }
    for (const name of names.sort()) {
      const path = `${INPUT_DIR}/${name}`;
      if (harvested.has(path) || ctx.fs.stat(path).kind !== 'file') continue;
      harvested.set(path, { offset: 0 });
      logLine('INFO', 'log/harvester.go:251', `Harvester started for file: ${path}`);
    }
  };

  const harvest = () => {
    for (const [path, state] of harvested) {
      if (queue.length >= QUEUE_MAX) return;
      let content: string;
      try {
        content = ctx.fs.readFile(path);
      } catch {
        continue;
      }
      if (content.length < state.offset) {
        logLine('INFO', 'log/harvester.go:297', `File was truncated. Begin reading file from offset 0: ${path}`);
        state.offset = 0;
      }
      while (queue.length < QUEUE_MAX) {
        const end = content.indexOf('\n', state.offset);
        if (end < 0) break;
        const message = content.slice(state.offset, end).replace(/\r$/, '');
        state.offset = end + 1;
        queue.push({ atMs: ctx.now(), source: path, offset: state.offset, message });
        stats.added++;
      }
    }
  };

  const connect = async (): Promise<boolean> => {
    attempts++;
    if (attempts === 1) logLine('INFO', 'pipeline/output.go:95', `Connecting to ${OUTPUT}`);
    else logLine('INFO', 'pipeline/output.go:93', `Attempting to reconnect to ${OUTPUT} with ${attempts - 1} reconnect attempt(s)`);
    const banner = await ctx.network.request({ method: 'GET', url: `${URL}/`, timeoutMs: 90_000 });
    if (banner.error) {
      logLine('ERROR', 'pipeline/output.go:100', `Failed to connect to ${OUTPUT}: Get ${URL}: ${dialError(banner)}`);
      nextConnectAt = ctx.now() + backoffMs;
      backoffMs = Math.min(backoffMs * 2, BACKOFF_MAX_MS);
      return false;
    }
    let version = VERSION;
    try {
      version = (JSON.parse(banner.body ?? '{}') as { version?: { number?: string } }).version?.number ?? VERSION;
    } catch {
      // Not Elasticsearch: the version stays unknown and the bulk requests will fail.
    }
    logLine('INFO', 'elasticsearch/client.go:712', `Connected to Elasticsearch version ${version}`);
    const existing = await ctx.network.request({ method: 'HEAD', url: `${URL}/_template/filebeat-${VERSION}`, timeoutMs: 90_000 });
    if (existing.status === 200) {
      logLine('INFO', 'template/load.go:129', 'Template already exists and will not be overwritten.');
    } else {
      logLine('INFO', 'template/load.go:82', `Loading template for Elasticsearch version: ${version}`);
      await ctx.network.request({
        method: 'PUT',
        url: `${URL}/_template/filebeat-${VERSION}`,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(TEMPLATE),
        timeoutMs: 90_000,
      });
      logLine('INFO', 'template/load.go:129', `Elasticsearch template with name 'filebeat-${VERSION}' loaded`);
    }
    logLine('INFO', 'pipeline/output.go:105', `Connection to ${OUTPUT} established`);
    connected = true;
    attempts = 0;
    backoffMs = 1000;
    return true;
  };

  const publish = async () => {
    while (queue.length > 0 && connected) {
      const batch = queue.slice(0, BULK_MAX);
      const body = batch
        .map((event) => {
          const day = new Date(event.atMs).toISOString().slice(0, 10).replace(/-/g, '.');
          const doc = {
            '@timestamp': new Date(event.atMs).toISOString(),
            source: event.source,
            offset: event.offset,
            message: event.message,
            prospector: { type: 'log' },
            input: { type: 'log' },
            beat: { name: ctx.hostname, hostname: ctx.hostname, version: VERSION },
            host: { name: ctx.hostname },
          };
          return `${JSON.stringify({ index: { _index: `filebeat-${VERSION}-${day}`, _type: 'doc' } })}\n${JSON.stringify(doc)}\n`;
        })
        .join('');
      const result = await ctx.network.request({ method: 'POST', url: `${URL}/_bulk`, headers: { 'content-type': 'application/x-ndjson' }, body, timeoutMs: 90_000 });
      if (result.error || (result.status ?? 500) >= 300) {
        const why = result.error ? `Post ${URL}/_bulk: ${dialError(result)}` : `${result.status} ${result.body ?? ''}`;
        logLine('ERROR', 'elasticsearch/client.go:317', `Failed to perform any bulk index operations: ${why}`);
        connected = false;
        nextConnectAt = ctx.now() + backoffMs;
        return;
      }
      queue.splice(0, batch.length);
      stats.acked += batch.length;
      stats.batches++;
      writeRegistry();
    }
  };

  const writeRegistry = () => {
    const states = [...harvested].map(([source, s], i) => ({
      source,
      offset: s.offset,
      timestamp: new Date(ctx.now()).toISOString(),
      ttl: -1,
      type: 'log',
      meta: null,
      FileStateOS: { inode: 2_000_000 + i, device: 2049 },
    }));
    try {
      ctx.fs.mkdir(`${home}/data`, { recursive: true });
      ctx.fs.writeFile(`${home}/data/registry`, JSON.stringify(states));
    } catch {
      // A read-only data path loses the registry, as Filebeat would log and carry on.
    }
  };

  const metrics = () => {
    const running = harvested.size;
    logLine(
      'INFO',
      'log/log.go:141',
      `Non-zero metrics in the last 30s\t{"monitoring": {"metrics": {"beat":{"info":{"uptime":{"ms":${ctx.now() - startedAt}}}},"filebeat":{"events":{"added":${stats.added},"done":${stats.acked}},"harvester":{"open_files":${running},"running":${running}}},"libbeat":{"output":{"events":{"acked":${stats.acked},"batches":${stats.batches},"total":${stats.acked}},"type":"elasticsearch"},"pipeline":{"clients":1,"events":{"active":${queue.length},"published":${stats.acked},"total":${stats.added}}}},"registrar":{"states":{"current":${running}}}}}}`,
      'monitoring',
    );
    stats.added = 0;
    stats.acked = 0;
    stats.batches = 0;
  };

  const startedAt = ctx.now();
  let stopping = false;
  void ctx.terminated.then(() => (stopping = true));
  while (!stopping) {
    if (ctx.now() - lastScan >= SCAN_MS) {
      scan();
      lastScan = ctx.now();
    }
    harvest();
    if (queue.length > 0 && !connected && ctx.now() >= nextConnectAt) await connect();
    if (connected) await publish();
    if (ctx.now() - lastMetrics >= 30_000) {
      metrics();
      lastMetrics = ctx.now();
    }
    if (!toStderr && fileLog.length) {
      try {
        ctx.fs.mkdir(`${home}/logs`, { recursive: true });
        ctx.fs.writeFile(`${home}/logs/filebeat`, `${fileLog.splice(0).join('\n')}\n`, { append: true });
      } catch {
        fileLog.length = 0;
      }
    }
    await Promise.race([ctx.sleep(1000), ctx.terminated]);
  }
  logLine('INFO', 'beater/filebeat.go:420', 'Stopping filebeat');
  logLine('INFO', 'crawler/crawler.go:139', 'Stopping Crawler');
  logLine('INFO', 'registrar/registrar.go:356', 'Stopping Registrar');
  return 0;
}

export const filebeatConfigured: ImageSpec = {
  repository: 'docker.io/kodekloud/filebeat-configured',
  tags: ['latest'],
  entrypoint: ['/usr/local/bin/docker-entrypoint'],
  cmd: ['-e'],
  env: { PATH: '/usr/share/filebeat:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', ELASTIC_CONTAINER: 'true' },
  workingDir: '/usr/share/filebeat',
  binaries: [...COREUTILS_TOOLS, 'curl'],
  userland: 'gnu',
  apps: { '/usr/local/bin/docker-entrypoint': filebeatApp, filebeat: filebeatApp },
  files: { '/usr/share/filebeat/filebeat.yml': CONFIG, '/usr/share/filebeat/data/': '', '/usr/share/filebeat/logs/': '' },
  sizeBytes: 104_856_118,
  stopsOnSigterm: true,
};
