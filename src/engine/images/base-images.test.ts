import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/client.ts';
import { createPodHarness } from '../../../tests/support/pod-harness.ts';

const pod = (name: string, container: Record<string, unknown>, restartPolicy = 'Always') =>
  ({ kind: 'Pod', metadata: { name }, spec: { restartPolicy, containers: [{ name: 'c', ...container }] } }) as KubeObject;

// What `kubectl get pods` and `kubectl logs` show for the plain images of labs-catalogue §18.1.
const cases: { name: string; pod: KubeObject; row: [string, string]; logs: string | RegExp }[] = [
  { name: 'busybox with no command exits 0 (sh without a TTY)', pod: pod('bb', { image: 'busybox' }, 'Never'), row: ['0/1', 'Completed'], logs: '' },
  {
    name: 'busybox:1.28 runs an echo and sleep',
    pod: pod('red', { image: 'busybox:1.28', command: ['sh', '-c', 'echo The app is running! && sleep 3600'] }),
    row: ['1/1', 'Running'],
    logs: 'The app is running!\n',
  },
  { name: 'ubuntu with no command exits 0 (bash without a TTY)', pod: pod('ub', { image: 'ubuntu' }, 'Never'), row: ['0/1', 'Completed'], logs: '' },
  {
    name: 'ubuntu sleep with no operand fails',
    pod: pod('ub2', { image: 'ubuntu', command: ['sleep'] }, 'Never'),
    row: ['0/1', 'Error'],
    logs: "sleep: missing operand\nTry 'sleep --help' for more information.\n",
  },
  { name: 'ubuntu sleep 4800 runs', pod: pod('ubuntu-sleeper', { image: 'ubuntu', command: ['sleep', '4800'] }), row: ['1/1', 'Running'], logs: '' },
  {
    name: 'redis starts and waits for connections',
    pod: pod('gold', { image: 'redis' }),
    row: ['1/1', 'Running'],
    logs: /^1:C \d\d Nov 2026 22:00:\d\d\.\d{3} # WARNING Memory overcommit[\s\S]*\* Ready to accept connections tcp\n$/,
  },
  {
    name: 'nginx runs its entrypoint scripts',
    pod: pod('web', { image: 'nginx' }),
    row: ['1/1', 'Running'],
    logs: /\/docker-entrypoint\.sh: Configuration complete; ready for start up\n2026\/11\/22 22:00:\d\d \[notice\] 1#1: using the "epoll" event method\n/,
  },
  { name: 'nginx:1.14.2 starts quietly', pod: pod('old', { image: 'nginx:1.14.2' }), row: ['1/1', 'Running'], logs: '' },
];

describe('plain images', () => {
  it.each(cases)('$name', async ({ pod: manifest, row, logs }) => {
    const h = await createPodHarness();
    h.apply(manifest);
    await h.pump.advance(30_000);
    const name = manifest.metadata!.name!;
    expect(h.row(name).slice(0, 2)).toEqual(row);
    const text = await h.logs(name);
    if (typeof logs === 'string') expect(text).toBe(logs);
    else expect(text).toMatch(logs);
  });

  it('serves the nginx welcome page and logs the request', async () => {
    const h = await createPodHarness();
    h.apply(pod('web', { image: 'nginx' }));
    await h.pump.advance(30_000);
    const ip = h.pod('web')!.status!.podIP!;
    const page = await h.cluster.nodes.network.httpGet('host', `http://${ip}/`, { timeoutMs: 1000 });
    expect(page.body).toContain('<title>Welcome to nginx!</title>');
    expect(await h.logs('web')).toMatch(new RegExp(`\\n192\\.168\\.121\\.10 - - \\[22/Nov/2026:22:00:\\d\\d \\+0000\\] "GET / HTTP/1\\.1" 200 615 "-" "-" "-"\\n$`));
  });

  it.each([
    [
      'agentx',
      'Failed to pull image "agentx": failed to pull and unpack image "docker.io/library/agentx:latest": failed to resolve reference "docker.io/library/agentx:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    ],
    [
      'kodekloud/webapp-color:v4',
      'Failed to pull image "kodekloud/webapp-color:v4": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/kodekloud/webapp-color:v4": failed to resolve reference "docker.io/kodekloud/webapp-color:v4": docker.io/kodekloud/webapp-color:v4: not found',
    ],
  ])('fails to pull %s as containerd words it', async (image, message) => {
    const h = await createPodHarness();
    h.apply(pod('pull', { image }));
    await h.pump.advance(10_000);
    const events = h.events('pull').map((e) => `${e.type} ${e.reason} ${e.message}`);
    expect(events).toEqual(
      expect.arrayContaining([
        `Normal Pulling Pulling image "${image}"`,
        `Warning Failed ${message}`,
        'Warning Failed Error: ErrImagePull',
        `Normal BackOff Back-off pulling image "${image}"`,
        'Warning Failed Error: ImagePullBackOff',
      ]),
    );
  });
});
