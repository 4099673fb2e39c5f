/**
 * `kubectl rollout status|history|undo|pause|resume|restart` for Deployments, with the messages
 * of kubectl's polymorphichelpers (reference kubectl-output §6).
 */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../../engine/api/client.ts';
import { boolFlag, intFlag, stringFlag } from '../flags.ts';
import { formatStatus, KubectlError } from '../errors.ts';
import type { Invocation, KubectlCommand } from '../kubectl-command.ts';
import { getObject, listObjects, patchObject } from '../object-client.ts';
import { kindPrefix, qualifiedName } from '../resource-mapper.ts';
import { parseResourceArgs, requestBase, type ResourceTarget } from '../resource-args.ts';
import { describePodTemplateTabbed } from './describe/pod-template-text.ts';

const REVISION = 'deployment.kubernetes.io/revision';

function targetOf(inv: Invocation): { target: ResourceTarget; name: string } {
  const targets = parseResourceArgs(inv.args, inv.mapper);
  const target = targets[0];
  if (!target || target.names.length === 0) throw new KubectlError('error: required resource not specified');
  return { target, name: target.names[0]! };
}

async function deploymentOf(inv: Invocation, target: ResourceTarget, name: string): Promise<Deployment | undefined> {
  const res = await getObject(inv.api, target.resource, inv.namespace, name);
  if (!res.ok) {
    inv.err(`${formatStatus(res.body)}\n`);
    return undefined;
  }
  return res.body as Deployment;
}

async function ownedReplicaSets(inv: Invocation, d: Deployment): Promise<ReplicaSet[]> {
  const rsResource = inv.mapper.resolve('replicasets')!;
  const res = await listObjects(inv.api, rsResource, inv.namespace);
  if (!res.ok) return [];
  return (res.body.items as ReplicaSet[]).filter((rs) => rs.metadata?.ownerReferences?.some((o) => o.uid === d.metadata?.uid && o.controller));
}

