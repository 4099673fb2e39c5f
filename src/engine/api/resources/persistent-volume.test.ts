/** Messages as pkg/apis/core/validation and pkg/apis/storage/validation word them (v1.35). */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../client.ts';
import { persistentVolumeClaimDefinition } from './persistent-volume-claim.ts';
import { persistentVolumeDefinition } from './persistent-volume.ts';
import { storageClassDefinition } from './storage-class.ts';
import { fakeServerContext, TEST_NOW_MS } from './testing/fake-server-context.ts';
import { created, createErrors, updateErrors } from './testing/validation-text.ts';

const ctx = () => fakeServerContext();
const pv = (spec: Record<string, unknown>): KubeObject => ({ metadata: { name: 'pv1' }, spec });
const pvc = (spec: Record<string, unknown>): KubeObject => ({ metadata: { name: 'c1', namespace: 'default' }, spec });

describe('PersistentVolume validation (ValidatePersistentVolumeSpec)', () => {
  it.each([
    {
      name: 'missing-volume-source',
      obj: pv({ capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'] }),
      errors: ['spec: Required value: must specify a volume type'],
    },
    {
      name: 'missing-accessmodes',
      obj: pv({ capacity: { storage: '1Gi' }, hostPath: { path: '/data' } }),
      errors: ['spec.accessModes: Required value'],
    },
    {
      name: 'bad-accessmodes',
      obj: pv({ capacity: { storage: '1Gi' }, accessModes: ['ReadWriteSometimes'], hostPath: { path: '/data' } }),
      errors: ['spec.accessModes: Unsupported value: "ReadWriteSometimes": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"'],
    },
    {
      name: 'missing-capacity',
      obj: pv({ accessModes: ['ReadWriteOnce'], hostPath: { path: '/data' } }),
      errors: ['spec.capacity: Required value', 'spec.capacity: Unsupported value: null: supported values: "storage"'],
    },
    {
      name: 'bad-reclaim-policy',
      obj: pv({ capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Keep', hostPath: { path: '/data' } }),
      errors: ['spec.persistentVolumeReclaimPolicy: Unsupported value: "Keep": supported values: "Delete", "Recycle", "Retain"'],
    },
    {
      name: 'host-path-backsteps',
      obj: pv({ capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/data/../etc' } }),
      errors: [`spec.hostPath.path: Invalid value: "/data/../etc": must not contain '..'`],
    },
    {
      name: 'local-volume-without-node-affinity',
      obj: pv({ capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], local: { path: '/mnt/disks/ssd1' } }),
      errors: ['spec.nodeAffinity: Required value: Local volume requires node affinity'],
    },
    {
      name: 'zero-capacity',
      obj: pv({ capacity: { storage: '0' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/data' } }),
      errors: ['spec.capacity[storage]: Invalid value: "0": must be greater than zero'],
    },
  ])('$name', ({ obj, errors }) => {
    expect(createErrors(persistentVolumeDefinition, obj, ctx())).toEqual(errors);
  });

  it('defaults Retain, Filesystem and an unset hostPath type, and protects the volume', () => {
    const stored = created(persistentVolumeDefinition, pv({ capacity: { storage: '1024Mi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/data' } }), ctx());
    expect(stored.spec).toEqual({
      capacity: { storage: '1Gi' },
      accessModes: ['ReadWriteOnce'],
      hostPath: { path: '/data', type: '' },
      persistentVolumeReclaimPolicy: 'Retain',
      volumeMode: 'Filesystem',
    });
    expect(stored.metadata?.finalizers).toEqual(['kubernetes.io/pv-protection']);
    expect((stored.status as { phase: string }).phase).toBe('Pending');
  });

  it('keeps the volume source immutable', () => {
    const old = created(persistentVolumeDefinition, pv({ capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/data' } }), ctx());
    const changed = { ...old, spec: { ...(old.spec as object), hostPath: { path: '/other', type: '' } } };
    expect(updateErrors(persistentVolumeDefinition, changed, old, ctx())).toEqual([
      'spec.persistentvolumesource: Forbidden: spec.persistentvolumesource is immutable after creation',
    ]);
  });

  it('prints the columns of printPersistentVolume', () => {
    const stored = created(persistentVolumeDefinition, pv({ capacity: { storage: '5Gi' }, accessModes: ['ReadWriteOnce', 'ReadOnlyMany'], hostPath: { path: '/data' } }), ctx());
    stored.metadata!.creationTimestamp = new Date(TEST_NOW_MS - 120_000).toISOString().replace(/\.\d+Z$/, 'Z');
    expect(persistentVolumeDefinition.tableRow!(stored, { nowMs: TEST_NOW_MS })).toEqual(['pv1', '5Gi', 'RWO,ROX', 'Retain', 'Pending', '', '', '<unset>', '', '2m', 'Filesystem']);
  });
});

describe('PersistentVolumeClaim validation (ValidatePersistentVolumeClaimSpec)', () => {
  it.each([
    {
      name: 'missing-access-modes',
      obj: pvc({ resources: { requests: { storage: '1Gi' } } }),
      errors: ['spec.accessModes: Required value: at least 1 access mode is required'],
    },
    {
      name: 'no-resource-requests',
      obj: pvc({ accessModes: ['ReadWriteOnce'] }),
      errors: ['spec.resources[storage]: Required value'],
    },
    {
      name: 'negative-storage-request',
      obj: pvc({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '-10G' } } }),
      errors: ['spec.resources[storage]: Invalid value: "-10G": must be greater than zero'],
    },
    {
      name: 'invalid-read-write-once-pod',
      obj: pvc({ accessModes: ['ReadWriteOncePod', 'ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } }),
      errors: ['spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes'],
    },
  ])('$name', ({ obj, errors }) => {
    expect(createErrors(persistentVolumeClaimDefinition, obj, ctx())).toEqual(errors);
  });

  it('refuses a change of access modes after creation', () => {
    const old = created(persistentVolumeClaimDefinition, pvc({ accessModes: ['ReadWriteMany'], resources: { requests: { storage: '1Gi' } } }), ctx());
    const changed = { ...old, spec: { ...(old.spec as object), accessModes: ['ReadWriteOnce'] } };
    const [error] = updateErrors(persistentVolumeClaimDefinition, changed, old, ctx());
    expect(error?.split('\n')[0]).toBe('spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims');
    expect(error).toContain('- \t\t"ReadWriteMany",');
    expect(error).toContain('+ \t\t"ReadWriteOnce",');
  });

  it('lets the PV controller set volumeName once', () => {
    const old = created(persistentVolumeClaimDefinition, pvc({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } }), ctx());
    expect(updateErrors(persistentVolumeClaimDefinition, { ...old, spec: { ...(old.spec as object), volumeName: 'pv1' } }, old, ctx())).toEqual([]);
  });
});

describe('StorageClass validation (ValidateStorageClass)', () => {
  it.each([
    { name: 'missing provisioner', obj: { metadata: { name: 'fast' } }, errors: ['provisioner: Required value'] },
    {
      name: 'invalid reclaimpolicy',
      obj: { metadata: { name: 'fast' }, provisioner: 'kubernetes.io/foo-provisioner', reclaimPolicy: 'Recycle' },
      errors: ['reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain"'],
    },
  ])('$name', ({ obj, errors }) => {
    expect(createErrors(storageClassDefinition, obj as KubeObject, ctx())).toEqual(errors);
  });

  it('defaults Delete and Immediate and marks the default class in its row', () => {
    const sc = created(
      storageClassDefinition,
      { metadata: { name: 'std', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }, provisioner: 'x.io/p' } as KubeObject,
      ctx(),
    );
    sc.metadata!.creationTimestamp = new Date(TEST_NOW_MS - 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
    expect(storageClassDefinition.tableRow!(sc, { nowMs: TEST_NOW_MS })).toEqual(['std (default)', 'x.io/p', 'Delete', 'Immediate', false, '60s']);
  });
});
