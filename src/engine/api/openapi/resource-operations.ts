/**
 * The REST operations the API server installs for a resource, as the OpenAPI paths list them.
 * Models staging/src/k8s.io/apiserver/pkg/endpoints/installer.go registerResourceHandlers
 * (paths, actions, parameters); the parts of an operation are in operation.ts, the subresources'
 * in subresource-operations.ts.
 */
import type { ApiResource } from '../client.ts';
import { type CustomDefinitions, definitionNameOf, type Schema } from './openapi-data.ts';
import {
  article,
  body,
  DELETE_COLLECTION_PARAMETERS,
  DELETE_PARAMETERS,
  groupVersionPrefix,
  LIST_PARAMETERS,
  META,
  nameParameter,
  ok,
  type Operation,
  operationGroupVersion,
  parameter,
  type PathItem,
  readWrite,
  SERIALIZATIONS,
  tagOf,
  WATCH_SERIALIZATIONS,
  WRITE_PARAMETERS,
} from './operation.ts';
import { proxyOperations, subresourceOperations } from './subresource-operations.ts';

/** Registries whose delete answers with the deleted object rather than a Status (ReturnDeletedObject). */
const RETURNS_DELETED_OBJECT = new Set(['/pods', '/services']);

/** Every path the API server serves for one resource, in the order upstream lists them. */
export function resourcePaths(resource: ApiResource, custom?: CustomDefinitions): PathItem[] {
  const { group, version, kind, name: plural, namespaced, verbs } = resource;
  const definition = definitionNameOf({ group, version, kind }, custom);
  const listDefinition = definitionNameOf({ group, version, kind: `${kind}List` }, custom);
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
