/**
 * Field ownership on every write. `trackUpdate` records what a create, update or patch changed
 * under its manager (an `Update` entry); `applyConfiguration` is server-side apply: merge the
 * applied configuration, drop what the applier no longer sends, refuse to take fields other
 * managers own unless forced (an `Apply` entry).
 * Models apiserver pkg/endpoints/handlers/fieldmanager (FieldManager and the managers it chains:
 * stripMeta, managedFieldsUpdater, skipNonApplied, lastAppliedManager, lastAppliedUpdater) and
 * structured-merge-diff merge/update.go (Updater.Update, Updater.Apply, prune).
 * Deliberate deviation (issue 9): no cap on the number of Update entries (capManagers).
 */
import { capUpdateManagers } from './cap-update-managers.ts';
import type { KubeObject, Status } from '../client.ts';
import type { Schema } from '../openapi/openapi-data.ts';
import { badRequest, internalError } from '../status.ts';
import { mergeObjects, removeItems } from './apply-merge.ts';
import { conflictStatus, type Conflict } from './conflict-status.ts';
import {
  differenceSets,
  emptyFieldSet,
  formatPath,
  insertPath,
  intersectSets,
  isEmptySet,
  memberPaths,
  overlaps,
  recursiveDifferenceSets,
  unionSets,
  type FieldSet,
} from './field-set.ts';
import { decodeManagedFields, encodeManagedFields, managerKey, type ManagerEntry, type Managers } from './managed-fields.ts';
import { compareObjects, toFieldSet, type Comparison } from './object-fields.ts';
import { deepEqual } from './path-elements.ts';
import { rootSchemaOf, sharedZeroObject, zeroObject } from './type-schema.ts';

