import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../client.ts';
import { deploymentDefinition } from './deployment.ts';
import { replicaSetDefinition } from './replicaset.ts';
import { fakeServerContext, secondsAgo, TEST_NOW_MS } from './testing/fake-server-context.ts';
import { created, createErrors, updateErrors } from './testing/validation-text.ts';

function deployment(spec: Record<string, unknown> = {}, labels: Record<string, string> | undefined = { app: 'web' }): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: labels ? { labels } : {}, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } },
      ...spec,
    },
  };
}

describe('deployment defaults', () => {
  it('fills strategy, limits and the template as `kubectl get deploy -o yaml` shows them', () => {
    const obj = created(deploymentDefinition, deployment(), fakeServerContext());
    expect(obj.spec).toEqual({
      progressDeadlineSeconds: 600,
      replicas: 1,
      revisionHistoryLimit: 10,
      selector: { matchLabels: { app: 'web' } },
      strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' },
      template: {
        metadata: { creationTimestamp: null, labels: { app: 'web' } },
        spec: {
          containers: [
            {
              image: 'nginx:1.25',
              imagePullPolicy: 'IfNotPresent',
              name: 'nginx',
              resources: {},
              terminationMessagePath: '/dev/termination-log',
              terminationMessagePolicy: 'File',
            },
          ],
          dnsPolicy: 'ClusterFirst',
          restartPolicy: 'Always',
          schedulerName: 'default-scheduler',
          securityContext: {},
          terminationGracePeriodSeconds: 30,
        },
      },
    });
    expect(obj.status).toEqual({});
  });

  it('leaves rollingUpdate out for Recreate', () => {
    const obj = created(deploymentDefinition, deployment({ strategy: { type: 'Recreate' } }), fakeServerContext());
    expect((obj.spec as { strategy: unknown }).strategy).toEqual({ type: 'Recreate' });
  });
});

describe('deployment validation', () => {
  const cases: { name: string; obj: KubeObject; errors: string[] }[] = [
    {
      name: 'missing selector',
      obj: deployment({ selector: undefined }),
      errors: ['spec.selector: Required value', 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`'],
    },
    {
      name: 'selector not matching the template',
      obj: deployment({}, { app: 'other' }),
      errors: ['spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`'],
    },
    {
      name: 'empty selector',
      obj: deployment({ selector: {} }),
      errors: [
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
      ],
    },
    { name: 'negative replicas', obj: deployment({ replicas: -1 }), errors: ['spec.replicas: Invalid value: -1: must be greater than or equal to 0'] },
    {
      name: 'template restartPolicy Never',
      obj: deployment({ template: { metadata: { labels: { app: 'web' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'nginx', image: 'nginx' }] } } }),
      errors: ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
    },
    {
      name: 'rollingUpdate with Recreate',
      obj: deployment({ strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } }),
      errors: ["spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"],
    },
    {
      name: 'both fenceposts zero',
      obj: deployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } }),
      errors: ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0'],
    },
    {
      name: 'maxUnavailable above 100%',
      obj: deployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '110%' } } }),
      errors: ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"110%"}: must not be greater than 100%'],
    },
    {
      name: 'malformed percentage',
      obj: deployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '2O%' } } }),
      errors: [
        `spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"2O%"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`,
      ],
    },
    {
      name: 'progress deadline not above minReadySeconds',
      obj: deployment({ minReadySeconds: 10, progressDeadlineSeconds: 5 }),
      errors: ['spec.progressDeadlineSeconds: Invalid value: 5: must be greater than minReadySeconds'],
    },
  ];
  it.each(cases)('$name', ({ obj, errors }) => {
    expect(createErrors(deploymentDefinition, obj, fakeServerContext())).toEqual(errors);
  });

  it('rejects a selector change on update, after the template check', () => {
    const old = created(deploymentDefinition, deployment(), fakeServerContext());
    const next = deployment({ selector: { matchLabels: { app: 'nginx2' } } });
    expect(updateErrors(deploymentDefinition, next, old, fakeServerContext())).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"nginx2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]);
  });

  it('bumps the generation only for spec changes', () => {
    const old = created(deploymentDefinition, deployment(), fakeServerContext());
    const relabelled = { ...old, metadata: { ...old.metadata, labels: { team: 'a' } } };
    expect(deploymentDefinition.hasSpecChange!(relabelled, old)).toBe(false);
    const scaled = { ...old, spec: { ...(old.spec as object), replicas: 3 } };
    expect(deploymentDefinition.hasSpecChange!(scaled, old)).toBe(true);
  });
});

describe('workload rows', () => {
  it('prints a deployment as printDeployment does, wide columns last', () => {
    const obj = { ...created(deploymentDefinition, deployment({ replicas: 3 }), fakeServerContext()), status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 } };
    obj.metadata = { ...obj.metadata, creationTimestamp: secondsAgo(600) };
    expect(deploymentDefinition.tableRow!(obj, { nowMs: TEST_NOW_MS })).toEqual(['web', '2/3', 3, 2, '10m', 'nginx', 'nginx:1.25', 'app=web']);
  });

  it('prints a replicaset as printReplicaSet does', () => {
    const rs: KubeObject = {
      metadata: { name: 'web-7c5ddbdf54', creationTimestamp: secondsAgo(45) },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'web', 'pod-template-hash': '7c5ddbdf54' } },
        template: {
          spec: {
            containers: [
              { name: 'nginx', image: 'nginx:1.25' },
              { name: 'log', image: 'busybox' },
            ],
          },
        },
      },
      status: { replicas: 3, readyReplicas: 1 },
    };
    expect(replicaSetDefinition.tableRow!(rs, { nowMs: TEST_NOW_MS })).toEqual([
      'web-7c5ddbdf54',
      3,
      3,
      1,
      '45s',
      'nginx,log',
      'nginx:1.25,busybox',
      'app=web,pod-template-hash=7c5ddbdf54',
    ]);
  });

  it('defaults replicaset replicas and status', () => {
    const rs = created(
      replicaSetDefinition,
      {
        metadata: { name: 'rs', namespace: 'default' },
        spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
      },
      fakeServerContext(),
    );
    expect([(rs.spec as { replicas: number }).replicas, rs.status]).toEqual([1, { replicas: 0 }]);
  });
});
