/**
 * What the apiserver serves for an Established CustomResourceDefinition: its storage version as a
 * kind of its own, decoded with pruning, defaulted and validated from the version's schema, with
 * the subresources and printer columns the CRD declares. Models
 * staging/src/k8s.io/apiextensions-apiserver/pkg/apiserver/customresource_handler.go and
 * pkg/registry/customresource/strategy.go.
 */
import type { CustomResourceDefinition, CustomResourceDefinitionVersion, CustomResourceSubresourceScale } from 'kubernetes-types/apiextensions/v1';
import type { ScalePaths } from '../scale-subresource.ts';
import type { SchemaProps } from './schema-props.ts';
import { jsonEqual } from '../../store/deep-copy.ts';
import type { KubeObject } from '../client.ts';
import type { ResourceDefinition } from '../resource-definition.ts';
import { isDNS1123Subdomain } from '../resources/name-validation.ts';
import { validateObjectMeta } from '../resources/object-meta-validation.ts';
import { STANDARD_VERBS } from '../resources/table-columns.ts';
import { customResourceDefinitions } from './openapi-schema.ts';
import { columnsOf, printerColumnDefinitions, printerColumnRow } from './printer-columns.ts';
import { applySchemaDefaults } from './schema-defaulting.ts';
import { pruneUnknownFields } from './schema-pruning.ts';
import { validateAgainstSchema } from './schema-validation.ts';

/** The version a CRD's objects are served and stored in: its storage version, when served. */
export function servedVersionOf(crd: CustomResourceDefinition): CustomResourceDefinitionVersion | undefined {
  return crd.spec.versions.find((v) => v.storage && v.served);
}

export function customResourceKind(crd: CustomResourceDefinition): ResourceDefinition | undefined {
  const version = servedVersionOf(crd);
  if (!version) return undefined;
  const names = crd.status?.acceptedNames ?? crd.spec.names;
  const schema: SchemaProps = (version.schema?.openAPIV3Schema as SchemaProps | undefined) ?? { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
  const subresources = [...(version.subresources?.status !== undefined ? ['status'] : []), ...(version.subresources?.scale ? ['scale'] : [])];
  const hasStatus = subresources.includes('status');
  const columns = columnsOf(version.additionalPrinterColumns);
  const validate = (obj: KubeObject) => [...validateObjectMeta(obj.metadata, isDNS1123Subdomain), ...validateAgainstSchema(obj, schema)];
  return {
    info: {
      group: crd.spec.group,
      version: version.name,
      name: names.plural,
      singularName: names.singular ?? names.kind.toLowerCase(),
      kind: names.kind,
      namespaced: crd.spec.scope === 'Namespaced',
      shortNames: [...(names.shortNames ?? [])],
      verbs: [...STANDARD_VERBS],
      categories: [...(names.categories ?? [])],
      subresources,
    },
    declaredSubresources: subresources,
    ...(version.subresources?.scale ? { scalePaths: scalePathsOf(version.subresources.scale) } : {}),
    pruneUnknownFields: (obj) => pruneUnknownFields(obj, schema),
    openApiDefinitions: customResourceDefinitions(crd.spec.group, version.name, names.kind, names.plural, schema),
    applyDefaults: (obj) => applySchemaDefaults(obj, schema),
    // PrepareForCreate: with a status subresource, status is written only through it.
    admitCreate: (obj) => {
      if (hasStatus) delete obj.status;
    },
    validateCreate: validate,
    validateUpdate: validate,
    hasSpecChange: (obj, old) => !jsonEqual(withoutOwnedParts(obj, hasStatus), withoutOwnedParts(old, hasStatus)),
    tableColumns: printerColumnDefinitions(columns),
    tableRow: (obj, ctx) => printerColumnRow(columns, obj, ctx),
  };
}

function scalePathsOf(scale: CustomResourceSubresourceScale): ScalePaths {
  const fields = (path: string) => path.split('.').filter((part) => part !== '');
  return {
    specReplicas: fields(scale.specReplicasPath),
    statusReplicas: fields(scale.statusReplicasPath),
    ...(scale.labelSelectorPath ? { labelSelector: fields(scale.labelSelectorPath) } : {}),
  };
}

/** What a write may change without a new generation: metadata, and status when it is a subresource. */
function withoutOwnedParts(obj: KubeObject, hasStatus: boolean): KubeObject {
  const { metadata: _metadata, status, ...rest } = obj;
  return hasStatus ? rest : { ...rest, status };
}
