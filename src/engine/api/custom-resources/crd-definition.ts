/**
 * CustomResourceDefinitions (apiextensions.k8s.io/v1): defaulting, the registry strategy's status
 * handling, validation, and the default table (Name, Created At). Models
 * staging/src/k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1/defaults.go and
 * pkg/registry/customresourcedefinition/strategy.go.
 */
import type { CustomResourceDefinition } from 'kubernetes-types/apiextensions/v1';
import { jsonEqual } from '../../store/deep-copy.ts';
import type { KubeObject } from '../client.ts';
import type { ResourceDefinition } from '../resource-definition.ts';
import { AGE_DESCRIPTION, column, nameColumn, STANDARD_VERBS } from '../resources/table-columns.ts';
import { validateCustomResourceDefinition, validateCustomResourceDefinitionUpdate } from './crd-validation.ts';

/** SetDefaults_CustomResourceDefinitionSpec. */
function applyCrdDefaults(obj: KubeObject): void {
  const spec = (obj as unknown as CustomResourceDefinition).spec;
  if (!spec || typeof spec !== 'object') return;
  const names = spec.names;
  if (names && typeof names === 'object') {
    if (!names.singular && names.kind) names.singular = names.kind.toLowerCase();
    if (!names.listKind && names.kind) names.listKind = `${names.kind}List`;
  }
  spec.conversion ??= { strategy: 'None' };
  const service = spec.conversion.webhook?.clientConfig?.service;
  if (service) service.port ??= 443;
}

function storageVersionOf(crd: CustomResourceDefinition): string | undefined {
  return crd.spec?.versions?.find((v) => v.storage)?.name;
}

export const customResourceDefinitionDefinition: ResourceDefinition = {
  info: {
    group: 'apiextensions.k8s.io',
    version: 'v1',
    name: 'customresourcedefinitions',
    singularName: 'customresourcedefinition',
    kind: 'CustomResourceDefinition',
    namespaced: false,
    shortNames: ['crd', 'crds'],
    verbs: [...STANDARD_VERBS],
    categories: ['api-extensions'],
    subresources: ['status'],
  },
  applyDefaults: applyCrdDefaults,
  // PrepareForCreate: status starts over, recording the storage version.
  admitCreate: (obj) => {
    const storage = storageVersionOf(obj as unknown as CustomResourceDefinition);
    obj.status = { storedVersions: storage ? [storage] : [] };
  },
  validateCreate: (obj) => validateCustomResourceDefinition(obj as unknown as CustomResourceDefinition),
  prepareForUpdate: (obj) => {
    const crd = obj as unknown as CustomResourceDefinition;
    const storage = storageVersionOf(crd);
    const stored = crd.status?.storedVersions ?? [];
    if (storage && !stored.includes(storage)) crd.status = { ...crd.status, storedVersions: [...stored, storage] };
  },
  validateUpdate: (obj, old) => validateCustomResourceDefinitionUpdate(obj as unknown as CustomResourceDefinition, old as unknown as CustomResourceDefinition),
  hasSpecChange: (obj, old) => !jsonEqual(obj.spec, old.spec),
  tableColumns: [nameColumn(), column('Created At', AGE_DESCRIPTION, { type: 'date' })],
  tableRow: (obj) => [obj.metadata?.name ?? '', obj.metadata?.creationTimestamp ?? ''],
};
