import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { createTestCluster } from '../../../../tests/support/test-cluster.ts';

// After pkg/controller/statefulset TestStatefulPodControlCreatesPods and the retention policy cases
// of stateful_set_utils_test.go TestUpdateClaimOwnerRefForSetAndPod (pods in ordinal range).
const SETS = { group: 'apps', version: 'v1', resource: 'statefulsets' } as const;
const PVCS = { group: '', version: 'v1', resource: 'persistentvolumeclaims' } as const;

const set = (policy?: Record<string, string>) => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web' },
  spec: {
    serviceName: 'web',
    replicas: 1,
    selector: { matchLabels: { app: 'web' } },
    ...(policy ? { persistentVolumeClaimRetentionPolicy: policy } : {}),
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx', volumeMounts: [{ name: 'data', mountPath: '/data' }] }] },
    },
    volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
  },
});

describe('StatefulSet claims', () => {
  it.each([
    { name: 'retain', policy: undefined, owners: [], afterSetDeleted: true },
    { name: 'delete', policy: { whenDeleted: 'Delete', whenScaled: 'Retain' }, owners: ['StatefulSet web controller'], afterSetDeleted: false },
  ])(
    '$name',
    async ({ policy, owners, afterSetDeleted }) => {
      const { server, pump } = await createTestCluster();
      expect(server.handle({ verb: 'create', ...SETS, namespace: 'default', body: set(policy) as never }).ok).toBe(true);
      await pump.advance(2_000);
      const claim = server.handle({ verb: 'get', ...PVCS, namespace: 'default', name: 'data-web-0' }).body as PersistentVolumeClaim;
      expect(claim.metadata?.labels).toEqual({ app: 'web' });
      expect((claim.metadata?.ownerReferences ?? []).map((r) => `${r.kind} ${r.name}${r.controller ? ' controller' : ''}`)).toEqual(owners);
      server.handle({ verb: 'delete', ...SETS, namespace: 'default', name: 'web' });
      await pump.advance(5_000);
      expect(server.handle({ verb: 'get', ...PVCS, namespace: 'default', name: 'data-web-0' }).ok).toBe(afterSetDeleted);
    },
    60_000,
  );
});
