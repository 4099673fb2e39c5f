import { describe, expect, it } from 'vitest';
import { createTestCluster } from '../../../../tests/support/test-cluster.ts';

// DeploymentReplicaSetTerminatingReplicas is beta and on by default in v1.35: ReplicaSets count
// their pods being deleted (replica_set_utils.go calculateStatus) and Deployments add them up
// (deploymentutil.GetTerminatingReplicaCountForReplicaSets); a pointer field, so 0 is shown.
const APPS = { group: 'apps', version: 'v1' } as const;
const PODS = { group: '', version: 'v1', resource: 'pods' } as const;

describe('status.terminatingReplicas', () => {
  it('is 0 while nothing terminates and counts a pod in its grace period', async () => {
    const { server, pump } = await createTestCluster();
    server.handle({
      verb: 'create',
      ...APPS,
      resource: 'deployments',
      namespace: 'default',
      body: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web' },
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: 'web' } },
          template: {
            metadata: { labels: { app: 'web' } },
            spec: {
              containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }],
            },
          },
        },
      },
    });
    await pump.advance(20_000);
    const terminating = () => {
      const rs = (
        server.handle({
          verb: 'list',
          ...APPS,
          resource: 'replicasets',
          namespace: 'default',
        }).body as { items: { status?: { terminatingReplicas?: number } }[] }
      ).items[0];
      const d = server.handle({
        verb: 'get',
        ...APPS,
        resource: 'deployments',
        namespace: 'default',
        name: 'web',
      }).body as { status?: { terminatingReplicas?: number } };
      return {
        replicaSet: rs?.status?.terminatingReplicas,
        deployment: d.status?.terminatingReplicas,
      };
    };
    expect(terminating()).toEqual({ replicaSet: 0, deployment: 0 });
    const pod = (
      server.handle({ verb: 'list', ...PODS, namespace: 'default' }).body as {
        items: { metadata: { name: string } }[];
      }
    ).items[0]!;
    server.handle({
      verb: 'delete',
      ...PODS,
      namespace: 'default',
      name: pod.metadata.name,
    });
    await pump.advance(5_000);
    expect(terminating()).toEqual({ replicaSet: 1, deployment: 1 });
    await pump.advance(40_000);
    expect(terminating()).toEqual({ replicaSet: 0, deployment: 0 });
  });
});
