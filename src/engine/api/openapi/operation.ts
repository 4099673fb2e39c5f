/**
 * One REST operation as the OpenAPI documents describe it, and the parts every operation is made
 * of: media types, shared parameters, operation ids, tags and descriptions. Models the route
 * documentation of staging/src/k8s.io/apiserver/pkg/endpoints/installer.go registerResourceHandlers.
 */
import { DEFINITION_PREFIX, PARAMETERS, type Gvk, type Schema } from './openapi-data.ts';

export type Method = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch';

export interface Response {
  code: '200' | '201' | '202' | '401';
  /** A definition name, `string`, or nothing (401). */
  definition?: string;
  isString?: boolean;
}

export interface Operation {
  method: Method;
  operationId: string;
  description: string;
  action: string;
  gvk?: Gvk;
  tag: string;
  /** swagger 2.0 parameter objects, body included; the renderers hoist shared ones to the path. */
  parameters: Schema[];
  consumes: string[];
  produces: string[];
  responses: Response[];
}

export interface PathItem {
  path: string;
  operations: Operation[];
}

export const SERIALIZATIONS = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf', 'application/cbor'];
export const WATCH_SERIALIZATIONS = [...SERIALIZATIONS, 'application/json;stream=watch', 'application/vnd.kubernetes.protobuf;stream=watch', 'application/cbor-seq'];
const PATCH_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
  'application/apply-patch+yaml',
  'application/apply-patch+cbor',
];
export const LIST_PARAMETERS = [
  'allowWatchBookmarks',
  'continue',
  'fieldSelector',
  'labelSelector',
  'limit',
  'resourceVersion',
  'resourceVersionMatch',
  'sendInitialEvents',
  'timeoutSeconds',
  'watch',
];
export const WRITE_PARAMETERS = ['dryRun', 'fieldManager', 'fieldValidation'];
export const DELETE_PARAMETERS = ['dryRun', 'gracePeriodSeconds', 'ignoreStoreReadErrorWithClusterBreakingPotential', 'orphanDependents', 'propagationPolicy'];
export const DELETE_COLLECTION_PARAMETERS = [
  ...DELETE_PARAMETERS,
  'continue',
  'fieldSelector',
  'labelSelector',
  'limit',
  'resourceVersion',
  'resourceVersionMatch',
  'sendInitialEvents',
  'timeoutSeconds',
];
export const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.';

/** `/api/v1` or `/apis/apps/v1`. */
export function groupVersionPrefix(group: string, version: string): string {
  return group === '' ? `/api/${version}` : `/apis/${group}/${version}`;
}

/** `CoreV1`, `AppsV1`, `DiscoveryV1`, `RbacAuthorizationV1`: the group-version in operation ids. */
export function operationGroupVersion(group: string, version: string): string {
  const words = (group === '' ? 'core' : group.replace(/\.k8s\.io$/, '')).split(/[.-]/);
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('') + version.charAt(0).toUpperCase() + version.slice(1);
}

export function tagOf(group: string, version: string): string {
  const words = (group === '' ? 'core' : group.replace(/\.k8s\.io$/, '')).split(/[.-]/);
  return `${words.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('')}_${version}`;
}

/** Models apiserver endpoints/installer.go GetArticleForNoun: plurals such as Endpoints take none. */
export function article(kind: string): string {
  if (kind.endsWith('s') && !kind.endsWith('ss')) return '';
  return /^[AEIOU]/.test(kind) ? ' an' : ' a';
}

export function parameter(name: string, prefix = ''): Schema {
  const found = PARAMETERS[`${prefix}${name}`] ?? PARAMETERS[name];
  if (!found) throw new Error(`openapi-data.json has no parameter ${name}`);
  return found;
}

export function nameParameter(kind: string): Schema {
  return { description: `name of the ${kind}`, in: 'path', name: 'name', required: true, type: 'string', uniqueItems: true };
}

export function body(definition: string, required: boolean): Schema {
  return { in: 'body', name: 'body', ...(required ? { required: true } : {}), schema: { $ref: `${DEFINITION_PREFIX}${definition}` } };
}

export function ok(definition: string, ...codes: Response['code'][]): Response[] {
  return [...codes.map((code) => ({ code, definition })), { code: '401' as const }];
}

export type MakeOperation = (o: Omit<Operation, 'tag' | 'consumes' | 'produces'> & Partial<Pick<Operation, 'consumes' | 'produces'>>) => Operation;

/** get/put/patch of an object or of its status or scale. */
export function readWrite(
  op: MakeOperation,
  gv: string,
  scope: string,
  kind: string,
  suffix: string,
  what: string,
  gvk: Gvk,
  definition: string,
  params: Schema[],
  verbs: readonly string[],
): Operation[] {
  const ops: Operation[] = [];
  if (verbs.includes('get'))
    ops.push(
      op({
        method: 'get',
        operationId: `read${gv}${scope}${kind}${suffix}`,
        description: `read ${what}`,
        action: 'get',
        gvk,
        parameters: params,
        responses: ok(definition, '200'),
      }),
    );
  if (verbs.includes('patch')) {
    ops.push(
      op({
        method: 'patch',
        operationId: `patch${gv}${scope}${kind}${suffix}`,
        description: `partially update ${what}`,
        action: 'patch',
        gvk,
        parameters: [body(`${META}Patch`, true), ...[...WRITE_PARAMETERS, 'force'].map((n) => parameter(n, 'patch.')), ...params],
        consumes: PATCH_TYPES,
        responses: ok(definition, '200', '201'),
      }),
    );
  }
  if (verbs.includes('update'))
    ops.push(
      op({
        method: 'put',
        operationId: `replace${gv}${scope}${kind}${suffix}`,
        description: `replace ${what}`,
        action: 'put',
        gvk,
        parameters: [body(definition, true), ...WRITE_PARAMETERS.map((n) => parameter(n)), ...params],
        responses: ok(definition, '200', '201'),
      }),
    );
  return ops;
}
