import { describe, expect, it } from 'vitest';
import { createPodHarness } from '../../../../tests/support/pod-harness.ts';

// Cases follow pkg/apis/core/validation TestValidatePodResize and the resize strategy
// (pkg/registry/core/pod/strategy.go dropNonResizeUpdates); messages as a v1.35 apiserver sends them.
const guaranteed = {
  requests: { cpu: '500m', memory: '128Mi' },
  limits: { cpu: '500m', memory: '128Mi' },
};
const burstable = {
  requests: { cpu: '250m', memory: '64Mi' },
  limits: { cpu: '500m', memory: '128Mi', 'ephemeral-storage': '1Gi' },
};

const cases = [
  {
    name: 'cpu requests and limits change in place',
    resources: guaranteed,
    patch: {
      resources: { requests: { cpu: '800m' }, limits: { cpu: '800m' } },
    },
    result: {
      generation: 2,
      resources: {
        limits: { cpu: '800m', memory: '128Mi' },
        requests: { cpu: '800m', memory: '128Mi' },
      },
    },
  },
  {
    name: 'qos class may not change',
    resources: guaranteed,
    patch: { resources: { requests: { cpu: '250m' } } },
    message: 'Pod "web" is invalid: spec: Invalid value: "Guaranteed": Pod QOS Class may not change as a result of resizing',
  },
  {
    // Refused in v1.33, allowed since v1.34 (kubernetes#133012).
    name: 'memory limit decrease under the default NotRequired policy',
    resources: burstable,
    patch: { resources: { limits: { memory: '100Mi' } } },
    result: {
      generation: 2,
      resources: { limits: { cpu: '500m', memory: '100Mi', 'ephemeral-storage': '1Gi' }, requests: { cpu: '250m', memory: '64Mi', 'ephemeral-storage': '1Gi' } },
    },
  },
  {
    name: 'memory limit decrease with RestartContainer',
    resources: burstable,
    resizePolicy: [{ resourceName: 'memory', restartPolicy: 'RestartContainer' }],
    patch: { resources: { limits: { memory: '100Mi' } } },
    result: {
      generation: 2,
      resources: {
        limits: { cpu: '500m', memory: '100Mi', 'ephemeral-storage': '1Gi' },
        requests: { cpu: '250m', memory: '64Mi', 'ephemeral-storage': '1Gi' },
      },
    },
  },
  {
    name: 'only cpu and memory are mutable',
    resources: burstable,
    patch: { resources: { limits: { 'ephemeral-storage': '2Gi' } } },
    message: 'Pod "web" is invalid: spec: Forbidden: only cpu and memory resources are mutable',
  },
  {
    name: 'limits cannot be removed',
    resources: burstable,
    patch: { resources: { limits: { 'ephemeral-storage': null } } },
    // Removing ephemeral-storage is also a change other than cpu and memory, so both are reported.
    message:
      'Pod "web" is invalid: [spec.containers[0].resources.limits: Forbidden: resource limits cannot be removed, spec: Forbidden: only cpu and memory resources are mutable]',
  },
  {
    name: 'anything but resources is dropped, so an image change is no change',
    resources: guaranteed,
    patch: { image: 'nginx:1.27' },
    result: { generation: 1, resources: guaranteed },
  },
];

describe('pods/resize', () => {
  it.each(cases)('$name', async ({ resources, resizePolicy, patch, result, message }) => {
    const h = await createPodHarness();
    h.apply({
      kind: 'Pod',
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: {
        containers: [
          {
            name: 'c',
            image: 'nginx',
            resources,
            ...(resizePolicy ? { resizePolicy } : {}),
          },
        ],
      },
    });
    const res = h.server.handle({
      verb: 'patch',
      group: '',
      version: 'v1',
      resource: 'pods',
      subresource: 'resize',
      namespace: 'default',
      name: 'web',
      patchType: 'application/strategic-merge-patch+json',
      body: {
        metadata: { labels: { app: 'changed' } },
        spec: { containers: [{ name: 'c', ...patch }] },
      },
    });
    if (message) {
      expect(res.ok ? 'accepted' : (res.body as { message: string }).message).toBe(message);
      return;
    }
    const pod = h.pod('web')!;
    expect({
      ok: res.ok,
      generation: pod.metadata?.generation,
      resources: pod.spec?.containers[0]?.resources,
      labels: pod.metadata?.labels,
      image: pod.spec?.containers[0]?.image,
    }).toEqual({
      ok: true,
      ...result,
      labels: { app: 'web' },
      image: 'nginx',
    });
  });

  it('is not a way around the main resource: a pod update may not change resources', async () => {
    const h = await createPodHarness();
    h.apply({
      kind: 'Pod',
      metadata: { name: 'web' },
      spec: {
        containers: [{ name: 'c', image: 'nginx', resources: guaranteed }],
      },
    });
    const res = h.server.handle({
      verb: 'patch',
      group: '',
      version: 'v1',
      resource: 'pods',
      namespace: 'default',
      name: 'web',
      patchType: 'application/strategic-merge-patch+json',
      body: {
        spec: {
          containers: [
            {
              name: 'c',
              resources: { limits: { cpu: '1' }, requests: { cpu: '1' } },
            },
          ],
        },
      },
    });
    // source: pkg/apis/core/validation/validation.go ValidatePodUpdate (updatablePodSpecFields).
    expect((res.body as { message: string }).message.split('\n')[0]).toBe(
      'Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    );
  });
});
