/**
 * `spec.versions` as the apiserver's field errors print it: Go's `%#v` of the internal
 * []apiextensions.CustomResourceDefinitionVersion. Pointers print as addresses, which differ on
 * every real run; a fixed one stands in for them.
 */
import type { CustomResourceDefinitionVersion } from 'kubernetes-types/apiextensions/v1';
import { isHoisted } from './hoisted-fields.ts';

const POINTER = '0xc000a4e000';

function pointer(type: string, isSet: boolean): string {
  return `(*${type})(${isSet ? POINTER : 'nil'})`;
}

function goVersionValue(version: CustomResourceDefinitionVersion, hoisted: { schema: boolean; subresources: boolean; columns: boolean }): string {
  const warning = version.deprecationWarning === undefined ? '(*string)(nil)' : pointer('string', true);
  const columns =
    !hoisted.columns && version.additionalPrinterColumns?.length ? `[]apiextensions.CustomResourceColumnDefinition{...}` : '[]apiextensions.CustomResourceColumnDefinition(nil)';
  return (
    `apiextensions.CustomResourceDefinitionVersion{Name:${JSON.stringify(version.name ?? '')}, Served:${version.served === true}, Storage:${version.storage === true}, ` +
    `Deprecated:${version.deprecated === true}, DeprecationWarning:${warning}, ` +
    `Schema:${pointer('apiextensions.CustomResourceValidation', !hoisted.schema && version.schema !== undefined)}, ` +
    `Subresources:${pointer('apiextensions.CustomResourceSubresources', !hoisted.subresources && version.subresources !== undefined)}, ` +
    `AdditionalPrinterColumns:${columns}, SelectableFields:[]apiextensions.SelectableField(nil)}`
  );
}

export function goVersionsValue(versions: CustomResourceDefinitionVersion[]): string {
  const hoisted = { schema: isHoisted(versions, 'schema'), subresources: isHoisted(versions, 'subresources'), columns: isHoisted(versions, 'additionalPrinterColumns') };
  if (versions.length === 0) return '[]apiextensions.CustomResourceDefinitionVersion(nil)';
  return `[]apiextensions.CustomResourceDefinitionVersion{${versions.map((v) => goVersionValue(v, hoisted)).join(', ')}}`;
}
