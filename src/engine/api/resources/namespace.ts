/** Namespaces (core/v1): phase and finalizers on create, the metadata.name label, printNamespace. */
import type { Namespace } from 'kubernetes-types/core/v1';
import { translateTimestampSince } from '../../../lib/duration/human-duration.ts';
import { deepCopy } from '../../store/deep-copy.ts';
import type { ResourceDefinition } from '../resource-definition.ts';
import { isDNS1123Label } from './name-validation.ts';
import { validateObjectMeta } from './object-meta-validation.ts';
import { ageColumn, column, nameColumn } from './table-columns.ts';

export const namespaceDefinition: ResourceDefinition = {
  info: {
    group: '',
    version: 'v1',
    name: 'namespaces',
    singularName: 'namespace',
    kind: 'Namespace',
    namespaced: false,
    shortNames: ['ns'],
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
    categories: [],
    subresources: ['status', 'finalize'],
  },
  // SetDefaults_Namespace: the immutable name label, on create and on every update.
  applyDefaults: (obj) => {
    const meta = (obj.metadata ??= {});
    if (meta.name) meta.labels = { ...(meta.labels ?? {}), 'kubernetes.io/metadata.name': meta.name };
  },
  // Namespace strategy PrepareForCreate.
  admitCreate: (obj) => {
    const spec = (obj.spec ?? {}) as { finalizers?: string[] };
    if (!(spec.finalizers ?? []).includes('kubernetes')) spec.finalizers = [...(spec.finalizers ?? []), 'kubernetes'];
    obj.spec = spec;
    obj.status = { phase: 'Active' };
  },
  validateCreate: (obj) => validateObjectMeta(obj.metadata, isDNS1123Label),
  validateUpdate: (obj) => validateObjectMeta(obj.metadata, isDNS1123Label),
  // Finalizers change only through the finalize subresource.
  prepareForUpdate: (obj, old) => {
    obj.spec = deepCopy(old.spec) ?? {};
  },
  tableColumns: [nameColumn(), column('Status', 'The status of the namespace'), ageColumn()],
  tableRow: (obj, ctx) => {
    const ns = obj as Namespace;
    return [ns.metadata?.name ?? '', ns.status?.phase ?? '', translateTimestampSince(ns.metadata?.creationTimestamp, ctx.nowMs)];
  },
};
