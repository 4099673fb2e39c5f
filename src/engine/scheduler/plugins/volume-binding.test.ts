import type { Node, PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { describe, expect, it } from 'vitest';
import type { CycleState, StorageLister } from '../framework.ts';
import { NodeInfo, newPodInfo } from '../node-info.ts';
import { volumeBinding } from './volume-binding.ts';

const node1: Node = { metadata: { name: 'node1', labels: { 'kubernetes.io/hostname': 'node1' } }, spec: {}, status: {} };
const pod: Pod = {
  metadata: { name: 'p', namespace: 'default', uid: 'u' },
  spec: { containers: [], volumes: [{ name: 'v', persistentVolumeClaim: { claimName: 'pvc' } }] },
};
const claim = (spec: Record<string, unknown>, deleting = false): PersistentVolumeClaim => ({
  metadata: { name: 'pvc', namespace: 'default', uid: 'claim-uid', ...(deleting ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}) },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec },
});
const volume = (name: string, host?: string, extra: Record<string, unknown> = {}): PersistentVolume => ({
  metadata: { name },
  spec: {
    capacity: { storage: '5Gi' },
    accessModes: ['ReadWriteOnce'],
    ...(host ? { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [host] }] }] } } } : {}),
    ...extra,
  },
  status: { phase: 'Available' },
});
const waitClass: StorageClass = { metadata: { name: 'wait' }, provisioner: 'kubernetes.io/no-provisioner', volumeBindingMode: 'WaitForFirstConsumer' };

function run(claims: PersistentVolumeClaim[], volumes: PersistentVolume[]): string {
  const storage: StorageLister = {
    claim: (_ns, name) => claims.find((c) => c.metadata?.name === name),
    volume: (name) => volumes.find((v) => v.metadata?.name === name),
    volumes: () => volumes,
    storageClass: (name) => (name === 'wait' ? waitClass : undefined),
  };
  const info = new NodeInfo(node1);
  const state: CycleState = { pod, podInfo: newPodInfo(pod), nodes: [info], namespaceLabels: () => undefined, storage };
  const pre = volumeBinding.preFilter!(state);
  const status = volumeBinding.preFilterStatus!(pre) ?? volumeBinding.filter(state, info, pre);
  return status ? `${status.code}: ${status.reasons.join(' | ')}` : 'Success';
}

// Case names from pkg/scheduler/framework/plugins/volumebinding/volume_binding_test.go and binder_test.go.
describe('VolumeBinding', () => {
  it.each([
    { name: 'pod has not bound immediate PVCs', claims: [claim({})], volumes: [], want: 'UnschedulableAndUnresolvable: pod has unbound immediate PersistentVolumeClaims' },
    { name: 'PVC does not exist', claims: [], volumes: [], want: 'UnschedulableAndUnresolvable: persistentvolumeclaim "pvc" not found' },
    { name: 'PVC is being deleted', claims: [claim({}, true)], volumes: [], want: 'UnschedulableAndUnresolvable: persistentvolumeclaim "pvc" is being deleted' },
    { name: 'all bound', claims: [claim({ volumeName: 'pv-a' })], volumes: [volume('pv-a')], want: 'Success' },
    {
      name: 'bound-pvc,pv-not-exists',
      claims: [claim({ volumeName: 'pv-a' })],
      volumes: [],
      want: 'UnschedulableAndUnresolvable: node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)',
    },
    {
      name: 'bound-pvc,node-mismatch',
      claims: [claim({ volumeName: 'pv-a' })],
      volumes: [volume('pv-a', 'node2')],
      want: 'UnschedulableAndUnresolvable: node(s) had volume node affinity conflict',
    },
    { name: 'unbound-pvc,pv-same-node', claims: [claim({ storageClassName: 'wait' })], volumes: [volume('pv-a', 'node1', { storageClassName: 'wait' })], want: 'Success' },
    {
      name: 'unbound-pvc,pv-different-node',
      claims: [claim({ storageClassName: 'wait' })],
      volumes: [volume('pv-a', 'node2', { storageClassName: 'wait' })],
      want: "UnschedulableAndUnresolvable: node(s) didn't find available persistent volumes to bind",
    },
  ])('$name', ({ claims, volumes, want }) => {
    expect(run(claims, volumes)).toBe(want);
  });
});
