/**
 * After a server-side apply, kubectl hands over what earlier client-side applies owned: it keeps the
 * last-applied annotation under a manager of its own, folds the client-side managers' fields into
 * the server-side manager, and applies once more so fields dropped from the manifest go. Each step
 * is a write, as on a real cluster. Models apply.go saveLastApplyAnnotationIfNecessary and
 * migrateToSSAIfNecessary, and client-go's csaupgrade.
 */
import type { KubeObject } from '../../engine/api/client.ts';
import type { Invocation } from '../kubectl-command.ts';
import { LAST_APPLIED } from './last-applied.ts';
import type { ManifestTarget } from './manifest-targets.ts';
import { writeQuery } from './manifest-targets.ts';

const SERVER_SIDE_MANAGER = 'kubectl';
const LAST_APPLIED_MANAGER = 'kubectl-last-applied';
const MAX_PATCH_RETRY = 5;

const LAST_APPLIED_FAILED =
  'Warning: failed to migrate kubectl.kubernetes.io/last-applied-configuration for Server-Side Apply. This is non-fatal and will be retried next time you apply. Error: ';
const PATCH_FAILED = 'Warning: server rejected managed fields migration to Server-Side Apply. This is non-fatal and will be retried next time you apply. Error: ';
const REAPPLY_FAILED = 'Warning: failed to re-apply configuration after performing Server-Side Apply migration. This is non-fatal and will be retried next time you apply. Error: ';

interface ManagedFieldsEntry {
  manager?: string;
  operation?: string;
  apiVersion?: string;
  subresource?: string;
  fieldsV1?: FieldsTrie;
  [key: string]: unknown;
}

type FieldsTrie = { [key: string]: FieldsTrie };

/** The object the applies leave behind; `applied` is what the server-side apply returned. */
export async function migrateClientSideApply(
  inv: Invocation,
  target: ManifestTarget,
  applied: KubeObject,
  resend: () => ReturnType<Invocation['api']['request']>,
  fieldManager: string,
): Promise<KubeObject> {
  let live = applied;
  const saved = await saveLastApplied(inv, target, live, fieldManager);
  if ('error' in saved) {
    inv.err(`${LAST_APPLIED_FAILED}${saved.error}\n`);
    return live;
  }
  live = saved.object;
  const migrated = await upgradeManagedFields(inv, target, live, fieldManager);
  if ('error' in migrated) {
    inv.err(`${PATCH_FAILED}${migrated.error}\n`);
    return live;
  }
  if (migrated.object === undefined) return live;
  live = migrated.object;
  const again = await resend();
  if (!again.ok) {
    inv.err(`${REAPPLY_FAILED}${(again.body as { message?: string }).message ?? ''}\n`);
    return live;
  }
  return again.body as KubeObject;
}

type Outcome = { object: KubeObject } | { error: string };

/** The server keeps the annotation in step only for the manager `kubectl`, so only then is it kept. */
async function saveLastApplied(inv: Invocation, target: ManifestTarget, live: KubeObject, fieldManager: string): Promise<Outcome> {
  if (fieldManager !== SERVER_SIDE_MANAGER) return { object: live };
  const annotation = live.metadata?.annotations?.[LAST_APPLIED];
  if (annotation === undefined) return { object: live };
  if (ownersOfLastApplied(live, 'Apply').length > 0) return { object: live };
  const justAnnotation = {
    apiVersion: live.apiVersion,
    kind: live.kind,
    metadata: { name: target.name, ...(target.namespace === undefined ? {} : { namespace: target.namespace }), annotations: { [LAST_APPLIED]: annotation } },
  };
  const res = await inv.api.request<KubeObject>({
    verb: 'patch',
    ...target.base,
    name: target.name,
    body: justAnnotation,
    patchType: 'application/apply-patch+yaml',
    query: { ...writeQuery(inv), fieldManager: LAST_APPLIED_MANAGER },
  });
  return res.ok ? { object: res.body } : { error: res.body.message ?? '' };
}

