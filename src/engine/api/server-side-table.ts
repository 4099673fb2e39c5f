/**
 * The Table a client gets when it asks for `as=Table` (kubectl get): the kind's columns and rows,
 * or Name and Age for kinds without their own. Models
 * staging/src/k8s.io/apiserver/pkg/registry/rest/table.go DefaultTableConvertor.
 */
import type { ApiRequest, KubeObject, Table } from './client.ts';
import type { ResourceDefinition } from './resource-definition.ts';

const DEFAULT_COLUMNS = [
  { name: 'Name', type: 'string' as const, format: 'name', description: 'Name must be unique within a namespace.', priority: 0 },
  { name: 'Age', type: 'string' as const, format: '', description: 'CreationTimestamp', priority: 0 },
];

export function serverSideTable(def: ResourceDefinition, items: KubeObject[], req: ApiRequest, nowMs: number, resourceVersion: string): Table {
  const columns = def.tableColumns ?? DEFAULT_COLUMNS;
  const wide = req.query?.includeWideColumns ?? true;
  const keep = columns.map((c) => wide || c.priority === 0);
  const rowOf = def.tableRow ?? ((obj: KubeObject) => [obj.metadata?.name ?? '', ageCell(obj, nowMs)]);
  return {
    apiVersion: 'meta.k8s.io/v1',
    kind: 'Table',
    metadata: { resourceVersion },
    columnDefinitions: columns.filter((_, i) => keep[i]),
    rows: items.map((obj) => ({ cells: rowOf(obj, { nowMs }).filter((_, i) => keep[i]), object: obj })),
  };
}

function ageCell(obj: KubeObject, nowMs: number): string {
  const created = obj.metadata?.creationTimestamp;
  if (!created) return '<unknown>';
  const seconds = Math.floor((nowMs - Date.parse(created)) / 1000);
  return `${seconds}s`;
}
