/**
 * The apiserver's read verbs on one resource: get, list (a Table when asked) and watch, served from
 * the store's per-namespace buckets and field indexes. Models the registry store's Get, List and
 * Watch (staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go).
 */
import { parseFieldSelector } from '../../lib/field-selector/field-selector.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { ApiRequest, ApiResponse, KubeList, KubeObject, Table, WatchEvent, WatchHandle } from './client.ts';
import type { ResourceDefinition } from './resource-definition.ts';
import { resourceKey } from './resource-key.ts';
import { requestMatcher } from './request-matcher.ts';
import type { ServerLibraries } from './server-libraries.ts';
import { serverSideTable } from './server-side-table.ts';
import * as statusOf from './status.ts';
import { failure } from './status.ts';
import { openWatchStream } from './watch-stream.ts';

/** The store index a field selector's field is filed under. */
export const fieldIndexName = (field: string) => `field:${field}`;

export interface ReadContext {
  store: ObjectStore;
  libs: ServerLibraries;
  nowMs(): number;
}

export function tableOf(read: ReadContext, def: ResourceDefinition, items: KubeObject[], req: ApiRequest): Table {
  return serverSideTable(def, items, req, read.nowMs(), String(read.store.revision()));
}

export function getObject(read: ReadContext, req: ApiRequest, def: ResourceDefinition, namespace: string | undefined): ApiResponse<unknown> {
  const obj = read.store.get(resourceKey(req.group, req.resource), namespace, req.name ?? '');
  if (!obj) return failure(statusOf.notFound(req.group, req.resource, req.name ?? ''));
  if (req.query?.as === 'Table') return { ok: true, code: 200, body: tableOf(read, def, [obj], req) };
  return { ok: true, code: 200, body: obj };
}

export function listObjects(read: ReadContext, req: ApiRequest, def: ResourceDefinition, namespace: string | undefined): ApiResponse<unknown> {
  const matcher = requestMatcher(req, def, read.libs);
  if (!matcher.ok) return failure(matcher.status);
  const items = candidates(read.store, req, def, namespace).filter((o) => matcher.matches(o));
  if (req.query?.as === 'Table') return { ok: true, code: 200, body: tableOf(read, def, items, req) };
  const list: KubeList = {
    apiVersion: def.info.group ? `${def.info.group}/${def.info.version}` : def.info.version,
    kind: `${def.info.kind}List`,
    metadata: { resourceVersion: String(read.store.revision()) },
    items,
  };
  return { ok: true, code: 200, body: list };
}

/** Streams changes of one resource (optionally one namespace / selector) to `onEvent`. */
export function watchObjects(read: ReadContext, req: ApiRequest, def: ResourceDefinition | undefined, onEvent: (event: WatchEvent) => void): WatchHandle {
  if (!def) {
    onEvent({ type: 'ERROR', object: statusOf.resourceNotFound() as unknown as KubeObject });
    return { stop: () => undefined };
  }
  const matcher = requestMatcher(req, def, read.libs);
  if (!matcher.ok) {
    onEvent({ type: 'ERROR', object: matcher.status as unknown as KubeObject });
    return { stop: () => undefined };
  }
  return openWatchStream(
    req,
    {
      store: read.store,
      key: resourceKey(req.group, req.resource),
      namespace: def.info.namespaced ? req.namespace : undefined,
      matches: matcher.matches,
      // A client that asked for a Table (`kubectl get -w`) gets each change as a one-row Table.
      render: (obj) => (req.query?.as === 'Table' ? (tableOf(read, def, [obj], req) as unknown as KubeObject) : obj),
    },
    onEvent,
  );
}

/** What a list must filter: the objects of one index value when the field selector names one by equality, else all. */
function candidates(store: ObjectStore, req: ApiRequest, def: ResourceDefinition, namespace: string | undefined): KubeObject[] {
  const key = resourceKey(req.group, req.resource);
  const selector = req.query?.fieldSelector;
  if (selector && def.indexedFields) {
    const parsed = parseFieldSelector(selector);
    const indexed = parsed.ok ? parsed.requirements.find((r) => r.operator === '=' && def.indexedFields!.includes(r.field)) : undefined;
    if (indexed) return store.byIndex(key, fieldIndexName(indexed.field), indexed.value, namespace);
  }
  return store.list(key, namespace);
}
