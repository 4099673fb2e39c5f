/**
 * metadata.managedFields read into field sets per manager and written back. A manager is one
 * entry's identity: name, operation, apiVersion and subresource (not its time).
 * Models apiserver pkg/endpoints/handlers/fieldmanager/internal managedfields.go
 * (DecodeManagedFields, encodeManagedFields, sortEncodedManagedFields).
 */
import { stringifyJson } from '../../../lib/deep-json/deep-json.ts';
import { deepFreeze } from '../../store/deep-freeze.ts';
import { fromFieldsV1, isEmptySet, toFieldsV1, type FieldSet } from './field-set.ts';

export type Operation = 'Apply' | 'Update';

export interface ManagerEntry {
  manager: string;
  operation: Operation;
  apiVersion: string;
  subresource?: string;
  time?: string;
  set: FieldSet;
  /** The stored FieldsV1 and the set read from it: written back as is while `set` is unchanged. */
  stored?: { fieldsV1: unknown; set: FieldSet };
}

/** Entries by identity (managerKey). */
export type Managers = Map<string, ManagerEntry>;

export function managerKey(entry: Pick<ManagerEntry, 'manager' | 'operation' | 'apiVersion' | 'subresource'>): string {
  return JSON.stringify([entry.manager, entry.operation, entry.apiVersion, entry.subresource ?? '']);
}

interface ManagedFieldsEntry {
  manager?: string;
  operation?: Operation;
  apiVersion?: string;
  time?: string;
  fieldsType?: string;
  fieldsV1?: unknown;
  subresource?: string;
}

export function decodeManagedFields(list: unknown[] | undefined): Managers {
  const managers: Managers = new Map();
  for (const raw of list ?? []) {
    const e = raw as ManagedFieldsEntry;
    const set = fromFieldsV1(e.fieldsV1);
    const entry: ManagerEntry = {
      manager: e.manager ?? '',
      operation: e.operation ?? 'Update',
      apiVersion: e.apiVersion ?? '',
      ...(e.subresource ? { subresource: e.subresource } : {}),
      ...(e.time ? { time: e.time } : {}),
      set,
      stored: { fieldsV1: e.fieldsV1, set },
    };
    managers.set(managerKey(entry), entry);
  }
  return managers;
}

/** The entries sorted as the server stores them: operation, time, manager, apiVersion, subresource. */
export function encodeManagedFields(managers: Managers): Record<string, unknown>[] {
  const entries = [...managers.values()].filter((e) => !isEmptySet(e.set));
  entries.sort(
    (p, q) =>
      compare(p.operation, q.operation) ||
      compare(p.time ?? '', q.time ?? '') ||
      compare(p.manager, q.manager) ||
      compare(p.apiVersion, q.apiVersion) ||
      compare(p.subresource ?? '', q.subresource ?? ''),
  );
  return entries.map((e) => ({
    manager: e.manager,
    operation: e.operation,
    apiVersion: e.apiVersion,
    ...(e.time ? { time: e.time } : {}),
    fieldsType: 'FieldsV1',
    fieldsV1: e.stored?.set === e.set ? e.stored.fieldsV1 : internFieldsV1(toFieldsV1(e.set)),
    ...(e.subresource ? { subresource: e.subresource } : {}),
  }));
}

/** Distinct FieldsV1 trees kept for sharing; past this many the table starts over. */
const MAX_INTERNED = 4096;
const interned = new Map<string, Record<string, unknown>>();

/**
 * One frozen tree per distinct FieldsV1: every Event a recorder writes, every pod of a ReplicaSet,
 * owns the same fields, and the store keeps objects frozen, so they can share one copy.
 */
function internFieldsV1(fieldsV1: Record<string, unknown>): Record<string, unknown> {
  const key = stringifyJson(fieldsV1) ?? '';
  let shared = interned.get(key);
  if (!shared) {
    if (interned.size >= MAX_INTERNED) interned.clear();
    shared = deepFreeze(fieldsV1);
    interned.set(key, shared);
  }
  return shared;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
