/**
 * The OpenAPI definitions the apiserver publishes for a served custom resource: the version's
 * schema with apiVersion, kind and metadata added, and its List, named after the reversed group
 * (`com.example.stable.v1.CronTab`). kubectl explain reads them. Models
 * staging/src/k8s.io/apiextensions-apiserver/pkg/controller/openapi/builder/builder.go.
 */
import type { SchemaProps } from './schema-props.ts';

type Schema = Record<string, unknown>;

const API_VERSION_DESCRIPTION =
  'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources';
const KIND_DESCRIPTION =
  'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds';
const META = '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.';

export function definitionPrefix(group: string, version: string): string {
  return `${group.split('.').reverse().join('.')}.${version}`;
}

export function customResourceDefinitions(group: string, version: string, kind: string, plural: string, schema: SchemaProps): Record<string, Schema> {
  const prefix = definitionPrefix(group, version);
  const name = `${prefix}.${kind}`;
  const gvk = (k: string) => [{ group, kind: k, version }];
  const { properties, ...rest } = schema as Schema & { properties?: Record<string, Schema> };
  const { apiVersion: _apiVersion, kind: _kind, metadata: _metadata, ...own } = properties ?? {};
  const object: Schema = {
    ...rest,
    properties: {
      apiVersion: { description: API_VERSION_DESCRIPTION, type: 'string' },
      kind: { description: KIND_DESCRIPTION, type: 'string' },
      metadata: {
        $ref: `${META}ObjectMeta`,
        description: "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
      },
      ...own,
    },
    type: 'object',
    'x-kubernetes-group-version-kind': gvk(kind),
  };
  const list: Schema = {
    description: `${kind}List is a list of ${kind}`,
    properties: {
      apiVersion: { description: API_VERSION_DESCRIPTION, type: 'string' },
      items: {
        description: `List of ${plural}. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md`,
        items: { $ref: `#/definitions/${name}` },
        type: 'array',
      },
      kind: { description: KIND_DESCRIPTION, type: 'string' },
      metadata: {
        $ref: `${META}ListMeta`,
        description: 'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
      },
    },
    required: ['items'],
    type: 'object',
    'x-kubernetes-group-version-kind': gvk(`${kind}List`),
  };
  return { [name]: object, [`${name}List`]: list };
}
