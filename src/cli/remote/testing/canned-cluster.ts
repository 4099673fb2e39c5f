/** Canned answers of a one-pod cluster, as a v1.35 API server words them. */
import type { Route } from './fake-api-server.ts';

const resource = (name: string, kind: string, namespaced: boolean, extra: Record<string, unknown> = {}) => ({
  name,
  singularName: name.includes('/') ? '' : kind.toLowerCase(),
  namespaced,
  kind,
  verbs: name.includes('/') ? ['get'] : ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  ...extra,
});

export const WEB_POD = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: 'default', uid: 'a1b2', resourceVersion: '101', creationTimestamp: '2026-12-06T08:00:00Z' },
  spec: { containers: [{ name: 'web', image: 'nginx' }] },
  status: {
    phase: 'Running',
    containerStatuses: [{ name: 'web', ready: true, restartCount: 0, state: { running: { startedAt: '2026-12-06T08:00:05Z' } }, containerID: 'containerd://abc' }],
  },
};

export const WEB_TABLE = {
  kind: 'Table',
  apiVersion: 'meta.k8s.io/v1',
  metadata: { resourceVersion: '101' },
  columnDefinitions: [
    { name: 'Name', type: 'string', format: 'name', description: '', priority: 0 },
    { name: 'Ready', type: 'string', format: '', description: '', priority: 0 },
    { name: 'Status', type: 'string', format: '', description: '', priority: 0 },
    { name: 'Restarts', type: 'string', format: '', description: '', priority: 0 },
    { name: 'Age', type: 'string', format: '', description: '', priority: 0 },
    { name: 'IP', type: 'string', format: '', description: '', priority: 1 },
    { name: 'Node', type: 'string', format: '', description: '', priority: 1 },
  ],
  rows: [
    { cells: ['web', '1/1', 'Running', '0', '5m', '10.244.1.5', 'node01'], object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: WEB_POD.metadata } },
  ],
};

const notFound = (name: string) => ({
  status: 404,
  body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `pods "${name}" not found`, reason: 'NotFound', details: { name, kind: 'pods' }, code: 404 },
});

const tableOr = (object: unknown) => (req: { accept: string }) => ({ body: req.accept.includes('as=Table') ? WEB_TABLE : object });

export const CANNED_CLUSTER: Record<string, Route> = {
  'GET /api': { body: { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '192.168.121.10:6443' }] } },
  'GET /apis': {
    body: {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: [{ name: 'apps', versions: [{ groupVersion: 'apps/v1', version: 'v1' }], preferredVersion: { groupVersion: 'apps/v1', version: 'v1' } }],
    },
  },
  'GET /api/v1': {
    body: {
      kind: 'APIResourceList',
      groupVersion: 'v1',
      resources: [
        resource('configmaps', 'ConfigMap', true, { shortNames: ['cm'] }),
        resource('namespaces', 'Namespace', false, { shortNames: ['ns'] }),
        resource('pods', 'Pod', true, { shortNames: ['po'], categories: ['all'] }),
        resource('pods/exec', 'PodExecOptions', true),
        resource('pods/log', 'Pod', true),
      ],
    },
  },
  'GET /apis/apps/v1': {
    body: {
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: 'apps/v1',
      resources: [resource('deployments', 'Deployment', true, { shortNames: ['deploy'], categories: ['all'] }), resource('deployments/scale', 'Scale', true)],
    },
  },
  'GET /api/v1/namespaces/default/pods': tableOr({ kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '101' }, items: [WEB_POD] }),
  'GET /api/v1/namespaces/default/pods/web': tableOr(WEB_POD),
  'GET /api/v1/namespaces/default/pods/nope': notFound('nope'),
  'GET /api/v1/namespaces/default/pods/locked': {
    status: 401,
    body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 },
  },
  // Not a Status: what a proxy in front of the API server might answer.
  'GET /api/v1/namespaces/default/pods/crash': { status: 500, body: 'boom' },
  'GET /api/v1/namespaces/default/pods/gone': { status: 404, body: '404 page not found\n' },
  'GET /api/v1/namespaces/default/pods?watch=true': (req) => {
    const object = req.accept.includes('as=Table') ? WEB_TABLE : WEB_POD;
    return {
      body: [
        { type: 'ADDED', object },
        { type: 'MODIFIED', object },
      ],
    };
  },
  'PATCH /api/v1/namespaces/default/pods/web': (req) => ({
    body: { ...WEB_POD, spec: { containers: [{ name: 'web', image: JSON.parse(req.body).spec?.containers?.[0]?.image ?? 'nginx' }] } },
  }),
  'GET /api/v1/namespaces/default/pods/web/log': { body: 'listening on :80\nGET / 200\n' },
  // Deleted at once: kubectl's wait for it to be gone sees a 404 straight away.
  'DELETE /api/v1/namespaces/default/pods/old': { body: { ...WEB_POD, metadata: { ...WEB_POD.metadata, name: 'old' } } },
  'GET /api/v1/namespaces/default/pods/old': notFound('old'),
  'POST /api/v1/namespaces/default/configmaps': {
    status: 201,
    headers: [['Warning', '299 - "metadata.finalizers: \\"x\\": prefer a domain-qualified finalizer name"']],
    body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'default' } },
  },
  'GET /version': {
    body: {
      major: '1',
      minor: '32',
      gitVersion: 'v1.32.4',
      gitCommit: 'abc',
      gitTreeState: 'clean',
      buildDate: '2025-04-22T16:00:00Z',
      goVersion: 'go1.23.8',
      compiler: 'gc',
      platform: 'linux/amd64',
    },
  },
};
