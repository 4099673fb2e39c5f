import type { Container, Pod, Volume } from 'kubernetes-types/core/v1';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../engine/api/client.ts';
import { createTestCluster } from '../../../tests/support/test-cluster.ts';
import { MemoryFileSystem } from '../../shell/fs/memory-file-system.ts';
import { ObjectReader } from '../object-reader.ts';
import type { Check } from '../schema.ts';
import { checkContainer } from './container.ts';

type ContainerCheck = Extract<Check, { kind: 'container' }>;

const IMAGES: Record<string, { entrypoint: string[]; cmd: string[] }> = {
  'kodekloud/webapp-color': { entrypoint: ['python', 'app.py'], cmd: [] },
  busybox: { entrypoint: [], cmd: ['sh'] },
  'kodekloud/filebeat-configured': { entrypoint: ['filebeat'], cmd: [] },
};

const logVolume: Volume = { name: 'log-volume', hostPath: { path: '/var/log/webapp', type: 'DirectoryOrCreate' } };
const app: Container = { name: 'app', image: 'kodekloud/event-simulator', volumeMounts: [{ name: 'log-volume', mountPath: '/log' }] };
const sidecar = (over: Partial<Container> = {}): Container => ({
  name: 'sidecar',
  image: 'kodekloud/filebeat-configured',
  volumeMounts: [{ name: 'log-volume', mountPath: '/var/log/event-simulator/' }],
  ...over,
});
const webapp = (over: Partial<Container>): Container => ({ name: 'webapp', image: 'kodekloud/webapp-color', ...over });

const greenArgv: Partial<ContainerCheck> = { argv: ['python app.py --color green', 'python app.py --color=green'] };
const sleep20: Partial<ContainerCheck> = { among: 'initContainers', imageMatches: '^busybox(:[\\w.-]+)?$', argv: ['sleep 20'] };
const sidecarCheck: Partial<ContainerCheck> = {
  container: 'sidecar',
  among: 'sidecars',
  image: 'kodekloud/filebeat-configured',
  mounts: [{ volume: 'log-volume', path: '/var/log/event-simulator/' }],
};

