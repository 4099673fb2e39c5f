/** `kubectl rollout history`: the revisions a Deployment's ReplicaSets, or a StatefulSet's or DaemonSet's ControllerRevisions, record. */
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import { intFlag } from '../../flags.ts';
import { KubectlError } from '../../errors.ts';
import type { KubectlCommand } from '../../kubectl-command.ts';
import { kindPrefix } from '../../resource-mapper.ts';
import { describePodTemplateTabbed } from '../describe/pod-template-text.ts';
import { deploymentOf, ownedReplicaSets, revisionOf, targetOf } from './deployment-target.ts';
import { controlledHistory, printHistory } from './revision-history.ts';
import type { KubeObject } from '../../../engine/api/client.ts';

/** Models pkg/polymorphichelpers/history.go DeploymentHistoryViewer.ViewHistory. */
export const rolloutHistory: KubectlCommand = {
  path: 'rollout history',
  flags: [
    { name: 'revision', kind: 'int' },
    { name: 'output', short: 'o', kind: 'string' },
  ],
  async run(inv) {
    const { target, name } = targetOf(inv);
    const kind = target.resource.kind;
    if (kind !== 'Deployment' && kind !== 'StatefulSet' && kind !== 'DaemonSet') throw new KubectlError(`error: no history viewer has been implemented for "${kind}"`);
    const d = await deploymentOf(inv, target, name);
    if (!d) return 1;
    const revision = intFlag(inv.flags, 'revision');
    if (kind !== 'Deployment') {
      // StatefulSetHistoryViewer / DaemonSetHistoryViewer read the ControllerRevisions.
      if (revision !== undefined && revision < 0) throw new KubectlError(`error: revision must be a positive integer: ${revision}`);
      const text = printHistory(await controlledHistory(inv, d as KubeObject), revision ?? 0);
      const header = revision ? `${kindPrefix(target.resource)}/${name} with revision #${revision}` : `${kindPrefix(target.resource)}/${name} `;
      inv.out(`${header}\n${text}\n`);
      return 0;
    }
    const byRevision = new Map<number, ReplicaSet>();
    for (const rs of await ownedReplicaSets(inv, d)) {
      const revision = revisionOf(rs);
      if (revision !== undefined) byRevision.set(revision, rs);
    }
    if (revision !== undefined && revision !== 0) {
      if (revision < 0) throw new KubectlError(`error: revision must be a positive integer: ${revision}`);
      const rs = byRevision.get(revision);
      if (!rs) throw new KubectlError('error: unable to find the specified revision');
      // The ReplicaSet's own template, pod-template-hash label included; printTemplate ends in a
      // newline and the command adds another, as after the revision table.
      // history.go ViewHistory copies the ReplicaSet's change-cause into the template it prints.
      const template = rs.spec!.template!;
      const changeCause = rs.metadata?.annotations?.['kubernetes.io/change-cause'];
      const shown = changeCause
        ? { ...template, metadata: { ...template.metadata, annotations: { ...template.metadata?.annotations, 'kubernetes.io/change-cause': changeCause } } }
        : template;
      inv.out(`${kindPrefix(target.resource)}/${name} with revision #${revision}\n${describePodTemplateTabbed(shown)}\n\n`);
      return 0;
    }
    if (byRevision.size === 0) {
      inv.out('No rollout history found.\n');
      return 0;
    }
    const rows = [...byRevision.entries()].sort(([a], [b]) => a - b).map(([rev, rs]) => [String(rev), rs.metadata?.annotations?.['kubernetes.io/change-cause'] || '<none>']);
    const width = Math.max('REVISION'.length, ...rows.map((r) => r[0]!.length)) + 2;
    inv.out(
      `${kindPrefix(target.resource)}/${name} \n${['REVISION', ...rows.map((r) => r[0]!)].map((c, i) => c.padEnd(width) + (i === 0 ? 'CHANGE-CAUSE' : rows[i - 1]![1])).join('\n')}\n\n`,
    );
    return 0;
  },
};
