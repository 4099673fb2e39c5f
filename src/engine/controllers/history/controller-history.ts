/**
 * ControllerRevisions as StatefulSets and DaemonSets keep them: a snapshot of the pod template
 * named `<owner>-<hash>`, numbered in order, reused when a rollback returns to an earlier one.
 * Models pkg/controller/history/controller_history.go.
 */
import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/client.ts';
import { stableStringify } from '../../store/deep-copy.ts';
import type { ControllerContext } from '../controller-context.ts';
import { computeHash } from '../deployment/deployment-util.ts';

export const CONTROLLER_REVISIONS = { group: 'apps', version: 'v1', resource: 'controllerrevisions' } as const;
export const CONTROLLER_REVISION_HASH_LABEL = 'controller-revision-hash';

/** The owner of a history: a StatefulSet or DaemonSet. */
export interface HistoryOwner {
  kind: 'StatefulSet' | 'DaemonSet';
  metadata?: { name?: string; namespace?: string; uid?: string; labels?: Record<string, string> };
  spec?: { template?: PodTemplateSpec; revisionHistoryLimit?: number };
}

/** The patch upstream stores: `{"spec":{"template":{…,"$patch":"replace"}}}` (getPatch). */
export function revisionData(template: PodTemplateSpec | undefined): Record<string, unknown> {
  return { spec: { template: { ...template, $patch: 'replace' } } };
}

/** The template a revision snapshots (ApplyRevision). */
export function templateOf(revision: ControllerRevision): PodTemplateSpec {
  const data = revision.data as { spec?: { template?: Record<string, unknown> } } | undefined;
  const template: Record<string, unknown> = { ...(data?.spec?.template ?? {}) };
  delete template.$patch;
  return template as PodTemplateSpec;
}

/** HashControllerRevision: FNV-32a of the data and collision count, safe-encoded. */
export function hashControllerRevision(data: unknown, collisionCount: number): string {
  return computeHash(data as PodTemplateSpec, collisionCount);
}

export function ownedRevisions(owner: HistoryOwner, all: ControllerRevision[]): ControllerRevision[] {
  const uid = owner.metadata?.uid;
  return all.filter((r) => r.metadata?.ownerReferences?.some((o) => o.controller && o.uid === uid)).sort((a, b) => a.revision - b.revision);
}

export function equalRevisions(revisions: ControllerRevision[], data: unknown): ControllerRevision[] {
  const wanted = stableStringify(data);
  return revisions.filter((r) => stableStringify(r.data) === wanted);
}

export function nextRevisionNumber(revisions: ControllerRevision[]): number {
  return revisions.length ? revisions[revisions.length - 1]!.revision + 1 : 1;
}

/** NewControllerRevision: the owner's labels, its controller reference, the data and number. */
export function newControllerRevision(owner: HistoryOwner, apiVersion: string, data: unknown, revision: number, collisionCount: number): KubeObject {
  const name = `${owner.metadata!.name}-${hashControllerRevision(data, collisionCount)}`;
  const labels = { ...(owner.spec?.template?.metadata?.labels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: name.slice(owner.metadata!.name!.length + 1) };
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name,
      namespace: owner.metadata!.namespace,
      labels,
      ownerReferences: [{ apiVersion, kind: owner.kind, name: owner.metadata!.name!, uid: owner.metadata!.uid!, controller: true, blockOwnerDeletion: true }],
    },
    data,
    revision,
  } as KubeObject;
}

/**
 * Creates the revision, or finds an identical one already stored under that name; a different
 * object under the name is a hash collision, retried with the count bumped (CreateControllerRevision).
 */
export function createControllerRevision(
  ctx: ControllerContext,
  owner: HistoryOwner,
  apiVersion: string,
  data: unknown,
  revision: number,
  collisionCount: number,
): { revision: ControllerRevision; collisionCount: number } | undefined {
  let count = collisionCount;
  for (let attempt = 0; attempt < 5; attempt++) {
    const body = newControllerRevision(owner, apiVersion, data, revision, count);
    const created = ctx.server.handle({ verb: 'create', ...CONTROLLER_REVISIONS, namespace: owner.metadata!.namespace!, body });
    if (created.ok) return { revision: created.body as ControllerRevision, collisionCount: count };
    const existing = ctx.server.handle({ verb: 'get', ...CONTROLLER_REVISIONS, namespace: owner.metadata!.namespace!, name: body.metadata!.name! });
    if (existing.ok && stableStringify((existing.body as ControllerRevision).data) === stableStringify(data)) {
      return { revision: existing.body as ControllerRevision, collisionCount: count };
    }
    count++;
  }
  return undefined;
}

/** UpdateControllerRevision: gives an earlier revision the next number (a rollback to it). */
export function renumberRevision(ctx: ControllerContext, revision: ControllerRevision, number: number): ControllerRevision {
  if (revision.revision === number) return revision;
  const updated = ctx.server.handle({
    verb: 'update',
    ...CONTROLLER_REVISIONS,
    namespace: revision.metadata!.namespace!,
    name: revision.metadata!.name!,
    body: { ...revision, revision: number } as KubeObject,
  });
  return updated.ok ? (updated.body as ControllerRevision) : revision;
}

/** truncateHistory: deletes the oldest revisions no pod uses beyond revisionHistoryLimit. */
export function truncateHistory(ctx: ControllerContext, revisions: ControllerRevision[], live: Set<string>, limit: number): void {
  const history = revisions.filter((r) => !live.has(r.metadata!.name!));
  for (const r of history.slice(0, Math.max(0, history.length - limit))) {
    ctx.server.handle({ verb: 'delete', ...CONTROLLER_REVISIONS, namespace: r.metadata!.namespace!, name: r.metadata!.name! });
  }
}
