/** ConfigMaps (core/v1): ValidateConfigMap(Update) and printConfigMap. */
import type { ConfigMap } from 'kubernetes-types/core/v1';
import { translateTimestampSince } from '../../../lib/duration/human-duration.ts';
import type { KubeObject } from '../client.ts';
import { type FieldError, goValue, invalid } from '../field-error.ts';
import type { ResourceDefinition } from '../resource-definition.ts';
import { MAX_DATA_SIZE, tooLarge, utf8Bytes, validateDataKeys, validateImmutableData } from './config-data-validation.ts';
import { isDNS1123Subdomain } from './name-validation.ts';
import { validateObjectMeta } from './object-meta-validation.ts';
import { ageColumn, column, nameColumn, STANDARD_VERBS } from './table-columns.ts';

function validateConfigMap(obj: KubeObject): FieldError[] {
  const cm = obj as ConfigMap;
  const errs = validateObjectMeta(cm.metadata, isDNS1123Subdomain);
  const data = cm.data ?? {};
  const binaryData = cm.binaryData ?? {};
  errs.push(...validateDataKeys(data, 'data'));
  for (const key of Object.keys(data).sort()) {
    if (key in binaryData) errs.push(invalid(`data[${key}]`, goValue(key), 'duplicate of key present in binaryData'));
  }
  errs.push(...validateDataKeys(binaryData, 'binaryData'));
  for (const key of Object.keys(binaryData).sort()) {
    if (key in data) errs.push(invalid(`binaryData[${key}]`, goValue(key), 'duplicate of key present in data'));
  }
  const size = Object.values(data).reduce((n, v) => n + utf8Bytes(v).length, 0) + Object.values(binaryData).reduce((n, v) => n + Math.floor((v.length * 3) / 4), 0);
  if (size > MAX_DATA_SIZE) errs.push(tooLarge('<nil>'));
  return errs;
}

export const configMapDefinition: ResourceDefinition = {
  info: {
    group: '',
    version: 'v1',
    name: 'configmaps',
    singularName: 'configmap',
    kind: 'ConfigMap',
    namespaced: true,
    shortNames: ['cm'],
    verbs: [...STANDARD_VERBS],
    categories: [],
    subresources: [],
  },
  validateCreate: validateConfigMap,
  validateUpdate: (obj, old) => [...validateConfigMap(obj), ...validateImmutableData(obj, old, ['data', 'binaryData'])],
  tableColumns: [nameColumn(), column('Data', 'Number of data in configmap', { type: 'integer' }), ageColumn()],
  tableRow: (obj, ctx) => {
    const cm = obj as ConfigMap;
    return [
      cm.metadata?.name ?? '',
      Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length,
      translateTimestampSince(cm.metadata?.creationTimestamp, ctx.nowMs),
    ];
  },
};
