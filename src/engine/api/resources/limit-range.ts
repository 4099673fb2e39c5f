/** LimitRanges (core/v1): SetDefaults_LimitRangeItem, ValidateLimitRange and printLimitRange. */
import type { LimitRange, LimitRangeItem } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../client.ts';
import { type FieldError, duplicate, forbidden, goValue, invalid, notSupported, required } from '../field-error.ts';
import type { ResourceDefinition } from '../resource-definition.ts';
import { isDNS1123Subdomain } from './name-validation.ts';
import { validateObjectMeta } from './object-meta-validation.ts';
import { canonicalList, compareValues, quantityOf, type ResourceList } from './resource-list.ts';
import { AGE_DESCRIPTION, column, nameColumn, STANDARD_VERBS } from './table-columns.ts';

const LIMIT_TYPES = ['Container', 'PersistentVolumeClaim', 'Pod'];
const LIST_FIELDS = ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio'] as const;

type Item = { type?: string } & Partial<Record<(typeof LIST_FIELDS)[number], ResourceList>>;

/** Models SetDefaults_LimitRangeItem: a container's default limit falls back to max, its default request to the default limit, then min. */
function defaultLimitRangeItem(item: Item): void {
  for (const field of LIST_FIELDS) if (item[field]) item[field] = canonicalList(item[field])!;
  if (item.type !== 'Container') return;
  const defaults = (item.default ??= {});
  const defaultRequest = (item.defaultRequest ??= {});
  for (const [k, v] of Object.entries(item.max ?? {})) defaults[k] ??= v;
  for (const [k, v] of Object.entries(defaults)) defaultRequest[k] ??= v;
  for (const [k, v] of Object.entries(item.min ?? {})) defaultRequest[k] ??= v;
}

/** Models the per-resource checks of ValidateLimitRange, resources in name order. */
function validateItemValues(item: Item, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const keys = new Set(LIST_FIELDS.filter((f) => f !== 'maxLimitRequestRatio').flatMap((f) => Object.keys(item[f] ?? {})));
  for (const k of [...keys].sort()) {
    const min = item.min?.[k];
    const max = item.max?.[k];
    const def = item.default?.[k];
    const defReq = item.defaultRequest?.[k];
    const ratio = item.maxLimitRequestRatio?.[k];
    const greater = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && compareValues(a, b) > 0;
    if (greater(min, max)) errs.push(invalid(`${path}.min[${k}]`, goValue(min), `min value ${min} is greater than max value ${max}`));
    if (greater(min, defReq)) errs.push(invalid(`${path}.defaultRequest[${k}]`, goValue(defReq), `min value ${min} is greater than default request value ${defReq}`));
    if (greater(defReq, max)) errs.push(invalid(`${path}.defaultRequest[${k}]`, goValue(defReq), `default request value ${defReq} is greater than max value ${max}`));
    if (greater(defReq, def)) errs.push(invalid(`${path}.defaultRequest[${k}]`, goValue(defReq), `default request value ${defReq} is greater than default limit value ${def}`));
    if (greater(min, def)) errs.push(invalid(`${path}.default[${k}]`, goValue(min), `min value ${min} is greater than default value ${def}`));
    if (greater(def, max)) errs.push(invalid(`${path}.default[${k}]`, goValue(max), `default value ${def} is greater than max value ${max}`));
    if (ratio !== undefined && compareValues(ratio, '1') < 0) errs.push(invalid(`${path}.maxLimitRequestRatio[${k}]`, goValue(ratio), `ratio ${ratio} is less than 1`));
    if (ratio !== undefined && min !== undefined && max !== undefined) {
      const limit = (Number(quantityOf(max)!.n) * 10 ** quantityOf(max)!.e) / (Number(quantityOf(min)!.n) * 10 ** quantityOf(min)!.e);
      if (Number(quantityOf(ratio)!.n) * 10 ** quantityOf(ratio)!.e > limit)
        errs.push(invalid(`${path}.maxLimitRequestRatio[${k}]`, goValue(ratio), `ratio ${ratio} is greater than max/min = ${limit.toFixed(6)}`));
    }
  }
  return errs;
}

function validateLimitRange(obj: KubeObject): FieldError[] {
  const lr = obj as LimitRange;
  const errs = validateObjectMeta(lr.metadata, isDNS1123Subdomain);
  const seen = new Set<string>();
  (lr.spec?.limits ?? []).forEach((limit: LimitRangeItem, i) => {
    const path = `spec.limits[${i}]`;
    const item = limit as Item;
    if (!item.type) errs.push(required(`${path}.type`));
    else if (!LIMIT_TYPES.includes(item.type)) errs.push(notSupported(`${path}.type`, goValue(item.type), LIMIT_TYPES));
    if (item.type && seen.has(item.type)) errs.push(duplicate(`${path}.type`, goValue(item.type)));
    if (item.type) seen.add(item.type);
    if (item.type === 'Pod') {
      if (Object.keys(item.default ?? {}).length) errs.push(forbidden(`${path}.default`, "may not be specified when `type` is 'Pod'"));
      if (Object.keys(item.defaultRequest ?? {}).length) errs.push(forbidden(`${path}.defaultRequest`, "may not be specified when `type` is 'Pod'"));
    }
    errs.push(...validateItemValues(item, path));
  });
  return errs;
}

export const limitRangeDefinition: ResourceDefinition = {
  info: {
    group: '',
    version: 'v1',
    name: 'limitranges',
    singularName: 'limitrange',
    kind: 'LimitRange',
    namespaced: true,
    shortNames: ['limits'],
    verbs: [...STANDARD_VERBS],
    categories: [],
    subresources: [],
  },
  applyDefaults: (obj) => {
    for (const item of ((obj as LimitRange).spec?.limits ?? []) as Item[]) defaultLimitRangeItem(item);
  },
  validateCreate: validateLimitRange,
  validateUpdate: validateLimitRange,
  tableColumns: [nameColumn(), column('Created At', AGE_DESCRIPTION, { type: 'date' })],
  tableRow: (obj) => [obj.metadata?.name ?? '', obj.metadata?.creationTimestamp ?? ''],
};
