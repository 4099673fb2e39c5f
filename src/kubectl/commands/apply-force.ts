/**
 * `kubectl apply --force`: a patch the server refuses as Invalid or Conflict (an immutable field
 * changed) is replaced by deleting the object and creating it from the manifest.
 * Models pkg/cmd/apply/patcher.go Patch and deleteAndCreate.
 */
import type { KubeObject, Status } from '../../engine/api/client.ts';
import type { cascadeStrategy } from '../cascade-flag.ts';
import { intFlag } from '../flags.ts';
import type { Invocation } from '../kubectl-command.ts';
import { waitUntilGone } from './delete.ts';
import { writeQuery, type ManifestTarget } from './manifest-targets.ts';

export interface ForceOptions {
  propagationPolicy: ReturnType<typeof cascadeStrategy>;
  /** --timeout; 0 waits as long as the deletion takes (wait.PollImmediate without a deadline). */
  timeoutMs: number;
}

export const isForceable = (status: Status) => status.reason === 'Invalid' || status.reason === 'Conflict';

export type ForceResult = { ok: true; obj: KubeObject } | { ok: false; status: Status } | { ok: false; message: string };

export async function deleteAndCreate(
  inv: Invocation,
  { resource, namespace, name, base }: ManifestTarget,
  modified: KubeObject,
  live: KubeObject,
  force: ForceOptions,
): Promise<ForceResult> {
  const grace = intFlag(inv.flags, 'grace-period') ?? -1;
  const query = { propagationPolicy: force.propagationPolicy, ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}) };
  const deleted = await inv.api.request({ verb: 'delete', ...base, name, query });
  if (!deleted.ok) return { ok: false, status: deleted.body };
  const deadline = force.timeoutMs === 0 ? Infinity : inv.ctx.time.now() + force.timeoutMs;
  if (!(await waitUntilGone(inv, resource, namespace, name, deadline))) return { ok: false, message: 'timed out waiting for the condition' };
  const created = await inv.api.request<KubeObject>({ verb: 'create', ...base, body: modified, query: writeQuery(inv) });
  if (created.ok) return { ok: true, obj: created.body };
  // The original comes back when the new object cannot be made; the error is still the create's.
  await inv.api.request({ verb: 'create', ...base, body: withoutServerFields(live), query: writeQuery(inv) });
  return { ok: false, status: created.body };
}

function withoutServerFields(obj: KubeObject): KubeObject {
  const metadata = { ...obj.metadata };
  delete metadata.resourceVersion;
  delete metadata.uid;
  return { ...obj, metadata };
}
