import { describe, expect, it } from 'vitest';
import { ApiServer } from './api-server.ts';
import type { KubeObject } from './client.ts';
import { defaultServerLibraries } from './default-server-libraries.ts';
import { allResourceDefinitions } from './resources/index.ts';
import { SeededRandom } from '../clock/seeded-random.ts';
import { VirtualClock } from '../clock/virtual-clock.ts';
import { createSystemNamespaces } from './system-objects.ts';

function newServer(): ApiServer {
  const server = new ApiServer({
    clock: new VirtualClock(Date.parse('2026-01-01T00:00:00Z')),
    random: new SeededRandom(1),
    definitions: allResourceDefinitions(),
    libraries: defaultServerLibraries(),
  });
  createSystemNamespaces(server);
  return server;
}

const container = { name: 'c', image: 'busybox' };
const template = { metadata: { labels: { app: 'fz' } }, spec: { containers: [container] } };

/** A `null` in a list or a map is the element type's zero value to Go's decoder, never a hole. */
describe('null list elements and map values', () => {
  const cases: { name: string; group: string; resource: string; body: KubeObject; answer: string }[] = [
    {
      name: 'configmap data value',
      group: '',
      resource: 'configmaps',
      body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { k: null } },
      answer: 'created {"k":""}',
    },
    {
      name: 'secret data value',
      group: '',
      resource: 'secrets',
      body: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { k: 'dg==', e: null } },
      answer: 'created {"e":"","k":"dg=="}',
    },
    {
      name: 'container port',
      group: 'apps',
      resource: 'deployments',
      body: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'd' },
        spec: { selector: { matchLabels: { app: 'fz' } }, template: { ...template, spec: { containers: [{ ...container, ports: [null] }] } } },
      },
      answer: 'Deployment "d" is invalid: spec.template.spec.containers[0].ports[0].containerPort: Required value',
    },
    {
      name: 'endpoints subset',
      group: '',
      resource: 'endpoints',
      body: { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'ep' }, subsets: [null] },
      answer: 'Endpoints "ep" is invalid: subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`',
    },
    {
      name: 'service port',
      group: '',
      resource: 'services',
      body: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'svc' }, spec: { ports: [null] } },
      answer:
        'Service "svc" is invalid: [spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive, spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive]',
    },
  ];
  it.each(cases)('$name', ({ group, resource, body, answer }) => {
    const res = newServer().handle({ verb: 'create', group, version: 'v1', resource, namespace: 'default', body });
    const data = (res.body as KubeObject).data;
    expect(res.ok ? `created${data ? ` ${JSON.stringify(data, Object.keys(data as object).sort())}` : ''}` : res.body.message).toBe(answer);
  });
});
