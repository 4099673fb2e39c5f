/**
 * A server-rendered Table decorated as kubectl's human-readable printer does (printers
 * decorateTable): the kind before each name, a column per `-L` key, LABELS, NAMESPACE first, and
 * for watch events an EVENT column before everything.
 */
import { metaString } from '../manifest-targets.ts';
import type { KubeObject, Table } from '../../../engine/api/client.ts';
import { translateTimestampSince } from '../../../lib/duration/human-duration.ts';
import { boolFlag, type ParsedFlags } from '../../flags.ts';
import { kindPrefix } from '../../resource-mapper.ts';
import type { ResourceTarget } from '../../resource-args.ts';

/** The table printer pads each event type to the longest one's width (formattedEventType). */
const EVENT_TYPE_WIDTH = 'MODIFIED'.length;

export interface TableDecoration {
  withKind: boolean;
  withNamespace: boolean;
  /** The watch event's type (ADDED, MODIFIED, DELETED) for `--output-watch-events`. */
  eventType?: string;
}

export function decoratedTable(flags: ParsedFlags, target: ResourceTarget, table: Table, decoration: TableDecoration): { header: string[]; rows: string[][] } {
  const showLabels = boolFlag(flags, 'show-labels');
  const labelColumns = ((flags.values.get('label-columns') as string[] | undefined) ?? []).flatMap((v) => v.split(','));
  const withNamespace = decoration.withNamespace && target.resource.namespaced;
  // One column per -L key, titled by its last path segment.
  const header = [...table.columnDefinitions.map((c) => c.name.toUpperCase()), ...labelColumns.map((key) => key.split('/').pop()!.toUpperCase())];
  const rows = table.rows.map((row) => {
    const cells = row.cells.map(String);
    if (decoration.withKind) cells[0] = `${kindPrefix(target.resource)}/${cells[0]}`;
    for (const key of labelColumns) cells.push(row.object.metadata?.labels?.[key] ?? '');
    if (showLabels) {
      const labels = row.object.metadata?.labels ?? {};
      const keys = Object.keys(labels).sort();
      cells.push(keys.length ? keys.map((k) => `${k}=${labels[k]}`).join(',') : '<none>');
    }
    if (withNamespace) cells.unshift(row.object.metadata?.namespace ?? '');
    if (decoration.eventType) cells.unshift(decoration.eventType.padEnd(EVENT_TYPE_WIDTH));
    return cells;
  });
  if (showLabels) header.push('LABELS');
  if (withNamespace) header.unshift('NAMESPACE');
  if (decoration.eventType) header.unshift('EVENT');
  return { header, rows };
}

/** What kubectl prints without the server's columns (--server-print=false): the name and age of each object. */
export function clientSideTable(objects: KubeObject[], nowMs: number): Table {
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion: '' },
    columnDefinitions: [
      { name: 'Name', type: 'string', format: 'name', description: '', priority: 0 },
      { name: 'Age', type: 'string', format: '', description: '', priority: 0 },
    ],
    rows: objects.map((obj) => ({ cells: [metaString(obj.metadata?.name), translateTimestampSince(obj.metadata?.creationTimestamp, nowMs)], object: obj })),
  };
}
