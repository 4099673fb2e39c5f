/**
 * The 409 a server-side apply answers when it would take fields from other managers.
 * Models fieldmanager/internal/conflict.go (NewConflictError, getConflictMessage, printManager).
 */
import type { Status } from '../client.ts';
import { formatPath, type FieldPath } from './field-set.ts';
import type { ManagerEntry } from './managed-fields.ts';

export interface Conflict {
  manager: ManagerEntry;
  path: FieldPath;
}

/** `"kubectl-create" using apps/v1`; an Update names its apiVersion, an Apply only its manager. */
export function printManager(entry: ManagerEntry): string {
  let text = JSON.stringify(entry.manager);
  if (entry.subresource) text += ` with subresource ${JSON.stringify(entry.subresource)}`;
  return entry.operation === 'Update' ? `${text} using ${entry.apiVersion}` : text;
}

export function conflictStatus(conflicts: Conflict[]): Status {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: conflictMessage(conflicts),
    reason: 'Conflict',
    details: {
      causes: conflicts.map((c) => ({ reason: 'FieldManagerConflict', message: `conflict with ${printManager(c.manager)}`, field: formatPath(c.path) })),
    },
    code: 409,
  };
}

function conflictMessage(conflicts: Conflict[]): string {
  if (conflicts.length === 1) {
    const only = conflicts[0]!;
    return `Apply failed with 1 conflict: conflict with ${printManager(only.manager)}: ${formatPath(only.path)}`;
  }
  const byManager = new Map<string, Conflict[]>();
  for (const c of conflicts) {
    const name = printManager(c.manager);
    byManager.set(name, [...(byManager.get(name) ?? []), c]);
  }
  const lines: string[] = [];
  for (const name of [...byManager.keys()].sort()) {
    lines.push(`conflicts with ${name}:`);
    for (const c of byManager.get(name)!) lines.push(`- ${formatPath(c.path)}`);
  }
  return `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
}