const cases: { name: string; spec: Pod['spec']; check: Partial<ContainerCheck>; why: string }[] = [
  { name: 'args after the image ENTRYPOINT', spec: { containers: [webapp({ args: ['--color', 'green'] })] }, check: greenArgv, why: 'pass container "webapp" is as expected' },
  { name: 'an = flag', spec: { containers: [webapp({ args: ['--color=green'] })] }, check: greenArgv, why: 'pass container "webapp" is as expected' },
  {
    name: 'command spelling out the ENTRYPOINT',
    spec: { containers: [webapp({ command: ['python', 'app.py'], args: ['--color', 'green'] })] },
    check: greenArgv,
    why: 'pass container "webapp" is as expected',
  },
  {
    name: 'command that replaces the ENTRYPOINT',
    spec: { containers: [webapp({ command: ['--color', 'green'] })] },
    check: greenArgv,
    why: `fail pod p (container webapp) runs ["--color","green"]: command replaces the image's ENTRYPOINT ["python","app.py"]; pass these words as args instead; expected ["python","app.py","--color","green"] or ["python","app.py","--color=green"]`,
  },
  {
    name: 'the image default',
    spec: { containers: [webapp({})] },
    check: greenArgv,
    why: 'fail pod p (container webapp) runs ["python","app.py"] (the image default: no command or args are set); expected ["python","app.py","--color","green"] or ["python","app.py","--color=green"]',
  },
  {
    name: 'sleep through sh -c in an init container',
    spec: { initContainers: [{ name: 'init', image: 'busybox:1.28', command: ['sh', '-c', 'sleep 20'] }], containers: [webapp({})] },
    check: sleep20,
    why: 'pass init container "init" is as expected',
  },
  {
    name: 'sleep by its path',
    spec: { initContainers: [{ name: 'x', image: 'busybox', command: ['/bin/sleep', '20'] }], containers: [webapp({})] },
    check: sleep20,
    why: 'pass init container "x" is as expected',
  },
  {
    name: 'sleep as args of busybox',
    spec: { initContainers: [{ name: 'x', image: 'busybox', args: ['sleep', '20'] }], containers: [webapp({})] },
    check: sleep20,
    why: 'pass init container "x" is as expected',
  },
  {
    name: 'the whole command in one word',
    spec: { initContainers: [{ name: 'init', image: 'busybox', command: ['sleep 20'] }], containers: [webapp({})] },
    check: sleep20,
    why: 'fail pod p (init container init) runs ["sleep 20"]: that is one word, so the runtime looks for a program named "sleep 20"; expected ["sleep","20"]',
  },
  {
    name: 'a sleep too long',
    spec: { initContainers: [{ name: 'init', image: 'busybox', command: ['sh', '-c', 'sleep 200'] }], containers: [webapp({})] },
    check: sleep20,
    why: 'fail pod p (init container init) runs ["sh","-c","sleep 200"]; expected ["sleep","20"]',
  },
  { name: 'no init container', spec: { containers: [webapp({})] }, check: sleep20, why: 'fail pod p has no init container; expected one' },
  {
    name: 'another image',
    spec: { initContainers: [{ name: 'init', image: 'alpine', command: ['sleep', '20'] }], containers: [webapp({})] },
    check: sleep20,
    why: 'fail pod p (init container init) has image alpine; expected one matching /^busybox(:[\\w.-]+)?$/',
  },
  { name: 'a sidecar container', spec: { containers: [app, sidecar()], volumes: [logVolume] }, check: sidecarCheck, why: 'pass container "sidecar" is as expected' },
  {
    name: 'a native sidecar',
    spec: { initContainers: [sidecar({ restartPolicy: 'Always' })], containers: [app], volumes: [logVolume] },
    check: sidecarCheck,
    why: 'pass sidecar "sidecar" is as expected',
  },
  {
    name: 'a mount path without the trailing slash',
    spec: { containers: [app, sidecar({ volumeMounts: [{ name: 'log-volume', mountPath: '/var/log/event-simulator' }] })], volumes: [logVolume] },
    check: sidecarCheck,
    why: 'pass container "sidecar" is as expected',
  },
  {
    name: 'an init container that is not a sidecar',
    spec: { initContainers: [sidecar()], containers: [app], volumes: [logVolume] },
    check: sidecarCheck,
    why: 'fail pod p has init container sidecar without restartPolicy: Always, so it must finish before the app starts; expected a sidecar: a regular container or an init container with restartPolicy: Always',
  },
  {
    name: 'a sidecar with another name',
    spec: { containers: [app, sidecar({ name: 'filebeat' })], volumes: [logVolume] },
    check: sidecarCheck,
    why: 'fail pod p has no container named sidecar (it has app, filebeat); expected one',
  },
  {
    name: 'a mount at another path',
    spec: { containers: [app, sidecar({ volumeMounts: [{ name: 'log-volume', mountPath: '/var/log/event_simulator/' }] })], volumes: [logVolume] },
    check: sidecarCheck,
    why: 'fail pod p (container sidecar) mounts log-volume at /var/log/event_simulator/; expected /var/log/event-simulator/',
  },
  {
    name: 'a new emptyDir at the right path',
    spec: { containers: [app, sidecar({ volumeMounts: [{ name: 'logs', mountPath: '/var/log/event-simulator/' }] })], volumes: [logVolume, { name: 'logs', emptyDir: {} }] },
    check: sidecarCheck,
    why: 'fail pod p (container sidecar) mounts volume logs (an emptyDir) at /var/log/event-simulator/; expected volume log-volume there',
  },
  {
    name: 'no mounts',
    spec: { containers: [app, sidecar({ volumeMounts: [] })], volumes: [logVolume] },
    check: sidecarCheck,
    why: 'fail pod p (container sidecar) does not mount log-volume at /var/log/event-simulator/ (it has no volume mounts); expected it to',
  },
];

describe('container check', () => {
  let api: ApiClient;
  beforeAll(async () => {
    api = (await createTestCluster()).api;
  });

  it.each(cases)('judges $name', async ({ spec, check, why }) => {
    await api.request({ verb: 'delete', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'p', query: { gracePeriodSeconds: 0 } });
    const created = await api.request({
      verb: 'create',
      group: '',
      version: 'v1',
      resource: 'pods',
      namespace: 'default',
      body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec },
    });
    expect(created.ok && created.body.metadata?.name).toBe('p');
    const ctx = { reader: new ObjectReader(api), fs: new MemoryFileSystem(), captures: {}, images: (image: string) => IMAGES[image.replace(/:[\w.-]+$/, '')] };
    const result = await checkContainer({ kind: 'container', name: 'p', ...check }, ctx);
    expect(`${result.ok ? 'pass' : 'fail'} ${result.why}`).toBe(why);
  });
});
