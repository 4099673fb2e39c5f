import type { ConfigMap, Container, EnvFromSource, EnvVar, Pod, Secret } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { Lister } from '../client/lister.ts';
import { buildContainerEnv, type EnvSources } from './container-env.ts';

function lister<T extends { metadata?: { namespace?: string; name?: string } }>(items: T[]): Lister<T> {
  return {
    get: (namespace: string | undefined, name: string) => items.find((i) => i.metadata?.namespace === namespace && i.metadata?.name === name),
    list: (namespace?: string) => items.filter((i) => namespace === undefined || i.metadata?.namespace === namespace),
  } as unknown as Lister<T>;
}

const sources: EnvSources = {
  services: lister([]),
  configMaps: lister<ConfigMap>([{ metadata: { namespace: 'default', name: 'webapp-config-map' }, data: { APP_COLOR: 'darkblue', APP_OTHER: 'disregard' } }]),
  secrets: lister<Secret>([{ metadata: { namespace: 'default', name: 'db-secret' }, data: { DB_Host: 'c3FsMDE=', DB_User: 'cm9vdA==' } }]),
};
const pod: Pod = { metadata: { namespace: 'default', name: 'webapp' }, spec: { containers: [] } };

/** The variables a container gets beyond HOSTNAME and HOME, or the CreateContainerConfigError message. */
function build(env: EnvVar[] = [], envFrom: EnvFromSource[] = []): Record<string, string> | string {
  const container: Container = { name: 'c', env, envFrom };
  const result = buildContainerEnv(sources, { ...pod, spec: { enableServiceLinks: false, containers: [container] } }, container, {});
  if (!result.ok) return result.message;
  const { HOSTNAME: _h, HOME: _home, ...rest } = result.env;
  return rest;
}

// Models pkg/kubelet/kubelet_pods.go makeEnvironmentVariables.
describe('buildContainerEnv', () => {
  it.each<{ name: string; env?: EnvVar[]; envFrom?: EnvFromSource[]; expected: Record<string, string> | string }>([
    { name: 'a literal value', env: [{ name: 'APP_COLOR', value: 'pink' }], expected: { APP_COLOR: 'pink' } },
    {
      name: 'a ConfigMap key',
      env: [{ name: 'APP_COLOR', valueFrom: { configMapKeyRef: { name: 'webapp-config-map', key: 'APP_COLOR' } } }],
      expected: { APP_COLOR: 'darkblue' },
    },
    {
      name: 'a Secret key, decoded',
      env: [{ name: 'DB_Host', valueFrom: { secretKeyRef: { name: 'db-secret', key: 'DB_Host' } } }],
      expected: { DB_Host: 'sql01' },
    },
    {
      name: 'envFrom a ConfigMap with a prefix',
      envFrom: [{ prefix: 'CM_', configMapRef: { name: 'webapp-config-map' } }],
      expected: { CM_APP_COLOR: 'darkblue', CM_APP_OTHER: 'disregard' },
    },
    { name: 'envFrom a Secret', envFrom: [{ secretRef: { name: 'db-secret' } }], expected: { DB_Host: 'sql01', DB_User: 'root' } },
    {
      name: 'env overrides envFrom',
      env: [{ name: 'APP_COLOR', value: 'green' }],
      envFrom: [{ configMapRef: { name: 'webapp-config-map' } }],
      expected: { APP_COLOR: 'green', APP_OTHER: 'disregard' },
    },
    {
      name: 'a missing ConfigMap',
      env: [{ name: 'APP_COLOR', valueFrom: { configMapKeyRef: { name: 'webapp-config-mapp', key: 'APP_COLOR' } } }],
      expected: 'configmap "webapp-config-mapp" not found',
    },
    {
      name: 'a missing ConfigMap key',
      env: [{ name: 'APP_COLOR', valueFrom: { configMapKeyRef: { name: 'webapp-config-map', key: 'APP_COLOUR' } } }],
      expected: "couldn't find key APP_COLOUR in ConfigMap default/webapp-config-map",
    },
    { name: 'a missing Secret in envFrom', envFrom: [{ secretRef: { name: 'db-secrets' } }], expected: 'secret "db-secrets" not found' },
    {
      name: 'a missing Secret key',
      env: [{ name: 'DB_Password', valueFrom: { secretKeyRef: { name: 'db-secret', key: 'DB_Password' } } }],
      expected: "couldn't find key DB_Password in Secret default/db-secret",
    },
    {
      name: 'optional references that are missing are skipped',
      env: [
        { name: 'A', valueFrom: { configMapKeyRef: { name: 'nope', key: 'A', optional: true } } },
        { name: 'B', valueFrom: { secretKeyRef: { name: 'db-secret', key: 'B', optional: true } } },
      ],
      envFrom: [{ configMapRef: { name: 'nope', optional: true } }],
      expected: {},
    },
    {
      name: 'a value expands an earlier variable',
      env: [
        { name: 'A', value: 'x' },
        { name: 'B', value: '$(A)-y' },
      ],
      expected: { A: 'x', B: 'x-y' },
    },
  ])('$name', ({ env, envFrom, expected }) => {
    expect(build(env, envFrom)).toEqual(expected);
  });
});
