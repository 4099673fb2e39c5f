import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { createTestCluster } from '../../../../tests/support/test-cluster.ts';

// Scenarios after pkg/controller/volume/persistentvolume/binder_test.go (syncClaim, syncVolume) and
// recycle/delete tests, played on a real cluster with the controller's own work queues.
const PVS = { group: '', version: 'v1', resource: 'persistentvolumes' } as const;
const PVCS = { group: '', version: 'v1', resource: 'persistentvolumeclaims' } as const;

const pv = (name: string, size: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name },
  spec: { capacity: { storage: size }, accessModes: ['ReadWriteOnce'], hostPath: { path: `/data/${name}` }, ...extra },
});
const pvc = (name: string, size: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name },
  spec: { accessModes: ['ReadWriteOnce'], storageClassName: '', resources: { requests: { storage: size } }, ...extra },
});

async function cluster() {
  const { server, pump } = await createTestCluster();
  const getPv = (name: string) => server.handle({ verb: 'get', ...PVS, name }).body as PersistentVolume;
  const getPvc = (name: string) => server.handle({ verb: 'get', ...PVCS, namespace: 'default', name }).body as PersistentVolumeClaim;
  const create = (ref: typeof PVS | typeof PVCS, body: object) =>
    expect(server.handle({ verb: 'create', ...ref, ...(ref === PVCS ? { namespace: 'default' } : {}), body: body as never }).ok).toBe(true);
  return { server, pump, getPv, getPvc, create };
}

describe('PersistentVolumeController', () => {
  it('1-2 - claim binds to the smallest matching volume, both marked bound by the controller', async () => {
    const c = await cluster();
    c.create(PVS, pv('big', '10Gi'));
    c.create(PVS, pv('small', '1Gi'));
    c.create(PVCS, pvc('claim', '500Mi'));
    await c.pump.advance(2_000);
    const claim = c.getPvc('claim');
    expect([claim.status?.phase, claim.spec?.volumeName, claim.status?.capacity?.storage, claim.metadata?.annotations]).toEqual([
      'Bound',
      'small',
      '1Gi',
      { 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' },
    ]);
    const volume = c.getPv('small');
    expect([volume.status?.phase, volume.spec?.claimRef?.name, volume.metadata?.annotations]).toEqual(['Bound', 'claim', { 'pv.kubernetes.io/bound-by-controller': 'yes' }]);
    expect(c.getPv('big').status?.phase).toBe('Available');
  }, 60_000);

  it('1-3 - claim pre-bound by volumeName binds that volume without bound-by-controller on the claim', async () => {
    const c = await cluster();
    c.create(PVS, pv('small', '1Gi'));
    c.create(PVS, pv('chosen', '5Gi'));
    c.create(PVCS, pvc('claim', '500Mi', { volumeName: 'chosen' }));
    await c.pump.advance(2_000);
    expect(c.getPvc('claim').metadata?.annotations).toEqual({ 'pv.kubernetes.io/bind-completed': 'yes' });
    expect(c.getPv('chosen').status?.phase).toBe('Bound');
  }, 60_000);

  it('1-1 - no volume: the claim stays Pending with FailedBinding', async () => {
    const c = await cluster();
    c.create(PVCS, pvc('claim', '500Mi', { storageClassName: undefined }));
    await c.pump.advance(2_000);
    expect(c.getPvc('claim').status?.phase).toBe('Pending');
    const events = (c.server.handle({ verb: 'list', group: '', version: 'v1', resource: 'events', namespace: 'default' }).body as { items: { reason: string; message: string }[] })
      .items;
    expect(events.map((e) => `${e.reason}: ${e.message}`)).toEqual(['FailedBinding: no persistent volumes available for this claim and no storage class is set']);
  }, 60_000);

  it.each([
    { name: '8-1 - Retain: the volume is Released when its claim goes', policy: 'Retain', path: '/data/x', want: 'Released' },
    { name: '8-2 - Delete of a hostPath outside /tmp fails', policy: 'Delete', path: '/data/x', want: 'Failed' },
    { name: '8-3 - Delete of a hostPath under /tmp removes the volume', policy: 'Delete', path: '/tmp/x', want: undefined },
  ])(
    '$name',
    async ({ policy, path, want }) => {
      const c = await cluster();
      c.create(PVS, pv('vol', '1Gi', { persistentVolumeReclaimPolicy: policy, hostPath: { path } }));
      c.create(PVCS, pvc('claim', '1Gi'));
      await c.pump.advance(2_000);
      c.server.handle({ verb: 'delete', ...PVCS, namespace: 'default', name: 'claim' });
      await c.pump.advance(2_000);
      const res = c.server.handle({ verb: 'get', ...PVS, name: 'vol' });
      expect(res.ok ? (res.body as PersistentVolume).status?.phase : undefined).toBe(want);
    },
    60_000,
  );
});
