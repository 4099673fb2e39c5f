import { describe, expect, it } from 'vitest';
import type { ResourcePath } from './request-route.ts';
import { encodeProtobufObject } from '../protobuf/testing/encode-protobuf-object.ts';
import { resourceAction, type ResourceAction } from './resource-request.ts';

const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';
const pods: ResourcePath = { group: '', version: 'v1', resource: 'pods', namespace: 'default', watchPath: false };
const pod: ResourcePath = { ...pods, name: 'web' };
const deployments: ResourcePath = { group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default', watchPath: false };
const deploy: ResourcePath = { ...deployments, name: 'web' };
const configmaps: ResourcePath = { group: '', version: 'v1', resource: 'configmaps', namespace: 'default', watchPath: false };
const bytes = (text: string) => new TextEncoder().encode(text);
const plain = { table: false, includeObject: 'Metadata' } as const;

const cases: {
  name: string;
  path: ResourcePath;
  method: string;
  query?: string;
  contentType?: string;
  accept?: string;
  userAgent?: string;
  body?: string | Uint8Array;
  want: ResourceAction;
}[] = [
  {
    name: 'kubectl get pods asks for a Table, 500 at a time',
    path: pods,
    method: 'GET',
    query: 'limit=500',
    accept: TABLE_ACCEPT,
    want: {
      kind: 'request',
      request: { verb: 'list', group: '', version: 'v1', resource: 'pods', namespace: 'default', query: { as: 'Table' } },
      rendering: { table: true, includeObject: 'Metadata' },
      page: { limit: 500 },
    },
  },
  {
    name: 'selectors and the next page',
    path: pods,
    method: 'GET',
    query: 'labelSelector=app%3Dweb&fieldSelector=status.phase%3DRunning&limit=1&continue=abc',
    want: {
      kind: 'request',
      request: { verb: 'list', group: '', version: 'v1', resource: 'pods', namespace: 'default', query: { labelSelector: 'app=web', fieldSelector: 'status.phase=Running' } },
      rendering: plain,
      page: { limit: 1, continueToken: 'abc' },
    },
  },
  {
    name: 'get one with the whole object in the Table row (--sort-by)',
    path: pod,
    method: 'GET',
    query: 'includeObject=Object',
    accept: TABLE_ACCEPT,
    want: {
      kind: 'request',
      request: { verb: 'get', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'web', query: { as: 'Table' } },
      rendering: { table: true, includeObject: 'Object' },
    },
  },
  {
    name: 'watch from a resourceVersion',
    path: pods,
    method: 'GET',
    query: 'resourceVersion=80&watch=true&timeoutSeconds=30',
    want: {
      kind: 'watch',
      request: { verb: 'watch', group: '', version: 'v1', resource: 'pods', namespace: 'default', query: { resourceVersion: '80' } },
      rendering: plain,
      timeoutSeconds: 30,
      sendInitialEvents: false,
      allowWatchBookmarks: false,
    },
  },
  {
    name: 'watch list (rollout status)',
    path: deployments,
    method: 'GET',
    query: 'allowWatchBookmarks=true&fieldSelector=metadata.name%3Dweb&resourceVersionMatch=NotOlderThan&sendInitialEvents=true&watch=true',
    want: {
      kind: 'watch',
      request: { verb: 'watch', group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default', query: { fieldSelector: 'metadata.name=web' } },
      rendering: plain,
      sendInitialEvents: true,
      allowWatchBookmarks: true,
    },
  },
  {
    name: 'create with dry run and field validation',
    path: pods,
    method: 'POST',
    query: 'fieldManager=kubectl-create&fieldValidation=Ignore&dryRun=All',
    contentType: 'application/json',
    body: '{"kind":"Pod"}',
    want: {
      kind: 'request',
      request: {
        verb: 'create',
        group: '',
        version: 'v1',
        resource: 'pods',
        namespace: 'default',
        body: { kind: 'Pod' },
        query: { dryRun: 'All', fieldValidation: 'Ignore', fieldManager: 'kubectl-create' },
      },
      rendering: plain,
    },
  },
  {
    name: 'replace from YAML',
    path: pod,
    method: 'PUT',
    contentType: 'application/yaml',
    body: 'kind: Pod\n',
    want: {
      kind: 'request',
      request: { verb: 'update', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'web', body: { kind: 'Pod' }, query: {} },
      rendering: plain,
    },
  },
  {
    name: 'strategic merge patch',
    path: deploy,
    method: 'PATCH',
    contentType: 'application/strategic-merge-patch+json',
    body: '{"spec":{"replicas":2}}',
    want: {
      kind: 'request',
      request: {
        verb: 'patch',
        group: 'apps',
        version: 'v1',
        resource: 'deployments',
        namespace: 'default',
        name: 'web',
        body: { spec: { replicas: 2 } },
        patchType: 'application/strategic-merge-patch+json',
        query: {},
      },
      rendering: plain,
    },
  },
  {
    name: 'scale through the subresource',
    path: { ...deploy, subresource: 'scale' },
    method: 'PATCH',
    contentType: 'application/merge-patch+json',
    body: '{"spec":{"replicas":3}}',
    want: {
      kind: 'request',
      request: {
        verb: 'patch',
        group: 'apps',
        version: 'v1',
        resource: 'deployments',
        namespace: 'default',
        name: 'web',
        subresource: 'scale',
        body: { spec: { replicas: 3 } },
        patchType: 'application/merge-patch+json',
        query: {},
      },
      rendering: plain,
    },
  },
  {
    name: 'a server-side apply body is YAML, and force and the user agent reach the request',
    path: deploy,
    method: 'PATCH',
    contentType: 'application/apply-patch+yaml',
    query: 'force=true',
    userAgent: 'kubectl/v1.35.2 (linux/amd64) kubernetes/abcdef',
    body: 'kind: Deployment',
    want: {
      kind: 'request',
      request: {
        verb: 'patch',
        group: 'apps',
        version: 'v1',
        resource: 'deployments',
        namespace: 'default',
        name: 'web',
        body: { kind: 'Deployment' },
        patchType: 'application/apply-patch+yaml',
        query: { force: true, fieldManager: 'kubectl' },
      },
      rendering: plain,
    },
  },
  {
    name: 'a protobuf body (kubectl create configmap) is decoded to the JSON object',
    path: configmaps,
    method: 'POST',
    contentType: 'application/vnd.kubernetes.protobuf',
    accept: 'application/vnd.kubernetes.protobuf,application/json',
    body: encodeProtobufObject({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'c' }, data: { a: 'b' } }),
    want: {
      kind: 'request',
      request: {
        verb: 'create',
        group: '',
        version: 'v1',
        resource: 'configmaps',
        namespace: 'default',
        body: { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'c' }, data: { a: 'b' } },
        query: {},
      },
      rendering: { table: false, includeObject: 'Metadata' },
    },
  },
  {
    name: 'a protobuf body without the magic is a bad request',
    path: configmaps,
    method: 'POST',
    contentType: 'application/vnd.kubernetes.protobuf',
    body: '{}',
    want: {
      kind: 'error',
      status: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]',
        reason: 'BadRequest',
        code: 400,
      },
    },
  },
  {
    name: 'a body in an unknown format is refused',
    path: deployments,
    method: 'POST',
    contentType: 'application/cbor',
    body: '',
    want: {
      kind: 'error',
      status: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf',
        reason: 'UnsupportedMediaType',
        code: 415,
      },
    },
  },
  {
    name: 'delete with DeleteOptions in the body',
    path: pod,
    method: 'DELETE',
    contentType: 'application/json',
    body: '{"kind":"DeleteOptions","apiVersion":"v1","gracePeriodSeconds":0,"propagationPolicy":"Foreground","dryRun":["All"]}',
    want: {
      kind: 'request',
      request: {
        verb: 'delete',
        group: '',
        version: 'v1',
        resource: 'pods',
        namespace: 'default',
        name: 'web',
        query: { dryRun: 'All', gracePeriodSeconds: 0, propagationPolicy: 'Foreground' },
      },
      rendering: plain,
    },
  },
  {
    name: 'delete with protobuf DeleteOptions (drain --disable-eviction)',
    path: pod,
    method: 'DELETE',
    contentType: 'application/vnd.kubernetes.protobuf',
    body: encodeProtobufObject({ kind: 'DeleteOptions', apiVersion: 'v1', gracePeriodSeconds: 0 }),
    want: {
      kind: 'request',
      request: { verb: 'delete', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'web', query: { gracePeriodSeconds: 0 } },
      rendering: plain,
    },
  },
  {
    name: 'delete without a name is deletecollection',
    path: pods,
    method: 'DELETE',
    query: 'labelSelector=app%3Dweb',
    want: {
      kind: 'request',
      request: { verb: 'deletecollection', group: '', version: 'v1', resource: 'pods', namespace: 'default', query: { labelSelector: 'app=web' } },
      rendering: plain,
    },
  },
  {
    name: 'an unknown propagation policy',
    path: pod,
    method: 'DELETE',
    query: 'propagationPolicy=Sideways',
    want: {
      kind: 'error',
      status: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "Sideways": supported values: "Foreground", "Background", "Orphan", "nil"',
        reason: 'BadRequest',
        code: 400,
      },
    },
  },
  {
    name: 'log options',
    path: { ...pod, subresource: 'log' },
    method: 'GET',
    query: 'container=app&previous=true&tailLines=5&timestamps=true&sinceSeconds=60&limitBytes=100&follow=true',
    want: {
      kind: 'log',
      request: {
        verb: 'get',
        group: '',
        version: 'v1',
        resource: 'pods',
        namespace: 'default',
        name: 'web',
        subresource: 'log',
        query: { container: 'app', previous: true, timestamps: true, tailLines: 5, sinceSeconds: 60, limitBytes: 100 },
      },
      follow: true,
    },
  },
  {
    name: 'exec options',
    path: { ...pod, subresource: 'exec' },
    method: 'GET',
    query: 'command=sh&command=-c&command=ls+%2F&container=app&stdin=true&stdout=true&tty=true',
    want: { kind: 'exec', namespace: 'default', pod: 'web', container: 'app', command: ['sh', '-c', 'ls /'], stdin: true, stdout: true, stderr: false, tty: true },
  },
  {
    name: 'attach options',
    path: { ...pod, subresource: 'attach' },
    method: 'POST',
    query: 'container=app&stderr=true&stdout=true',
    want: { kind: 'attach', namespace: 'default', pod: 'web', container: 'app', stdin: false, stdout: true, stderr: true, tty: false },
  },
  {
    name: 'a bad limit',
    path: pods,
    method: 'GET',
    query: 'limit=ten',
    want: {
      kind: 'error',
      status: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'strconv.ParseInt: parsing "ten": invalid syntax', reason: 'BadRequest', code: 400 },
    },
  },
  {
    name: 'nothing acceptable',
    path: pods,
    method: 'GET',
    accept: 'application/vnd.kubernetes.protobuf',
    want: {
      kind: 'error',
      status: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf',
        reason: 'NotAcceptable',
        code: 406,
      },
    },
  },
];

describe('resourceAction', () => {
  it.each(cases)('$name', ({ path, method, query, contentType, accept, userAgent, body, want }) => {
    const action = resourceAction(path, {
      method,
      query: new URLSearchParams(query ?? ''),
      ...(contentType ? { contentType } : {}),
      ...(accept ? { accept } : {}),
      ...(userAgent ? { userAgent } : {}),
      body: typeof body === 'object' ? body : bytes(body ?? ''),
    });
    expect(action).toEqual(want);
  });
});
