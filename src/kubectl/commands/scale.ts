/**
 * `kubectl scale (-f FILE | TYPE NAME | TYPE -l SEL | TYPE --all) --replicas=N`. Models
 * pkg/cmd/scale/scale.go and pkg/scale: the objects are read first, each is scaled through its
 * scale subresource (a merge patch, or a read-check-update when a precondition is given), printed
 * as it was read, and with `--timeout` kubectl waits until the scale reports the new count.
 */
import type { KubeObject } from '../../engine/api/client.ts';
import { boolFlag, intFlag, stringFlag } from '../flags.ts';
import { formatStatus, KubectlError, MISSING_RESOURCES } from '../errors.ts';
import type { Invocation, KubectlCommand } from '../kubectl-command.ts';
import { DRY_RUN_FLAG, dryRunQuery, dryRunStrategy, type DryRunStrategy } from '../dry-run.ts';
import { printChanged } from '../local-objects.ts';
import { checkOutputFormat, PRINT_FLAGS } from '../printers/generated-object-printer.ts';
import { parseResourceArgs, requestBase, type ResourceTarget } from '../resource-args.ts';
import { fileArgManifests, KUSTOMIZE_FLAG, namespaceOf, noFileArgs, resourceOf } from './manifest-targets.ts';
import { checkDurationFlag } from '../duration-flag.ts';

interface ScaleScale {
  metadata: { resourceVersion?: string };
  spec: { replicas?: number };
  status: { replicas?: number };
}

interface Found {
  target: ResourceTarget;
  namespace: string | undefined;
  obj: KubeObject;
}

