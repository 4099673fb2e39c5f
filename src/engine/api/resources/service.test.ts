import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../client.ts';
import { serviceDefinition } from './service.ts';
import { fakeServerContext, secondsAgo, TEST_NOW_MS } from './testing/fake-server-context.ts';
import { created, createErrors, updateErrors } from './testing/validation-text.ts';

function service(spec: Record<string, unknown>, name = 'web'): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }], ...spec } };
}

describe('service defaults and allocation', () => {
  it('stores a ClusterIP service as `kubectl expose` gets it back', () => {
    const obj = created(serviceDefinition, service({}), fakeServerContext());
    expect(obj.spec).toEqual({
      clusterIP: '10.96.0.10',
      clusterIPs: ['10.96.0.10'],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      selector: { app: 'web' },
      sessionAffinity: 'None',
      type: 'ClusterIP',
    });
    expect(obj.status).toEqual({ loadBalancer: {} });
  });

  it('allocates node ports and the external traffic policy for NodePort', () => {
    const obj = created(serviceDefinition, service({ type: 'NodePort', ports: [{ port: 80, targetPort: 8080 }] }), fakeServerContext());
    const spec = obj.spec as { ports: unknown; externalTrafficPolicy: string };
    expect([spec.ports, spec.externalTrafficPolicy]).toEqual([[{ port: 80, protocol: 'TCP', targetPort: 8080, nodePort: 31234 }], 'Cluster']);
  });
});

describe('service validation', () => {
  const taken = created(serviceDefinition, service({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }, 'other'), fakeServerContext());
  const cases: { name: string; obj: KubeObject; errors: string[] }[] = [
    {
      name: 'name must be a DNS-1035 label',
      obj: service({}, '1web'),
      errors: [
        `metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
      ],
    },
    { name: 'ports required', obj: service({ ports: [] }), errors: ['spec.ports: Required value'] },
    {
      name: 'node port out of range',
      obj: service({ type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] }),
      errors: ['spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767'],
    },
    {
      name: 'node port already allocated',
      obj: service({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }),
      errors: ['spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated'],
    },
    {
      name: 'several ports need names',
      obj: service({ ports: [{ port: 80, name: 'http' }, { port: 443 }] }),
      errors: ['spec.ports[1].name: Required value'],
    },
    {
      name: 'port names must be unique',
      obj: service({
        ports: [
          { port: 80, name: 'http' },
          { port: 8080, name: 'http' },
        ],
      }),
      errors: ['spec.ports[1].name: Duplicate value: "http"'],
    },
    {
      name: 'clusterIP outside the service CIDR',
      obj: service({ clusterIP: '192.168.0.10' }),
      errors: [
        'spec.clusterIPs: Invalid value: []string{"192.168.0.10"}: failed to allocate IP 192.168.0.10: the provided IP (192.168.0.10) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
      ],
    },
    {
      name: 'node port on a ClusterIP service',
      obj: service({ ports: [{ port: 80, nodePort: 30100 }] }),
      errors: ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"],
    },
  ];
  it.each(cases)('$name', ({ obj, errors }) => {
    expect(createErrors(serviceDefinition, obj, fakeServerContext({ services: [taken] }))).toEqual(errors);
  });
});

describe('service updates', () => {
  it('keeps the allocated clusterIP and nodePort when an apply omits them', () => {
    const ctx = fakeServerContext();
    const old = created(serviceDefinition, service({ type: 'NodePort' }), ctx);
    const next = service({ type: 'NodePort' });
    expect(updateErrors(serviceDefinition, next, old, ctx)).toEqual([]);
    serviceDefinition.applyDefaults!(next, ctx);
    serviceDefinition.prepareForUpdate!(next, old);
    const spec = next.spec as { clusterIP: string; ports: { nodePort: number }[] };
    expect([spec.clusterIP, spec.ports[0]!.nodePort]).toEqual(['10.96.0.10', 31234]);
  });

  it('rejects a clusterIP change', () => {
    const ctx = fakeServerContext();
    const old = created(serviceDefinition, service({}), ctx);
    expect(updateErrors(serviceDefinition, service({ clusterIP: '10.96.0.20', clusterIPs: ['10.96.0.20'] }), old, ctx)).toEqual([
      'spec.clusterIPs[0]: Invalid value: []string{"10.96.0.20"}: may not change once set',
    ]);
  });

  it('drops node ports when the type goes back to ClusterIP', () => {
    const ctx = fakeServerContext();
    const old = created(serviceDefinition, service({ type: 'NodePort' }), ctx);
    const next = JSON.parse(JSON.stringify(old)) as KubeObject & { spec: { type: string; ports: { nodePort?: number }[] } };
    next.spec.type = 'ClusterIP';
    serviceDefinition.applyDefaults!(next, ctx);
    serviceDefinition.prepareForUpdate!(next, old);
    expect(next.spec.ports[0]!.nodePort).toBeUndefined();
  });
});

describe('service rows', () => {
  const row = (spec: Record<string, unknown>, status: Record<string, unknown> = {}) =>
    serviceDefinition.tableRow!({ metadata: { name: 'web', creationTimestamp: secondsAgo(90) }, spec, status }, { nowMs: TEST_NOW_MS });

  it.each([
    {
      name: 'ClusterIP',
      spec: { type: 'ClusterIP', clusterIPs: ['10.96.0.10'], ports: [{ port: 80, protocol: 'TCP' }], selector: { app: 'web' } },
      status: {},
      cells: ['web', 'ClusterIP', '10.96.0.10', '<none>', '80/TCP', '90s', 'app=web'],
    },
    {
      name: 'NodePort',
      spec: {
        type: 'NodePort',
        clusterIPs: ['10.96.0.11'],
        ports: [
          { port: 80, nodePort: 30080, protocol: 'TCP' },
          { port: 443, nodePort: 30443, protocol: 'TCP' },
        ],
      },
      status: {},
      cells: ['web', 'NodePort', '10.96.0.11', '<none>', '80:30080/TCP,443:30443/TCP', '90s', '<none>'],
    },
    {
      name: 'LoadBalancer pending',
      spec: { type: 'LoadBalancer', clusterIPs: ['10.96.0.12'], ports: [{ port: 80, nodePort: 31000, protocol: 'TCP' }] },
      status: {},
      cells: ['web', 'LoadBalancer', '10.96.0.12', '<pending>', '80:31000/TCP', '90s', '<none>'],
    },
    { name: 'headless', spec: { type: 'ClusterIP', clusterIPs: ['None'], ports: [] }, status: {}, cells: ['web', 'ClusterIP', 'None', '<none>', '<none>', '90s', '<none>'] },
    {
      name: 'ExternalName',
      spec: { type: 'ExternalName', externalName: 'db.example.com' },
      status: {},
      cells: ['web', 'ExternalName', '<none>', 'db.example.com', '<none>', '90s', '<none>'],
    },
  ])('$name', ({ spec, status, cells }) => {
    expect(row(spec, status)).toEqual(cells);
  });
});
