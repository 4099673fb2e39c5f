/**
 * PersistentVolumes (core/v1, cluster-scoped): SetDefaults_PersistentVolume, the strategy's
 * PrepareForCreate, ValidatePersistentVolume(Update) and printPersistentVolume.
 */
import { accessModesText, BETA_STORAGE_CLASS_ANNOTATION, storageClassOf } from '../../../lib/storage/storage-class.ts';
import type { PersistentVolume } from 'kubernetes-types/core/v1';
import { translateTimestampSince } from '../../../lib/duration/human-duration.ts';
import type { KubeObject } from '../client.ts';
import { type FieldError, forbidden, goValue, invalid, notSupported, required } from '../field-error.ts';
import type { ResourceDefinition } from '../resource-definition.ts';
import { formatTimestamp } from '../timestamps.ts';
import { isDNS1123Subdomain } from './name-validation.ts';
import { validateObjectMeta } from './object-meta-validation.ts';
import { validateAccessModes, validateClassName, validatePositiveQuantity, validateVolumeMode } from './persistent-volume-common.ts';
import { canonicalList } from './resource-list.ts';
import { ageColumn, column, nameColumn, STANDARD_VERBS } from './table-columns.ts';

const RECLAIM_POLICIES = ['Delete', 'Recycle', 'Retain'];
const HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];
/** The PersistentVolumeSource members, in the order ValidatePersistentVolumeSpec checks them. */
const VOLUME_SOURCES = [
  'hostPath',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'glusterfs',
  'flocker',
  'nfs',
  'rbd',
  'quobyte',
  'cephfs',
  'iscsi',
  'cinder',
  'fc',
  'flexVolume',
  'azureFile',
  'vsphereVolume',
  'photonPersistentDisk',
  'portworxVolume',
  'azureDisk',
  'scaleIO',
  'local',
  'storageos',
  'csi',
] as const;

export const PV_PROTECTION_FINALIZER = 'kubernetes.io/pv-protection';

function validatePathNoBacksteps(path: string, field: string): FieldError[] {
  return path.split('/').includes('..') ? [invalid(field, goValue(path), "must not contain '..'")] : [];
}

function validateSource(spec: Record<string, unknown>, name: string): FieldError[] {
  const source = spec[name] as { path?: string; type?: string; server?: string } | undefined;
  if (!source) return [];
  const base = `spec.${name === 'cephfs' ? 'cephFS' : name}`;
  if (name === 'hostPath' || name === 'local') {
    if (!source.path) return [required(`${base}.path`)];
    const errs = validatePathNoBacksteps(source.path, `${base}.path`);
    if (name === 'hostPath' && source.type !== undefined && !HOST_PATH_TYPES.includes(source.type)) errs.push(notSupported(`${base}.type`, goValue(source.type), HOST_PATH_TYPES));
    return errs;
  }
  if (name === 'nfs') {
    const errs: FieldError[] = [];
    if (!source.server) errs.push(required(`${base}.server`));
    if (!source.path) errs.push(required(`${base}.path`));
    else if (!source.path.startsWith('/')) errs.push(invalid(`${base}.path`, goValue(source.path), 'must be an absolute path'));
    return errs;
  }
  return [];
}

/** Models ValidatePersistentVolumeSpec for a PersistentVolume object (not an inline volume). */
function validatePersistentVolume(obj: KubeObject): FieldError[] {
  const pv = obj as PersistentVolume;
  const errs = validateObjectMeta(pv.metadata, isDNS1123Subdomain);
  const spec = (pv.spec ?? {}) as NonNullable<PersistentVolume['spec']> & Record<string, unknown>;
  errs.push(...validateAccessModes(spec.accessModes, 'spec.accessModes'));
  const capacity = spec.capacity as Record<string, string> | undefined;
  const names = Object.keys(capacity ?? {});
  if (names.length === 0) errs.push(required('spec.capacity'));
  if (!names.includes('storage') || names.length > 1) errs.push(notSupported('spec.capacity', capacity ? JSON.stringify(capacity) : 'null', ['storage']));
  for (const name of names) errs.push(...validatePositiveQuantity(capacity![name]!, `spec.capacity[${name}]`));
  const policy = spec.persistentVolumeReclaimPolicy;
  if (policy && !RECLAIM_POLICIES.includes(policy)) errs.push(notSupported('spec.persistentVolumeReclaimPolicy', goValue(policy), RECLAIM_POLICIES));
  if (spec.nodeAffinity && !spec.nodeAffinity.required) errs.push(required('spec.nodeAffinity.required', 'must specify required node constraints'));
  let count = 0;
  for (const name of VOLUME_SOURCES) {
    if (!spec[name]) continue;
    if (count > 0 && name !== 'flexVolume') {
      errs.push(forbidden(`spec.${name}`, 'may not specify more than 1 volume type'));
      continue;
    }
    count++;
    errs.push(...validateSource(spec, name));
    if (name === 'local' && !spec.nodeAffinity) errs.push(required('spec.nodeAffinity', 'Local volume requires node affinity'));
  }
  if (count === 0) errs.push(required('spec', 'must specify a volume type'));
  errs.push(...validateClassName(spec.storageClassName, 'spec.storageClassName'));
  errs.push(...validateVolumeMode(spec.volumeMode, 'spec.volumeMode'));
  return errs;
}