/** `object` undefined: nothing to migrate. A conflict refetches and tries again, as kubectl does. */
async function upgradeManagedFields(inv: Invocation, target: ManifestTarget, live: KubeObject, fieldManager: string): Promise<{ object?: KubeObject } | { error: string }> {
  const csaManagers = new Set(ownersOfLastApplied(live, 'Update').map((entry) => entry.manager ?? ''));
  let current = live;
  let lastError = '';
  for (let attempt = 0; attempt < MAX_PATCH_RETRY; attempt++) {
    const before = managedFieldsOf(current);
    let after = before;
    for (const csaManager of csaManagers) after = upgraded(after, csaManager, fieldManager);
    if (JSON.stringify(after) === JSON.stringify(before)) return {};
    const res = await inv.api.request<KubeObject>({
      verb: 'patch',
      ...target.base,
      name: target.name,
      body: [
        { op: 'replace', path: '/metadata/managedFields', value: after },
        // A replace rather than a test, so a stale object is a 409 conflict.
        { op: 'replace', path: '/metadata/resourceVersion', value: current.metadata?.resourceVersion },
      ],
      patchType: 'application/json-patch+json',
      query: { ...writeQuery(inv), fieldManager },
    });
    if (res.ok) return { object: res.body };
    lastError = res.body.message ?? '';
    if (res.body.reason !== 'Conflict') return { error: lastError };
    const refetched = await inv.api.request<KubeObject>({ verb: 'get', ...target.base, name: target.name });
    if (!refetched.ok) return { error: refetched.body.message ?? '' };
    current = refetched.body;
  }
  return { error: lastError };
}

function managedFieldsOf(obj: KubeObject): ManagedFieldsEntry[] {
  return (obj.metadata?.managedFields ?? []) as ManagedFieldsEntry[];
}

/** csaupgrade.FindFieldsOwners for the one path kubectl asks about. */
function ownersOfLastApplied(obj: KubeObject, operation: 'Apply' | 'Update'): ManagedFieldsEntry[] {
  return managedFieldsOf(obj).filter((entry) => entry.operation === operation && entry.fieldsV1?.['f:metadata']?.['f:annotations']?.[`f:${LAST_APPLIED}`] !== undefined);
}

const isCsaEntry = (name: string) => (entry: ManagedFieldsEntry) => entry.manager === name && entry.operation === 'Update' && (entry.subresource ?? '') === '';

/** csaupgrade's upgradedManagedFields: the client-side manager's fields join the server-side manager's. */
function upgraded(entries: ManagedFieldsEntry[], csaManager: string, ssaManager: string): ManagedFieldsEntry[] {
  const copy = entries.map((entry) => ({ ...entry }));
  let target = copy.findIndex((entry) => entry.manager === ssaManager && entry.operation === 'Apply' && (entry.subresource ?? '') === '');
  if (target < 0) {
    target = copy.findIndex(isCsaEntry(csaManager));
    if (target < 0) return copy;
    copy[target] = { ...copy[target]!, operation: 'Apply', manager: ssaManager };
  }
  const ssaEntry = copy[target]!;
  const csaEntry = copy.find((entry) => isCsaEntry(csaManager)(entry) && entry.apiVersion === ssaEntry.apiVersion);
  if (csaEntry) copy[target] = { ...ssaEntry, fieldsV1: unionTries(ssaEntry.fieldsV1 ?? {}, csaEntry.fieldsV1 ?? {}) };
  return copy.filter((entry) => !isCsaEntry(csaManager)(entry));
}

function unionTries(a: FieldsTrie, b: FieldsTrie): FieldsTrie {
  const union: FieldsTrie = { ...a };
  for (const [key, child] of Object.entries(b)) union[key] = key in union ? unionTries(union[key]!, child) : child;
  return union;
}
