import { describe, expect, it } from 'vitest';
import type { ApiRequest } from '../../engine/api/client.ts';
import { restCall } from './request-path.ts';

const pods = { group: '', version: 'v1', resource: 'pods', namespace: 'default' } as const;
const deployments = { group: 'apps', version: 'v1', resource: 'deployments', namespace: 'prod' } as const;

// The URLs client-go builds for the same calls (rest.Request.URL), one per verb and option.
const cases: { name: string; req: ApiRequest; call: Record<string, unknown> }[] = [
  { name: 'get a core object', req: { verb: 'get', ...pods, name: 'web' }, call: { method: 'GET', path: '/api/v1/namespaces/default/pods/web' } },
  {
    name: 'list a group resource as a Table',
    req: { verb: 'list', ...deployments, query: { as: 'Table', labelSelector: 'app=web,tier!=db' } },
    call: {
      method: 'GET',
      path: '/apis/apps/v1/namespaces/prod/deployments?labelSelector=app%3Dweb%2Ctier%21%3Ddb',
      accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json',
    },
  },
  {
    name: 'one page of a list, whole objects in the rows',
    req: { verb: 'list', ...pods, query: { as: 'Table', includeObject: 'Object', limit: 2, continue: 'eyJ2IjoxfQ==' } },
    call: {
      method: 'GET',
      path: '/api/v1/namespaces/default/pods?continue=eyJ2IjoxfQ%3D%3D&includeObject=Object&limit=2',
      accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json',
    },
  },
  {
    name: 'list across namespaces',
    req: { verb: 'list', group: '', version: 'v1', resource: 'pods', query: { fieldSelector: 'spec.nodeName=node01' } },
    call: { method: 'GET', path: '/api/v1/pods?fieldSelector=spec.nodeName%3Dnode01' },
  },
  {
    name: 'a cluster-scoped object',
    req: { verb: 'get', group: '', version: 'v1', resource: 'namespaces', name: 'kube-system' },
    call: { method: 'GET', path: '/api/v1/namespaces/kube-system' },
  },
  {
    name: 'pods/log with PodLogOptions',
    req: { verb: 'get', ...pods, name: 'web', subresource: 'log', query: { container: 'app', previous: true, tailLines: 10, timestamps: true, sinceSeconds: 60, limitBytes: 500 } },
    call: { method: 'GET', path: '/api/v1/namespaces/default/pods/web/log?container=app&limitBytes=500&previous=true&sinceSeconds=60&tailLines=10&timestamps=true' },
  },
  {
    name: 'watch one object by name',
    req: { verb: 'watch', ...pods, name: 'web', query: { resourceVersion: '42' } },
    call: { method: 'GET', path: '/api/v1/namespaces/default/pods?fieldSelector=metadata.name%3Dweb&resourceVersion=42&watch=true' },
  },
  {
    name: 'create with dry run and field validation',
    req: { verb: 'create', ...pods, body: { kind: 'Pod' }, query: { dryRun: 'All', fieldManager: 'kubectl-create', fieldValidation: 'Strict' } },
    call: { method: 'POST', path: '/api/v1/namespaces/default/pods?dryRun=All&fieldManager=kubectl-create&fieldValidation=Strict', body: '{"kind":"Pod"}' },
  },
  {
    name: 'create a subresource',
    req: { verb: 'create', ...pods, name: 'web', subresource: 'eviction', body: {} },
    call: { method: 'POST', path: '/api/v1/namespaces/default/pods/web/eviction', body: '{}' },
  },
  {
    name: 'update the scale subresource',
    req: { verb: 'update', ...deployments, name: 'web', subresource: 'scale', body: { spec: { replicas: 3 } } },
    call: { method: 'PUT', path: '/apis/apps/v1/namespaces/prod/deployments/web/scale', body: '{"spec":{"replicas":3}}' },
  },
  {
    name: 'patch with its content type',
    req: {
      verb: 'patch',
      ...deployments,
      name: 'web',
      body: [{ op: 'remove', path: '/spec/paused' }],
      patchType: 'application/json-patch+json',
      query: { fieldManager: 'kubectl-patch' },
    },
    call: {
      method: 'PATCH',
      path: '/apis/apps/v1/namespaces/prod/deployments/web?fieldManager=kubectl-patch',
      contentType: 'application/json-patch+json',
      body: '[{"op":"remove","path":"/spec/paused"}]',
    },
  },
  {
    name: 'server-side apply with force, as kubectl sends it',
    req: {
      verb: 'patch',
      ...deployments,
      name: 'web',
      body: { kind: 'Deployment' },
      patchType: 'application/apply-patch+yaml',
      query: { fieldManager: 'kubectl', force: false, fieldValidation: 'Strict' },
    },
    call: {
      method: 'PATCH',
      path: '/apis/apps/v1/namespaces/prod/deployments/web?fieldManager=kubectl&fieldValidation=Strict&force=false',
      contentType: 'application/apply-patch+yaml',
      body: '{"kind":"Deployment"}',
    },
  },
  {
    name: 'delete with DeleteOptions in the body',
    req: { verb: 'delete', ...pods, name: 'web', query: { gracePeriodSeconds: 0, propagationPolicy: 'Foreground', dryRun: 'All' } },
    call: {
      method: 'DELETE',
      path: '/api/v1/namespaces/default/pods/web',
      body: '{"kind":"DeleteOptions","apiVersion":"v1","gracePeriodSeconds":0,"propagationPolicy":"Foreground","dryRun":["All"]}',
    },
  },
  {
    name: 'delete a collection by selector',
    req: { verb: 'deletecollection', ...pods, query: { labelSelector: 'app=web' } },
    call: { method: 'DELETE', path: '/api/v1/namespaces/default/pods?labelSelector=app%3Dweb', body: '{"kind":"DeleteOptions","apiVersion":"v1"}' },
  },
];

describe('restCall', () => {
  it.each(cases)('$name', ({ req, call }) => {
    expect(restCall(req)).toEqual(call);
  });
});
