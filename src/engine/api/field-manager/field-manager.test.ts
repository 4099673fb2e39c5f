import { describe, expect, it } from 'vitest';
import { ApiServer } from '../api-server.ts';
import type { ApiRequest, KubeObject } from '../client.ts';
import { defaultServerLibraries } from '../default-server-libraries.ts';
import { allResourceDefinitions } from '../resources/index.ts';
import { SeededRandom } from '../../clock/seeded-random.ts';
import { VirtualClock } from '../../clock/virtual-clock.ts';
import { createSystemNamespaces } from '../system-objects.ts';

const NOW = '2026-01-01T00:00:00Z';
const CM = { group: '', version: 'v1', resource: 'configmaps', namespace: 'default' };
const DEPLOY = { group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default' };

function newServer(): ApiServer {
  const server = new ApiServer({
    clock: new VirtualClock(Date.parse(NOW)),
    random: new SeededRandom(1),
    definitions: allResourceDefinitions(),
    libraries: defaultServerLibraries(),
  });
  createSystemNamespaces(server);
  return server;
}

const configMap = (data: Record<string, string>, labels?: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'cm', ...(labels ? { labels } : {}) },
  data,
});

const apply = (body: KubeObject, fieldManager: string | undefined, extra: Partial<ApiRequest['query']> = {}): ApiRequest => ({
  verb: 'patch',
  ...CM,
  name: 'cm',
  body,
  patchType: 'application/apply-patch+yaml',
  query: { ...(fieldManager ? { fieldManager } : {}), ...extra },
});

const entry = (manager: string, operation: string, fieldsV1: unknown, subresource?: string) => ({
  manager,
  operation,
  apiVersion: 'v1',
  time: NOW,
  fieldsType: 'FieldsV1',
  fieldsV1,
  ...(subresource ? { subresource } : {}),
});

function untimed<T extends { time?: string }>(e: T): Omit<T, 'time'> {
  const { time: _time, ...rest } = e;
  return rest;
}

function run(requests: ApiRequest[]) {
  const server = newServer();
  let last = server.handle(requests[0]!);
  for (const req of requests.slice(1)) last = server.handle(req);
  return last;
}

const managedFieldsOf = (res: ReturnType<typeof run>) => (res.body as KubeObject).metadata?.managedFields;

// Cases after staging/src/k8s.io/apiserver/pkg/endpoints/handlers/fieldmanager tests and
// structured-merge-diff merge tests, checked against a v1.35 server through the parity corpus.
describe('managedFields of ordinary writes', () => {
  it('a create records an Update entry with every field it set (TestUpdateApplyConflict setup)', () => {
    const res = run([{ verb: 'create', ...CM, body: configMap({ a: '1' }, { app: 'x' }), query: { fieldManager: 'kubectl-create' } }]);
    expect(managedFieldsOf(res)).toEqual([entry('kubectl-create', 'Update', { 'f:data': { '.': {}, 'f:a': {} }, 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } } })]);
  });

  it('an update that changes nothing adds no entry (TestNoOpChanges)', () => {
    const res = run([
      { verb: 'create', ...CM, body: configMap({ a: '1' }), query: { fieldManager: 'kubectl-create' } },
      { verb: 'update', ...CM, name: 'cm', body: configMap({ a: '1' }), query: { fieldManager: 'kubectl-replace' } },
    ]);
    expect(managedFieldsOf(res)).toEqual([entry('kubectl-create', 'Update', { 'f:data': { '.': {}, 'f:a': {} } })]);
  });

  it('an update takes the fields it changes from their previous manager', () => {
    const res = run([
      { verb: 'create', ...CM, body: configMap({ a: '1', b: '2' }), query: { fieldManager: 'kubectl-create' } },
      { verb: 'patch', ...CM, name: 'cm', body: { data: { a: '9' } }, patchType: 'application/merge-patch+json', query: { fieldManager: 'kubectl-patch' } },
    ]);
    expect(managedFieldsOf(res)).toEqual([entry('kubectl-create', 'Update', { 'f:data': { '.': {}, 'f:b': {} } }), entry('kubectl-patch', 'Update', { 'f:data': { 'f:a': {} } })]);
  });
});

