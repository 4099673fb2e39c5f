import type { CustomResourceDefinition } from 'kubernetes-types/apiextensions/v1';
import { describe, expect, it } from 'vitest';
import { formatFieldError } from '../field-error.ts';
import { validateCustomResourceDefinition } from './crd-validation.ts';

const OBJECT_SCHEMA = { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object' } } } };

function crd(overrides: { name?: string; spec?: Partial<CustomResourceDefinition['spec']> } = {}): CustomResourceDefinition {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: overrides.name ?? 'widgets.example.com' },
    spec: {
      group: 'example.com',
      scope: 'Namespaced',
      names: { plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList' },
      versions: [{ name: 'v1', served: true, storage: true, schema: OBJECT_SCHEMA }],
      ...overrides.spec,
    },
    status: { storedVersions: ['v1'] },
  } as CustomResourceDefinition;
}

const NO_STORAGE_VERSIONS =
  'spec.versions: Invalid value: []apiextensions.CustomResourceDefinitionVersion{apiextensions.CustomResourceDefinitionVersion{Name:"v1", Served:true, Storage:false, Deprecated:false, ' +
  'DeprecationWarning:(*string)(nil), Schema:(*apiextensions.CustomResourceValidation)(nil), Subresources:(*apiextensions.CustomResourceSubresources)(nil), ' +
  'AdditionalPrinterColumns:[]apiextensions.CustomResourceColumnDefinition(nil), SelectableFields:[]apiextensions.SelectableField(nil)}}: must have exactly one version marked as storage version';

// Cases after apiextensions validation_test.go TestValidateCustomResourceDefinition.
const cases: { name: string; crd: CustomResourceDefinition; errors: string[] }[] = [
  { name: 'a valid definition', crd: crd(), errors: [] },
  {
    name: 'name not plural.group',
    crd: crd({ name: 'gadgets.example.com' }),
    errors: ['metadata.name: Invalid value: "gadgets.example.com": must be spec.names.plural+"."+spec.group'],
  },
  {
    name: 'group without a dot',
    crd: crd({ name: 'widgets.example', spec: { group: 'example' } }),
    errors: ['spec.group: Invalid value: "example": should be a domain with at least one dot'],
  },
  {
    name: 'unsupported scope',
    crd: crd({ spec: { scope: 'Regional' } }),
    errors: ['spec.scope: Unsupported value: "Regional": supported values: "Cluster", "Namespaced"'],
  },
  {
    name: 'no storage version and no schema',
    crd: crd({ spec: { versions: [{ name: 'v1', served: true, storage: false }] } }),
    errors: ['spec.versions[0].schema.openAPIV3Schema: Required value: schemas are required', NO_STORAGE_VERSIONS],
  },
  {
    name: 'missing names',
    crd: crd({ name: '.example.com', spec: { names: { plural: '', kind: '' } } }),
    errors: [
      "metadata.name: Invalid value: \".example.com\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      'spec.names.plural: Required value',
      'spec.names.singular: Required value',
      'spec.names.kind: Required value',
      'spec.names.listKind: Required value',
    ],
  },
  {
    name: 'a field without a type (hoisted schema path)',
    crd: crd({
      spec: {
        versions: [
          { name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { properties: { size: { type: 'integer' } } } } } } },
        ],
      },
    }),
    errors: ['spec.validation.openAPIV3Schema.properties[spec].type: Required value: must not be empty for specified object fields'],
  },
  {
    name: 'an array without items',
    crd: crd({ spec: { versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { list: { type: 'array' } } } } }] } }),
    errors: ['spec.validation.openAPIV3Schema.properties[list].items: Required value: must be specified'],
  },
  {
    name: 'a printer column of an unknown type',
    crd: crd({
      spec: { versions: [{ name: 'v1', served: true, storage: true, schema: OBJECT_SCHEMA, additionalPrinterColumns: [{ name: 'Size', type: 'float', jsonPath: 'spec.size' }] }] },
    }),
    errors: [
      'spec.additionalPrinterColumns[0].type: Invalid value: "float": must be one of boolean,date,integer,number,string',
      'spec.additionalPrinterColumns[0].JSONPath: Invalid value: "spec.size": must be a simple json path starting with .',
    ],
  },
];

describe('validateCustomResourceDefinition', () => {
  it.each(cases)('$name', ({ crd, errors }) => {
    expect(validateCustomResourceDefinition(crd).map(formatFieldError)).toEqual(errors);
  });
});
