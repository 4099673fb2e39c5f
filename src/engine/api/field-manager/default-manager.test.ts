import { describe, expect, it } from 'vitest';
import type { ApiRequest } from '../client.ts';
import { managerFromUserAgent, managerOf } from './default-manager.ts';

const req = (resource: string, subresource?: string, fieldManager?: string): ApiRequest => ({
  verb: 'update',
  group: '',
  version: 'v1',
  resource,
  ...(subresource ? { subresource } : {}),
  ...(fieldManager ? { query: { fieldManager } } : {}),
});

describe('managerOf', () => {
  it.each([
    { name: 'a named manager', req: req('pods', undefined, 'kubectl-edit'), want: 'kubectl-edit' },
    { name: 'pod status', req: req('pods', 'status'), want: 'kubelet' },
    { name: 'a node', req: req('nodes'), want: 'kubelet' },
    { name: 'a namespace', req: req('namespaces'), want: 'kube-apiserver' },
    { name: 'anything else', req: req('replicasets'), want: 'kube-controller-manager' },
  ])('$name is written by $want', ({ req, want }) => {
    expect(managerOf(req)).toBe(want);
  });
});

describe('managerFromUserAgent (prefixFromUserAgent)', () => {
  it.each([
    { agent: 'kubectl/v1.35.2 (linux/amd64) kubernetes/abcdef', want: 'kubectl' },
    { agent: 'kube-controller-manager/v1.35.2 (linux/amd64) kubernetes/abcdef/system:serviceaccount:kube-system:deployment-controller', want: 'kube-controller-manager' },
    { agent: 'curl', want: 'curl' },
  ])('$agent is recorded as $want', ({ agent, want }) => {
    expect(managerFromUserAgent(agent)).toBe(want);
  });
});
