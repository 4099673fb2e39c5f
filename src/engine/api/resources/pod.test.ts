import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../client.ts';
import { podDefinition } from './pod.ts';
import { fakeServerContext } from './testing/fake-server-context.ts';
import { created, createErrors, updateErrors } from './testing/validation-text.ts';

const basePod = (spec: Record<string, unknown>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: 'default' },
  spec: { containers: [{ name: 'web', image: 'nginx' }], ...spec },
});

describe('pod defaults and admission', () => {
  it('fills the spec as the real server stores a `kubectl run web --image=nginx` pod', () => {
    const pod = created(podDefinition, basePod({}), fakeServerContext());
    expect(pod).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        containers: [
          {
            name: 'web',
            image: 'nginx',
            imagePullPolicy: 'Always',
            resources: {},
            terminationMessagePath: '/dev/termination-log',
            terminationMessagePolicy: 'File',
            volumeMounts: [{ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: 'kube-api-access-vbs99', readOnly: true }],
          },
        ],
        dnsPolicy: 'ClusterFirst',
        enableServiceLinks: true,
        preemptionPolicy: 'PreemptLowerPriority',
        priority: 0,
        restartPolicy: 'Always',
        schedulerName: 'default-scheduler',
        securityContext: {},
        serviceAccount: 'default',
        serviceAccountName: 'default',
        terminationGracePeriodSeconds: 30,
        tolerations: [
          { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
          { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
        ],
        volumes: [
          {
            name: 'kube-api-access-vbs99',
            projected: {
              defaultMode: 420,
              sources: [
                { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
                { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
                { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
              ],
            },
          },
        ],
      },
      status: { phase: 'Pending', qosClass: 'BestEffort' },
    });
  });

  it.each([
    { image: 'nginx', policy: 'Always' },
    { image: 'nginx:latest', policy: 'Always' },
    { image: 'nginx:1.25', policy: 'IfNotPresent' },
    { image: 'registry.local:5000/nginx', policy: 'Always' },
    { image: 'nginx@sha256:abc', policy: 'IfNotPresent' },
  ])('defaults imagePullPolicy of $image to $policy', ({ image, policy }) => {
    const pod = created(podDefinition, basePod({ containers: [{ name: 'web', image }] }), fakeServerContext()) as { spec: { containers: { imagePullPolicy: string }[] } };
    expect(pod.spec.containers[0]!.imagePullPolicy).toBe(policy);
  });

  it.each([
    { name: 'no resources', resources: {}, qos: 'BestEffort' },
    { name: 'requests only', resources: { requests: { cpu: '100m' } }, qos: 'Burstable' },
    { name: 'limits only (requests default to them)', resources: { limits: { cpu: '500m', memory: '128Mi' } }, qos: 'Guaranteed' },
    { name: 'requests below limits', resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } }, qos: 'Burstable' },
  ])('classifies $name as $qos', ({ resources, qos }) => {
    const pod = created(podDefinition, basePod({ containers: [{ name: 'web', image: 'nginx', resources }] }), fakeServerContext());
    expect((pod.status as { qosClass: string }).qosClass).toBe(qos);
  });
});

