/** `kubectl rollout undo`: patches a Deployment's template back to an older ReplicaSet's. */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { intFlag, stringFlag } from '../../flags.ts';
import type { ApiResource, KubeObject } from '../../../engine/api/client.ts';
import { KubectlError } from '../../errors.ts';
import { DRY_RUN_FLAG, dryRunQuery, dryRunStrategy, type DryRunStrategy } from '../../dry-run.ts';
import { printChanged } from '../../local-objects.ts';
import { checkOutputFormat, PRINT_FLAGS } from '../../printers/generated-object-printer.ts';
import type { Invocation, KubectlCommand } from '../../kubectl-command.ts';
import { requestBase } from '../../resource-args.ts';
import { LAST_APPLIED } from '../last-applied.ts';
import { describePodTemplateTabbed } from '../describe/pod-template-text.ts';
import { ownedReplicaSets, REVISION_ANNOTATION, revisionOf } from './deployment-target.ts';
import { aggregated, groupKind, printRolloutErrors, requireRolloutResources, ROLLOUT_BUILDER_FLAGS, rolloutObjects } from './rollout-objects.ts';
import { controlledHistory, findHistory, revisionTemplate } from './revision-history.ts';

const HASH_LABEL = 'pod-template-hash';

/** Kept from the Deployment, never copied from the ReplicaSet (rollback.go annotationsToSkip). */
const ANNOTATIONS_TO_SKIP = [
  LAST_APPLIED,
  REVISION_ANNOTATION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
];

/** Models pkg/polymorphichelpers/rollback.go deploymentRevision: 0 means the second-newest. */
export function deploymentRevision(name: string, sets: ReplicaSet[], toRevision: number): ReplicaSet {
  let latest: { rs: ReplicaSet; revision: number } | undefined;
  let previous: { rs: ReplicaSet; revision: number } | undefined;
  for (const rs of sets) {
    const revision = revisionOf(rs);
    if (revision === undefined) continue;
    if (toRevision !== 0) {
      if (revision === toRevision) return rs;
    } else if (!latest || latest.revision < revision) {
      previous = latest;
      latest = { rs, revision };
    } else if (!previous || previous.revision < revision) {
      previous = { rs, revision };
    }
  }
  if (toRevision > 0) throw revisionNotFound(toRevision);
  if (!previous) throw new KubectlError(`no rollout history found for deployment "${name}"`);
  return previous.rs;
}

function revisionNotFound(revision: number): KubectlError {
  return new KubectlError(`unable to find specified revision ${revision} in history`);
}

/** Models rollback.go equalIgnoreHash with apimachinery's Semantic.DeepEqual (nil equals empty). */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  return JSON.stringify(normalize(withoutHash(a))) === JSON.stringify(normalize(withoutHash(b)));
}

function withoutHash(template: PodTemplateSpec | undefined): PodTemplateSpec {
  const copy: PodTemplateSpec = JSON.parse(JSON.stringify(template ?? {}));
  delete copy.metadata?.labels?.[HASH_LABEL];
  return copy;
}

function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.length ? value.map(normalize) : undefined;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => [k, normalize((value as Record<string, unknown>)[k])] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  return value;
}

/** Models rollback.go DeploymentRollbacker.Rollback; returns the operation kubectl prints. */
async function rollback(inv: Invocation, resource: ApiResource, deployment: Deployment, toRevision: number, strategy: DryRunStrategy): Promise<string> {
  const name = deployment.metadata!.name!;
  const rs = deploymentRevision(name, await ownedReplicaSets(inv, deployment), toRevision);
  if (strategy === 'client') return describePodTemplateTabbed(rs.spec!.template!) + '\n';
  if (deployment.spec?.paused) throw new KubectlError(`you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again`);
  if (equalIgnoreHash(rs.spec?.template, deployment.spec?.template)) return `skipped rollback (current template already matches revision ${toRevision})`;
  const template = withoutHash(rs.spec?.template);
  const annotations: Record<string, string> = {};
  for (const key of ANNOTATIONS_TO_SKIP) {
    const value = deployment.metadata?.annotations?.[key];
    if (value !== undefined) annotations[key] = value;
  }
  for (const [key, value] of Object.entries(rs.metadata?.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.includes(key)) annotations[key] = value;
  const patch = [
    { op: 'replace', path: '/spec/template', value: template },
    { op: 'replace', path: '/metadata/annotations', value: annotations },
  ];
  const res = await inv.api.request({
    verb: 'patch',
    ...requestBase(resource, deployment.metadata?.namespace),
    name,
    body: patch,
    patchType: 'application/json-patch+json',
    query: dryRunQuery(strategy),
  });
  if (!res.ok) throw new KubectlError(`failed restoring revision ${toRevision}: ${res.body.message}`);
  return 'rolled back';
}

/** Models rollback.go StatefulSetRollbacker / DaemonSetRollbacker.Rollback: the revision's patch, reapplied. */
async function rollbackFromHistory(inv: Invocation, resource: ApiResource, obj: KubeObject, toRevision: number, strategy: DryRunStrategy): Promise<string> {
  const toHistory = findHistory(toRevision, await controlledHistory(inv, obj));
  if (!toHistory) throw revisionNotFound(toRevision);
  const template = revisionTemplate(toHistory);
  if (strategy === 'client') return describePodTemplateTabbed(template) + '\n';
  const current = (obj.spec as { template?: PodTemplateSpec } | undefined)?.template;
  if (JSON.stringify(normalize(template)) === JSON.stringify(normalize(current))) return `skipped rollback (current template already matches revision ${toRevision})`;
  const res = await inv.api.request({
    verb: 'patch',
    ...requestBase(resource, obj.metadata?.namespace),
    name: obj.metadata!.name!,
    body: toHistory.data,
    patchType: 'application/strategic-merge-patch+json',
    query: dryRunQuery(strategy),
  });
  if (!res.ok) throw new KubectlError(res.body.message ?? '');
  return 'rolled back';
}

const ROLLBACK_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

export const rolloutUndo: KubectlCommand = {
  path: 'rollout undo',
  flags: [{ name: 'to-revision', kind: 'int' }, ...ROLLOUT_BUILDER_FLAGS, DRY_RUN_FLAG, ...PRINT_FLAGS],
  async run(inv) {
    const strategy = dryRunStrategy(inv.flags, inv.err, inv.ctx.time.now());
    requireRolloutResources(inv);
    const toRevision = intFlag(inv.flags, 'to-revision') ?? 0;
    const errors: string[] = [];
    for (const { resource, obj } of await rolloutObjects(inv, errors)) {
      try {
        if (!ROLLBACK_KINDS.has(resource.kind) || resource.group !== 'apps') throw new KubectlError(`no rollbacker has been implemented for "${groupKind(resource)}"`);
        if (toRevision < 0) throw revisionNotFound(toRevision);
        const operation =
          resource.kind === 'Deployment'
            ? await rollback(inv, resource, obj as Deployment, toRevision, strategy)
            : await rollbackFromHistory(inv, resource, obj, toRevision, strategy);
        // The printer is made after the rollback, so a bad -o fails once the object is rolled back.
        checkOutputFormat(stringFlag(inv.flags, 'output'));
        printChanged(inv, { resource, obj }, operation, { dryRun: strategy });
      } catch (error) {
        errors.push(aggregated(error));
      }
    }
    return printRolloutErrors(inv, errors);
  },
};
