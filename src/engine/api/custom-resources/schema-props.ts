/** A CRD's openAPIV3Schema node, with the Kubernetes extensions kubernetes-types leaves out. */
import type { JSONSchemaProps } from 'kubernetes-types/apiextensions/v1';

export interface SchemaProps extends Omit<JSONSchemaProps, 'properties' | 'items' | 'additionalProperties'> {
  properties?: Record<string, SchemaProps>;
  items?: SchemaProps | SchemaProps[];
  additionalProperties?: SchemaProps | boolean;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
}