// source: pkg/apis/core/validation/validation.go ValidatePodCreate (ValidatePodSpec, validateContainers).
describe('pod create validation', () => {
  const cases: { name: string; spec: Record<string, unknown>; metadataName?: string; errors: string[] }[] = [
    {
      name: 'invalid name',
      spec: {},
      metadataName: 'My_Pod',
      errors: [
        `metadata.name: Invalid value: "My_Pod": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
      ],
    },
    { name: 'no containers', spec: { containers: [] }, errors: ['spec.containers: Required value'] },
    { name: 'container without image', spec: { containers: [{ name: 'app' }] }, errors: ['spec.containers[0].image: Required value'] },
    {
      name: 'duplicate container names',
      spec: {
        containers: [
          { name: 'app', image: 'nginx' },
          { name: 'app', image: 'busybox' },
        ],
      },
      errors: ['spec.containers[1].name: Duplicate value: "app"'],
    },
    {
      name: 'unsupported restart policy',
      spec: { restartPolicy: 'Sometimes' },
      errors: ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"'],
    },
    {
      name: 'unsupported image pull policy',
      spec: { containers: [{ name: 'app', image: 'nginx', imagePullPolicy: 'Sometimes' }] },
      errors: ['spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"'],
    },
    {
      name: 'request above limit',
      spec: { containers: [{ name: 'app', image: 'nginx', resources: { requests: { cpu: '500m' }, limits: { cpu: '200m' } } }] },
      errors: ['spec.containers[0].resources.requests: Invalid value: "500m": must be less than or equal to cpu limit of 200m'],
    },
    {
      name: 'misspelt resource name',
      spec: { containers: [{ name: 'app', image: 'nginx', resources: { limits: { cpus: '1' } } }] },
      errors: [
        'spec.containers[0].resources.limits[cpus]: Invalid value: "cpus": must be a standard resource for containers',
        'spec.containers[0].resources.requests[cpus]: Invalid value: "cpus": must be a standard resource for containers',
      ],
    },
    {
      name: 'probe without a handler',
      spec: { containers: [{ name: 'app', image: 'nginx', livenessProbe: { periodSeconds: 5 } }] },
      errors: ['spec.containers[0].livenessProbe: Required value: must specify a handler type'],
    },
    {
      name: 'liveness probe with successThreshold above 1',
      spec: { containers: [{ name: 'app', image: 'nginx', livenessProbe: { tcpSocket: { port: 80 }, successThreshold: 2 } }] },
      errors: ['spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1'],
    },
    {
      name: 'mount of an unknown volume',
      spec: { containers: [{ name: 'app', image: 'nginx', volumeMounts: [{ name: 'data', mountPath: '/data' }] }] },
      errors: ['spec.containers[0].volumeMounts[0].name: Not found: "data"'],
    },
    {
      name: 'container port out of range',
      spec: { containers: [{ name: 'app', image: 'nginx', ports: [{ containerPort: 70000 }] }] },
      errors: ['spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive'],
    },
    {
      name: 'resize policy for an unsupported resource',
      spec: { containers: [{ name: 'app', image: 'nginx', resizePolicy: [{ resourceName: 'storage', restartPolicy: 'NotRequired' }] }] },
      errors: ['spec.containers[0].resizePolicy: Unsupported value: "storage": supported values: "cpu", "memory"'],
    },
    {
      name: 'resize policy with an unsupported restart policy',
      spec: { containers: [{ name: 'app', image: 'nginx', resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'Restart' }] }] },
      errors: ['spec.containers[0].resizePolicy: Unsupported value: "Restart": supported values: "NotRequired", "RestartContainer"'],
    },
    {
      name: 'resize policy given twice for one resource',
      spec: {
        containers: [
          {
            name: 'app',
            image: 'nginx',
            resizePolicy: [
              { resourceName: 'memory', restartPolicy: 'NotRequired' },
              { resourceName: 'memory', restartPolicy: 'RestartContainer' },
            ],
          },
        ],
      },
      errors: ['spec.containers[0].resizePolicy[1]: Duplicate value: "memory"'],
    },
    {
      name: 'RestartContainer under restartPolicy Never',
      spec: { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx', resizePolicy: [{ resourceName: 'memory', restartPolicy: 'RestartContainer' }] }] },
      errors: ["spec.containers[0].resizePolicy: Invalid value: \"RestartContainer\": must be 'NotRequired' when `restartPolicy` is 'Never'"],
    },
  ];
  it.each(cases)('$name', ({ spec, metadataName, errors }) => {
    const pod = basePod(spec);
    if (metadataName) pod.metadata!.name = metadataName;
    expect(createErrors(podDefinition, pod, fakeServerContext())).toEqual(errors);
  });
});

// source: pkg/apis/core/validation/validation.go ValidatePodUpdate.
describe('pod update validation', () => {
  const stored = () => {
    const pod = created(podDefinition, basePod({}), fakeServerContext());
    return pod as KubeObject & { spec: { containers: Record<string, unknown>[]; tolerations: Record<string, unknown>[]; activeDeadlineSeconds?: number } };
  };

  it('allows changing the image', () => {
    const old = stored();
    const next = stored();
    next.spec.containers[0]!.image = 'nginx:1.25';
    expect(updateErrors(podDefinition, next, old, fakeServerContext())).toEqual([]);
  });

  it('forbids adding a container', () => {
    const old = stored();
    const next = stored();
    next.spec.containers.push({ name: 'sidecar', image: 'busybox' });
    expect(updateErrors(podDefinition, next, old, fakeServerContext())).toEqual(['spec.containers: Forbidden: pod updates may not add or remove containers']);
  });

  it('forbids raising activeDeadlineSeconds', () => {
    const old = stored();
    old.spec.activeDeadlineSeconds = 30;
    const next = stored();
    next.spec.activeDeadlineSeconds = 60;
    expect(updateErrors(podDefinition, next, old, fakeServerContext())).toEqual(['spec.activeDeadlineSeconds: Invalid value: 60: must be less than or equal to previous value']);
  });

  // The golden is the Forbidden error with updatablePodSpecFields and cmp.Diff of the old and the
  // munged new core.PodSpec.
  it('reports a command change with the go-cmp diff of core.PodSpec', async () => {
    const old = stored();
    const next = stored();
    next.spec.containers[0]!.command = ['sleep', '3600'];
    const errors = updateErrors(podDefinition, next, old, fakeServerContext());
    expect(errors).toHaveLength(1);
    await expect(`${errors[0]}`).toMatchFileSnapshot('testdata/pod-update-command.txt');
  });

  it('allows adding a toleration but not changing one', () => {
    const old = stored();
    const added = stored();
    added.spec.tolerations.push({ key: 'gpu', operator: 'Exists', effect: 'NoSchedule' });
    expect(updateErrors(podDefinition, added, old, fakeServerContext())).toEqual([]);
    const changed = stored();
    changed.spec.tolerations[0]!.operator = 'Equal';
    expect(updateErrors(podDefinition, changed, old, fakeServerContext())[0]).toBe(
      'spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds',
    );
  });

  type EditableSpec = { volumes: unknown[]; nodeName?: string; containers: { volumeMounts: unknown[]; [field: string]: unknown }[] };
  const diffCases: { name: string; file: string; change: (spec: EditableSpec) => void }[] = [
    {
      name: 'a new volume and mount',
      file: 'pod-update-volume.txt',
      change: (spec) => {
        spec.volumes.push({ name: 'data', emptyDir: {} });
        spec.containers[0]!.volumeMounts.push({ name: 'data', mountPath: '/data' });
      },
    },
    {
      name: 'a port and the node name',
      file: 'pod-update-port-node.txt',
      change: (spec) => {
        spec.containers[0]!.ports = [{ containerPort: 8080, protocol: 'TCP' }];
        spec.nodeName = 'node01';
      },
    },
    {
      name: 'env and a liveness probe',
      file: 'pod-update-env-probe.txt',
      change: (spec) => {
        spec.containers[0]!.env = [{ name: 'MODE', value: 'prod' }];
        spec.containers[0]!.livenessProbe = { httpGet: { path: '/healthz', port: 8080 } };
      },
    },
  ];
  it.each(diffCases)('prints the diff for $name', async ({ file, change }) => {
    const old = stored();
    const next = stored();
    change(next.spec as unknown as EditableSpec);
    await expect(updateErrors(podDefinition, next, old, fakeServerContext()).join('\n')).toMatchFileSnapshot(`testdata/${file}`);
  });

  it('reports a resources change with the quantities as Go prints them', async () => {
    const old = stored();
    const next = stored();
    next.spec.containers[0]!.resources = { limits: { cpu: '500m', memory: '128Mi' } };
    const errors = updateErrors(podDefinition, next, old, fakeServerContext());
    await expect(`${errors.join('\n')}`).toMatchFileSnapshot('testdata/pod-update-resources.txt');
  });
});
