import { describe, expect, it } from 'vitest';
import { CLOCK_PATH, LAB_PATH, routeOf, type Route } from './request-route.ts';
import { TEST_RESOURCES } from './testing/resources.ts';

const cases: { name: string; path: string; want: Route }[] = [
  { name: 'version', path: '/version', want: { kind: 'version' } },
  { name: 'readiness', path: '/readyz', want: { kind: 'health' } },
  { name: 'core discovery', path: '/api', want: { kind: 'api-versions' } },
  { name: 'group discovery', path: '/apis/', want: { kind: 'api-groups' } },
  { name: 'core resource list', path: '/api/v1', want: { kind: 'api-resources', group: '', version: 'v1' } },
  { name: 'group resource list', path: '/apis/apps/v1', want: { kind: 'api-resources', group: 'apps', version: 'v1' } },
  { name: 'unserved group', path: '/apis/batch/v1', want: { kind: 'not-found' } },
  { name: 'openapi v2', path: '/openapi/v2', want: { kind: 'openapi-v2' } },
  { name: 'openapi v3 root', path: '/openapi/v3', want: { kind: 'openapi-v3-root' } },
  { name: 'openapi v3 group version', path: '/openapi/v3/apis/apps/v1', want: { kind: 'openapi-v3', groupVersionPath: 'apis/apps/v1' } },
  { name: 'clock', path: CLOCK_PATH, want: { kind: 'clock' } },
  { name: 'lab', path: LAB_PATH, want: { kind: 'lab' } },
  { name: 'pods in all namespaces', path: '/api/v1/pods', want: { kind: 'resource', path: { group: '', version: 'v1', resource: 'pods', watchPath: false } } },
  {
    name: 'pods in a namespace',
    path: '/api/v1/namespaces/default/pods',
    want: { kind: 'resource', path: { group: '', version: 'v1', resource: 'pods', namespace: 'default', watchPath: false } },
  },
  {
    name: 'one pod',
    path: '/api/v1/namespaces/default/pods/web',
    want: { kind: 'resource', path: { group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'web', watchPath: false } },
  },
  {
    name: 'pod log',
    path: '/api/v1/namespaces/default/pods/web/log',
    want: { kind: 'resource', path: { group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'web', subresource: 'log', watchPath: false } },
  },
  {
    name: 'a namespace itself',
    path: '/api/v1/namespaces/default',
    want: { kind: 'resource', path: { group: '', version: 'v1', resource: 'namespaces', name: 'default', watchPath: false } },
  },
  {
    name: 'a namespace subresource',
    path: '/api/v1/namespaces/default/finalize',
    want: { kind: 'resource', path: { group: '', version: 'v1', resource: 'namespaces', name: 'default', subresource: 'finalize', watchPath: false } },
  },
  { name: 'unknown resource in a namespace', path: '/api/v1/namespaces/default/widgets', want: { kind: 'not-found' } },
  {
    name: 'deployment scale',
    path: '/apis/apps/v1/namespaces/ns1/deployments/web/scale',
    want: { kind: 'resource', path: { group: 'apps', version: 'v1', resource: 'deployments', namespace: 'ns1', name: 'web', subresource: 'scale', watchPath: false } },
  },
  {
    name: 'legacy watch path',
    path: '/api/v1/watch/namespaces/default/pods',
    want: { kind: 'resource', path: { group: '', version: 'v1', resource: 'pods', namespace: 'default', watchPath: true } },
  },
  {
    name: 'percent-encoded name',
    path: '/api/v1/namespaces/default/pods/a%2Eb',
    want: { kind: 'resource', path: { group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'a.b', watchPath: false } },
  },
  { name: 'too many segments', path: '/api/v1/namespaces/default/pods/web/log/extra', want: { kind: 'not-found' } },
  { name: 'a malformed escape', path: '/api/v1/namespaces/default/pods/%zz', want: { kind: 'not-found' } },
  { name: 'unknown root', path: '/metrics', want: { kind: 'not-found' } },
];

describe('routeOf', () => {
  it.each(cases)('$name', ({ path, want }) => {
    expect(routeOf(path, TEST_RESOURCES)).toEqual(want);
  });
});
