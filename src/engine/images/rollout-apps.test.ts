import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/client.ts';
import { createPodHarness } from '../../../tests/support/pod-harness.ts';

const pod = (name: string, image: string) => ({ kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image }] } }) as KubeObject;

async function started(name: string, image: string) {
  const h = await createPodHarness();
  h.apply(pod(name, image));
  await h.pump.advance(30_000);
  const ip = h.pod(name)!.status!.podIP!;
  const get = async (port: number, path: string) => {
    const r = await h.cluster.nodes.network.httpGet('host', `http://${ip}:${port}${path}`, { timeoutMs: 1000 });
    return `${r.status} ${r.body}`;
  };
  return { h, get };
}

describe('luksa/kubia', () => {
  it.each([
    ['latest', "200 You've hit kubia\n"],
    ['v1', '200 This is v1 running in pod kubia\n'],
    ['v4', '200 This is v4 running in pod kubia\n'],
  ])('%s answers with its page', async (tag, page) => {
    const { h, get } = await started('kubia', `luksa/kubia:${tag}`);
    expect(await get(8080, '/')).toBe(page);
    expect(await h.logs('kubia')).toBe('Kubia server starting...\nReceived request from ::ffff:192.168.121.10\n');
  });

  it('v3 fails from its fifth request on', async () => {
    const { get } = await started('kubia', 'luksa/kubia:v3');
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await get(8080, '/'));
    expect(answers).toEqual([...Array(4).fill('200 This is v3 running in pod kubia\n'), ...Array(2).fill('500 Some internal error has occurred! This is pod kubia\n')]);
  });
});

describe('kelseyhightower/hello', () => {
  it.each([
    ['1.0.0', '200 {"version":"1.0.0"}\n'],
    ['2.0.0', '200 {"version":"2.0.0"}\n'],
  ])('%s answers its version, health and readiness', async (tag, version) => {
    const { h, get } = await started('hello', `kelseyhightower/hello:${tag}`);
    expect([await get(80, '/'), await get(80, '/version'), await get(81, '/healthz'), await get(81, '/readiness'), await get(80, '/secure'), await get(80, '/nope')]).toEqual([
      '200 {"message":"Hello"}\n',
      version,
      '200 ',
      '200 ',
      '401 authorization failed\n',
      '404 404 page not found\n',
    ]);
    const logs = (await h.logs('hello')).split('\n');
    expect(logs.slice(0, 3).map((l) => l.replace(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d /, ''))).toEqual([
      'Starting server...',
      'Health service listening on 0.0.0.0:81',
      'HTTP service listening on 0.0.0.0:80',
    ]);
    expect(logs[4]).toMatch(/^192\.168\.121\.10:\d+ - - \[\w{3}, \d\d Nov 2026 \d\d:\d\d:\d\d UTC\] "GET \/version HTTP\/1\.1" $/);
  });
});
