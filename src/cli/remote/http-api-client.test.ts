import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANNED_CLUSTER } from './testing/canned-cluster.ts';
import { FakeApiServer } from './testing/fake-api-server.ts';
import { runRemoteKubectl, type RemoteRunOptions } from './testing/run-remote-kubectl.ts';

const server = new FakeApiServer(CANNED_CLUSTER);
let url = '';
beforeAll(async () => {
  url = await server.listen();
});
afterAll(() => server.close());

const CM = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: fast
`;

const cases: { name: string; args: string[]; options?: RemoteRunOptions; stdout: string; stderr: string; code: number }[] = [
  {
    name: 'get lays out the Table the server renders',
    args: ['get', 'pods'],
    stdout: 'NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          5m\n',
    stderr: '',
    code: 0,
  },
  {
    name: 'get -o wide keeps the priority columns',
    args: ['get', 'pods', '-o', 'wide'],
    stdout: 'NAME   READY   STATUS    RESTARTS   AGE   IP           NODE\nweb    1/1     Running   0          5m    10.244.1.5   node01\n',
    stderr: '',
    code: 0,
  },
  { name: 'a Status 404 is the server error', args: ['get', 'pod', 'nope'], stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', code: 1 },
  { name: 'Unauthorized has its own sentence', args: ['get', 'pod', 'locked'], stdout: '', stderr: 'error: You must be logged in to the server (Unauthorized)\n', code: 1 },
  {
    name: 'a 500 without a Status',
    args: ['get', 'pod', 'crash', '-o', 'yaml'],
    stdout: '',
    stderr: 'Error from server (InternalError): an error on the server ("boom") has prevented the request from succeeding (get pods crash)\n',
    code: 1,
  },
  {
    name: 'a 404 without a Status',
    args: ['get', 'pod', 'gone'],
    stdout: '',
    stderr: 'Error from server (NotFound): the server could not find the requested resource (get pods gone)\n',
    code: 1,
  },
  { name: 'pods/log comes back as text', args: ['logs', 'web'], stdout: 'listening on :80\nGET / 200\n', stderr: '', code: 0 },
  {
    name: 'a watch lists, then prints a row per event until Ctrl-C',
    args: ['get', 'pods', '-w'],
    options: { interruptWhen: (out) => out.split('\n').length > 4 },
    stdout: 'NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          5m\nweb    1/1     Running   0          5m\nweb    1/1     Running   0          5m\n',
    stderr: '',
    code: 130,
  },
  {
    name: 'Warning headers are printed before the result',
    args: ['create', '-f', 'cm.yaml'],
    options: { files: { '/root/cm.yaml': CM } },
    stdout: 'configmap/settings created\n',
    stderr: 'Warning: metadata.finalizers: "x": prefer a domain-qualified finalizer name\n',
    code: 0,
  },
  { name: 'exec streams stdout over the websocket', args: ['exec', 'web', '--', 'echo', 'hello', 'world'], stdout: 'hello world\n', stderr: '', code: 0 },
  {
    name: 'exec passes the exit code from the error channel',
    args: ['exec', 'web', '--', 'exit', '3'],
    stdout: '',
    stderr: 'exiting with 3\ncommand terminated with exit code 3\n',
    code: 3,
  },
  { name: 'exec -i sends stdin and closes it', args: ['exec', '-i', 'web', '--', 'cat'], options: { stdin: 'one\ntwo\n' }, stdout: 'one\ntwo\n', stderr: '', code: 0 },
  {
    name: 'exec failure on the error channel is a plain error',
    args: ['exec', 'web', '--', 'nosuch'],
    stdout: '',
    stderr: 'error: exec: "nosuch": executable file not found in $PATH\n',
    code: 1,
  },
  {
    name: "a refused upgrade is the kubelet's answer",
    args: ['exec', 'web', '-c', 'nope', '--', 'ls'],
    stdout: '',
    stderr: 'error: unable to upgrade connection: container not found ("nope")\n',
    code: 1,
  },
  {
    name: 'version reads /version and warns about the skew',
    args: ['version'],
    stdout: 'Client Version: v1.35.2\nKustomize Version: v5.7.1\nServer Version: v1.32.4\n',
    stderr: 'Warning: version difference between client (1.35) and server (1.32) exceeds the supported minor version skew of +/-1\n',
    code: 0,
  },
];

describe('kubectl through HttpApiClient', () => {
  it.each(cases)('$name', async ({ args, options, stdout, stderr, code }) => {
    expect(await runRemoteKubectl(url, args, options)).toEqual({ stdout, stderr, code });
  });

  it('sends DeleteOptions in the body of a DELETE', async () => {
    expect(await runRemoteKubectl(url, ['delete', 'pod', 'old', '--grace-period=5'])).toEqual({ stdout: 'pod "old" deleted from default namespace\n', stderr: '', code: 0 });
    const sent = server.requests.filter((r) => r.method === 'DELETE');
    expect(sent.map((r) => [r.url, r.body])).toEqual([
      ['/api/v1/namespaces/default/pods/old', '{"kind":"DeleteOptions","apiVersion":"v1","gracePeriodSeconds":5,"propagationPolicy":"Background"}'],
    ]);
  });

  it('asks for a Table by the Accept header', async () => {
    await runRemoteKubectl(url, ['get', 'pods']);
    // kubectl pages its lists, 500 objects at a time unless --chunk-size says otherwise.
    const list = server.requests.filter((r) => r.url === '/api/v1/namespaces/default/pods?limit=500').at(-1);
    expect(list?.accept).toBe('application/json;as=Table;v=v1;g=meta.k8s.io,application/json');
  });

  it('says the connection was refused as kubectl does', async () => {
    const closed = new FakeApiServer({});
    const closedUrl = await closed.listen();
    await closed.close();
    const port = new URL(closedUrl).port;
    expect(await runRemoteKubectl(closedUrl, ['get', 'pods'])).toEqual({
      stdout: '',
      stderr: `The connection to the server 127.0.0.1:${port} was refused - did you specify the right host or port?\n`,
      code: 1,
    });
    expect(await runRemoteKubectl(closedUrl, ['version'])).toEqual({
      stdout: 'Client Version: v1.35.2\nKustomize Version: v5.7.1\n',
      stderr: `The connection to the server 127.0.0.1:${port} was refused - did you specify the right host or port?\n`,
      code: 1,
    });
  });
});

describe('interactive kubectl through HttpApiClient', () => {
  it('exec -it forwards raw keystrokes and the terminal size', async () => {
    const keys = new Set<(data: string) => void>();
    let released = false;
    const terminal = {
      rawMode: () => ({
        onData(listener: (data: string) => void) {
          keys.add(listener);
          // The user types once the session is up.
          setTimeout(() => ['ls\r', '\x04'].forEach((k, i) => setTimeout(() => keys.forEach((l) => l(k)), i * 20)), 50);
          return () => keys.delete(listener);
        },
        size: () => ({ columns: 120, rows: 40 }),
        onResize: () => () => undefined,
        release: () => void (released = true),
      }),
    };
    expect(await runRemoteKubectl(url, ['exec', '-it', 'web', '--', 'cat'], { stdinIsTerminal: true, terminal })).toEqual({
      stdout: '[resized to {"Width":120,"Height":40}\n]\r\nls\r\n',
      stderr: '',
      code: 0,
    });
    expect(released).toBe(true);
  });

  it('edit patches what changed in the editor', async () => {
    const result = await runRemoteKubectl(url, ['edit', 'pod', 'web'], { editor: (text) => text.replace('image: nginx', 'image: nginx:1.27') });
    const patch = server.requests.filter((r) => r.method === 'PATCH').at(-1);
    expect({ result, patch: [patch?.url, patch?.contentType, patch?.body] }).toEqual({
      result: { stdout: 'pod/web edited\n', stderr: '', code: 0 },
      patch: [
        '/api/v1/namespaces/default/pods/web?fieldManager=kubectl-edit',
        'application/strategic-merge-patch+json',
        '{"spec":{"containers":[{"image":"nginx:1.27","name":"web"}],"$setElementOrder/containers":[{"name":"web"}]}}',
      ],
    });
  });
});
