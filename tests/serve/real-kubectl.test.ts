/**
 * The real kubectl v1.35.2 against `cka-lab serve`, in process on a free port, with the virtual
 * clock held so every AGE and log line is the same on each run.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oracleKubectlPath } from '../../scripts/kubectl-oracle.mjs';
import { DEFAULT_START_TIME_MS } from '../../src/engine/cluster.ts';
import { loadLab } from '../../src/labs/load-lab.ts';
import { readLabFiles } from '../../src/cli/node-host.ts';
import { kubeconfigText } from '../../src/serve/kubeconfig.ts';
import { serveCluster, type ServedCluster } from '../../src/serve/served-cluster.ts';

interface Run {
  stdout: string;
  stderr: string;
  code: number;
}

let served: ServedCluster;
let dir: string;

function kubectl(args: string[], stdin?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      oracleKubectlPath(),
      ['--kubeconfig', join(dir, 'kubeconfig'), '--cache-dir', join(dir, 'cache'), ...args],
      { encoding: 'utf8', timeout: 30_000 },
      (error, stdout, stderr) => resolve({ stdout, stderr, code: error ? (typeof error.code === 'number' ? error.code : 1) : 0 }),
    );
    if (stdin !== undefined) child.stdin!.end(stdin);
    else child.stdin!.end();
  });
}

/** Starts kubectl and hands back its output so far, and a way to end it (for -f and -w). */
function kubectlStreaming(args: string[]): { output: () => string; exited: Promise<number>; stop: () => void } {
  const child = spawn(oracleKubectlPath(), ['--kubeconfig', join(dir, 'kubeconfig'), '--cache-dir', join(dir, 'cache'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  return { output: () => output, exited, stop: () => child.kill('SIGINT') };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
}

beforeAll(async () => {
  const loaded = loadLab(readLabFiles('rolling-updates')!);
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  served = await serveCluster({ lab: loaded.lab, port: 0, seed: 1, startTimeMs: DEFAULT_START_TIME_MS, paused: true });
  dir = mkdtempSync(join(tmpdir(), 'cka-lab-serve-'));
  writeFileSync(join(dir, 'kubeconfig'), kubeconfigText(served.url));
}, 60_000);

afterAll(async () => {
  await served?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the real kubectl against a served lab', () => {
  it('gets pods as the server renders them in a Table', async () => {
    expect(await kubectl(['get', 'pods'])).toEqual({
      stdout: [
        'NAME                        READY   STATUS    RESTARTS   AGE',
        'frontend-64c4496d65-bj9pl   1/1     Running   0          45s',
        'frontend-64c4496d65-gxbmk   1/1     Running   0          45s',
        'frontend-64c4496d65-jvhgl   1/1     Running   0          45s',
        'frontend-64c4496d65-n7mpq   1/1     Running   0          45s',
        '',
      ].join('\n'),
      stderr: '',
      code: 0,
    });
  });

  it('pages a list one item at a time', async () => {
    expect(await kubectl(['get', 'pods', '-o', 'name', '--chunk-size=1', '-l', 'name=webapp'])).toEqual({
      stdout: 'pod/frontend-64c4496d65-bj9pl\npod/frontend-64c4496d65-gxbmk\npod/frontend-64c4496d65-jvhgl\npod/frontend-64c4496d65-n7mpq\n',
      stderr: '',
      code: 0,
    });
  });

  it('prints the server Status of a missing object', async () => {
    expect(await kubectl(['get', 'pod', 'nope'])).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', code: 1 });
  });

  it('creates from a file (validation off: the server publishes no OpenAPI) and runs it once time passes', async () => {
    writeFileSync(
      join(dir, 'pod.yaml'),
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: box\nspec:\n  containers:\n  - name: box\n    image: busybox\n    command: ["sh", "-c", "echo started; sleep 3600"]\n',
    );
    expect(await kubectl(['create', '-f', join(dir, 'pod.yaml'), '--validate=false'])).toEqual({ stdout: 'pod/box created\n', stderr: '', code: 0 });
    await served.clock.advance(10_000);
    expect(await kubectl(['get', 'pod', 'box'])).toEqual({ stdout: 'NAME   READY   STATUS    RESTARTS   AGE\nbox    1/1     Running   0          10s\n', stderr: '', code: 0 });
  });

  it('reads the container log', async () => {
    expect(await kubectl(['logs', 'box'])).toEqual({ stdout: 'started\n', stderr: '', code: 0 });
  });

  it('execs with stdin piped in and with a failing command', async () => {
    expect(await kubectl(['exec', '-i', 'box', '--', 'cat'], 'hello\nworld\n')).toEqual({ stdout: 'hello\nworld\n', stderr: '', code: 0 });
    expect(await kubectl(['exec', 'box', '--', 'sh', '-c', 'echo oops >&2; exit 3'])).toEqual({ stdout: '', stderr: 'oops\ncommand terminated with exit code 3\n', code: 3 });
  });

  it('follows a log until the container ends', async () => {
    writeFileSync(
      join(dir, 'short.yaml'),
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: short\nspec:\n  restartPolicy: Never\n  containers:\n  - name: short\n    image: busybox\n    command: ["sh", "-c", "echo one; sleep 5; echo two"]\n',
    );
    await kubectl(['create', '-f', join(dir, 'short.yaml'), '--validate=false']);
    await served.clock.advance(3_000);
    const follow = kubectlStreaming(['logs', '-f', 'short']);
    await until(() => follow.output() === 'one\n');
    await served.clock.advance(10_000);
    expect(await follow.exited).toBe(0);
    expect(follow.output()).toBe('one\ntwo\n');
  });

  it('watches a change arrive as a new row', async () => {
    const watch = kubectlStreaming(['get', 'pod', 'box', '-w']);
    await until(() => watch.output().split('\n').length === 3);
    await kubectl(['delete', 'pod', 'box', '--wait=false']);
    await until(() => watch.output().split('\n').length === 4);
    watch.stop();
    await watch.exited;
    expect(watch.output()).toBe('NAME   READY   STATUS    RESTARTS   AGE\nbox    1/1     Running   0          23s\nbox    1/1     Terminating   0          23s\n');
  });

  it('answers aggregated discovery with the Content-Type client-go checks', async () => {
    const res = await fetch(`${served.url}/apis`, { headers: { Accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json' } });
    expect(res.headers.get('content-type')).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
  });

  it('sends warnings as Warning headers', async () => {
    const res = await fetch(`${served.url}/api/v1/namespaces/default/configmaps?fieldValidation=Warn&dryRun=All`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'w' }, bogus: 1 }),
    });
    expect({ code: res.status, warning: res.headers.get('warning') }).toEqual({ code: 201, warning: '299 - "unknown field \\"bogus\\""' });
  });

  it('steps the held clock through the harness endpoint', async () => {
    const before = (await (await fetch(`${served.url}/.cka-lab/clock`)).json()) as { nowMs: number; paused: boolean };
    const after = (await (await fetch(`${served.url}/.cka-lab/clock`, { method: 'POST', body: '{"advanceMs":5000}' })).json()) as { nowMs: number; paused: boolean };
    expect({ paused: after.paused, steppedMs: after.nowMs - before.nowMs }).toEqual({ paused: true, steppedMs: 5000 });
  });
});

/** What differs between two equal objects made apart: identity, times, allocated IPs and ports. */
function masked(yaml: string): string {
  return yaml
    .replace(/^(\s*(?:uid|creationTimestamp|resourceVersion|lastUpdateTime|lastTransitionTime|clusterIP|nodePort)): .*$/gm, '$1: X')
    .replace(/^(\s*clusterIPs:\n\s*- ).*$/gm, '$1X')
    .replace(/namespace: (?:pb|js)$/gm, 'namespace: NS');
}

describe('kubectl generators, which send protobuf, make what their manifests make', () => {
  beforeAll(async () => {
    writeFileSync(join(dir, 'somefile'), 'hello\n');
    await kubectl(['create', 'namespace', 'pb']);
    await kubectl(['create', 'namespace', 'js']);
  });

  const generators: { name: string; args: string[]; object: string; created: string }[] = [
    {
      name: 'create deployment',
      args: ['create', 'deployment', 'web', '--image=nginx', '--replicas=3', '--port=80'],
      object: 'deployment/web',
      created: 'deployment.apps/web created\n',
    },
    {
      name: 'create deployment --replicas=0',
      args: ['create', 'deployment', 'idle', '--image=nginx', '--replicas=0'],
      object: 'deployment/idle',
      created: 'deployment.apps/idle created\n',
    },
    { name: 'create configmap', args: ['create', 'configmap', 'c', '--from-literal=a=b', `--from-file=somefile`], object: 'configmap/c', created: 'configmap/c created\n' },
    { name: 'create secret generic', args: ['create', 'secret', 'generic', 's', '--from-literal=p=x'], object: 'secret/s', created: 'secret/s created\n' },
    {
      name: 'create secret docker-registry',
      args: ['create', 'secret', 'docker-registry', 'reg', '--docker-username=u', '--docker-password=p', '--docker-server=r.io'],
      object: 'secret/reg',
      created: 'secret/reg created\n',
    },
    { name: 'create service nodeport', args: ['create', 'service', 'nodeport', 'np', '--tcp=80:8080'], object: 'service/np', created: 'service/np created\n' },
    { name: 'create service clusterip', args: ['create', 'service', 'clusterip', 'cip', '--tcp=80:http'], object: 'service/cip', created: 'service/cip created\n' },
    { name: 'create service loadbalancer', args: ['create', 'service', 'loadbalancer', 'lb', '--tcp=5678:8080'], object: 'service/lb', created: 'service/lb created\n' },
    {
      name: 'create service externalname',
      args: ['create', 'service', 'externalname', 'ext', '--external-name=db.example.com'],
      object: 'service/ext',
      created: 'service/ext created\n',
    },
  ];
  it.each(generators)('kubectl $name makes what its --dry-run=client manifest makes', async ({ args, object, created }) => {
    const file = (arg: string) => arg.replace('--from-file=somefile', `--from-file=${join(dir, 'somefile')}`);
    expect(await kubectl(['-n', 'pb', ...args.map(file)])).toEqual({ stdout: created, stderr: '', code: 0 });
    const manifest = await kubectl(['-n', 'js', ...args.map(file), '--dry-run=client', '-o', 'yaml']);
    expect(await kubectl(['-n', 'js', 'create', '-f', '-'], manifest.stdout)).toEqual({ stdout: created, stderr: '', code: 0 });
    const fromProtobuf = await kubectl(['-n', 'pb', 'get', object, '-o', 'yaml']);
    const fromJson = await kubectl(['-n', 'js', 'get', object, '-o', 'yaml']);
    expect([fromProtobuf.code, fromJson.code, masked(fromProtobuf.stdout)]).toEqual([0, 0, masked(fromJson.stdout)]);
  });

  it('kubectl create namespace makes an active namespace', async () => {
    expect(await kubectl(['create', 'namespace', 'dev'])).toEqual({ stdout: 'namespace/dev created\n', stderr: '', code: 0 });
    expect(masked((await kubectl(['get', 'namespace', 'dev', '-o', 'yaml'])).stdout)).toBe(
      [
        'apiVersion: v1',
        'kind: Namespace',
        'metadata:',
        '  creationTimestamp: X',
        '  labels:',
        '    kubernetes.io/metadata.name: dev',
        '  name: dev',
        '  resourceVersion: X',
        '  uid: X',
        'spec:',
        '  finalizers:',
        '  - kubernetes',
        'status:',
        '  phase: Active',
        '',
      ].join('\n'),
    );
  });

  it('stores the generated secret data as sent', async () => {
    expect(await kubectl(['-n', 'pb', 'get', 'secret', 's', '-o', 'jsonpath={.data}'])).toEqual({ stdout: '{"p":"eA=="}', stderr: '', code: 0 });
  });

  it('answers create deployment --dry-run=server with the defaulted object', async () => {
    const run = await kubectl(['create', 'deployment', 'x', '--image=nginx', '--dry-run=server', '-o', 'yaml']);
    expect({ ...run, stdout: masked(run.stdout) }).toEqual({
      stdout: [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  creationTimestamp: X',
        '  generation: 1',
        '  labels:',
        '    app: x',
        '  name: x',
        '  namespace: default',
        '  uid: X',
        'spec:',
        '  progressDeadlineSeconds: 600',
        '  replicas: 1',
        '  revisionHistoryLimit: 10',
        '  selector:',
        '    matchLabels:',
        '      app: x',
        '  strategy:',
        '    rollingUpdate:',
        '      maxSurge: 25%',
        '      maxUnavailable: 25%',
        '    type: RollingUpdate',
        '  template:',
        '    metadata:',
        '      labels:',
        '        app: x',
        '    spec:',
        '      containers:',
        '      - image: nginx',
        '        imagePullPolicy: Always',
        '        name: nginx',
        '        resources: {}',
        '        terminationMessagePath: /dev/termination-log',
        '        terminationMessagePolicy: File',
        '      dnsPolicy: ClusterFirst',
        '      restartPolicy: Always',
        '      schedulerName: default-scheduler',
        '      securityContext: {}',
        '      terminationGracePeriodSeconds: 30',
        'status: {}',
        '',
      ].join('\n'),
      stderr: '',
      code: 0,
    });
  });
});
