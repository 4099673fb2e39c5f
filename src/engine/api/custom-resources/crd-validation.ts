/**
 * ValidateCustomResourceDefinition of apiextensions-apiserver, on the v1 object as the apiserver
 * sees it after converting it to the internal version (where per-version schemas, subresources and
 * columns identical in every version move to the top level: `spec.validation`).
 * Models staging/src/k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/validation/validation.go.
 */
import type { CustomResourceColumnDefinition, CustomResourceDefinition, CustomResourceDefinitionNames, CustomResourceDefinitionVersion } from 'kubernetes-types/apiextensions/v1';
import { type FieldError, forbidden, goValue, invalid, notSupported, required } from '../field-error.ts';
import { isDNS1035Label, isDNS1123Subdomain } from '../resources/name-validation.ts';
import { validateObjectMeta } from '../resources/object-meta-validation.ts';
import { goVersionsValue } from './go-versions-value.ts';
import { schemaPathOf } from './hoisted-fields.ts';
import type { SchemaProps } from './schema-props.ts';
import { validateStructuralSchema } from './structural-schema.ts';

const COLUMN_TYPES = ['boolean', 'date', 'integer', 'number', 'string'];
const COLUMN_FORMATS = ['byte', 'date', 'date-time', 'double', 'float', 'int32', 'int64', 'password'];

export function validateCustomResourceDefinition(crd: CustomResourceDefinition): FieldError[] {
  const spec = crd.spec;
  const requiredName = `${spec?.names?.plural ?? ''}.${spec?.group ?? ''}`;
  const errs = validateObjectMeta(crd.metadata, (name) => [...isDNS1123Subdomain(name), ...(name === requiredName ? [] : ['must be spec.names.plural+"."+spec.group'])]);
  errs.push(...validateSpec(crd));
  errs.push(...validateStoredVersions(crd));
  return errs;
}

export function validateCustomResourceDefinitionUpdate(crd: CustomResourceDefinition, old: CustomResourceDefinition): FieldError[] {
  const errs = validateCustomResourceDefinition(crd);
  const established = old.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True') ?? false;
  const immutable = (path: string, now: unknown, before: unknown) => {
    if (now !== before) errs.push(invalid(path, goValue(now ?? ''), 'field is immutable'));
  };
  if (established) {
    immutable('spec.scope', crd.spec?.scope, old.spec?.scope);
    immutable('spec.names.kind', crd.spec?.names?.kind, old.spec?.names?.kind);
  }
  immutable('spec.group', crd.spec?.group, old.spec?.group);
  immutable('spec.names.plural', crd.spec?.names?.plural, old.spec?.names?.plural);
  return errs;
}

function validateSpec(crd: CustomResourceDefinition): FieldError[] {
  const spec = crd.spec ?? ({} as NonNullable<CustomResourceDefinition['spec']>);
  const errs: FieldError[] = [];
  const group = spec.group ?? '';
  if (!group) errs.push(required('spec.group'));
  else {
    const groupErrs = isDNS1123Subdomain(group);
    if (groupErrs.length > 0) errs.push(invalid('spec.group', goValue(group), groupErrs.join(',')));
    else if (group.split('.').length < 2) errs.push(invalid('spec.group', goValue(group), 'should be a domain with at least one dot'));
  }
  if (!spec.scope) errs.push(required('spec.scope'));
  else if (spec.scope !== 'Cluster' && spec.scope !== 'Namespaced') errs.push(notSupported('spec.scope', goValue(spec.scope), ['Cluster', 'Namespaced']));

  const versions = spec.versions ?? [];
  const seen = new Set<string>();
  let unique = true;
  versions.forEach((version, i) => {
    if (seen.has(version.name)) unique = false;
    seen.add(version.name);
    const nameErrs = isDNS1035Label(version.name ?? '');
    if (nameErrs.length > 0) errs.push(invalid(`spec.versions[${i}].name`, goValue(version.name ?? ''), nameErrs.join(',')));
    errs.push(...validateVersion(versions, version, i));
  });
  if (!unique) errs.push(invalid('spec.versions', goVersionsValue(versions), 'must contain unique version names'));
  if (versions.filter((v) => v.storage).length !== 1) errs.push(invalid('spec.versions', goVersionsValue(versions), 'must have exactly one version marked as storage version'));

  const names = spec.names ?? ({} as CustomResourceDefinitionNames);
  for (const field of ['plural', 'singular', 'kind', 'listKind'] as const) if (!names[field]) errs.push(required(`spec.names.${field}`));
  errs.push(...validateNames(names, 'spec.names'));
  if (spec.conversion) {
    const strategy = spec.conversion.strategy;
    if (!strategy) errs.push(required('spec.conversion.strategy'));
    else if (strategy !== 'None' && strategy !== 'Webhook') errs.push(notSupported('spec.conversion.strategy', goValue(strategy), ['None', 'Webhook']));
    else if (strategy === 'Webhook' && !spec.conversion.webhook?.clientConfig)
      errs.push(required('spec.conversion.webhookClientConfig', 'required when strategy is set to Webhook'));
  }
  return errs;
}

