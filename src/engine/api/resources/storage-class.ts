/** StorageClasses (storage.k8s.io/v1): SetDefaults_StorageClass, ValidateStorageClass(Update) and printStorageClass. */
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { translateTimestampSince } from '../../../lib/duration/human-duration.ts';
import type { KubeObject } from '../client.ts';
import { type FieldError, forbidden, goValue, invalid, notSupported, required } from '../field-error.ts';
import type { ResourceDefinition } from '../resource-definition.ts';
import { isDNS1123Subdomain, isQualifiedName } from './name-validation.ts';
import { validateObjectMeta } from './object-meta-validation.ts';
import { ageColumn, column, nameColumn, STANDARD_VERBS } from './table-columns.ts';

const RECLAIM_POLICIES = ['Delete', 'Retain'];
const BINDING_MODES = ['Immediate', 'WaitForFirstConsumer'];
const MAX_PARAMETERS = 512;
const MAX_PARAMETERS_SIZE = 256 * 1024;

/** Models storageutil.IsDefaultAnnotation. */
export function isDefaultClass(sc: StorageClass): boolean {
  const annotations = sc.metadata?.annotations ?? {};
  return annotations['storageclass.kubernetes.io/is-default-class'] === 'true' || annotations['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
}

function validateStorageClass(obj: KubeObject): FieldError[] {
  const sc = obj as unknown as StorageClass;
  const errs = validateObjectMeta(sc.metadata, isDNS1123Subdomain);
  if (!sc.provisioner) errs.push(required('provisioner'));
  else for (const msg of isQualifiedName(sc.provisioner.toLowerCase())) errs.push(invalid('provisioner', goValue(sc.provisioner), msg));
  const parameters = Object.entries(sc.parameters ?? {});
  if (parameters.length > MAX_PARAMETERS) errs.push(invalid('parameters', `${parameters.length}`, `must have less than ${MAX_PARAMETERS} parameters`));
  let size = 0;
  for (const [key, value] of parameters) {
    if (!key) errs.push(invalid('parameters', goValue(key), 'field can not be empty.'));
    size += key.length + value.length;
  }
  if (size > MAX_PARAMETERS_SIZE) errs.push(tooLongParameters(size));
  if (sc.reclaimPolicy !== undefined && !RECLAIM_POLICIES.includes(sc.reclaimPolicy)) errs.push(notSupported('reclaimPolicy', goValue(sc.reclaimPolicy), RECLAIM_POLICIES));
  if (sc.volumeBindingMode === undefined) errs.push(required('volumeBindingMode'));
  else if (!BINDING_MODES.includes(sc.volumeBindingMode)) errs.push(notSupported('volumeBindingMode', goValue(sc.volumeBindingMode), BINDING_MODES));
  return errs;
}

function tooLongParameters(size: number): FieldError {
  return invalid('parameters', `${size}`, `must be less than ${MAX_PARAMETERS_SIZE} bytes`);
}

function validateStorageClassUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const sc = obj as unknown as StorageClass;
  const prev = old as unknown as StorageClass;
  const errs = validateStorageClass(obj);
  if (JSON.stringify(sortedParameters(sc)) !== JSON.stringify(sortedParameters(prev))) errs.push(forbidden('parameters', 'updates to parameters are forbidden.'));
  if (sc.provisioner !== prev.provisioner) errs.push(forbidden('provisioner', 'updates to provisioner are forbidden.'));
  if (sc.reclaimPolicy !== prev.reclaimPolicy) errs.push(forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
  if (sc.volumeBindingMode !== prev.volumeBindingMode) errs.push(invalid('volumeBindingMode', goValue(sc.volumeBindingMode), 'field is immutable'));
  return errs;
}

function sortedParameters(sc: StorageClass): [string, string][] {
  return Object.entries(sc.parameters ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export const storageClassDefinition: ResourceDefinition = {
  info: {
    group: 'storage.k8s.io',
    version: 'v1',
    name: 'storageclasses',
    singularName: 'storageclass',
    kind: 'StorageClass',
    namespaced: false,
    shortNames: ['sc'],
    verbs: [...STANDARD_VERBS],
    categories: [],
    subresources: [],
  },
  applyDefaults: (obj) => {
    const sc = obj as unknown as StorageClass;
    sc.reclaimPolicy ??= 'Delete';
    sc.volumeBindingMode ??= 'Immediate';
  },
  validateCreate: validateStorageClass,
  validateUpdate: validateStorageClassUpdate,
  tableColumns: [
    nameColumn(),
    column('Provisioner', 'provisioner indicates the type of the provisioner.'),
    column('ReclaimPolicy', 'reclaimPolicy controls the reclaimPolicy for dynamically provisioned PersistentVolumes of this storage class. Defaults to Delete.'),
    column(
      'VolumeBindingMode',
      'volumeBindingMode indicates how PersistentVolumeClaims should be provisioned and bound.  When unset, VolumeBindingImmediate is used. This field is only honored by servers that enable the VolumeScheduling feature.',
    ),
    column('AllowVolumeExpansion', 'allowVolumeExpansion shows whether the storage class allow volume expand.'),
    ageColumn(),
  ],
  tableRow: (obj, ctx) => {
    const sc = obj as unknown as StorageClass;
    const name = `${sc.metadata?.name ?? ''}${isDefaultClass(sc) ? ' (default)' : ''}`;
    return [
      name,
      sc.provisioner ?? '',
      sc.reclaimPolicy ?? 'Delete',
      sc.volumeBindingMode ?? 'Immediate',
      sc.allowVolumeExpansion ?? false,
      translateTimestampSince(sc.metadata?.creationTimestamp, ctx.nowMs),
    ];
  },
};
