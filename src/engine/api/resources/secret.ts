/** Secrets (core/v1): type Opaque, stringData folded into data, ValidateSecret(Update), printSecret. */
import type { Secret } from 'kubernetes-types/core/v1';
import { encodeBase64 } from '../../../lib/base64.ts';
import { translateTimestampSince } from '../../../lib/duration/human-duration.ts';
import type { KubeObject } from '../client.ts';
import { type FieldError, goValue, invalid, required } from '../field-error.ts';
import type { ResourceDefinition } from '../resource-definition.ts';
import { MAX_DATA_SIZE, tooLarge, validateDataKeys, validateImmutableData } from './config-data-validation.ts';
import { isDNS1123Subdomain } from './name-validation.ts';
import { validateObjectMeta } from './object-meta-validation.ts';
import { ageColumn, column, nameColumn, STANDARD_VERBS } from './table-columns.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const decodedLength = (b64: string) => Math.floor((b64.replace(/[\r\n=]/g, '').length * 3) / 4);

/** Keys each typed secret must carry (ValidateSecret). */
const REQUIRED_KEYS: Record<string, string[]> = {
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
};

function validateSecret(obj: KubeObject): FieldError[] {
  const secret = obj as Secret;
  const errs = validateObjectMeta(secret.metadata, isDNS1123Subdomain);
  const data = secret.data ?? {};
  errs.push(...validateDataKeys(data, 'data'));
  if (Object.values(data).reduce((n, v) => n + decodedLength(v), 0) > MAX_DATA_SIZE) errs.push(tooLarge('data'));
  const type = secret.type ?? 'Opaque';
  if (type === 'kubernetes.io/service-account-token' && !secret.metadata?.annotations?.['kubernetes.io/service-account.name']) {
    errs.push(required('metadata.annotations[kubernetes.io/service-account.name]'));
  }
  if (type === 'kubernetes.io/basic-auth' && !('username' in data) && !('password' in data)) {
    errs.push(required('data[username]'), required('data[password]'));
  }
  for (const key of REQUIRED_KEYS[type] ?? []) if (!(key in data)) errs.push(required(`data[${key}]`));
  return errs;
}

export const secretDefinition: ResourceDefinition = {
  info: {
    group: '',
    version: 'v1',
    name: 'secrets',
    singularName: 'secret',
    kind: 'Secret',
    namespaced: true,
    shortNames: [],
    verbs: [...STANDARD_VERBS],
    categories: [],
    subresources: [],
  },
  // SetDefaults_Secret, and the v1 conversion that folds stringData into data.
  applyDefaults: (obj) => {
    const secret = obj as Mutable<Secret>;
    secret.type ||= 'Opaque';
    if (secret.stringData) {
      const data: Record<string, string> = { ...(secret.data ?? {}) };
      for (const [key, value] of Object.entries(secret.stringData)) data[key] = encodeBase64(value);
      secret.data = data;
      delete secret.stringData;
    }
  },
  validateCreate: validateSecret,
  validateUpdate: (obj, old) => {
    const errs = validateSecret(obj);
    const type = (obj as Secret).type;
    if (type !== (old as Secret).type) errs.push(invalid('type', goValue(type ?? ''), 'field is immutable'));
    return [...errs, ...validateImmutableData(obj, old, ['data'])];
  },
  tableColumns: [nameColumn(), column('Type', 'The type of the secret'), column('Data', 'Number of data in the secret', { type: 'integer' }), ageColumn()],
  tableRow: (obj, ctx) => {
    const secret = obj as Secret;
    return [secret.metadata?.name ?? '', secret.type ?? '', Object.keys(secret.data ?? {}).length, translateTimestampSince(secret.metadata?.creationTimestamp, ctx.nowMs)];
  },
  fieldsForSelector: (obj) => ({ type: (obj as Secret).type ?? '' }),
};

export { encodeBase64 };
