import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/client.ts';
import { createPodHarness } from '../../../tests/support/pod-harness.ts';

const NS = 'elastic-stack';
const NODE = '192.168.121.11';

const logVolume = { name: 'log-volume', hostPath: { path: '/var/log/webapp', type: 'DirectoryOrCreate' } };
const app = (sidecar?: 'container' | 'native') => {
  const filebeat = { name: 'sidecar', image: 'kodekloud/filebeat-configured', volumeMounts: [{ name: 'log-volume', mountPath: '/var/log/event-simulator/' }] };
  const main = { name: 'app', image: 'kodekloud/event-simulator', volumeMounts: [{ mountPath: '/log', name: 'log-volume' }] };
  return {
    kind: 'Pod',
    metadata: { name: 'app', namespace: NS, labels: { name: 'app' } },
    spec: {
      containers: sidecar === 'container' ? [main, filebeat] : [main],
      ...(sidecar === 'native' ? { initContainers: [{ ...filebeat, restartPolicy: 'Always' }] } : {}),
      volumes: [logVolume],
    },
  } as KubeObject;
};

const stack: KubeObject[] = [
  { kind: 'Namespace', metadata: { name: NS } },
  {
    kind: 'Pod',
    metadata: { name: 'elastic-search', namespace: NS, labels: { name: 'elastic-search' } },
    spec: {
      containers: [
        {
          name: 'elastic-search',
          image: 'docker.elastic.co/elasticsearch/elasticsearch:6.4.2',
          ports: [{ containerPort: 9200 }, { containerPort: 9300 }],
          env: [{ name: 'discovery.type', value: 'single-node' }],
        },
      ],
    },
  },
  {
    kind: 'Pod',
    metadata: { name: 'kibana', namespace: NS, labels: { name: 'kibana' } },
    spec: { containers: [{ name: 'kibana', image: 'kibana:6.4.2', ports: [{ containerPort: 5601 }], env: [{ name: 'ELASTICSEARCH_URL', value: 'http://elasticsearch:9200' }] }] },
  },
  {
    kind: 'Service',
    metadata: { name: 'elasticsearch', namespace: NS },
    spec: {
      type: 'NodePort',
      selector: { name: 'elastic-search' },
      ports: [
        { name: 'port1', port: 9200, targetPort: 9200, nodePort: 30200 },
        { name: 'port2', port: 9300, targetPort: 9300, nodePort: 30300 },
      ],
    },
  },
  {
    kind: 'Service',
    metadata: { name: 'kibana', namespace: NS },
    spec: { type: 'NodePort', selector: { name: 'kibana' }, ports: [{ port: 5601, targetPort: 5601, nodePort: 30601 }] },
  },
] as KubeObject[];

async function elasticStack(sidecar?: 'container' | 'native') {
  const h = await createPodHarness();
  for (const object of stack) h.apply(object);
  h.apply(app(sidecar));
  const get = async (url: string) => h.cluster.nodes.network.httpGet('host', url, { timeoutMs: 2000 });
  return { ...h, get };
}

const EVENT_LINE =
  /^\[2026-11-22 22:\d\d:\d\d,\d{3}\] (INFO|WARNING) in event-simulator: (USER[1-4] (logged in|logged out|is viewing page[1-3])|USER5 Failed to Login as the account is locked due to MANY FAILED ATTEMPTS\.|USER7 Order failed as the item is OUT OF STOCK\.)$/;

describe('kodekloud/event-simulator', () => {
  it('logs an event a second to /log/app.log and stderr, USER5 every 5th tick and USER7 every 8th', async () => {
    const h = await elasticStack();
    await h.pump.advance(60_000);
    const file = (await h.exec('app', ['cat', '/log/app.log'], { namespace: NS })).stdout;
    const logs = await h.logs('app', undefined, NS);
    expect(logs).toBe(file);
    const lines = file.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(30);
    for (const line of lines) expect(line).toMatch(EVENT_LINE);
    const levels = lines.slice(0, 14).map((l) => (l.includes('WARNING') ? l.split(': ')[1]!.split(' ')[0] : 'INFO'));
    // Ticks 1-4 INFO, then USER5 with the 6th INFO, ..., USER7 at tick 8, USER5 at 10.
    expect(levels).toEqual(['INFO', 'INFO', 'INFO', 'INFO', 'INFO', 'USER5', 'INFO', 'INFO', 'INFO', 'USER7', 'INFO', 'INFO', 'USER5', 'INFO']);
    const warning = lines[5]!;
    expect(warning.slice(0, 25)).toBe(lines[6]!.slice(0, 25));
  });

  it.each([
    ['OVERRIDE_USER', [{ name: 'OVERRIDE_USER', value: 'USER30' }], /WARNING in event-simulator: USER30 Order failed as the item is OUT OF STOCK\./],
    ['PRINT_SPECIAL_MESSAGE=FALSE', [{ name: 'PRINT_SPECIAL_MESSAGE', value: 'FALSE' }], /^(?![\s\S]*WARNING)/],
  ])('honours %s', async (_name, env, pattern) => {
    const h = await createPodHarness();
    h.apply({ kind: 'Pod', metadata: { name: 'sim' }, spec: { containers: [{ name: 'sim', image: 'kodekloud/event-simulator', env }] } } as KubeObject);
    await h.pump.advance(40_000);
    expect(await h.logs('sim')).toMatch(pattern);
  });

  it('writes only to the file with LOG_HANDLERS=file', async () => {
    const h = await createPodHarness();
    h.apply({
      kind: 'Pod',
      metadata: { name: 'quiet' },
      spec: { containers: [{ name: 'sim', image: 'kodekloud/event-simulator', env: [{ name: 'LOG_HANDLERS', value: 'file' }] }] },
    } as KubeObject);
    await h.pump.advance(20_000);
    expect(await h.logs('quiet')).toBe('');
    expect((await h.exec('quiet', ['cat', '/log/app.log'])).stdout).toMatch(/INFO in event-simulator/);
  });
});