function sourceOf(pv: PersistentVolume): string {
  const spec = (pv.spec ?? {}) as Record<string, unknown>;
  return JSON.stringify(VOLUME_SOURCES.map((name) => spec[name] ?? null));
}

function validatePersistentVolumeUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const pv = obj as PersistentVolume;
  const prev = old as PersistentVolume;
  const errs = validatePersistentVolume(obj);
  if (sourceOf(pv) !== sourceOf(prev)) errs.push(forbidden('spec.persistentvolumesource', 'spec.persistentvolumesource is immutable after creation'));
  if (pv.spec?.volumeMode !== prev.spec?.volumeMode) errs.push(invalid('volumeMode', goValue(pv.spec?.volumeMode), 'field is immutable'));
  return errs;
}

export const persistentVolumeDefinition: ResourceDefinition = {
  info: {
    group: '',
    version: 'v1',
    name: 'persistentvolumes',
    singularName: 'persistentvolume',
    kind: 'PersistentVolume',
    namespaced: false,
    shortNames: ['pv'],
    verbs: [...STANDARD_VERBS],
    categories: [],
    subresources: ['status'],
  },
  applyDefaults: (obj) => {
    const pv = obj as PersistentVolume;
    const spec = (pv.spec ??= {});
    spec.persistentVolumeReclaimPolicy ||= 'Retain';
    spec.volumeMode ??= 'Filesystem';
    if (spec.hostPath) spec.hostPath.type ??= '';
    if (spec.capacity) spec.capacity = canonicalList(spec.capacity as Record<string, string>)!;
    const status = ((obj as { status?: { phase?: string } }).status ??= {});
    status.phase ||= 'Pending';
  },
  // The strategy's PrepareForCreate resets status; the StorageObjectInUseProtection plugin adds the finalizer.
  admitCreate: (obj, ctx) => {
    obj.status = { phase: 'Pending', lastPhaseTransitionTime: formatTimestamp(ctx.nowMs) };
    const meta = obj.metadata!;
    if (!(meta.finalizers ?? []).includes(PV_PROTECTION_FINALIZER)) meta.finalizers = [...(meta.finalizers ?? []), PV_PROTECTION_FINALIZER];
  },
  validateCreate: validatePersistentVolume,
  validateUpdate: validatePersistentVolumeUpdate,
  tableColumns: [
    nameColumn(),
    column(
      'Capacity',
      "capacity is the description of the persistent volume's resources and capacity. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#capacity",
    ),
    column('Access Modes', 'accessModes contains all ways the volume can be mounted. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes'),
    column(
      'Reclaim Policy',
      'persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim. Valid options are Retain (default for manually created PersistentVolumes), Delete (default for dynamically provisioned PersistentVolumes), and Recycle (deprecated). Recycle must be supported by the volume plugin underlying this PersistentVolume. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#reclaiming',
    ),
    column(
      'Status',
      'phase indicates if a volume is available, bound to a claim, or released by a claim. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#phase',
    ),
    column(
      'Claim',
      'claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim. Expected to be non-nil when bound. claim.VolumeName is the authoritative bind between PV and PVC. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#binding',
    ),
    column('StorageClass', 'StorageClass of the pv'),
    column('VolumeAttributesClass', 'VolumeAttributesClass of the pv'),
    column('Reason', 'reason is a brief CamelCase string that describes any failure and is meant for machine parsing and tidy display in the CLI.'),
    ageColumn(),
    column(
      'VolumeMode',
      'volumeMode defines if a volume is intended to be used with a formatted filesystem or to remain in raw block state. Value of Filesystem is implied when not included in spec.',
      { priority: 1 },
    ),
  ],
  tableRow: (obj, ctx) => {
    const pv = obj as PersistentVolume;
    const ref = pv.spec?.claimRef;
    const claim = ref ? `${ref.namespace ?? ''}/${ref.name ?? ''}` : '';
    const phase = pv.metadata?.deletionTimestamp ? 'Terminating' : (pv.status?.phase ?? '');
    return [
      pv.metadata?.name ?? '',
      String(pv.spec?.capacity?.storage ?? '0'),
      accessModesText(pv.spec?.accessModes),
      pv.spec?.persistentVolumeReclaimPolicy ?? '',
      phase,
      claim,
      storageClassOf(pv),
      pv.spec?.volumeAttributesClassName ?? '<unset>',
      pv.status?.reason ?? '',
      translateTimestampSince(pv.metadata?.creationTimestamp, ctx.nowMs),
      pv.spec?.volumeMode ?? '<unset>',
    ];
  },
};