export const scaleCommand: KubectlCommand = {
  path: 'scale',
  flags: [
    { name: 'replicas', kind: 'int', required: true },
    { name: 'current-replicas', kind: 'int' },
    { name: 'resource-version', kind: 'string' },
    { name: 'filename', short: 'f', kind: 'strings' },
    { name: 'recursive', short: 'R', kind: 'bool' },
    KUSTOMIZE_FLAG,
    { name: 'selector', short: 'l', kind: 'string' },
    { name: 'all', kind: 'bool' },
    { name: 'timeout', kind: 'string' },
    DRY_RUN_FLAG,
    ...PRINT_FLAGS,
  ],
  async run(inv) {
    const timeoutMs = checkDurationFlag(inv, 'timeout', 'scale');
    const dryRun = dryRunStrategy(inv.flags, inv.err, inv.ctx.time.now());
    checkOutputFormat(stringFlag(inv.flags, 'output'));
    const replicas = intFlag(inv.flags, 'replicas')!;
    if (replicas < 0) throw new KubectlError('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    const currentReplicas = intFlag(inv.flags, 'current-replicas') ?? -1;
    if (currentReplicas < -1) throw new KubectlError('error: The --current-replicas must specify an integer of -1 or greater');

    const { found, errors } = await objectsToScale(inv);
    const resourceVersion = stringFlag(inv.flags, 'resource-version') ?? '';
    if (resourceVersion && found.length > 1) throw new KubectlError('error: cannot use --resource-version with multiple resources');
    if (found.length === 0) {
      if (errors.length) throw new KubectlError(errors.join('\n'));
      throw new KubectlError('error: no objects passed to scale');
    }
    for (const item of found) {
      if (dryRun !== 'client') {
        const failure = await scaleOne(inv, item, replicas, { currentReplicas, resourceVersion, dryRun });
        if (failure) throw new KubectlError(failure);
        if (timeoutMs > 0 && dryRun === 'none') {
          const waited = await waitForReplicas(inv, item, replicas, timeoutMs);
          if (waited) throw new KubectlError(waited);
        }
      }
      // scale.go prints the object as the builder read it, before the new count.
      printChanged(inv, { resource: item.target.resource, obj: item.obj }, 'scaled', { dryRun });
    }
    // The builder continued past each object it could not read; CheckErr prints those last.
    if (errors.length) inv.err(`${errors.join('\n')}\n`);
    return errors.length ? 1 : 0;
  },
};

/** The builder's objects, read from the server: named, selected, every one (`--all`) or from files. */
async function objectsToScale(inv: Invocation): Promise<{ found: Found[]; errors: string[] }> {
  const found: Found[] = [];
  const errors: string[] = [];
  const read = async (target: ResourceTarget, namespace: string | undefined, name: string) => {
    const res = await inv.api.request({ verb: 'get', ...requestBase(target.resource, namespace), name });
    if (res.ok) found.push({ target, namespace, obj: res.body });
    else errors.push(formatStatus(res.body));
  };
  if (!noFileArgs(inv)) {
    // The builder's ResourceTypeOrNameArgs next to FilenameParam.
    if (inv.args.length) throw new KubectlError('error: resource/name arguments cannot be provided when a path is specified');
    for (const m of await fileArgManifests(inv)) {
      const resource = resourceOf(inv, m);
      await read({ resource, names: [] }, namespaceOf(inv, m, resource), m.obj.metadata?.name ?? '');
    }
    return { found, errors };
  }
  const targets = parseResourceArgs(inv.args, inv.mapper);
  const selector = stringFlag(inv.flags, 'selector');
  const all = boolFlag(inv.flags, 'all');
  if (targets.length === 0) throw new KubectlError(MISSING_RESOURCES);
  for (const target of targets) {
    const namespace = target.resource.namespaced ? inv.namespace : undefined;
    if (target.names.length) {
      for (const name of target.names) await read(target, namespace, name);
    } else if (selector || all) {
      const res = await inv.api.request<{ items: KubeObject[] }>({
        verb: 'list',
        ...requestBase(target.resource, namespace),
        ...(selector ? { query: { labelSelector: selector } } : {}),
      });
      if (!res.ok) throw new KubectlError(formatStatus(res.body));
      for (const obj of res.body.items) found.push({ target, namespace, obj });
    } else throw new KubectlError('error: resource(s) were provided, but no name was specified');
  }
  return { found, errors };
}

/** ScaleSimple: a blind merge patch, or with a precondition the scale read, checked and updated. The error text, if any. */
async function scaleOne(
  inv: Invocation,
  item: Found,
  replicas: number,
  options: { currentReplicas: number; resourceVersion: string; dryRun: DryRunStrategy },
): Promise<string | undefined> {
  const base = { ...requestBase(item.target.resource, item.namespace), name: item.obj.metadata!.name!, subresource: 'scale' };
  const query = dryRunQuery(options.dryRun);
  if (options.currentReplicas === -1 && !options.resourceVersion) {
    const res = await inv.api.request({ verb: 'patch', ...base, patchType: 'application/merge-patch+json', body: { spec: { replicas } }, query });
    return res.ok ? undefined : formatStatus(res.body);
  }
  const current = await inv.api.request<ScaleScale>({ verb: 'get', ...base });
  if (!current.ok) return formatStatus(current.body);
  const scale = current.body;
  if (options.currentReplicas !== -1 && (scale.spec.replicas ?? 0) !== options.currentReplicas)
    return `error: Expected replicas to be ${options.currentReplicas}, was ${scale.spec.replicas ?? 0}`;
  if (options.resourceVersion && scale.metadata.resourceVersion !== options.resourceVersion)
    return `error: Expected resource version to be ${options.resourceVersion}, was ${scale.metadata.resourceVersion ?? ''}`;
  const res = await inv.api.request({ verb: 'update', ...base, body: { ...scale, spec: { ...scale.spec, replicas } }, query });
  return res.ok ? undefined : formatStatus(res.body);
}

/** WaitForScaleHasDesiredReplicas: polled each second until the scale's status reports the count, or someone else changed it. */
async function waitForReplicas(inv: Invocation, item: Found, replicas: number, timeoutMs: number): Promise<string | undefined> {
  const name = item.obj.metadata!.name!;
  const deadline = inv.ctx.time.now() + timeoutMs;
  for (;;) {
    const res = await inv.api.request<ScaleScale>({ verb: 'get', ...requestBase(item.target.resource, item.namespace), name, subresource: 'scale' });
    if (!res.ok) return formatStatus(res.body);
    const { spec, status } = res.body;
    if ((spec.replicas ?? 0) !== replicas || (status.replicas ?? 0) === replicas) return undefined;
    const left = deadline - inv.ctx.time.now();
    if (left <= 0) return `error: timed out waiting for ${JSON.stringify(name)} to be synced`;
    await inv.ctx.time.sleep(Math.min(1000, left));
    if (inv.ctx.interrupt.interrupted) throw Object.assign(new Error('interrupted'), { name: 'InterruptedError' });
  }
}