/** Models rollout_status.go DeploymentStatusViewer.Status. */
function statusMessage(d: Deployment): { message: string; done: boolean; error?: string } {
  const name = d.metadata!.name!;
  const s = d.status ?? {};
  const replicas = d.spec?.replicas ?? 1;
  if ((d.metadata?.generation ?? 0) > (s.observedGeneration ?? 0)) return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
  const progressing = s.conditions?.find((c) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') return { message: '', done: true, error: `error: deployment "${name}" exceeded its progress deadline` };
  const updated = s.updatedReplicas ?? 0;
  if (updated < replicas) return { message: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`, done: false };
  if ((s.replicas ?? 0) > updated) return { message: `Waiting for deployment "${name}" rollout to finish: ${(s.replicas ?? 0) - updated} old replicas are pending termination...\n`, done: false };
  if ((s.availableReplicas ?? 0) < updated) return { message: `Waiting for deployment "${name}" rollout to finish: ${s.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`, done: false };
  return { message: `deployment "${name}" successfully rolled out\n`, done: true };
}

const rolloutStatus: KubectlCommand = {
  path: 'rollout status',
  flags: [{ name: 'watch', short: 'w', kind: 'string' }, { name: 'timeout', kind: 'string' }, { name: 'revision', kind: 'int' }],
  async run(inv) {
    const { target, name } = targetOf(inv);
    if (target.resource.kind !== 'Deployment') throw new KubectlError(`error: no status viewer has been implemented for ${target.resource.kind}${target.resource.group ? `.${target.resource.group}` : ''}`);
    const first = await deploymentOf(inv, target, name);
    if (!first) return 1;
    const watchFlag = stringFlag(inv.flags, 'watch');
    const evaluate = (d: Deployment): number | undefined => {
      const result = statusMessage(d);
      if (result.error) {
        inv.err(`${result.error}\n`);
        return 1;
      }
      inv.out(result.message);
      return result.done ? 0 : undefined;
    };
    const immediate = evaluate(first);
    if (immediate !== undefined || watchFlag === 'false') return immediate ?? 0;
    const timeout = parseDuration(stringFlag(inv.flags, 'timeout'));
    return new Promise<number>((resolve) => {
      let finished = false;
      const finish = (code: number) => {
        if (finished) return;
        finished = true;
        handle.stop();
        resolve(code);
      };
      const handle = inv.api.watch({ verb: 'watch', ...requestBase(target.resource, inv.namespace), name, query: { resourceVersion: first.metadata!.resourceVersion! } }, (event) => {
        if (finished) return;
        if (event.type === 'DELETED') {
          inv.err('error: object has been deleted\n');
          finish(1);
          return;
        }
        const code = evaluate(event.object as Deployment);
        if (code !== undefined) finish(code);
      });
      inv.ctx.interrupt.onInterrupt(() => finish(130));
      if (timeout) {
        inv.ctx.time.sleep(timeout).then(
          () => {
            if (!finished) {
              inv.err('error: timed out waiting for the condition\n');
              finish(1);
            }
          },
          () => undefined,
        );
      }
    });
  },
};

const rolloutHistory: KubectlCommand = {
  path: 'rollout history',
  flags: [{ name: 'revision', kind: 'int' }, { name: 'output', short: 'o', kind: 'string' }],
  async run(inv) {
    const { target, name } = targetOf(inv);
    if (target.resource.kind !== 'Deployment') throw new KubectlError(`error: no history viewer has been implemented for "${target.resource.kind}"`);
    const d = await deploymentOf(inv, target, name);
    if (!d) return 1;
    const sets = await ownedReplicaSets(inv, d);
    const byRevision = new Map<number, ReplicaSet>();
    for (const rs of sets) {
      const revision = Number(rs.metadata?.annotations?.[REVISION] ?? '');
      if (Number.isFinite(revision) && revision > 0) byRevision.set(revision, rs);
    }
    const revision = intFlag(inv.flags, 'revision');
    if (revision !== undefined && revision !== 0) {
      if (revision < 0) throw new KubectlError(`error: revision must be a positive integer: ${revision}`);
      const rs = byRevision.get(revision);
      if (!rs) throw new KubectlError('error: unable to find the specified revision');
      inv.out(`${kindPrefix(target.resource)}/${name} with revision #${revision}\n${describePodTemplateTabbed(stripHash(rs).spec!.template!)}\n`);
      return 0;
    }
    if (byRevision.size === 0) {
      inv.out('No rollout history found.\n');
      return 0;
    }
    const rows = [...byRevision.entries()].sort(([a], [b]) => a - b).map(([rev, rs]) => [String(rev), rs.metadata?.annotations?.['kubernetes.io/change-cause'] ?? '<none>']);
    const width = Math.max('REVISION'.length, ...rows.map((r) => r[0]!.length)) + 2;
    inv.out(`${kindPrefix(target.resource)}/${name} \n${['REVISION', ...rows.map((r) => r[0]!)].map((c, i) => c.padEnd(width) + (i === 0 ? 'CHANGE-CAUSE' : rows[i - 1]![1])).join('\n')}\n\n`);
    return 0;
  },
};

function stripHash(rs: ReplicaSet): ReplicaSet {
  const copy: ReplicaSet = JSON.parse(JSON.stringify(rs));
  delete copy.spec?.template?.metadata?.labels?.['pod-template-hash'];
  return copy;
}

const rolloutUndo: KubectlCommand = {
  path: 'rollout undo',
  flags: [{ name: 'to-revision', kind: 'int' }, { name: 'dry-run', kind: 'string' }],
  async run(inv) {
    const { target, name } = targetOf(inv);
    if (target.resource.kind !== 'Deployment') throw new KubectlError(`error: no rollbacker has been implemented for "${target.resource.kind}${target.resource.group ? `.${target.resource.group}` : ''}"`);
    const d = await deploymentOf(inv, target, name);
    if (!d) return 1;
    if (d.spec?.paused) throw new KubectlError(`error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again`);
    const sets = await ownedReplicaSets(inv, d);
    const toRevision = intFlag(inv.flags, 'to-revision') ?? 0;
    const withRevision = sets.map((rs) => ({ rs, revision: Number(rs.metadata?.annotations?.[REVISION] ?? '0') })).filter((r) => r.revision > 0);
    let chosen: ReplicaSet | undefined;
    if (toRevision === 0) {
      const current = Number(d.metadata?.annotations?.[REVISION] ?? '0');
      const previous = withRevision.filter((r) => r.revision < current).sort((a, b) => b.revision - a.revision)[0];
      if (!previous) throw new KubectlError(`error: no rollout history found for deployment "${name}"`);
      chosen = previous.rs;
    } else {
      chosen = withRevision.find((r) => r.revision === toRevision)?.rs;
      if (!chosen) throw new KubectlError(`error: unable to find specified revision ${toRevision} in history`);
    }
    const template = stripHash(chosen).spec!.template!;
    if (JSON.stringify(sortDeep(template)) === JSON.stringify(sortDeep(d.spec?.template))) {
      inv.out(`${kindPrefix(target.resource)}/${name} skipped rollback (current template already matches revision ${chosen.metadata?.annotations?.[REVISION]})\n`);
      return 0;
    }
    const annotations: Record<string, string> = { ...(chosen.metadata?.annotations ?? {}) };
    for (const key of [REVISION, 'deployment.kubernetes.io/revision-history', 'deployment.kubernetes.io/desired-replicas', 'deployment.kubernetes.io/max-replicas']) delete annotations[key];
    const lastApplied = d.metadata?.annotations?.['kubectl.kubernetes.io/last-applied-configuration'];
    if (lastApplied) annotations['kubectl.kubernetes.io/last-applied-configuration'] = lastApplied;
    const patch = [
      { op: 'replace', path: '/spec/template', value: template },
      { op: 'replace', path: '/metadata/annotations', value: annotations },
    ];
    const res = await patchObject(inv.api, target.resource, inv.namespace, name, patch, 'application/json-patch+json');
    if (!res.ok) {
      inv.err(`${formatStatus(res.body)}\n`);
      return 1;
    }
    inv.out(`${kindPrefix(target.resource)}/${name} rolled back\n`);
    return 0;
  },
};

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortDeep((value as Record<string, unknown>)[k])]));
  return value;
}