describe('server-side apply', () => {
  it.each([
    {
      name: 'applying a missing object creates it (TestApplyNewObject)',
      requests: [apply(configMap({ a: '1' }), 'm1')],
      code: 201,
      managedFields: [entry('m1', 'Apply', { 'f:data': { 'f:a': {} } })],
    },
    {
      name: 'fields the applier stops sending are removed',
      requests: [apply(configMap({ a: '1', b: '2' }, { x: 'y' }), 'm1'), apply(configMap({ a: '1' }), 'm1')],
      code: 200,
      data: { a: '1' },
      managedFields: [entry('m1', 'Apply', { 'f:data': { 'f:a': {} } })],
    },
    {
      name: 'a field another applier also owns stays when one stops sending it',
      requests: [apply(configMap({ a: '1', b: '2' }), 'm1'), apply(configMap({ b: '2' }), 'm2'), apply(configMap({ a: '1' }), 'm1')],
      code: 200,
      data: { a: '1', b: '2' },
      // m2 changed nothing, so its entry has no time and sorts first (managedFieldsUpdater.Apply).
      managedFields: [untimed(entry('m2', 'Apply', { 'f:data': { 'f:b': {} } })), entry('m1', 'Apply', { 'f:data': { 'f:a': {} } })],
    },
    {
      name: 'the same value is co-owned, not a conflict',
      requests: [apply(configMap({ a: '1' }), 'm1'), apply(configMap({ a: '1' }), 'm2')],
      code: 200,
      managedFields: [untimed(entry('m2', 'Apply', { 'f:data': { 'f:a': {} } })), entry('m1', 'Apply', { 'f:data': { 'f:a': {} } })],
    },
    {
      name: 'force takes the field from its manager',
      requests: [apply(configMap({ a: '1', b: '2' }), 'm1'), apply(configMap({ a: '2' }), 'm2', { force: true })],
      code: 200,
      data: { a: '2', b: '2' },
      managedFields: [entry('m1', 'Apply', { 'f:data': { 'f:b': {} } }), entry('m2', 'Apply', { 'f:data': { 'f:a': {} } })],
    },
  ])('$name', ({ requests, code, data, managedFields }) => {
    const res = run(requests);
    expect(res.code).toBe(code);
    if (data) expect((res.body as KubeObject).data).toEqual(data);
    expect(managedFieldsOf(res)).toEqual(managedFields);
  });

  it('a changed field another manager owns is a conflict (TestConflictErrorMessage)', () => {
    const res = run([
      { verb: 'create', ...DEPLOY, body: deployment(2), query: { fieldManager: 'kubectl-create' } },
      { verb: 'patch', ...DEPLOY, name: 'web', body: deployment(3), patchType: 'application/apply-patch+yaml', query: { fieldManager: 'kubectl' } },
    ]);
    expect(res).toEqual({
      ok: false,
      code: 409,
      body: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'Apply failed with 1 conflict: conflict with "kubectl-create" using apps/v1: .spec.replicas',
        reason: 'Conflict',
        details: { causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "kubectl-create" using apps/v1', field: '.spec.replicas' }] },
        code: 409,
      },
    });
  });

  it.each([
    { manager: 'kubectl', code: 200, data: { a: '2' } },
    { manager: 'ci', code: 409, data: undefined },
  ])('after client-side apply, $manager taking a field still as last applied answers $code (lastAppliedManager)', ({ manager, code, data }) => {
    const lastApplied = `${JSON.stringify({ apiVersion: 'v1', data: { a: '1' }, kind: 'ConfigMap', metadata: { annotations: {}, name: 'cm', namespace: 'default' } })}\n`;
    const annotations = { 'kubectl.kubernetes.io/last-applied-configuration': lastApplied };
    const res = run([
      { verb: 'create', ...CM, body: { ...configMap({ a: '1' }), metadata: { name: 'cm', annotations } }, query: { fieldManager: 'kubectl-client-side-apply' } },
      apply(configMap({ a: '2' }), manager),
    ]);
    expect(res.code).toBe(code);
    if (data) {
      expect((res.body as KubeObject).data).toEqual(data);
      expect((res.body as KubeObject).metadata?.annotations).toEqual({
        'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"v1","data":{"a":"2"},"kind":"ConfigMap","metadata":{"name":"cm"}}\n',
      });
    }
  });

  it('several conflicts are listed by manager', () => {
    const res = run([apply(configMap({ a: '1', b: '1' }), 'm1'), apply(configMap({ a: '2', b: '2' }), 'm2')]);
    expect((res.body as { message: string }).message).toBe('Apply failed with 2 conflicts: conflicts with "m1":\n- .data.a\n- .data.b');
  });

  it.each([
    {
      name: 'apply without a field manager',
      req: apply(configMap({ a: '1' }), undefined),
      message: 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
    },
    {
      name: 'force on a merge patch',
      req: { verb: 'patch', ...CM, name: 'cm', body: {}, patchType: 'application/merge-patch+json', query: { force: true } } as ApiRequest,
      message: 'PatchOptions.meta.k8s.io "" is invalid: force: Forbidden: may not be specified for non-apply patch',
    },
  ])('$name is refused as invalid PatchOptions', ({ req, message }) => {
    const res = run([req]);
    expect([res.code, (res.body as { message: string }).message]).toEqual([422, message]);
  });

  it('applying a new object of no field but its name creates it (fuzz: "Cannot set properties of undefined")', () => {
    const res = run([apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' } }, 'm1')]);
    expect({ code: res.code, name: (res.body as KubeObject).metadata?.name, managedFields: managedFieldsOf(res) }).toEqual({ code: 201, name: 'cm', managedFields: undefined });
  });

  // Found by the large fuzz run: both wrote to the frozen stored object ("apiserver panic").
  it('reapplying an object its apply owns no field of returns it unchanged', () => {
    const bare = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' } };
    const res = run([apply(bare, 'm1'), apply(bare, 'm1', { force: true })]);
    expect({ code: res.code, name: (res.body as KubeObject).metadata?.name, managedFields: managedFieldsOf(res) }).toEqual({ code: 200, name: 'cm', managedFields: undefined });
  });

  it('an unchanged apply by kubectl keeps the client-side annotation in step', () => {
    const annotated = { ...configMap({ a: '1' }), metadata: { name: 'cm', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' } } };
    const res = run([
      { verb: 'create', ...CM, body: annotated },
      apply(configMap({ a: '1' }), 'kubectl', { force: true }),
      apply(configMap({ a: '1' }), 'kubectl', { force: true }),
    ]);
    expect([res.code, (res.body as KubeObject).metadata?.annotations]).toEqual([
      200,
      { 'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"v1","data":{"a":"1"},"kind":"ConfigMap","metadata":{"name":"cm"}}\n' },
    ]);
  });

  it('a field the schema does not declare fails as the typed conversion does', () => {
    const res = run([apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, dataa: { a: 'b' } }, 'm1')]);
    expect([res.code, (res.body as { message: string }).message]).toEqual([
      500,
      'Internal error occurred: failed to create typed patch object (/v1, Kind=ConfigMap): .dataa: field not declared in schema',
    ]);
  });

  it('a configuration naming another object than the URL is refused', () => {
    const res = run([apply({ ...configMap({ a: '1' }), metadata: { name: 'other' } }, 'm1')]);
    expect([res.code, (res.body as { message: string }).message]).toEqual([400, 'the name of the object (other) does not match the name on the URL (cm)']);
  });

  it('a server dry run stores nothing', () => {
    const server = newServer();
    const res = server.handle(apply(configMap({ a: '1' }), 'm1', { dryRun: 'All' }));
    expect([res.code, server.handle({ verb: 'get', ...CM, name: 'cm' }).code]).toEqual([201, 404]);
  });
});

// The field sets follow the release-1.35 schemas: containers keyed by name, ports by
// containerPort and protocol, tolerations and selectors atomic.
describe('server-side apply of the other apps/v1 workloads', () => {
  const podTemplate = (app: string, extra: Record<string, unknown>) => ({
    metadata: { labels: { app } },
    spec: { containers: [{ name: app, image: 'busybox:1.36', ...extra }] },
  });
  const templateFields = (app: string, container: Record<string, unknown>) => ({
    'f:metadata': { 'f:labels': { 'f:app': {} } },
    'f:spec': { 'f:containers': { [`k:{"name":"${app}"}`]: { '.': {}, 'f:image': {}, 'f:name': {}, ...container } } },
  });
  it.each([
    {
      name: 'a StatefulSet',
      resource: 'statefulsets',
      body: {
        kind: 'StatefulSet',
        spec: { serviceName: 'db', replicas: 2, selector: { matchLabels: { app: 'db' } }, template: podTemplate('db', { ports: [{ containerPort: 5432 }] }) },
      },
      fields: {
        'f:spec': {
          'f:replicas': {},
          'f:selector': {},
          'f:serviceName': {},
          'f:template': templateFields('db', { 'f:ports': { 'k:{"containerPort":5432,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} } } }),
        },
      },
    },
    {
      name: 'a DaemonSet',
      resource: 'daemonsets',
      body: {
        kind: 'DaemonSet',
        spec: {
          selector: { matchLabels: { app: 'agent' } },
          template: { ...podTemplate('agent', {}), spec: { ...podTemplate('agent', {}).spec, tolerations: [{ key: 'k', effect: 'NoSchedule' }] } },
        },
      },
      fields: { 'f:spec': { 'f:selector': {}, 'f:template': { ...templateFields('agent', {}), 'f:spec': { ...templateFields('agent', {})['f:spec'], 'f:tolerations': {} } } } },
    },
  ])('applying $name records its fields by the schema', ({ resource, body, fields }) => {
    const name = body.kind === 'StatefulSet' ? 'db' : 'agent';
    const res = run([
      {
        verb: 'patch',
        group: 'apps',
        version: 'v1',
        resource,
        namespace: 'default',
        name,
        body: { apiVersion: 'apps/v1', metadata: { name }, ...body },
        patchType: 'application/apply-patch+yaml',
        query: { fieldManager: 'kubectl' },
      },
    ]);
    expect([res.code, managedFieldsOf(res)]).toEqual([201, [{ ...entry('kubectl', 'Apply', fields), apiVersion: 'apps/v1' }]]);
  });
});

function deployment(replicas: number): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
    },
  };
}
