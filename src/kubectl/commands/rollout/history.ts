/** `kubectl rollout history`: the revisions a Deployment's ReplicaSets, or a StatefulSet's or DaemonSet's ControllerRevisions, record. */
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { ApiResource, KubeObject } from '../../../engine/api/client.ts';
import { intFlag, stringFlag } from '../../flags.ts';
import { KubectlError } from '../../errors.ts';
import type { Invocation, KubectlCommand } from '../../kubectl-command.ts';
import { printChanged } from '../../local-objects.ts';
import { checkOutputFormat, PRINT_FLAGS } from '../../printers/generated-object-printer.ts';
import { kindPrefix } from '../../resource-mapper.ts';
import { describePodTemplateTabbed } from '../describe/pod-template-text.ts';
import { ownedReplicaSets, revisionOf } from './deployment-target.ts';
import { controlledHistory, printHistory, revisionTemplate } from './revision-history.ts';
import { aggregated, groupKind, printRolloutErrors, requireRolloutResources, ROLLOUT_BUILDER_FLAGS, rolloutObjects } from './rollout-objects.ts';

const HISTORY_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

export const rolloutHistory: KubectlCommand = {
  path: 'rollout history',
  flags: [{ name: 'revision', kind: 'int' }, ...ROLLOUT_BUILDER_FLAGS, ...PRINT_FLAGS],
  async run(inv) {
    requireRolloutResources(inv);
    const revision = intFlag(inv.flags, 'revision') ?? 0;
    if (revision < 0) throw new KubectlError(`error: revision must be a positive integer: ${revision}`);
    const errors: string[] = [];
    const found = await rolloutObjects(inv, errors);
    // PrintFlags.OutputFlagSpecified: an empty -o prints the history text.
    const output = stringFlag(inv.flags, 'output') || undefined;
    if (output) checkOutputFormat(output);
    for (const { resource, obj } of found) {
      try {
        if (!HISTORY_KINDS.has(resource.kind) || resource.group !== 'apps') throw new KubectlError(`no history viewer has been implemented for "${groupKind(resource)}"`);
        if (output) printRevisions(inv, await getHistory(inv, resource, obj), revision);
        else {
          const text = resource.kind === 'Deployment' ? await viewDeploymentHistory(inv, obj, revision) : printHistory(await controlledHistory(inv, obj), revision);
          inv.out(`${kindPrefix(resource)}/${obj.metadata?.name} ${revision > 0 ? `with revision #${revision}` : ''}\n${text}\n`);
        }
      } catch (error) {
        errors.push(aggregated(error));
      }
    }
    return printRolloutErrors(inv, errors);
  },
};

/** Models pkg/polymorphichelpers/history.go DeploymentHistoryViewer.ViewHistory. */
async function viewDeploymentHistory(inv: Invocation, d: KubeObject, revision: number): Promise<string> {
  const byRevision = new Map<number, ReplicaSet>();
  for (const rs of await ownedReplicaSets(inv, d)) {
    const rsRevision = revisionOf(rs);
    if (rsRevision !== undefined) byRevision.set(rsRevision, rs);
  }
  if (byRevision.size === 0) return 'No rollout history found.';
  const changeCause = (rs: ReplicaSet) => rs.metadata?.annotations?.['kubernetes.io/change-cause'];
  if (revision > 0) {
    const rs = byRevision.get(revision);
    if (!rs) throw new KubectlError('unable to find the specified revision');
    // The ReplicaSet's own template, pod-template-hash label included, with the ReplicaSet's change-cause copied in.
    const template = rs.spec!.template!;
    const cause = changeCause(rs);
    const shown = cause ? { ...template, metadata: { ...template.metadata, annotations: { ...template.metadata?.annotations, 'kubernetes.io/change-cause': cause } } } : template;
    return describePodTemplateTabbed(shown) + '\n';
  }
  const rows = [...byRevision.entries()].sort(([a], [b]) => a - b).map(([rev, rs]) => [String(rev), changeCause(rs) || '<none>'] as const);
  const width = Math.max('REVISION'.length, ...rows.map((r) => r[0].length)) + 2;
  return [`${'REVISION'.padEnd(width)}CHANGE-CAUSE`, ...rows.map(([r, cause]) => `${r.padEnd(width)}${cause}`)].join('\n') + '\n';
}

interface Revision {
  resource: ApiResource;
  obj: KubeObject;
}

/**
 * HistoryViewer.GetHistory: a Deployment's ReplicaSets by revision; for StatefulSets and
 * DaemonSets the object itself with each revision's template patched in (applyDaemonSetHistory).
 */
async function getHistory(inv: Invocation, resource: ApiResource, obj: KubeObject): Promise<Map<number, Revision>> {
  const result = new Map<number, Revision>();
  if (resource.kind === 'Deployment') {
    const rsResource = inv.mapper.resolve('replicasets')!;
    for (const rs of await ownedReplicaSets(inv, obj)) {
      const revision = revisionOf(rs);
      if (revision !== undefined) result.set(revision, { resource: rsResource, obj: { apiVersion: 'apps/v1', kind: 'ReplicaSet', ...(rs as KubeObject) } });
    }
    return result;
  }
  for (const history of await controlledHistory(inv, obj)) {
    // The revision's patch replaces the whole template ($patch: replace).
    const applied = { ...obj, spec: { ...(obj.spec as object), template: revisionTemplate(history) } };
    result.set(history.revision, { resource, obj: applied });
  }
  return result;
}

/**
 * One revision's object, or every revision's in order, in the `-o` format. The history viewer
 * reads typed objects, so they print as Go encodes them (zero omitempty fields dropped).
 */
function printRevisions(inv: Invocation, history: Map<number, Revision>, revision: number): void {
  if (revision > 0) {
    const found = history.get(revision);
    if (!found) throw new KubectlError('unable to find the specified revision');
    printChanged(inv, found, '', { typed: true });
    return;
  }
  // One YAML printer prints them all: it separates documents after the first with `---`.
  const yaml = stringFlag(inv.flags, 'output') === 'yaml';
  [...history.keys()]
    .sort((a, b) => a - b)
    .forEach((key, n) => {
      if (yaml && n > 0) inv.out('---\n');
      printChanged(inv, history.get(key)!, '', { typed: true });
    });
}
