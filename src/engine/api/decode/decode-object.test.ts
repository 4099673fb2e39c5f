import { describe, expect, it } from 'vitest';
import { deploymentDefinition } from '../resources/deployment.ts';
import { podDefinition } from '../resources/pod.ts';
import { secretDefinition } from '../resources/secret.ts';
import { configMapDefinition } from '../resources/configmap.ts';
import { decodeObject, strictDecodingError } from './decode-object.ts';

const pod = (container: Record<string, unknown>, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  spec: { containers: [{ name: 'c', image: 'busybox', ...container }], ...spec },
});

describe('decodeObject type errors', () => {
  const cases: { name: string; raw: unknown; def?: typeof podDefinition; message: string }[] = [
    {
      name: 'number in a command list',
      raw: pod({ command: ['sleep', 1200] }),
      message: 'json: cannot unmarshal number into Go struct field Container.spec.containers.command of type string',
    },
    {
      name: 'number in a deployment template command',
      raw: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { template: { spec: { containers: [{ name: 'c', command: ['sleep', 5] }] } } } },
      def: deploymentDefinition,
      message: 'json: cannot unmarshal number into Go struct field Container.spec.template.spec.containers.command of type string',
    },
    {
      name: 'string where int32 is expected',
      raw: pod({ ports: [{ containerPort: '80' }] }),
      message: 'json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    },
    {
      name: 'string for an int64 field',
      raw: pod({}, { terminationGracePeriodSeconds: '30' }),
      message: 'json: cannot unmarshal string into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64',
    },
    {
      name: 'fraction for an integer',
      raw: pod({}, { activeDeadlineSeconds: 1.5 }),
      message: 'json: cannot unmarshal number 1.5 into Go struct field PodSpec.spec.activeDeadlineSeconds of type int64',
    },
    {
      name: 'object where a list is expected',
      raw: { ...pod({}), spec: { containers: { name: 'c' } } },
      message: 'json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container',
    },
    {
      name: 'number as a label value',
      raw: { ...pod({}), metadata: { name: 'p', labels: { tier: 1 } } },
      message: 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
    },
    {
      name: 'bool for a port number or name',
      raw: pod({ livenessProbe: { httpGet: { port: true } } }),
      message: 'json: cannot unmarshal bool into Go struct field HTTPGetAction.spec.containers.livenessProbe.httpGet.port of type int32',
    },
    {
      name: 'quantity with an unknown suffix',
      raw: pod({ resources: { limits: { memory: '128mi' } } }),
      message: "unable to parse quantity's suffix",
    },
    {
      name: 'quantity in bytes notation',
      raw: pod({ resources: { limits: { memory: '128MB' } } }),
      message: "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    },
    {
      name: 'quantity that is not a number',
      raw: pod({ resources: { limits: { cpu: 'half' } } }),
      message: "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    },
    {
      name: 'secret data that is not base64',
      raw: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { password: 'admin' } },
      def: secretDefinition,
      message: 'illegal base64 data at input byte 4',
    },
    {
      name: 'secret data with a character outside the alphabet',
      raw: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { password: 'pass word' } },
      def: secretDefinition,
      message: 'illegal base64 data at input byte 4',
    },
    {
      name: 'binaryData that is not base64',
      raw: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, binaryData: { k: 'a=' } },
      def: configMapDefinition,
      message: 'illegal base64 data at input byte 1',
    },
  ];
  it.each(cases)('$name', ({ raw, def, message }) => {
    expect(decodeObject(raw, def ?? podDefinition)).toEqual({ ok: false, message });
  });
});