describe('the logging stack: elasticsearch, kibana, filebeat sidecar', () => {
  it('starts elasticsearch slowly, then answers through the NodePort', async () => {
    const h = await elasticStack();
    await h.pump.advance(10_000);
    expect((await h.get(`http://${NODE}:30200/`)).error).toBe('connection-refused');
    await h.pump.advance(50_000);
    const banner = await h.get(`http://${NODE}:30200/`);
    expect(banner.status).toBe(200);
    expect(JSON.parse(banner.body!)).toMatchObject({ cluster_name: 'docker-cluster', version: { number: '6.4.2', lucene_version: '7.4.0' }, tagline: 'You Know, for Search' });
    expect(banner.body).toMatch(/^\{\n {2}"name" : "[\w-]{7}",\n {2}"cluster_name" : "docker-cluster",/);
    const logs = await h.logs('elastic-search', undefined, NS);
    expect(logs).toMatch(/\]\[INFO \]\[o\.e\.n\.Node {15}\] \[[\w-]{7}\] started\n/);
    expect(logs).toContain('using discovery type [single-node]');
  });

  it('stores nothing from the app until the sidecar ships it', async () => {
    const h = await elasticStack();
    await h.pump.advance(120_000);
    const indices = await h.get(`http://${NODE}:30200/_cat/indices`);
    expect(indices.body).not.toContain('filebeat');
  });

  it.each(['container', 'native'] as const)('ships the app log to a daily filebeat index with a %s sidecar', async (sidecar) => {
    const h = await elasticStack(sidecar);
    await h.pump.advance(120_000);
    expect(h.row('app', NS).slice(0, 2)).toEqual(['2/2', 'Running']);
    const indices = (await h.get(`http://${NODE}:30200/_cat/indices?v`)).body!;
    const [header, ...rows] = indices.trimEnd().split('\n');
    expect(header).toMatch(/^health status index +uuid +pri rep docs\.count docs\.deleted store\.size pri\.store\.size$/);
    const filebeat = rows.find((r) => r.includes('filebeat-6.4.2-2026.11.22'))!;
    expect(filebeat).toMatch(/^yellow open {3}filebeat-6\.4\.2-2026\.11\.22 [\w-]{22} +3 +1 +\d+ +0 +[\d.]+kb +[\d.]+kb$/);
    const count = Number(filebeat.split(/\s+/)[6]);
    expect(count).toBeGreaterThan(60);
    const search = JSON.parse((await h.get(`http://${NODE}:30200/filebeat-*/_search?size=3&sort=@timestamp:desc`)).body!);
    expect(search.hits.total).toBe(count);
    const newest = search.hits.hits[0]._source;
    expect(newest).toMatchObject({
      source: '/var/log/event-simulator/app.log',
      prospector: { type: 'log' },
      input: { type: 'log' },
      beat: { name: 'app', hostname: 'app', version: '6.4.2' },
    });
    expect(newest.message).toMatch(EVENT_LINE);
    const sidecarLogs = await h.logs('app', 'sidecar', NS);
    expect(sidecarLogs).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z\tINFO\tinstance\/beat\.go:544\tHome path: \[\/usr\/share\/filebeat\]/);
    expect(sidecarLogs).toContain('\tINFO\tlog/harvester.go:251\tHarvester started for file: /var/log/event-simulator/app.log\n');
    expect(sidecarLogs).toContain("Elasticsearch template with name 'filebeat-6.4.2' loaded");
    expect(sidecarLogs).toContain('Connection to backoff(elasticsearch(http://elasticsearch:9200)) established');
  });

  it('keeps filebeat retrying while elasticsearch is unreachable', async () => {
    const h = await createPodHarness();
    h.apply({
      kind: 'Pod',
      metadata: { name: 'lonely' },
      spec: {
        containers: [
          { name: 'sim', image: 'kodekloud/event-simulator', volumeMounts: [{ name: 'logs', mountPath: '/log' }] },
          { name: 'sidecar', image: 'kodekloud/filebeat-configured', volumeMounts: [{ name: 'logs', mountPath: '/var/log/event-simulator' }] },
        ],
        volumes: [{ name: 'logs', emptyDir: {} }],
      },
    } as KubeObject);
    await h.pump.advance(30_000);
    const logs = await h.logs('lonely', 'sidecar');
    expect(logs).toContain(
      '\tERROR\tpipeline/output.go:100\tFailed to connect to backoff(elasticsearch(http://elasticsearch:9200)): Get http://elasticsearch:9200: lookup elasticsearch on 10.96.0.10:53: no such host\n',
    );
    expect(logs).toMatch(/Attempting to reconnect to backoff\(elasticsearch\(http:\/\/elasticsearch:9200\)\) with 3 reconnect attempt\(s\)/);
  });

  it('serves "Kibana server is not ready yet", then Discover with the newest log lines first', async () => {
    const h = await elasticStack('container');
    await h.pump.advance(40_000);
    const early = await h.get(`http://${NODE}:30601/`);
    expect([early.status, early.body]).toEqual([503, 'Kibana server is not ready yet']);
    await h.pump.advance(140_000);
    const page = await h.get(`http://${NODE}:30601/app/kibana`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Discover - Kibana</title>');
    expect(page.body).toContain('<strong>filebeat-*</strong>');
    expect(page.body).toMatch(/<div class="hits"><strong>\d+<\/strong> hits<\/div>/);
    const times = [...page.body!.matchAll(/<td class="time">November 22nd 2026, (22:\d\d:\d\d\.\d{3})<\/td>/g)].map((m) => m[1]!);
    expect(times.length).toBe(50);
    expect([...times].sort().reverse()).toEqual(times);
    expect(page.body).toMatch(/<dt>message:<\/dt><dd>\[2026-11-22 22:\d\d:\d\d,\d{3}\] (INFO|WARNING) in event-simulator: /);
    const kibanaLogs = await h.logs('kibana', undefined, NS);
    expect(kibanaLogs).toContain('"message":"Server running at http://0:5601"');
    expect(kibanaLogs).toMatch(/\{"type":"response","@timestamp":"[\dT:-]+Z","tags":\[\],"pid":1,"method":"get","statusCode":200,"req":\{"url":"\/app\/kibana"/);
  });

  it('tells the learner there is no data before the sidecar ships any', async () => {
    const h = await elasticStack();
    await h.pump.advance(180_000);
    const page = await h.get(`http://${NODE}:30601/`);
    expect(page.body).toContain("Couldn't find any Elasticsearch data");
  });

  it('fails elasticsearch without single-node discovery on the vm.max_map_count bootstrap check', async () => {
    const h = await createPodHarness();
    h.apply({ kind: 'Pod', metadata: { name: 'es' }, spec: { containers: [{ name: 'es', image: 'docker.elastic.co/elasticsearch/elasticsearch:6.4.2' }] } } as KubeObject);
    await h.pump.advance(90_000);
    const logs = await h.logs('es', undefined, 'default', true);
    expect(logs).toContain('ERROR: [1] bootstrap checks failed\n[1]: max virtual memory areas vm.max_map_count [65530] is too low, increase to at least [262144]\n');
    expect(h.pod('es')!.status!.containerStatuses![0]!.lastState?.terminated?.exitCode ?? h.pod('es')!.status!.containerStatuses![0]!.state?.terminated?.exitCode).toBe(78);
  });
});

describe('kodekloud/fluent-ui-running', () => {
  it('runs forever and serves a page on port 80', async () => {
    const h = await createPodHarness();
    h.apply({
      kind: 'Pod',
      metadata: { name: 'fluent-ui' },
      spec: { containers: [{ name: 'fluent-ui', image: 'kodekloud/fluent-ui-running', ports: [{ containerPort: 80 }, { containerPort: 24224 }] }] },
    } as KubeObject);
    await h.pump.advance(120_000);
    expect(h.row('fluent-ui').slice(0, 3)).toEqual(['1/1', 'Running', '0']);
    const ip = h.pod('fluent-ui')!.status!.podIP!;
    const page = await h.cluster.nodes.network.httpGet('host', `http://${ip}:80/`, { timeoutMs: 1000 });
    expect(page.body).toContain('<h1>Fluentd UI</h1>');
  });
});
