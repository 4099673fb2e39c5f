/**
 * The ControllerRevisions StatefulSets and DaemonSets record their templates in, as `rollout
 * history` and `rollout undo` read them. Models pkg/polymorphichelpers/history.go
 * controlledHistory / printHistory and rollback.go findHistory.
 */
import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../../engine/api/client.ts';
import { formatLabelSelector } from '../../../lib/label-selector/label-selector.ts';
import { KubectlError } from '../../errors.ts';
import type { Invocation } from '../../kubectl-command.ts';
import { listObjects } from '../../object-client.ts';
import { describePodTemplateTabbed } from '../describe/pod-template-text.ts';

/** The revisions `owner` controls, among those its selector finds. */
export async function controlledHistory(inv: Invocation, owner: KubeObject): Promise<ControllerRevision[]> {
  const resource = inv.mapper.resolve('controllerrevisions');
  if (!resource) return [];
  const selector = (owner.spec as { selector?: LabelSelector } | undefined)?.selector;
  const res = await listObjects(inv.api, resource, owner.metadata?.namespace ?? inv.namespace, formatLabelSelector(selector));
  if (!res.ok) return [];
  return (res.body.items as unknown as ControllerRevision[]).filter((r) => r.metadata?.ownerReferences?.some((o) => o.controller && o.uid === owner.metadata?.uid));
}

/** The template a revision's patch restores. */
export function revisionTemplate(revision: ControllerRevision): PodTemplateSpec {
  const template: Record<string, unknown> = { ...((revision.data as { spec?: { template?: Record<string, unknown> } } | undefined)?.spec?.template ?? {}) };
  delete template.$patch;
  return template as PodTemplateSpec;
}

/** printHistory: the REVISION / CHANGE-CAUSE table, or one revision's template. */
export function printHistory(history: ControllerRevision[], revision: number): string {
  const byRevision = new Map(history.map((h) => [h.revision, h]));
  if (byRevision.size === 0) return 'No rollout history found.';
  if (revision > 0) {
    const found = byRevision.get(revision);
    if (!found) throw new KubectlError('error: unable to find the specified revision');
    return describePodTemplateTabbed(revisionTemplate(found)) + '\n';
  }
  const rows = [...byRevision.keys()].sort((a, b) => a - b).map((r) => [String(r), byRevision.get(r)!.metadata?.annotations?.['kubernetes.io/change-cause'] || '<none>'] as const);
  const width = Math.max('REVISION'.length, ...rows.map((r) => r[0].length)) + 2;
  return [`${'REVISION'.padEnd(width)}CHANGE-CAUSE`, ...rows.map(([r, cause]) => `${r.padEnd(width)}${cause}`)].join('\n') + '\n';
}

/** findHistory: revision 0 is the second newest; undefined when there is none. */
export function findHistory(toRevision: number, history: ControllerRevision[]): ControllerRevision | undefined {
  if (toRevision === 0) {
    if (history.length <= 1) return undefined;
    return [...history].sort((a, b) => a.revision - b.revision)[history.length - 2];
  }
  return history.find((h) => h.revision === toRevision);
}
