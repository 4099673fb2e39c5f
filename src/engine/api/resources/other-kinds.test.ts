import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../client.ts';
import { configMapDefinition } from './configmap.ts';
import { endpointsDefinition } from './endpoints.ts';
import { endpointSliceDefinition } from './endpointslice.ts';
import { eventDefinition } from './event.ts';
import { allResourceDefinitions } from './index.ts';
import { namespaceDefinition } from './namespace.ts';
import { nodeDefinition } from './node.ts';
import { secretDefinition } from './secret.ts';
import { fakeServerContext, secondsAgo, TEST_NOW_MS } from './testing/fake-server-context.ts';
import { created, createErrors, updateErrors } from './testing/validation-text.ts';

const ctx = () => fakeServerContext();
const table = { nowMs: TEST_NOW_MS };

describe('discovery', () => {
  it('lists the kinds with the short names and categories of a real cluster', () => {
    expect(
      allResourceDefinitions().map((d) => [d.info.group, d.info.name, d.info.singularName, d.info.shortNames.join(','), d.info.categories.join(','), d.info.namespaced]),
    ).toEqual([
      ['', 'configmaps', 'configmap', 'cm', '', true],
      ['', 'endpoints', 'endpoints', 'ep', '', true],
      ['', 'events', 'event', 'ev', '', true],
      ['', 'limitranges', 'limitrange', 'limits', '', true],
      ['', 'namespaces', 'namespace', 'ns', '', false],
      ['', 'nodes', 'node', 'no', '', false],
      ['', 'persistentvolumeclaims', 'persistentvolumeclaim', 'pvc', '', true],
      ['', 'persistentvolumes', 'persistentvolume', 'pv', '', false],
      ['', 'pods', 'pod', 'po', 'all', true],
      ['', 'resourcequotas', 'resourcequota', 'quota', '', true],
      ['', 'secrets', 'secret', '', '', true],
      ['', 'serviceaccounts', 'serviceaccount', 'sa', '', true],
      ['', 'services', 'service', 'svc', 'all', true],
      ['apps', 'controllerrevisions', 'controllerrevision', '', '', true],
      ['apps', 'daemonsets', 'daemonset', 'ds', 'all', true],
      ['apps', 'deployments', 'deployment', 'deploy', 'all', true],
      ['apps', 'replicasets', 'replicaset', 'rs', 'all', true],
      ['apps', 'statefulsets', 'statefulset', 'sts', 'all', true],
      ['batch', 'cronjobs', 'cronjob', 'cj', 'all', true],
      ['batch', 'jobs', 'job', '', 'all', true],
      ['policy', 'poddisruptionbudgets', 'poddisruptionbudget', 'pdb', '', true],
      ['storage.k8s.io', 'storageclasses', 'storageclass', 'sc', '', false],
      ['apiextensions.k8s.io', 'customresourcedefinitions', 'customresourcedefinition', 'crd,crds', 'api-extensions', false],
      ['scheduling.k8s.io', 'priorityclasses', 'priorityclass', 'pc', '', false],
      ['coordination.k8s.io', 'leases', 'lease', '', '', true],
      ['discovery.k8s.io', 'endpointslices', 'endpointslice', '', '', true],
    ]);
  });
});

