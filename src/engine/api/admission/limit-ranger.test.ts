import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { create, newAdmissionServer, outcome, pod } from './testing/admission-server.ts';

const limitRange = (limits: Record<string, unknown>[]) => ({ apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'limits' }, spec: { limits } });

// Case names from plugin/pkg/admission/limitranger/admission_test.go.
describe('LimitRanger admission', () => {
  it('TestMergePodResourceRequirements: containers get the defaults, noted in an annotation', () => {
    const server = newAdmissionServer();
    create(server, '', 'limitranges', limitRange([{ type: 'Container', default: { cpu: '500m', memory: '256Mi' }, defaultRequest: { cpu: '250m' } }]));
    const res = create(server, '', 'pods', pod('web', { requests: { memory: '64Mi' } }));
    const created = res.body as Pod;
    expect(created.spec?.containers[0]?.resources).toEqual({ limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '250m', memory: '64Mi' } });
    expect(created.metadata?.annotations).toEqual({ 'kubernetes.io/limit-ranger': 'LimitRanger plugin set: cpu request for container web; cpu, memory limit for container web' });
  });

  it('TestDefaultContainerResourceRequirements: max becomes the default limit and request', () => {
    const server = newAdmissionServer();
    const res = create(server, '', 'limitranges', limitRange([{ type: 'Container', max: { cpu: '1' }, min: { memory: '10Mi' } }]));
    expect((res.body as { spec: unknown }).spec).toEqual({
      limits: [{ type: 'Container', max: { cpu: '1' }, min: { memory: '10Mi' }, default: { cpu: '1' }, defaultRequest: { cpu: '1', memory: '10Mi' } }],
    });
  });

  const cases: { name: string; limits: Record<string, unknown>[]; resources: Record<string, Record<string, string>>; answer: string }[] = [
    {
      name: 'TestPodLimitFunc: limit above the container max',
      limits: [{ type: 'Container', max: { cpu: '1' } }],
      resources: { limits: { cpu: '2' } },
      answer: 'pods "p" is forbidden: maximum cpu usage per Container is 1, but limit is 2',
    },
    {
      name: 'TestPodLimitFunc: request below the container min',
      limits: [{ type: 'Container', min: { cpu: '100m' }, defaultRequest: { cpu: '100m' } }],
      resources: { requests: { cpu: '50m' } },
      answer: 'pods "p" is forbidden: minimum cpu usage per Container is 100m, but request is 50m',
    },
    {
      name: 'TestPodLimitFunc: ratio above maxLimitRequestRatio',
      limits: [{ type: 'Container', maxLimitRequestRatio: { memory: '2' } }],
      resources: { requests: { memory: '100Mi' }, limits: { memory: '1Gi' } },
      answer: 'pods "p" is forbidden: memory max limit to request ratio per Container is 2, but provided ratio is 10.240000',
    },
    {
      name: 'TestPodLimitFunc: pod total above the pod max',
      limits: [{ type: 'Pod', max: { memory: '100Mi' } }],
      resources: { limits: { memory: '200Mi' } },
      answer: 'pods "p" is forbidden: maximum memory usage per Pod is 100Mi, but limit is 200Mi',
    },
    {
      name: 'TestPodLimitFunc: several violations are aggregated',
      limits: [{ type: 'Container', max: { cpu: '1', memory: '1Gi' } }],
      resources: { limits: { cpu: '2', memory: '2Gi' } },
      answer: 'pods "p" is forbidden: [maximum cpu usage per Container is 1, but limit is 2, maximum memory usage per Container is 1Gi, but limit is 2Gi]',
    },
  ];
  it.each(cases)('$name', ({ limits, resources, answer }) => {
    const server = newAdmissionServer();
    expect(outcome(create(server, '', 'limitranges', limitRange(limits)))).toBe('created');
    expect(outcome(create(server, '', 'pods', pod('p', resources)))).toBe(answer);
  });

  it('refuses a LimitRange whose min is above its max', () => {
    const server = newAdmissionServer();
    expect(outcome(create(server, '', 'limitranges', limitRange([{ type: 'Container', min: { memory: '2Gi' }, max: { memory: '1Gi' } }])))).toBe(
      'LimitRange "limits" is invalid: [spec.limits[0].min[memory]: Invalid value: "2Gi": min value 2Gi is greater than max value 1Gi, spec.limits[0].defaultRequest[memory]: Invalid value: "1Gi": min value 2Gi is greater than default request value 1Gi, spec.limits[0].default[memory]: Invalid value: "2Gi": min value 2Gi is greater than default value 1Gi]',
    );
  });
});
