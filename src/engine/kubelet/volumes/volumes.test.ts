import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/client.ts';
import { encodeBase64 } from '../../../lib/base64.ts';
import { createPodHarness } from '../../../../tests/support/pod-harness.ts';

const sleeper = (name: string, volumeMounts: object[], extra: object = {}) => ({ name, image: 'busybox:1.28', command: ['sleep', '3600'], volumeMounts, ...extra });

function pod(name: string, spec: object, namespace = 'default'): KubeObject {
  return { kind: 'Pod', metadata: { name, namespace }, spec } as KubeObject;
}

async function running(objects: KubeObject[], ms = 20_000) {
  const h = await createPodHarness();
  for (const object of objects) h.apply(object);
  await h.pump.advance(ms);
  return h;
}

const configMap = { kind: 'ConfigMap', metadata: { name: 'app-config' }, data: { 'app.conf': 'color=blue\n', mode: 'debug' } } as KubeObject;
const secret = { kind: 'Secret', metadata: { name: 'db' }, type: 'Opaque', data: { DB_Password: encodeBase64('paswrd'), DB_User: encodeBase64('root') } } as KubeObject;

describe('volumes as containers see them through kubectl exec', () => {
  it('shares an emptyDir between the containers of one pod', async () => {
    const h = await running([
      pod('shared', {
        containers: [sleeper('writer', [{ name: 'scratch', mountPath: '/data' }]), sleeper('reader', [{ name: 'scratch', mountPath: '/shared' }])],
        volumes: [{ name: 'scratch', emptyDir: {} }],
      }),
    ]);
    expect((await h.exec('shared', ['sh', '-c', 'echo hello > /data/greeting'], { container: 'writer' })).exitCode).toBe(0);
    expect((await h.exec('shared', ['cat', '/shared/greeting'], { container: 'reader' })).stdout).toBe('hello\n');
  });

  it('starts an emptyDir empty again for a new pod of the same name', async () => {
    const manifest = pod('scratchy', { containers: [sleeper('c', [{ name: 'scratch', mountPath: '/data' }])], volumes: [{ name: 'scratch', emptyDir: {} }] });
    const h = await running([manifest]);
    await h.exec('scratchy', ['touch', '/data/marker']);
    h.server.handle({ verb: 'delete', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'scratchy', query: { gracePeriodSeconds: 0 } });
    await h.pump.advance(5_000);
    h.apply(manifest);
    await h.pump.advance(20_000);
    expect((await h.exec('scratchy', ['ls', '/data'])).stdout).toBe('');
  });

  it('shares a hostPath between pods on the same node, creating it for DirectoryOrCreate', async () => {
    const volume = { name: 'log-volume', hostPath: { path: '/var/log/webapp', type: 'DirectoryOrCreate' } };
    const h = await running([
      pod('one', { nodeName: 'node01', containers: [sleeper('c', [{ name: 'log-volume', mountPath: '/log' }])], volumes: [volume] }),
      pod('two', { nodeName: 'node01', containers: [sleeper('c', [{ name: 'log-volume', mountPath: '/var/log/event-simulator/' }])], volumes: [volume] }),
    ]);
    await h.exec('one', ['sh', '-c', 'echo line >> /log/app.log']);
    expect((await h.exec('two', ['cat', '/var/log/event-simulator/app.log'])).stdout).toBe('line\n');
  });

  it.each([
    ['Directory', '/data/missing', 'hostPath type check failed: /data/missing is not a directory'],
    ['File', '/etc/app.conf', 'hostPath type check failed: /etc/app.conf is not a file'],
    ['Socket', '/var/run/docker.sock', 'hostPath type check failed: /var/run/docker.sock is not a socket file'],
  ])('fails a hostPath of type %s whose path is missing', async (type, path, message) => {
    const h = await running([pod('host', { containers: [sleeper('c', [{ name: 'v', mountPath: '/mnt' }])], volumes: [{ name: 'v', hostPath: { path, type } }] })], 10_000);
    expect(h.row('host').slice(0, 2)).toEqual(['0/1', 'ContainerCreating']);
    expect(h.events('host').find((e) => e.reason === 'FailedMount')?.message).toBe(`MountVolume.SetUp failed for volume "v" : ${message}`);
  });

  it('projects every key of a configMap as a file, read-only', async () => {
    const h = await running([
      configMap,
      pod('cm', { containers: [sleeper('c', [{ name: 'config', mountPath: '/etc/config' }])], volumes: [{ name: 'config', configMap: { name: 'app-config' } }] }),
    ]);
    expect((await h.exec('cm', ['ls', '/etc/config'])).stdout).toBe('app.conf\nmode\n');
    expect((await h.exec('cm', ['cat', '/etc/config/app.conf'])).stdout).toBe('color=blue\n');
    expect((await h.exec('cm', ['ls', '-a', '/etc/config'])).stdout).toMatch(/^\.\.2026_11_22_22_00_\d\d\.\d+\n\.\.data\napp\.conf\nmode\n$/);
    const write = await h.exec('cm', ['touch', '/etc/config/new']);
    // busybox's touch, not coreutils': `touch: FILE: reason`.
    expect([write.exitCode, write.stderr]).toEqual([1, 'touch: /etc/config/new: Read-only file system\n']);
  });

  it('maps items to paths with their modes, and defaultMode to the rest', async () => {
    const h = await running([
      configMap,
      pod('items', {
        containers: [sleeper('c', [{ name: 'config', mountPath: '/etc/app' }])],
        volumes: [
          {
            name: 'config',
            configMap: {
              name: 'app-config',
              defaultMode: 0o400,
              items: [
                { key: 'app.conf', path: 'conf/app.conf' },
                { key: 'mode', path: 'mode.txt', mode: 0o600 },
              ],
            },
          },
        ],
      }),
    ]);
    expect((await h.exec('items', ['cat', '/etc/app/conf/app.conf'])).stdout).toBe('color=blue\n');
    expect((await h.exec('items', ['ls', '-l', '/etc/app/mode.txt'])).stdout).toMatch(/^-rw------- /);
    expect((await h.exec('items', ['ls', '-l', '/etc/app/conf'])).stdout).toMatch(/\n-r-------- .* app\.conf\n$/);
  });

  it('mounts one key with subPath and a writable emptyDir read-only when asked', async () => {
    const h = await running([
      configMap,
      pod('sub', {
        containers: [
          sleeper('c', [
            { name: 'config', mountPath: '/opt/app.conf', subPath: 'app.conf' },
            { name: 'scratch', mountPath: '/scratch', readOnly: true },
          ]),
        ],
        volumes: [
          { name: 'config', configMap: { name: 'app-config' } },
          { name: 'scratch', emptyDir: {} },
        ],
      }),
    ]);
    expect((await h.exec('sub', ['cat', '/opt/app.conf'])).stdout).toBe('color=blue\n');
    const write = await h.exec('sub', ['sh', '-c', 'echo x > /scratch/f']);
    expect(write.exitCode).not.toBe(0);
    expect(write.stderr).toBe("sh: can't create /scratch/f: Read-only file system\n");
  });

  it('decodes secret keys into files', async () => {
    const h = await running([
      secret,
      pod('sec', { containers: [sleeper('c', [{ name: 'db', mountPath: '/etc/db', readOnly: true }])], volumes: [{ name: 'db', secret: { secretName: 'db' } }] }),
    ]);
    expect((await h.exec('sec', ['cat', '/etc/db/DB_Password'])).stdout).toBe('paswrd');
  });

  it('mounts the service account token volume with ca.crt, namespace and a JWT', async () => {
    const h = await running([{ kind: 'Namespace', metadata: { name: 'elastic-stack' } } as KubeObject]);
    h.apply(pod('sa', { containers: [sleeper('c', [])] }, 'elastic-stack'));
    await h.pump.advance(20_000);
    const dir = '/var/run/secrets/kubernetes.io/serviceaccount';
    const opts = { namespace: 'elastic-stack' };
    expect((await h.exec('sa', ['ls', dir], opts)).stdout).toBe('ca.crt\nnamespace\ntoken\n');
    expect((await h.exec('sa', ['cat', `${dir}/namespace`], opts)).stdout).toBe('elastic-stack');
    expect((await h.exec('sa', ['cat', `${dir}/ca.crt`], opts)).stdout).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    const token = (await h.exec('sa', ['cat', `${dir}/token`], opts)).stdout;
    expect(token).toMatch(/^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]{342}$/);
    const volume = h.pod('sa', 'elastic-stack')!.spec!.volumes![0]!.name;
    expect(volume).toMatch(/^kube-api-access-[a-z0-9]{5}$/);
    expect(h.pod('sa', 'elastic-stack')!.status!.containerStatuses![0]!.volumeMounts).toEqual([{ mountPath: dir, name: volume, readOnly: true, recursiveReadOnly: 'Disabled' }]);
  });

  it.each([
    ['a missing secret', { name: 'v', secret: { secretName: 'nope' } }, 'secret "nope" not found'],
    ['a missing configMap key', { name: 'v', configMap: { name: 'app-config', items: [{ key: 'absent', path: 'a' }] } }, 'configmap references non-existent config key: absent'],
  ])('keeps the pod in ContainerCreating for %s', async (_name, volume, message) => {
    const h = await running([configMap, pod('broken', { containers: [sleeper('c', [{ name: 'v', mountPath: '/v' }])], volumes: [volume] })], 10_000);
    expect(h.row('broken').slice(0, 2)).toEqual(['0/1', 'ContainerCreating']);
    expect(h.events('broken').find((e) => e.reason === 'FailedMount')?.message).toBe(`MountVolume.SetUp failed for volume "v" : ${message}`);
  });

  it('lets an optional missing configMap mount as an empty directory', async () => {
    const h = await running([
      pod('optional', { containers: [sleeper('c', [{ name: 'v', mountPath: '/v' }])], volumes: [{ name: 'v', configMap: { name: 'nope', optional: true } }] }),
    ]);
    expect(h.row('optional').slice(0, 2)).toEqual(['1/1', 'Running']);
    expect((await h.exec('optional', ['ls', '/v'])).stdout).toBe('');
  });

  it('shows a configMap update in the volume within a couple of minutes, but not through subPath', async () => {
    const h = await running([
      configMap,
      pod('live', {
        containers: [
          sleeper('c', [
            { name: 'config', mountPath: '/etc/config' },
            { name: 'config', mountPath: '/opt/app.conf', subPath: 'app.conf' },
          ]),
        ],
        volumes: [{ name: 'config', configMap: { name: 'app-config' } }],
      }),
    ]);
    h.server.handle({
      verb: 'update',
      group: '',
      version: 'v1',
      resource: 'configmaps',
      namespace: 'default',
      name: 'app-config',
      body: { ...configMap, apiVersion: 'v1', data: { 'app.conf': 'color=green\n' } } as KubeObject,
    });
    await h.pump.advance(120_000);
    expect((await h.exec('live', ['cat', '/etc/config/app.conf'])).stdout).toBe('color=green\n');
    expect((await h.exec('live', ['ls', '/etc/config'])).stdout).toBe('app.conf\n');
    expect((await h.exec('live', ['cat', '/opt/app.conf'])).stdout).toBe('color=blue\n');
    const hidden = (await h.exec('live', ['ls', '-a', '/etc/config'])).stdout.split('\n').filter((n) => n.startsWith('..2026'));
    expect(hidden).toHaveLength(1);
  });

  it('keeps the projected token and files as they are while nothing changes', async () => {
    const h = await running([
      configMap,
      pod('steady', { containers: [sleeper('c', [{ name: 'config', mountPath: '/etc/config' }])], volumes: [{ name: 'config', configMap: { name: 'app-config' } }] }),
    ]);
    const token = '/var/run/secrets/kubernetes.io/serviceaccount/token';
    const before = [(await h.exec('steady', ['cat', token])).stdout, (await h.exec('steady', ['ls', '-a', '/etc/config'])).stdout];
    await h.pump.advance(5 * 60_000);
    const after = [(await h.exec('steady', ['cat', token])).stdout, (await h.exec('steady', ['ls', '-a', '/etc/config'])).stdout];
    expect(after).toEqual(before);
  });

  it('gives a restarted container a fresh root but keeps its volumes', async () => {
    const h = await running([
      pod('restart', {
        containers: [{ name: 'c', image: 'busybox:1.28', command: ['sh', '-c', 'echo run >> /data/runs; sleep 30; exit 1'], volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
        volumes: [{ name: 'data', emptyDir: {} }],
      }),
    ]);
    await h.exec('restart', ['touch', '/tmp/marker']);
    await h.pump.advance(20_000);
    expect(h.row('restart').slice(0, 3)).toEqual(['1/1', 'Running', expect.stringMatching(/^1 \(\d+s ago\)$/)]);
    expect((await h.exec('restart', ['cat', '/data/runs'])).stdout).toBe('run\nrun\n');
    expect((await h.exec('restart', ['ls', '/tmp'])).stdout).toBe('');
  });
});

describe('a node filesystem the host supplies', () => {
  it('backs hostPath volumes, so files a pod writes show on the node', async () => {
    const { Cluster } = await import('../../cluster.ts');
    const { ContainerToolbox } = await import('../../../session/container-toolbox.ts');
    const { MemoryFileSystem } = await import('../../../shell/fs/memory-file-system.ts');
    const { nodeYield } = await import('../../../../tests/support/session.ts');
    const controlplane = new MemoryFileSystem();
    const cluster = await Cluster.create({ yieldToHost: nodeYield, toolRunner: new ContainerToolbox(nodeYield), nodeFileSystems: { controlplane } });
    cluster.server.handle({
      verb: 'create',
      group: '',
      version: 'v1',
      resource: 'pods',
      namespace: 'default',
      body: pod('writer', {
        nodeName: 'controlplane',
        tolerations: [{ operator: 'Exists' }],
        containers: [{ name: 'c', image: 'busybox:1.28', command: ['sh', '-c', 'echo hello > /log/app.log; sleep 3600'], volumeMounts: [{ name: 'log', mountPath: '/log' }] }],
        volumes: [{ name: 'log', hostPath: { path: '/var/log/webapp', type: 'DirectoryOrCreate' } }],
      }),
    });
    await cluster.pump.advance(20_000);
    expect(controlplane.readFile('/var/log/webapp/app.log')).toBe('hello\n');
  });
});
