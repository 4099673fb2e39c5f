/**
 * PersistentVolumeClaims (core/v1): SetDefaults_PersistentVolumeClaim, the DefaultStorageClass and
 * StorageObjectInUseProtection admission plugins, ValidatePersistentVolumeClaim(Update) and
 * printPersistentVolumeClaim.
 */
import { accessModesText, BETA_STORAGE_CLASS_ANNOTATION, storageClassOf } from '../../../lib/storage/storage-class.ts';
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { translateTimestampSince } from '../../../lib/duration/human-duration.ts';
import type { KubeObject } from '../client.ts';
import { type FieldError, forbidden, goValue, invalid, required } from '../field-error.ts';
import type { ResourceDefinition, ServerContext } from '../resource-definition.ts';
import { deepCopy } from '../../store/deep-copy.ts';
import { cmpDiff } from './go-cmp-report.ts';
import { isDNS1123Subdomain } from './name-validation.ts';
import { validateObjectMeta } from './object-meta-validation.ts';
import { validateAccessModes, validateClassName, validatePositiveQuantity, validateVolumeMode } from './persistent-volume-common.ts';
import { toGo } from './pod-spec-go-value.ts';
import { canonicalList, compareValues } from './resource-list.ts';
import { isDefaultClass } from './storage-class.ts';
import { ageColumn, column, nameColumn, STANDARD_VERBS } from './table-columns.ts';

export const PVC_PROTECTION_FINALIZER = 'kubernetes.io/pvc-protection';
type ClaimSpec = NonNullable<PersistentVolumeClaim['spec']>;

/** Models ValidatePersistentVolumeClaimSpec. */
export function validateClaimSpec(spec: ClaimSpec | undefined, path: string): FieldError[] {
  const errs = validateAccessModes(spec?.accessModes, `${path}.accessModes`, 'at least 1 access mode is required');
  const storage = spec?.resources?.requests?.storage;
  if (storage === undefined) errs.push(required(`${path}.resources[storage]`));
  else errs.push(...validatePositiveQuantity(storage, `${path}.resources[storage]`));
  errs.push(...validateClassName(spec?.storageClassName, `${path}.storageClassName`));
  errs.push(...validateVolumeMode(spec?.volumeMode, `${path}.volumeMode`));
  return errs;
}

function validateClaim(obj: KubeObject): FieldError[] {
  const pvc = obj as PersistentVolumeClaim;
  return [...validateObjectMeta(pvc.metadata, isDNS1123Subdomain), ...validateClaimSpec(pvc.spec, 'spec')];
}

function setOptional<K extends 'volumeName' | 'storageClassName' | 'volumeAttributesClassName'>(spec: ClaimSpec, key: K, value: string | undefined): void {
  if (value === undefined) delete spec[key];
  else spec[key] = value;
}

/** Models ValidatePersistentVolumeClaimUpdate: the spec is immutable but for a few transitions. */
function validateClaimUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const pvc = obj as PersistentVolumeClaim;
  const prev = old as PersistentVolumeClaim;
  const errs = validateClaim(obj);
  const next: ClaimSpec = deepCopy(pvc.spec ?? {});
  const before: ClaimSpec = deepCopy(prev.spec ?? {});
  // The PV controller writes volumeName once.
  if (!before.volumeName) setOptional(before, 'volumeName', next.volumeName);
  const betaClass = prev.metadata?.annotations?.[BETA_STORAGE_CLASS_ANNOTATION];
  if (before.storageClassName === undefined && next.storageClassName !== undefined && (betaClass === undefined || betaClass === next.storageClassName))
    setOptional(next, 'storageClassName', before.storageClassName);
  if (pvc.status?.phase === 'Bound' && next.resources?.requests) next.resources.requests.storage = before.resources?.requests?.storage ?? '';
  setOptional(next, 'volumeAttributesClassName', before.volumeAttributesClassName);
  const oldValue = toGo(before, 'PersistentVolumeClaimSpec');
  const newValue = toGo(next, 'PersistentVolumeClaimSpec');
  const diff = cmpDiff(oldValue, newValue);
  if (diff) errs.push(forbidden('spec', `spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n${diff}`));
  const oldSize = prev.spec?.resources?.requests?.storage;
  const newSize = pvc.spec?.resources?.requests?.storage;
  if (oldSize !== undefined && newSize !== undefined && compareValues(newSize, oldSize) < 0) {
    const capacity = prev.status?.capacity?.storage;
    // RecoverVolumeExpansionFailure (GA in v1.34) allows shrinking back down to status.capacity.
    if (capacity === undefined || compareValues(newSize, capacity) <= 0) errs.push(forbidden('spec.resources.requests.storage', 'field can not be less than status.capacity'));
  }
  if (pvc.spec?.volumeMode !== prev.spec?.volumeMode) errs.push(invalid('volumeMode', goValue(pvc.spec?.volumeMode), 'field is immutable'));
  return errs;
}

