import { beforeAll, describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../tests/support/session.ts';
import { createInterrupt } from '../shell/shell.ts';

// Expected outputs are what kubectl v1.35.2 printed against `cka-lab serve`.
describe('kubectl --raw', () => {
  beforeAll(() => newSession(), 60_000);

  it.each([
    {
      name: 'a path nothing is served at',
      line: 'kubectl get --raw /nope',
      stdout: '',
      stderr: 'Error from server (NotFound): the server could not find the requested resource\n',
      code: 1,
    },
    {
      name: 'a missing object',
      line: 'kubectl get --raw /api/v1/namespaces/default/pods/nope',
      stdout: '',
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
      code: 1,
    },
    { name: 'a relative path', line: 'kubectl get --raw api/v1', stdout: '', stderr: 'error: --raw must be a valid URL path: parse "api/v1": invalid URI for request\n', code: 1 },
    { name: 'the health check', line: 'kubectl get --raw /healthz', stdout: 'ok', stderr: '', code: 0 },
    { name: 'resource arguments', line: 'kubectl get pods --raw /api', stdout: '', stderr: 'error: arguments may not be passed when --raw is specified\n', code: 1 },
    { name: 'an output format', line: 'kubectl get --raw /api -o yaml', stdout: '', stderr: 'error: --raw and --output are mutually exclusive\n', code: 1 },
    {
      name: 'a selector',
      line: 'kubectl get --raw /api -l a=b',
      stdout: '',
      stderr: 'error: --raw may not be specified with other flags that filter the server request or alter the output\n',
      code: 1,
    },
    {
      name: 'a streaming subresource',
      line: 'kubectl get --raw /api/v1/namespaces/default/pods/x/exec',
      stdout: '',
      stderr: 'Error from server (BadRequest): Upgrade request required\n',
      code: 1,
    },
    { name: 'delete with -o', line: 'kubectl delete --raw /x -o name', stdout: '', stderr: 'error: --raw and --output are mutually exclusive\n', code: 1 },
    { name: 'delete with --interactive', line: 'kubectl delete --raw /x -i', stdout: '', stderr: 'error: --interactive can not be used with --raw\n', code: 1 },
    { name: 'create without a file', line: 'kubectl create --raw /x', stdout: '', stderr: 'error: must specify one of -f and -k\n', code: 1 },
    { name: 'create with two files', line: 'kubectl create --raw /x -f a -f b', stdout: '', stderr: 'error: --raw can only use a single local file or stdin\n', code: 1 },
    { name: 'create from a URL', line: 'kubectl create --raw /x -f http://a/b', stdout: '', stderr: 'error: --raw cannot read from a url\n', code: 1 },
    { name: 'create with a selector', line: 'kubectl create --raw /x -f c.json -l a=b', stdout: '', stderr: 'error: --raw and --selector (-l) are mutually exclusive\n', code: 1 },
    { name: 'replace with -R', line: 'kubectl replace --raw /x -f c.json -R', stdout: '', stderr: 'error: --raw and --recursive are mutually exclusive\n', code: 1 },
  ])('answers $name as kubectl does', async ({ line, stdout, stderr, code }) => {
    const session = await newSession();
    expect(await runLine(session, line)).toEqual({ stdout, stderr, code });
  });

  it('sends a YAML file as JSON, which the server cannot read', async () => {
    const session = await newSession();
    await runLine(session, `printf 'apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: c\\n' > c.yaml`);
    expect(await runLine(session, 'kubectl create --raw /api/v1/namespaces/default/configmaps -f c.yaml')).toEqual({
      stdout: '',
      stderr: "Error from server (BadRequest): couldn't get version/kind; json parse error: invalid character looking for beginning of value\n",
      code: 1,
    });
  });

  it('creates, replaces and deletes through the paths, printing what the server wrote', async () => {
    const session = await newSession();
    await runLine(session, `echo '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"a":"1"}}' > c.json`);
    const created = await runLine(session, 'kubectl create --raw /api/v1/namespaces/default/configmaps -f c.json');
    expect(JSON.parse(created.stdout)).toMatchObject({ kind: 'ConfigMap', metadata: { name: 'c', managedFields: [{ manager: 'kubectl' }] }, data: { a: '1' } });
    await runLine(session, `sed -i 's/"1"/"2"/' c.json`);
    const replaced = await runLine(session, 'kubectl replace --raw /api/v1/namespaces/default/configmaps/c -f c.json');
    expect(JSON.parse(replaced.stdout)).toMatchObject({ data: { a: '2' } });
    expect((await runLine(session, 'kubectl get --raw /api/v1/namespaces/default/configmaps/c')).stdout).toBe(replaced.stdout);
    expect((await runLine(session, 'kubectl delete --raw /api/v1/namespaces/default/configmaps/c')).code).toBe(0);
    expect(await runLine(session, 'kubectl get cm c')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): configmaps "c" not found\n', code: 1 });
  });

  // Against `cka-lab serve` the real kubectl copies each event line as it comes and runs until
  // Ctrl-C (130), or until the server ends the watch at timeoutSeconds (0).
  it.each([
    { name: 'until Ctrl-C', path: '/api/v1/namespaces/default/configmaps?watch=true', code: 130, events: ['ADDED kube-root-ca.crt', 'ADDED late'] },
    { name: 'until the server times the watch out', path: '/api/v1/watch/namespaces/default/configmaps?timeoutSeconds=5', code: 0, events: ['ADDED kube-root-ca.crt'] },
  ])('streams a watch path $name', async ({ path, code, events }) => {
    const session = await newSession();
    let out = '';
    const interrupt = createInterrupt();
    const running = session.run(`kubectl get --raw '${path}'`, { stdout: { write: (t) => (out += t) }, stderr: { write: (t) => (out += t) }, interrupt });
    await session.cluster.pump.advance(6000);
    await runLine(session, 'kubectl create configmap late');
    await session.cluster.pump.advance(1000);
    interrupt.fire();
    expect(await running).toBe(code);
    const lines = out.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((line) => JSON.parse(line) as { type: string; object: { metadata: { name: string } } }).map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(events);
  });
});
