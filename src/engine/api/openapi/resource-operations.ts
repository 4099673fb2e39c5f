/**
 * The REST operations the API server installs for a resource, as the OpenAPI paths list them.
 * Models staging/src/k8s.io/apiserver/pkg/endpoints/installer.go registerResourceHandlers
 * (paths, actions, parameters) and its route documentation (operation ids, descriptions).
 */
import type { ApiResource } from '../client.ts';
import { DEFINITION_PREFIX, PARAMETERS, definitionNameOf, type Gvk, type Schema } from './openapi-data.ts';

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

const SERIALIZATIONS = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf', 'application/cbor'];
const WATCH_SERIALIZATIONS = [...SERIALIZATIONS, 'application/json;stream=watch', 'application/vnd.kubernetes.protobuf;stream=watch', 'application/cbor-seq'];
const PATCH_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
  'application/apply-patch+yaml',
  'application/apply-patch+cbor',
];
const LIST_PARAMETERS = [
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
const WRITE_PARAMETERS = ['dryRun', 'fieldManager', 'fieldValidation'];
const DELETE_PARAMETERS = ['dryRun', 'gracePeriodSeconds', 'ignoreStoreReadErrorWithClusterBreakingPotential', 'orphanDependents', 'propagationPolicy'];
const DELETE_COLLECTION_PARAMETERS = [
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
const LOG_PARAMETERS = ['container', 'follow', 'insecureSkipTLSVerifyBackend', 'limitBytes', 'pretty', 'previous', 'sinceSeconds', 'stream', 'tailLines', 'timestamps'];
const EXEC_PARAMETERS = ['command', 'container', 'stderr', 'stdin', 'stdout', 'tty'];
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.';

/** Registries whose delete answers with the deleted object rather than a Status (ReturnDeletedObject). */
const RETURNS_DELETED_OBJECT = new Set(['/pods', '/services']);

/** Subresources served with their own kind: scale answers autoscaling/v1 Scale, and so on. */
const SUBRESOURCE_KINDS: Record<string, Gvk> = {
  scale: { group: 'autoscaling', version: 'v1', kind: 'Scale' },
  binding: { group: '', version: 'v1', kind: 'Binding' },
  eviction: { group: 'policy', version: 'v1', kind: 'Eviction' },
  exec: { group: '', version: 'v1', kind: 'PodExecOptions' },
  proxy: { group: '', version: 'v1', kind: 'NodeProxyOptions' },
};

const PROXY_METHODS: Method[] = ['delete', 'get', 'head', 'options', 'patch', 'post', 'put'];

/** `/api/v1` or `/apis/apps/v1`. */
export function groupVersionPrefix(group: string, version: string): string {
  return group === '' ? `/api/${version}` : `/apis/${group}/${version}`;
}

/** `CoreV1`, `AppsV1`, `DiscoveryV1`, `RbacAuthorizationV1`: the group-version in operation ids. */
function operationGroupVersion(group: string, version: string): string {
  const words = (group === '' ? 'core' : group.replace(/\.k8s\.io$/, '')).split(/[.-]/);
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('') + version.charAt(0).toUpperCase() + version.slice(1);
}

function tagOf(group: string, version: string): string {
  const words = (group === '' ? 'core' : group.replace(/\.k8s\.io$/, '')).split(/[.-]/);
  return `${words.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('')}_${version}`;
}

/** Models apiserver endpoints/installer.go GetArticleForNoun: plurals such as Endpoints take none. */
function article(kind: string): string {
  if (kind.endsWith('s') && !kind.endsWith('ss')) return '';
  return /^[AEIOU]/.test(kind) ? ' an' : ' a';
}

function parameter(name: string, prefix = ''): Schema {
  const found = PARAMETERS[`${prefix}${name}`] ?? PARAMETERS[name];
  if (!found) throw new Error(`openapi-data.json has no parameter ${name}`);
  return found;
}

function nameParameter(kind: string): Schema {
  return { description: `name of the ${kind}`, in: 'path', name: 'name', required: true, type: 'string', uniqueItems: true };
}

function body(definition: string, required: boolean): Schema {
  return { in: 'body', name: 'body', ...(required ? { required: true } : {}), schema: { $ref: `${DEFINITION_PREFIX}${definition}` } };
}

function ok(definition: string, ...codes: Response['code'][]): Response[] {
  return [...codes.map((code) => ({ code, definition })), { code: '401' as const }];
}

/** Every path the API server serves for one resource, in the order upstream lists them. */
export function resourcePaths(resource: ApiResource): PathItem[] {
  const { group, version, kind, name: plural, namespaced, verbs } = resource;
  const definition = definitionNameOf({ group, version, kind });
  const listDefinition = definitionNameOf({ group, version, kind: `${kind}List` });
  if (!definition || !listDefinition) return [];
  const gv = operationGroupVersion(group, version);
  const tag = tagOf(group, version);
  const gvk = { group, version, kind };
  const prefix = groupVersionPrefix(group, version);
  const scope = namespaced ? 'Namespaced' : '';
  const ns = namespaced ? [parameter('namespace')] : [];
  const nsPath = namespaced ? '/namespaces/{namespace}' : '';
  const pretty = parameter('pretty');
  const listParams = LIST_PARAMETERS.map((n) => parameter(n));
  const op = (o: Omit<Operation, 'tag' | 'consumes' | 'produces'> & Partial<Pick<Operation, 'consumes' | 'produces'>>): Operation => ({
    consumes: ['*/*'],
    produces: SERIALIZATIONS,
    tag,
    ...o,
  });
  const paths: PathItem[] = [];

  const collection: Operation[] = [];
  if (verbs.includes('deletecollection')) {
    collection.push(
      op({
        method: 'delete',
        operationId: `delete${gv}Collection${scope}${kind}`,
        description: `delete collection of ${kind}`,
        action: 'deletecollection',
        gvk,
        parameters: [body(`${META}DeleteOptions`, false), ...DELETE_COLLECTION_PARAMETERS.map((n) => parameter(n)), ...ns, pretty],
        responses: ok(`${META}Status`, '200'),
      }),
    );
  }
  if (verbs.includes('list')) {
    collection.push(
      op({
        method: 'get',
        operationId: `list${gv}${scope}${kind}`,
        description: `list or watch objects of kind ${kind}`,
        action: 'list',
        gvk,
        parameters: [...listParams, ...ns, pretty],
        produces: WATCH_SERIALIZATIONS,
        responses: ok(listDefinition, '200'),
      }),
    );
  }
  if (verbs.includes('create')) {
    collection.push(
      op({
        method: 'post',
        operationId: `create${gv}${scope}${kind}`,
        description: `create${article(kind)} ${kind}`,
        action: 'post',
        gvk,
        parameters: [body(definition, true), ...WRITE_PARAMETERS.map((n) => parameter(n)), ...ns, pretty],
        responses: ok(definition, '200', '201', '202'),
      }),
    );
  }
  if (collection.length > 0) paths.push({ path: `${prefix}${nsPath}/${plural}`, operations: collection });

  const item: Operation[] = [];
  const itemParams = [nameParameter(kind), ...ns, pretty];
  const deleted = RETURNS_DELETED_OBJECT.has(`${group}/${plural}`) ? definition : `${META}Status`;
  if (verbs.includes('delete')) {
    item.push(
      op({
        method: 'delete',
        operationId: `delete${gv}${scope}${kind}`,
        description: `delete${article(kind)} ${kind}`,
        action: 'delete',
        gvk,
        parameters: [body(`${META}DeleteOptions`, false), ...DELETE_PARAMETERS.map((n) => parameter(n)), ...itemParams],
        responses: ok(deleted, '200', '202'),
      }),
    );
  }
  item.push(...readWrite(op, gv, scope, kind, '', `the specified ${kind}`, gvk, definition, itemParams, verbs));
  if (item.length > 0) paths.push({ path: `${prefix}${nsPath}/${plural}/{name}`, operations: item });

  for (const sub of [...resource.subresources].sort()) {
    const path = `${prefix}${nsPath}/${plural}/{name}/${sub}`;
    const context = { gv, scope, kind, sub, gvk, definition, ns, pretty };
    if (sub === 'proxy') {
      paths.push({ path, operations: proxyOperations(op, context, '', []) });
      paths.push({ path: `${path}/{path}`, operations: proxyOperations(op, context, 'WithPath', [parameter('path', 'proxyPath.')]) });
      continue;
    }
    const subOps = subresourceOperations(op, context);
    if (subOps.length > 0) paths.push({ path, operations: subOps });
  }

  if (verbs.includes('list') && namespaced) {
    paths.push({
      path: `${prefix}/${plural}`,
      operations: [
        op({
          method: 'get',
          operationId: `list${gv}${kind}ForAllNamespaces`,
          description: `list or watch objects of kind ${kind}`,
          action: 'list',
          gvk,
          parameters: [...listParams, pretty],
          produces: WATCH_SERIALIZATIONS,
          responses: ok(listDefinition, '200'),
        }),
      ],
    });
  }
  if (verbs.includes('watch')) {
    const watchParams = [...listParams, pretty];
    const watch = (path: string, operationId: string, action: 'watch' | 'watchlist', extra: Schema[]): PathItem => ({
      path,
      operations: [
        op({
          method: 'get',
          operationId,
          description:
            action === 'watch'
              ? `watch changes to an object of kind ${kind}. deprecated: use the 'watch' parameter with a list operation instead, filtered to a single item with the 'fieldSelector' parameter.`
              : `watch individual changes to a list of ${kind}. deprecated: use the 'watch' parameter with a list operation instead.`,
          action,
          gvk,
          parameters: [...watchParams, ...extra],
          produces: WATCH_SERIALIZATIONS,
          responses: ok(`${META}WatchEvent`, '200'),
        }),
      ],
    });
    if (namespaced) paths.push(watch(`${prefix}/watch/${plural}`, `watch${gv}${kind}ListForAllNamespaces`, 'watchlist', []));
    paths.push(watch(`${prefix}/watch${nsPath}/${plural}`, `watch${gv}${scope}${kind}List`, 'watchlist', ns));
    paths.push(watch(`${prefix}/watch${nsPath}/${plural}/{name}`, `watch${gv}${scope}${kind}`, 'watch', [nameParameter(kind), ...ns]));
  }
  return paths;
}

type MakeOperation = (o: Omit<Operation, 'tag' | 'consumes' | 'produces'> & Partial<Pick<Operation, 'consumes' | 'produces'>>) => Operation;

/** get/put/patch of an object or of its status or scale. */
function readWrite(
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

interface SubresourceContext {
  gv: string;
  scope: string;
  kind: string;
  sub: string;
  gvk: Gvk;
  definition: string;
  ns: Schema[];
  pretty: Schema;
}

function subresourceOperations(op: MakeOperation, c: SubresourceContext): Operation[] {
  const suffix = c.sub.charAt(0).toUpperCase() + c.sub.slice(1);
  const subKind = SUBRESOURCE_KINDS[c.sub];
  const subDefinition = subKind ? definitionNameOf(subKind) : undefined;
  switch (c.sub) {
    case 'status':
      return readWrite(
        op,
        c.gv,
        c.scope,
        c.kind,
        suffix,
        `status of the specified ${c.kind}`,
        c.gvk,
        c.definition,
        [nameParameter(c.kind), ...c.ns, c.pretty],
        ['get', 'patch', 'update'],
      );
    case 'scale':
      if (!subKind || !subDefinition) return [];
      return readWrite(
        op,
        c.gv,
        c.scope,
        c.kind,
        suffix,
        `scale of the specified ${c.kind}`,
        subKind,
        subDefinition,
        [nameParameter('Scale'), ...c.ns, c.pretty],
        ['get', 'patch', 'update'],
      );
    case 'binding':
    case 'eviction':
      if (!subKind || !subDefinition) return [];
      return [
        op({
          method: 'post',
          operationId: `create${c.gv}${c.scope}${c.kind}${suffix}`,
          description: `create ${c.sub} of${article(c.kind)} ${c.kind}`,
          action: 'post',
          gvk: subKind,
          parameters: [body(subDefinition, true), ...WRITE_PARAMETERS.map((n) => parameter(n)), nameParameter(subKind.kind), ...c.ns, c.pretty],
          responses: ok(subDefinition, '200', '201', '202'),
        }),
      ];
    case 'finalize':
      return [
        op({
          method: 'put',
          operationId: `replace${c.gv}${c.scope}${c.kind}Finalize`,
          description: `replace finalize of the specified ${c.kind}`,
          action: 'put',
          gvk: c.gvk,
          parameters: [body(c.definition, true), ...WRITE_PARAMETERS.map((n) => parameter(n)), nameParameter(c.kind), ...c.ns, c.pretty],
          responses: ok(c.definition, '200', '201'),
        }),
      ];
    case 'log':
      return [
        op({
          method: 'get',
          operationId: `read${c.gv}${c.scope}${c.kind}Log`,
          description: `read log of the specified ${c.kind}`,
          action: 'get',
          gvk: c.gvk,
          parameters: [...LOG_PARAMETERS.map((n) => parameter(n, 'log.')), nameParameter(c.kind), ...c.ns],
          produces: ['text/plain', ...SERIALIZATIONS],
          responses: [{ code: '200', isString: true }, { code: '401' }],
        }),
      ];
    case 'exec':
      if (!subKind) return [];
      return (['get', 'post'] as const).map((method) => {
        const verb = method.charAt(0).toUpperCase() + method.slice(1);
        return op({
          method,
          operationId: `connect${c.gv}${verb}${c.scope}${c.kind}Exec`,
          description: `connect ${method.toUpperCase()} requests to exec of ${c.kind}`,
          action: 'connect',
          gvk: subKind,
          parameters: [...EXEC_PARAMETERS.map((n) => parameter(n, 'exec.')), nameParameter(subKind.kind), ...c.ns],
          produces: ['*/*'],
          responses: [{ code: '200', isString: true }, { code: '401' }],
        });
      });
    default:
      return [];
  }
}

/** Connect operations of every method, as the node proxy is served. */
function proxyOperations(op: MakeOperation, c: SubresourceContext, suffix: string, pathParams: Schema[]): Operation[] {
  const options = SUBRESOURCE_KINDS['proxy']!;
  return PROXY_METHODS.map((method) => {
    const verb = method.charAt(0).toUpperCase() + method.slice(1);
    return op({
      method,
      operationId: `connect${c.gv}${verb}${c.scope}${c.kind}Proxy${suffix}`,
      description: `connect ${method.toUpperCase()} requests to proxy of ${c.kind}`,
      action: 'connect',
      gvk: options,
      parameters: [nameParameter(options.kind), ...pathParams, parameter('path', 'proxy.'), ...c.ns],
      produces: ['*/*'],
      responses: [{ code: '200', isString: true }, { code: '401' }],
    });
  });
}

/** `/api/v1/` and `/apis/apps/v1/`: the group-version's resource list. */
export function apiResourcesPath(group: string, version: string): PathItem {
  return {
    path: `${groupVersionPrefix(group, version)}/`,
    operations: [
      {
        method: 'get',
        operationId: `get${operationGroupVersion(group, version)}APIResources`,
        description: 'get available resources',
        action: '',
        tag: tagOf(group, version),
        parameters: [],
        consumes: SERIALIZATIONS,
        produces: SERIALIZATIONS,
        responses: ok(`${META}APIResourceList`, '200'),
      },
    ],
  };
}