/** Models the DefaultStorageClass admission plugin: a claim without a class gets the newest default one. */
function admitDefaultStorageClass(pvc: PersistentVolumeClaim, ctx: ServerContext): void {
  if (pvc.spec?.storageClassName !== undefined || pvc.metadata?.annotations?.[BETA_STORAGE_CLASS_ANNOTATION] !== undefined) return;
  const defaults = (ctx.store.list('storageclasses') as unknown as StorageClass[]).filter((sc) => isDefaultClass(sc));
  if (!defaults.length) return;
  const newest = defaults.reduce((a, b) => {
    const ta = a.metadata?.creationTimestamp ?? '';
    const tb = b.metadata?.creationTimestamp ?? '';
    return tb > ta || (tb === ta && (b.metadata?.name ?? '') < (a.metadata?.name ?? '')) ? b : a;
  });
  pvc.spec!.storageClassName = newest.metadata!.name!;
}

export const persistentVolumeClaimDefinition: ResourceDefinition = {
  info: {
    group: '',
    version: 'v1',
    name: 'persistentvolumeclaims',
    singularName: 'persistentvolumeclaim',
    kind: 'PersistentVolumeClaim',
    namespaced: true,
    shortNames: ['pvc'],
    verbs: [...STANDARD_VERBS],
    categories: [],
    subresources: ['status'],
  },
  applyDefaults: (obj) => {
    const pvc = obj as PersistentVolumeClaim;
    const spec = (pvc.spec ??= {});
    spec.volumeMode ??= 'Filesystem';
    if (spec.resources?.requests) spec.resources.requests = canonicalList(spec.resources.requests as Record<string, string>)!;
    if (spec.resources?.limits) spec.resources.limits = canonicalList(spec.resources.limits as Record<string, string>)!;
    const status = ((obj as { status?: { phase?: string } }).status ??= {});
    status.phase ||= 'Pending';
  },
  admitCreate: (obj, ctx) => {
    const pvc = obj as PersistentVolumeClaim;
    obj.status = { phase: 'Pending' };
    admitDefaultStorageClass(pvc, ctx);
    const meta = pvc.metadata!;
    if (!(meta.finalizers ?? []).includes(PVC_PROTECTION_FINALIZER)) meta.finalizers = [...(meta.finalizers ?? []), PVC_PROTECTION_FINALIZER];
  },
  validateCreate: validateClaim,
  validateUpdate: validateClaimUpdate,
  tableColumns: [
    nameColumn(),
    column('Status', 'phase represents the current phase of PersistentVolumeClaim.'),
    column('Volume', 'volumeName is the binding reference to the PersistentVolume backing this claim.'),
    column('Capacity', 'capacity represents the actual resources of the underlying volume.'),
    column(
      'Access Modes',
      'accessModes contains the actual access modes the volume backing the PVC has. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes-1',
    ),
    column('StorageClass', 'StorageClass of the pvc'),
    column('VolumeAttributesClass', 'VolumeAttributesClass of the pvc'),
    ageColumn(),
    column('VolumeMode', 'volumeMode defines what type of volume is required by the claim. Value of Filesystem is implied when not included in claim spec.', { priority: 1 }),
  ],
  tableRow: (obj, ctx) => {
    const pvc = obj as PersistentVolumeClaim;
    const bound = Boolean(pvc.spec?.volumeName);
    return [
      pvc.metadata?.name ?? '',
      pvc.metadata?.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? ''),
      pvc.spec?.volumeName ?? '',
      bound ? String(pvc.status?.capacity?.storage ?? '0') : '',
      bound ? accessModesText(pvc.status?.accessModes) : '',
      storageClassOf(pvc),
      pvc.spec?.volumeAttributesClassName ?? '<unset>',
      translateTimestampSince(pvc.metadata?.creationTimestamp, ctx.nowMs),
      pvc.spec?.volumeMode ?? '<unset>',
    ];
  },
};