describe('decodeObject strict field validation', () => {
  it('reports unknown fields with their indexed paths and drops them', () => {
    const result = decodeObject(pod({ imagePullPolice: 'Always' }, { foo: 1 }), podDefinition);
    expect(result).toEqual({
      ok: true,
      obj: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'busybox' }] } },
      unknownFields: ['spec.containers[0].imagePullPolice', 'spec.foo'],
    });
    expect(strictDecodingError(result.ok ? result.unknownFields : [])).toBe('strict decoding error: unknown field "spec.containers[0].imagePullPolice", unknown field "spec.foo"');
  });

  it('accepts every field of a full v1.32 pod manifest', () => {
    const raw = pod(
      {
        args: ['-c'],
        env: [{ name: 'A', valueFrom: { configMapKeyRef: { name: 'cm', key: 'k', optional: true } } }],
        envFrom: [{ secretRef: { name: 's' } }],
        livenessProbe: { httpGet: { path: '/', port: 'http', httpHeaders: [{ name: 'X', value: 'y' }] }, initialDelaySeconds: 3 },
        readinessProbe: { exec: { command: ['cat'] } },
        resources: { requests: { cpu: 0.5, memory: '64Mi' }, limits: { cpu: '1' } },
        securityContext: { capabilities: { add: ['NET_ADMIN'] }, runAsUser: 1000 },
        volumeMounts: [{ name: 'v', mountPath: '/v', readOnly: true }],
        ports: [{ containerPort: 80, name: 'http', protocol: 'TCP' }],
      },
      {
        volumes: [{ name: 'v', image: { reference: 'img', pullPolicy: 'IfNotPresent' } }],
        securityContext: { supplementalGroupsPolicy: 'Merge', seLinuxChangePolicy: 'Recursive', fsGroup: 2000 },
        nodeSelector: { disk: 'ssd' },
        tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoSchedule' }],
        affinity: {
          nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'a', operator: 'In', values: ['b'] }] }] } },
        },
      },
    );
    const result = decodeObject(
      { ...raw, status: { phase: 'Running', containerStatuses: [{ name: 'c', ready: true, restartCount: 0, image: 'i', imageID: '', user: { linux: { uid: 0, gid: 0 } } }] } },
      podDefinition,
    );
    expect(result.ok && result.unknownFields).toEqual([]);
  });

  it('turns numeric quantities into strings, as the server stores them', () => {
    const result = decodeObject(pod({ resources: { limits: { cpu: 2 } } }), podDefinition);
    expect(result.ok && (result.obj.spec as { containers: { resources: unknown }[] }).containers[0]!.resources).toEqual({ limits: { cpu: '2' } });
  });

  it("keeps a pod condition's zero times as null, as Go marshals a non-pointer time", () => {
    const conditions = [
      { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: '2025-01-01T00:00:00Z' },
      { type: 'PodScheduled', status: 'True' },
    ];
    const result = decodeObject({ ...pod({}), status: { conditions } }, podDefinition);
    expect(result.ok && (result.obj.status as { conditions: unknown[] }).conditions).toEqual([
      { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: '2025-01-01T00:00:00Z' },
      { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: null },
    ]);
  });
});

describe('decodeObject of a body that shares stored parts', () => {
  it('decodes undefined values as JSON would leave them: absent, or null in a list', () => {
    const result = decodeObject(
      { ...pod({ command: undefined }), status: undefined, spec: { containers: [{ name: 'c', image: 'busybox', args: ['a', undefined] }] } },
      podDefinition,
    );
    expect(result).toEqual({
      ok: true,
      obj: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'busybox', args: ['a', ''] }] } },
      unknownFields: [],
    });
  });

  it('takes frozen parts as they are with trustFrozen, but copies the metadata', () => {
    const stored = Object.freeze({ ...pod({}), metadata: Object.freeze({ name: 'p' }), spec: Object.freeze({ containers: Object.freeze([{ name: 'c', image: 'busybox' }]) }) });
    const body = { ...stored, status: { phase: 'Running' } };
    const trusted = decodeObject(body, podDefinition, { trustFrozen: true });
    const copied = decodeObject(body, podDefinition);
    if (!trusted.ok || !copied.ok) throw new Error('decoding failed');
    expect([trusted.obj.spec === stored.spec, trusted.obj.metadata === stored.metadata, copied.obj.spec === stored.spec]).toEqual([true, false, false]);
    expect(trusted.obj).toEqual(copied.obj);
  });
});
