/**
 * The v1 -> internal conversion of a CRD moves a per-version field to the top level when every
 * version sets it to the same value (Convert_v1_CustomResourceDefinitionSpec_To_apiextensions_...):
 * the apiserver's validation then names `spec.validation.openAPIV3Schema`, `spec.subresources` or
 * `spec.additionalPrinterColumns` instead of the version's own path.
 */
import type { CustomResourceDefinitionVersion } from 'kubernetes-types/apiextensions/v1';
import { jsonEqual } from '../../store/deep-copy.ts';

export type PerVersionField = 'schema' | 'subresources' | 'additionalPrinterColumns';

export function isHoisted(versions: CustomResourceDefinitionVersion[], field: PerVersionField): boolean {
  const first = versions[0]?.[field];
  if (first === undefined || (Array.isArray(first) && first.length === 0)) return false;
  return versions.every((v) => v[field] !== undefined && jsonEqual(v[field], first));
}

/** Where the apiserver reports an error in version `i`'s field (the schema's root by default). */
export function schemaPathOf(versions: CustomResourceDefinitionVersion[], i: number, field: PerVersionField = 'schema'): string {
  const hoisted = isHoisted(versions, field);
  if (field === 'schema') return hoisted ? 'spec.validation.openAPIV3Schema' : `spec.versions[${i}].schema.openAPIV3Schema`;
  return hoisted ? `spec.${field}` : `spec.versions[${i}].${field}`;
}