describe('namespaces', () => {
  it('start Active with the kubernetes finalizer and the name label', () => {
    const ns = created(namespaceDefinition, { metadata: { name: 'dev' } }, ctx());
    expect(ns).toEqual({ metadata: { name: 'dev', labels: { 'kubernetes.io/metadata.name': 'dev' } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
    expect(namespaceDefinition.tableRow!({ ...ns, metadata: { ...ns.metadata, creationTimestamp: secondsAgo(3600 * 5) } }, table)).toEqual(['dev', 'Active', '5h']);
  });

  it('must be DNS-1123 labels', () => {
    expect(createErrors(namespaceDefinition, { metadata: { name: 'dev.team' } }, ctx())).toEqual([
      `metadata.name: Invalid value: "dev.team": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    ]);
  });
});

describe('configmaps and secrets', () => {
  it('count data keys in their rows', () => {
    const cm = { metadata: { name: 'app', creationTimestamp: secondsAgo(30) }, data: { a: '1', b: '2' }, binaryData: { c: 'AA==' } };
    expect(configMapDefinition.tableRow!(cm, table)).toEqual(['app', 3, '30s']);
    const secret = created(secretDefinition, { metadata: { name: 's', creationTimestamp: secondsAgo(30) }, stringData: { password: 'v' } }, ctx());
    expect(secret).toEqual({ metadata: { name: 's', creationTimestamp: secondsAgo(30) }, type: 'Opaque', data: { password: 'dg==' } });
    expect(secretDefinition.tableRow!(secret, table)).toEqual(['s', 'Opaque', 1, '30s']);
  });

  it.each([
    {
      name: 'bad configmap key',
      def: configMapDefinition,
      obj: { metadata: { name: 'c' }, data: { 'my key': 'v' } },
      errors: [
        `data[my key]: Invalid value: "my key": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
      ],
    },
    {
      name: 'key in data and binaryData',
      def: configMapDefinition,
      obj: { metadata: { name: 'c' }, data: { k: 'v' }, binaryData: { k: 'AA==' } },
      errors: ['data[k]: Invalid value: "k": duplicate of key present in binaryData', 'binaryData[k]: Invalid value: "k": duplicate of key present in data'],
    },
    {
      name: 'tls secret without key',
      def: secretDefinition,
      obj: { metadata: { name: 't' }, type: 'kubernetes.io/tls', data: { 'tls.crt': 'AA==' } },
      errors: ['data[tls.key]: Required value'],
    },
  ])('$name', ({ def, obj, errors }) => {
    expect(createErrors(def, obj as KubeObject, ctx())).toEqual(errors);
  });

  // source: pkg/apis/core/validation/validation.go ValidateConfigMapUpdate and ValidateSecretUpdate.
  it('refuse changes once immutable', () => {
    const old = { metadata: { name: 'c' }, data: { a: '1' }, immutable: true };
    expect(updateErrors(configMapDefinition, { metadata: { name: 'c' }, data: { a: '2' } }, old, ctx())).toEqual([
      'immutable: Forbidden: field is immutable when `immutable` is set',
      'data: Forbidden: field is immutable when `immutable` is set',
    ]);
    const secret = { metadata: { name: 's' }, type: 'Opaque', data: {} };
    expect(updateErrors(secretDefinition, { ...secret, type: 'kubernetes.io/tls', data: { 'tls.crt': 'AA==', 'tls.key': 'AA==' } }, secret, ctx())).toEqual([
      'type: Invalid value: "kubernetes.io/tls": field is immutable',
    ]);
  });
});

// source: pkg/printers/internalversion/printers.go printNode (STATUS, ROLES and the wide columns).
describe('nodes', () => {
  const node = (extra: { labels?: Record<string, string>; unschedulable?: boolean; ready?: string }): KubeObject => ({
    metadata: { name: 'node01', creationTimestamp: secondsAgo(86400 * 3 + 3600 * 4), labels: extra.labels ?? {} },
    spec: extra.unschedulable ? { unschedulable: true } : {},
    status: {
      conditions: extra.ready ? [{ type: 'Ready', status: extra.ready }] : [],
      addresses: [{ type: 'InternalIP', address: '192.168.121.11' }],
      nodeInfo: { kubeletVersion: 'v1.35.2', osImage: 'Ubuntu 22.04.4 LTS', kernelVersion: '5.15.0-113-generic', containerRuntimeVersion: 'containerd://1.7.22' },
    },
  });
  it.each([
    { name: 'control plane, ready', n: node({ labels: { 'node-role.kubernetes.io/control-plane': '' }, ready: 'True' }), status: 'Ready', roles: 'control-plane' },
    { name: 'worker, cordoned', n: node({ ready: 'True', unschedulable: true }), status: 'Ready,SchedulingDisabled', roles: '<none>' },
    { name: 'not ready', n: node({ ready: 'False' }), status: 'NotReady', roles: '<none>' },
    { name: 'no Ready condition', n: node({ labels: { 'kubernetes.io/role': 'worker' } }), status: 'Unknown', roles: 'worker' },
  ])('$name', ({ n, status, roles }) => {
    expect(nodeDefinition.tableRow!(n, table)).toEqual([
      'node01',
      status,
      roles,
      '3d4h',
      'v1.35.2',
      '192.168.121.11',
      '<none>',
      'Ubuntu 22.04.4 LTS',
      '5.15.0-113-generic',
      'containerd://1.7.22',
    ]);
  });
});

// source: pkg/printers/internalversion/printers.go printEvent and formatEventSource; the message is
// kuberuntime_manager.go doBackOff's.
describe('events', () => {
  it('prints LAST SEEN, OBJECT and the wide SOURCE and COUNT', () => {
    const event: KubeObject = {
      metadata: { name: 'web.17a', namespace: 'default' },
      involvedObject: { kind: 'Pod', name: 'web', fieldPath: 'spec.containers{web}' },
      reason: 'BackOff',
      message: 'Back-off restarting failed container web in pod web_default(uid)\n',
      source: { component: 'kubelet', host: 'node01' },
      firstTimestamp: secondsAgo(400),
      lastTimestamp: secondsAgo(5),
      count: 25,
      type: 'Warning',
    };
    expect(eventDefinition.tableRow!(event, table)).toEqual([
      '5s',
      'Warning',
      'BackOff',
      'pod/web',
      'spec.containers{web}',
      'kubelet, node01',
      'Back-off restarting failed container web in pod web_default(uid)',
      '6m40s',
      25,
      'web.17a',
    ]);
  });
});

describe('endpoints and endpointslices', () => {
  it('shows three addresses then how many more', () => {
    const addresses = ['10.244.0.10', '10.244.0.11', '10.244.1.12', '10.244.1.13'].map((ip) => ({ ip }));
    const ep = { metadata: { name: 'web', creationTimestamp: secondsAgo(60) }, subsets: [{ addresses, ports: [{ port: 80 }] }] };
    expect(endpointsDefinition.tableRow!(ep, table)).toEqual(['web', '10.244.0.10:80,10.244.0.11:80,10.244.1.12:80 + 1 more...', '60s']);
    expect(endpointsDefinition.tableRow!({ metadata: { name: 'none', creationTimestamp: secondsAgo(60) } }, table)).toEqual(['none', '<none>', '60s']);
  });

  it('prints a slice with its address type, ports and endpoints', () => {
    const slice = { metadata: { name: 'web-abcde', creationTimestamp: secondsAgo(60) }, addressType: 'IPv4', ports: [{ port: 80 }], endpoints: [{ addresses: ['10.244.0.10'] }] };
    expect(endpointSliceDefinition.tableRow!(slice, table)).toEqual(['web-abcde', 'IPv4', '80', '10.244.0.10', '60s']);
  });
});
