/**
 * The body of a successful answer as the client asked for it: one page of a list, a Table whose
 * rows carry the whole object, its metadata only, or nothing (TableOptions.includeObject; models
 * staging/src/k8s.io/apiserver/pkg/endpoints/handlers/response.go transformObject), and watch
 * events framed one JSON document a line.
 */
import type { KubeList, KubeObject, Status, Table, WatchEvent } from '../client.ts';
import { paginate } from './list-pagination.ts';
import type { IncludeObject, Rendering } from './resource-request.ts';
import { stringifyJson } from '../../../lib/deep-json/deep-json.ts';

function isTable(body: unknown): body is Table {
  return typeof body === 'object' && body !== null && (body as { kind?: unknown }).kind === 'Table';
}

function isList(body: unknown): body is KubeList {
  return typeof body === 'object' && body !== null && Array.isArray((body as { items?: unknown }).items);
}

/** A row's object: PartialObjectMetadata unless the client asked for the object or nothing. */
export function rowObject(obj: KubeObject, includeObject: IncludeObject): KubeObject | undefined {
  switch (includeObject) {
    case 'None':
      return undefined;
    case 'Object':
      return obj;
    case 'Metadata':
      return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata ?? {} };
  }
}

function renderTable(table: Table, includeObject: IncludeObject): Table {
  return {
    ...table,
    rows: table.rows.map((row) => {
      const object = rowObject(row.object, includeObject);
      return object ? { ...row, object } : ({ cells: row.cells } as Table['rows'][number]);
    }),
  };
}

export function renderBody(body: unknown, rendering: Rendering, page?: { limit: number; continueToken?: string }): { body: unknown } | { status: Status } {
  if (isTable(body)) {
    let table = body;
    if (page) {
      const paged = paginate(table.rows, (row) => row.object, table.metadata.resourceVersion, page.limit, page.continueToken);
      if ('status' in paged) return paged;
      table = { ...table, metadata: { ...table.metadata, ...pageMetadata(paged) }, rows: paged.items };
    }
    return { body: renderTable(table, rendering.includeObject) };
  }
  if (isList(body) && page) {
    const paged = paginate(body.items, (item) => item, body.metadata.resourceVersion, page.limit, page.continueToken);
    if ('status' in paged) return paged;
    return { body: { ...body, metadata: { ...body.metadata, ...pageMetadata(paged) }, items: paged.items } };
  }
  return { body };
}

function pageMetadata(page: { continueToken?: string; remainingItemCount?: number }): Record<string, unknown> {
  return {
    ...(page.continueToken ? { continue: page.continueToken } : {}),
    ...(page.remainingItemCount !== undefined ? { remainingItemCount: page.remainingItemCount } : {}),
  };
}

/** One line of a watch stream. */
export function watchEventLine(event: WatchEvent, rendering: Rendering): string {
  const object = isTable(event.object) ? renderTable(event.object, rendering.includeObject) : event.object;
  return `${stringifyJson({ type: event.type, object })}\n`;
}
