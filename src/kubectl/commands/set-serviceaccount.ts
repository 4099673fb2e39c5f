/**
 * `kubectl set serviceaccount|sa (TYPE NAME | TYPE/NAME | -f FILE) SERVICE_ACCOUNT`: sets the pod
 * template's serviceAccountName. Models pkg/cmd/set/set_serviceaccount.go.
 */
import type { KubeObject } from '../../engine/api/client.ts';
import { DRY_RUN_FLAG, dryRunStrategy } from '../dry-run.ts';
import { formatStatus, KubectlError, MISSING_RESOURCES } from '../errors.ts';
import { boolFlag } from '../flags.ts';
import type { KubectlCommand } from '../kubectl-command.ts';
import { isLocal, localObjects, printChanged } from '../local-objects.ts';
import { getObject, patchObject } from '../object-client.ts';
import { PRINT_FLAGS } from '../printers/generated-object-printer.ts';
import { parseResourceArgs } from '../resource-args.ts';
import { KUSTOMIZE_FLAG, noFileArgs } from './manifest-targets.ts';

/** polymorphichelpers.UpdatePodSpecForObjectFn's kinds: where their pod spec lives. */
const POD_SPEC_PATHS: Record<string, string[]> = {
  Pod: ['spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** `{spec: {template: {spec: {serviceAccountName}}}}` for the object's kind, or why there is none. */
function patchFor(kind: string, account: string): Record<string, unknown> | undefined {
  const path = POD_SPEC_PATHS[kind];
  if (!path) return undefined;
  return path.reduceRight<Record<string, unknown>>((inner, key) => ({ [key]: inner }), { serviceAccountName: account });
}

function withAccount(obj: KubeObject, account: string): KubeObject {
  const copy = JSON.parse(JSON.stringify(obj)) as Record<string, unknown>;
  let node = copy;
  for (const key of POD_SPEC_PATHS[obj.kind ?? '']!) node = (node[key] ??= {}) as Record<string, unknown>;
  node.serviceAccountName = account;
  return copy as KubeObject;
}

/** The patch error: info.ObjectName (`services/kubernetes`) and the Go type (`*v1.Service`). */
const notPodTemplate = (name: string, kind: string, version: string) => `error: ${name} the object is not a pod or does not have a pod template: *${version}.${kind}\n`;

export const setServiceAccountCommand: KubectlCommand = {
  path: 'set serviceaccount',
  flags: [
    { name: 'all', kind: 'bool' },
    DRY_RUN_FLAG,
    { name: 'field-manager', kind: 'string' },
    { name: 'filename', short: 'f', kind: 'strings' },
    { name: 'local', kind: 'bool' },
    { name: 'record', kind: 'bool' },
    { name: 'recursive', short: 'R', kind: 'bool' },
    KUSTOMIZE_FLAG,
    ...PRINT_FLAGS,
  ],
  async run(inv) {
    const dryRun = dryRunStrategy(inv.flags, inv.err, inv.ctx.time.now());
    if (isLocal(inv) && dryRun === 'server') throw new KubectlError('error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
    if (inv.args.length === 0) throw new KubectlError('error: serviceaccount is required');
    const account = inv.args.at(-1)!;
    const refs = inv.args.slice(0, -1);
    if (isLocal(inv)) {
      for (const local of await localObjects(inv, MISSING_RESOURCES)) {
        if (!patchFor(local.obj.kind ?? '', account))
          throw new KubectlError(notPodTemplate(`${local.resource.name}/${local.obj.metadata?.name}`, local.obj.kind ?? '', local.resource.version).trimEnd());
        printChanged(inv, { ...local, obj: withAccount(local.obj, account) }, 'serviceaccount updated', { typed: true });
      }
      return 0;
    }
    if (refs.length === 0 && !boolFlag(inv.flags, 'all') && noFileArgs(inv)) throw new KubectlError(MISSING_RESOURCES);
    let status = 0;
    const fromFiles = (noFileArgs(inv) ? [] : await localObjects(inv, MISSING_RESOURCES)).map((local) => ({ resource: local.resource, names: [local.obj.metadata?.name ?? ''] }));
    for (const target of [...fromFiles, ...parseResourceArgs(refs, inv.mapper)]) {
      for (const name of target.names) {
        const res = await getObject(inv.api, target.resource, inv.namespace, name);
        if (!res.ok) {
          inv.err(`${formatStatus(res.body)}\n`);
          status = 1;
          continue;
        }
        const patch = patchFor(target.resource.kind, account);
        if (!patch) {
          inv.err(notPodTemplate(`${target.resource.name}/${name}`, target.resource.kind, target.resource.version));
          status = 1;
          continue;
        }
        if (dryRun === 'client') {
          printChanged(inv, { resource: target.resource, obj: withAccount(res.body, account) }, 'serviceaccount updated', { typed: true, dryRun });
          continue;
        }
        const patched = await patchObject(inv.api, target.resource, inv.namespace, name, patch, 'application/strategic-merge-patch+json', dryRun === 'server');
        if (!patched.ok) {
          inv.err(`error: failed to patch ServiceAccountName ${formatStatus(patched.body).replace(/^Error from server \(\w+\): /, '')}\n`);
          status = 1;
          continue;
        }
        printChanged(inv, { resource: target.resource, obj: patched.body }, 'serviceaccount updated', { typed: true, dryRun });
      }
    }
    return status;
  },
};