function validateVersion(versions: CustomResourceDefinitionVersion[], version: CustomResourceDefinitionVersion, i: number): FieldError[] {
  const errs: FieldError[] = [];
  const schema = version.schema?.openAPIV3Schema;
  if (!schema) errs.push(required(`spec.versions[${i}].schema.openAPIV3Schema`, 'schemas are required'));
  else errs.push(...validateStructuralSchema(schema as SchemaProps, schemaPathOf(versions, i), version.subresources?.status !== undefined));
  const scale = version.subresources?.scale;
  if (scale) {
    const base = `${subresourcesPathOf(versions, i)}.scale`;
    errs.push(...validateScalePath(scale.specReplicasPath, `${base}.specReplicasPath`, '.spec.', 'should be a json path under .spec'));
    errs.push(...validateScalePath(scale.statusReplicasPath, `${base}.statusReplicasPath`, '.status.', 'should be a json path under .status'));
    if (scale.labelSelectorPath) errs.push(...validateScalePath(scale.labelSelectorPath, `${base}.labelSelectorPath`, '.status.', 'should be a json path under .status'));
  }
  (version.additionalPrinterColumns ?? []).forEach((column, j) => errs.push(...validateColumn(column, `${columnsPathOf(versions, i)}[${j}]`)));
  return errs;
}

function subresourcesPathOf(versions: CustomResourceDefinitionVersion[], i: number): string {
  return schemaPathOf(versions, i, 'subresources');
}

function columnsPathOf(versions: CustomResourceDefinitionVersion[], i: number): string {
  return schemaPathOf(versions, i, 'additionalPrinterColumns');
}

function validateScalePath(path: string | undefined, field: string, prefix: string, detail: string): FieldError[] {
  if (!path) return [required(field)];
  const simple = validateSimpleJsonPath(path, field);
  if (simple.length > 0) return simple;
  return path.startsWith(prefix) ? [] : [invalid(field, goValue(path), detail)];
}

function validateSimpleJsonPath(path: string, field: string): FieldError[] {
  if (path.length === 0) return [invalid(field, goValue(path), 'must not be empty')];
  if (!path.startsWith('.')) return [invalid(field, goValue(path), 'must be a simple json path starting with .')];
  return [];
}

function validateColumn(column: CustomResourceColumnDefinition, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!column.name) errs.push(required(`${path}.name`));
  if (!column.type) errs.push(required(`${path}.type`, `must be one of ${COLUMN_TYPES.join(',')}`));
  else if (!COLUMN_TYPES.includes(column.type)) errs.push(invalid(`${path}.type`, goValue(column.type), `must be one of ${COLUMN_TYPES.join(',')}`));
  if (column.format && !COLUMN_FORMATS.includes(column.format)) errs.push(invalid(`${path}.format`, goValue(column.format), `must be one of ${COLUMN_FORMATS.join(',')}`));
  if (!column.jsonPath) errs.push(required(`${path}.JSONPath`));
  else errs.push(...validateSimpleJsonPath(column.jsonPath, `${path}.JSONPath`));
  return errs;
}

/** ValidateCustomResourceDefinitionNames. */
export function validateNames(names: CustomResourceDefinitionNames, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const label = (value: string | undefined, field: string, prefix = '', lower = false) => {
    if (!value) return;
    const problems = isDNS1035Label(lower ? value.toLowerCase() : value);
    if (problems.length > 0) errs.push(invalid(field, goValue(value), prefix + problems.join(',')));
  };
  label(names.plural, `${path}.plural`);
  label(names.singular, `${path}.singular`);
  label(names.kind, `${path}.kind`, 'may have mixed case, but should otherwise match: ', true);
  label(names.listKind, `${path}.listKind`, 'may have mixed case, but should otherwise match: ', true);
  (names.shortNames ?? []).forEach((s, i) => label(s, `${path}.shortNames[${i}]`));
  if (names.kind && names.kind === names.listKind) errs.push(invalid(`${path}.listKind`, goValue(names.listKind), 'kind and listKind may not be the same'));
  (names.categories ?? []).forEach((c, i) => label(c, `${path}.categories[${i}]`));
  return errs;
}

/** ValidateCustomResourceDefinitionStoredVersions. */
function validateStoredVersions(crd: CustomResourceDefinition): FieldError[] {
  const stored = crd.status?.storedVersions ?? [];
  const path = 'status.storedVersions';
  if (stored.length === 0) return [invalid(path, '[]string(nil)', 'must have at least one stored version')];
  const errs: FieldError[] = [];
  const remaining = new Map(stored.map((v, i) => [v, i]));
  for (const version of crd.spec?.versions ?? []) {
    if (version.storage && !remaining.has(version.name))
      errs.push(
        invalid(path, goVersionsValue([version]).replace(/^\[\]apiextensions.CustomResourceDefinitionVersion{(.*)}$/, '$1'), `must have the storage version ${version.name}`),
      );
    remaining.delete(version.name);
  }
  for (const [v, i] of remaining) errs.push(invalid(`${path}[${i}]`, goValue(v), 'must appear in spec.versions'));
  return errs;
}
