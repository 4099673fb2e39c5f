/**
 * What the API server, the volume controllers and kubectl's describe all read off a volume or a
 * claim, as component-helpers/storage/volume and storageutil do.
 */

/** The annotation that named a class before `spec.storageClassName` existed, and still wins over it. */
export const BETA_STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

interface ClassBearer {
  metadata?: { annotations?: Record<string, string> };
  spec?: { storageClassName?: string };
}

/** GetPersistentVolumeClass and GetPersistentVolumeClaimClass: the beta annotation, else the field. */
export function storageClassOf(obj: ClassBearer): string {
  return obj.metadata?.annotations?.[BETA_STORAGE_CLASS_ANNOTATION] ?? obj.spec?.storageClassName ?? '';
}

const SHORT_MODES: [string, string][] = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
];

/** storageutil.GetAccessModesAsString: the short names in a fixed order. */
export function accessModesText(modes: readonly string[] | undefined): string {
  return SHORT_MODES.filter(([mode]) => modes?.includes(mode))
    .map(([, s]) => s)
    .join(',');
}