export interface WriteTarget {
  group: string;
  version: string;
  kind: string;
  /** `status` for writes through the status subresource. */
  subresource?: string;
  /** metav1.Time of the write. */
  now: string;
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** The fields the server sets itself, never owned by anyone (stripMetaManager). */
const SERVER_FIELDS = (() => {
  const set = emptyFieldSet();
  for (const path of [['f:apiVersion'], ['f:kind'], ['f:metadata']]) insertPath(set, path);
  for (const field of ['name', 'namespace', 'creationTimestamp', 'selfLink', 'uid', 'clusterName', 'generation', 'managedFields', 'resourceVersion']) {
    insertPath(set, ['f:metadata', `f:${field}`]);
  }
  return set;
})();

const apiVersionOf = (t: WriteTarget) => (t.group ? `${t.group}/${t.version}` : t.version);

/**
 * Sets `next.metadata.managedFields` for a write by `manager`; `live` is undefined for a create.
 * An object that has never been tracked stays untracked on update (skipNonAppliedManager).
 */
export function trackUpdate(live: KubeObject | undefined, next: KubeObject, manager: string, target: WriteTarget): void {
  const schema = rootSchemaOf(target.group, target.version, target.kind);
  if (!schema) return;
  const meta = (next.metadata ??= {});
  const sent = meta.managedFields;
  // Managed fields sent with the object replace the stored ones (decodeLiveOrNew).
  const managers = decodeManagedFields(sent !== undefined ? sent : live?.metadata?.managedFields);
  if (live && managers.size === 0) {
    delete meta.managedFields;
    return;
  }
  const comparison = filterIgnored(compareObjects(live ? withoutManagedFields(live) : sharedZeroObject(schema), withoutManagedFields(next), schema), target);
  releaseChangedFields(managers, comparison, undefined);
  const changed = differenceSets(unionSets(comparison.modified, comparison.added), SERVER_FIELDS);
  if (!isEmptySet(changed)) {
    const identity = { manager, operation: 'Update' as const, apiVersion: apiVersionOf(target), ...(target.subresource ? { subresource: target.subresource } : {}) };
    const previous = managers.get(managerKey(identity));
    managers.set(managerKey(identity), { ...identity, time: target.now, set: previous ? unionSets(previous.set, changed) : changed });
  }
  setManagedFields(next, managers);
}

export type ApplyResult = { ok: true; obj: KubeObject } | { ok: false; status: Status };

/**
 * Server-side apply of `config` by `manager` over `live` (undefined when the object does not exist
 * yet). The result is not yet defaulted: defaults the server adds belong to nobody.
 */
export function applyConfiguration(live: KubeObject | undefined, config: KubeObject, manager: string, force: boolean, target: WriteTarget): ApplyResult {
  const schema = rootSchemaOf(target.group, target.version, target.kind);
  const gvk = `${target.group}/${target.version}, Kind=${target.kind}`;
  if (!schema) return { ok: false, status: internalError(`failed to create typed patch object (${gvk}): no corresponding type`) };
  if (config.metadata?.managedFields !== undefined) return { ok: false, status: badRequest('metadata.managedFields must be nil') };
  const undeclared: string[][] = [];
  const configSet = toFieldSet(config, schema, undeclared);
  if (undeclared.length > 0) {
    const errors = undeclared.map((p) => `${formatPath(p)}: field not declared in schema`).join('\n');
    return { ok: false, status: internalError(`failed to create typed patch object (${gvk}): ${errors}`) };
  }
  const liveObject: KubeObject = live ? withoutManagedFields(live) : zeroObject(schema);
  const managers = decodeManagedFields(live?.metadata?.managedFields);
  if (live && managers.size === 0) adoptUntrackedFields(managers, liveObject, schema, target);

  const identity = { manager, operation: 'Apply' as const, apiVersion: apiVersionOf(target), ...(target.subresource ? { subresource: target.subresource } : {}) };
  const key = managerKey(identity);
  const previous = managers.get(key);
  const appliedSet = differenceSets(ignoreFields(configSet, target), SERVER_FIELDS);
  managers.set(key, { ...identity, ...(previous?.time ? { time: previous.time } : {}), set: appliedSet });

  const merged = mergeObjects(liveObject, config, schema) as KubeObject;
  const pruned = previous ? (removeItems(merged, releasedFields(previous.set, toFieldSet(merged, schema), managers), schema) as KubeObject) : merged;

  const comparison = filterIgnored(compareObjects(liveObject, pruned, schema), target);
  let conflicts = conflictsOf(managers, comparison, key);
  if (conflicts.length > 0 && !force && manager === 'kubectl' && live) conflicts = withoutLastAppliedConflicts(conflicts, live, schema);
  if (conflicts.length > 0 && !force) return { ok: false, status: conflictStatus(conflicts) };
  releaseChangedFields(managers, comparison, key);

  const changed = !deepEqual(liveObject, pruned);
  // The live object (and what the merge kept of it) is frozen in the store: the annotations and
  // managedFields set below go on fresh copies of the top level and metadata.
  const kept = changed ? pruned : liveObject;
  const result: KubeObject = { ...kept, metadata: { ...kept.metadata } };
  // An applier whose set came out empty has no entry to stamp (managedFieldsUpdater.Apply checks too).
  const applied = managers.get(key);
  if (changed && applied) applied.time = target.now;
  if (manager === 'kubectl' && live?.metadata?.annotations?.[LAST_APPLIED] !== undefined) syncLastApplied(result, config);
  setManagedFields(result, managers);
  return { ok: true, obj: result };
}

function withoutManagedFields(obj: KubeObject): KubeObject {
  if (!obj.metadata || !('managedFields' in obj.metadata)) return obj;
  const { managedFields: _managed, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}

function setManagedFields(obj: KubeObject, managers: Managers): void {
  capUpdateManagers(managers);
  const encoded = encodeManagedFields(managers);
  const meta = (obj.metadata ??= {});
  if (encoded.length > 0) meta.managedFields = encoded;
  else delete meta.managedFields;
}

/** The main resource never owns status; the status subresource owns nothing else (reset fields). */
function ignoreFields(set: FieldSet, target: WriteTarget): FieldSet {
  if (target.subresource !== 'status') {
    const status = emptyFieldSet();
    insertPath(status, ['f:status']);
    return recursiveDifferenceSets(set, status);
  }
  const only = set.children.get('f:status');
  return only ? { self: false, children: new Map([['f:status', only]]) } : emptyFieldSet();
}

function filterIgnored(c: Comparison, target: WriteTarget): Comparison {
  return { added: ignoreFields(c.added, target), modified: ignoreFields(c.modified, target), removed: ignoreFields(c.removed, target) };
}

/** Other managers lose what this write changed (an Update always forces) and what it removed. */
function releaseChangedFields(managers: Managers, c: Comparison, self: string | undefined): void {
  const changed = unionSets(c.modified, c.added);
  for (const [key, entry] of managers) {
    if (key === self) continue;
    if (overlaps(entry.set, changed)) entry.set = differenceSets(entry.set, changed);
    if (overlaps(entry.set, c.removed)) entry.set = differenceSets(entry.set, c.removed);
    if (isEmptySet(entry.set)) managers.delete(key);
  }
  if (self && isEmptySet(managers.get(self)!.set)) managers.delete(self);
}

function conflictsOf(managers: Managers, c: Comparison, self: string): Conflict[] {
  const changed = unionSets(c.modified, c.added);
  const conflicts: Conflict[] = [];
  const others = [...managers.entries()].filter(([key]) => key !== self).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [, entry] of others) {
    for (const path of memberPaths(intersectSets(entry.set, changed))) conflicts.push({ manager: entry, path });
  }
  return conflicts;
}

/**
 * What the applier owned before, no longer applies, and nobody else owns: the fields apply removes
 * (Updater.prune). A path stays while any manager owns it or anything below it.
 */
function releasedFields(lastSet: FieldSet, mergedSet: FieldSet, managers: Managers): FieldSet {
  let owned = emptyFieldSet();
  for (const entry of managers.values()) owned = unionSets(owned, entry.set);
  return unowned(intersectSets(lastSet, mergedSet), owned);
}

function unowned(candidates: FieldSet, owned: FieldSet | undefined): FieldSet {
  if (!owned) return candidates;
  const out: FieldSet = { self: false, children: new Map() };
  for (const [key, child] of candidates.children) {
    const kept = unowned(child, owned.children.get(key));
    if (!isEmptySet(kept)) out.children.set(key, kept);
  }
  return out;
}

/** An object written before tracking began: its fields go to `before-first-apply` (skipNonAppliedManager). */
function adoptUntrackedFields(managers: Managers, live: KubeObject, schema: Schema, target: WriteTarget): void {
  const c = filterIgnored(compareObjects(zeroObject(schema), live, schema), target);
  const set = differenceSets(unionSets(c.modified, c.added), SERVER_FIELDS);
  if (isEmptySet(set)) return;
  const entry: ManagerEntry = { manager: 'before-first-apply', operation: 'Update', apiVersion: apiVersionOf(target), time: target.now, set };
  managers.set(managerKey(entry), entry);
}

/**
 * `kubectl apply --server-side` after client-side apply: fields whose live value is still the one
 * last applied client-side may be taken over (lastAppliedManager.allowedConflictsFromLastApplied).
 */
function withoutLastAppliedConflicts(conflicts: Conflict[], live: KubeObject, schema: Schema): Conflict[] {
  const text = live.metadata?.annotations?.[LAST_APPLIED];
  if (!text) return conflicts;
  let lastApplied: unknown;
  try {
    lastApplied = JSON.parse(text);
  } catch {
    return conflicts;
  }
  const allowed = differenceSets(toFieldSet(lastApplied, schema), compareObjects(lastApplied, withoutManagedFields(live), schema).modified);
  const remaining = conflicts.filter((c) => !isMember(allowed, c.path));
  return remaining.length === 0 ? [] : remaining;
}

function isMember(set: FieldSet, path: readonly string[]): boolean {
  let node: FieldSet | undefined = set;
  for (const element of path) node = node?.children.get(element);
  return node?.self ?? false;
}

/** lastAppliedUpdater: the client-side apply annotation follows what kubectl applied server-side. */
function syncLastApplied(result: KubeObject, config: KubeObject): void {
  const annotations = { ...config.metadata?.annotations };
  delete annotations[LAST_APPLIED];
  const applied = { ...config, metadata: { ...config.metadata, annotations } };
  if (config.metadata?.annotations === undefined) delete (applied.metadata as { annotations?: unknown }).annotations;
  const meta = (result.metadata ??= {});
  meta.annotations = { ...meta.annotations, [LAST_APPLIED]: `${JSON.stringify(sortKeys(applied))}\n` };
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
  return out;
}