function pauseLike(path: string, paused: boolean): KubectlCommand {
  return {
    path,
    flags: [],
    async run(inv) {
      const { target, name } = targetOf(inv);
      const d = await deploymentOf(inv, target, name);
      if (!d) return 1;
      if (Boolean(d.spec?.paused) === paused) throw new KubectlError(`error: ${qualifiedName(target.resource)} "${name}" is ${paused ? 'already paused' : 'not paused'}`);
      const res = await patchObject(inv.api, target.resource, inv.namespace, name, { spec: { paused: paused ? true : null } }, 'application/strategic-merge-patch+json');
      if (!res.ok) {
        inv.err(`${formatStatus(res.body)}\n`);
        return 1;
      }
      inv.out(`${kindPrefix(target.resource)}/${name} ${paused ? 'paused' : 'resumed'}\n`);
      return 0;
    },
  };
}

const rolloutRestart: KubectlCommand = {
  path: 'rollout restart',
  flags: [],
  async run(inv) {
    const { target, name } = targetOf(inv);
    const d = await deploymentOf(inv, target, name);
    if (!d) return 1;
    if (d.spec?.paused) throw new KubectlError(`error: ${qualifiedName(target.resource)} "${name}" can't restart paused deployment (run rollout resume first)`);
    const at = new Date(inv.ctx.time.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const patch = { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': at } } } } };
    const res = await patchObject(inv.api, target.resource, inv.namespace, name, patch, 'application/strategic-merge-patch+json');
    if (!res.ok) {
      inv.err(`${formatStatus(res.body)}\n`);
      return 1;
    }
    inv.out(`${kindPrefix(target.resource)}/${name} restarted\n`);
    return 0;
  },
};

export const rolloutCommands: KubectlCommand[] = [rolloutStatus, rolloutHistory, rolloutUndo, pauseLike('rollout pause', true), pauseLike('rollout resume', false), rolloutRestart];

/** `60s`, `5m`, `1h30m`, or a bare number of seconds. */
export function parseDuration(text: string | undefined): number | undefined {
  if (!text || text === '0') return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  let total = 0;
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) total += Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms']!;
  return total || undefined;
}

export type { KubeObject };
