/** `create -f`, `apply -f`, `replace [--force] -f`, `delete (-f | TYPE NAME… | -l)`. */
import type { ApiResource, KubeObject } from '../../engine/api/client.ts';
import { createThreeWayMergePatch } from '../../lib/strategic-merge/three-way-merge-patch.ts';
import { patchSchemaFor, supportsStrategicMerge } from '../../lib/strategic-merge/patch-schema.ts';
import { boolFlag, intFlag, stringFlag, stringsFlag } from '../flags.ts';
import { formatStatus, KubectlError } from '../errors.ts';
import type { Invocation, KubectlCommand } from '../kubectl-command.ts';
import { readManifests, type Manifest } from '../manifests.ts';
import { kindPrefix } from '../resource-mapper.ts';
import { parseResourceArgs, requestBase } from '../resource-args.ts';
import { deletedLine } from './deleted-line.ts';
import { DRY_RUN_FLAG, dryRunQuery, dryRunStrategy } from '../dry-run.ts';
import { printObjects } from './get.ts';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

function resourceOf(inv: Invocation, obj: KubeObject): ApiResource {
  const [group, version] = (obj.apiVersion ?? '').includes('/') ? obj.apiVersion!.split('/') : ['', obj.apiVersion ?? ''];
  const found = inv.mapper.resources.find((r) => r.kind === obj.kind && r.group === group && r.version === version);
  if (!found) throw new KubectlError(`error: resource mapping not found for name: "${obj.metadata?.name ?? ''}" namespace: "${obj.metadata?.namespace ?? ''}" from "${'file'}": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first`);
  return found;
}

function namespaceOf(inv: Invocation, m: Manifest, resource: ApiResource): string | undefined {
  if (!resource.namespaced) return undefined;
  const explicit = inv.flags.values.has('namespace') ? inv.namespace : undefined;
  const own = m.obj.metadata?.namespace;
  if (explicit && own && own !== explicit) {
    throw new KubectlError(`error: the namespace from the provided object "${own}" does not match the namespace "${explicit}". You must pass '--namespace=${own}' to perform this operation.`);
  }
  return own ?? inv.namespace;
}

const dryRunSuffix = (inv: Invocation) => (stringFlag(inv.flags, 'dry-run') === 'client' ? ' (dry run)' : stringFlag(inv.flags, 'dry-run') === 'server' ? ' (server dry run)' : '');

const FILE_FLAGS = [
  { name: 'filename', short: 'f', kind: 'strings' as const },
  DRY_RUN_FLAG,
  { name: 'output', short: 'o', kind: 'string' as const },
  { name: 'validate', kind: 'string' as const },
  { name: 'save-config', kind: 'bool' as const },
  { name: 'recursive', short: 'R', kind: 'bool' as const },
];

function fieldValidation(inv: Invocation): 'Strict' | 'Warn' | 'Ignore' {
  const v = stringFlag(inv.flags, 'validate') ?? 'strict';
  return v === 'false' || v === 'ignore' ? 'Ignore' : v === 'warn' ? 'Warn' : 'Strict';
}

/** Each object of the `-f` manifests with where it goes: resource, namespace and request base. */
function manifestTargets(inv: Invocation) {
  return readManifests(inv.ctx, requireFiles(inv)).map((m) => {
    const resource = resourceOf(inv, m.obj);
    const namespace = namespaceOf(inv, m, resource);
    return { m, resource, namespace, name: m.obj.metadata?.name ?? '', base: requestBase(resource, namespace) };
  });
}

function requireFiles(inv: Invocation): string[] {
  const files = stringsFlag(inv.flags, 'filename');
  if (files.length === 0) throw new KubectlError(`error: must specify one of -f and -k`);
  return files;
}

export const createFromFileCommand: KubectlCommand = {
  path: 'create',
  flags: FILE_FLAGS,
  async run(inv) {
    if (inv.args.length > 0) throw new KubectlError(`error: Unexpected args: [${inv.args.join(' ')}]\nSee 'kubectl create -h' for help and examples`);
    let status = 0;
    for (const m of readManifests(inv.ctx, requireFiles(inv))) {
      const resource = resourceOf(inv, m.obj);
      const namespace = namespaceOf(inv, m, resource);
      const body = boolFlag(inv.flags, 'save-config') ? withLastApplied(m.obj) : m.obj;
      if (stringFlag(inv.flags, 'dry-run') === 'client') {
        inv.out(outputOf(inv, resource, body, 'created'));
        continue;
      }
      if (!(await createObject(inv, resource, namespace, body, m.file))) status = 1;
    }
    return status;
  },
};

/** Creates one object from a manifest and prints kubectl's line; false when the server refused. */
async function createObject(inv: Invocation, resource: ApiResource, namespace: string | undefined, body: KubeObject, file: string): Promise<boolean> {
  const res = await inv.api.request({ verb: 'create', ...requestBase(resource, namespace), body, query: { fieldValidation: fieldValidation(inv) } });
  if (!res.ok) {
    inv.err(`${formatStatus(res.body, { verb: 'creating', file })}\n`);
    return false;
  }
  inv.out(outputOf(inv, resource, res.body, 'created'));
  return true;
}

function outputOf(inv: Invocation, resource: ApiResource, obj: KubeObject, verb: string): string {
  const output = stringFlag(inv.flags, 'output');
  if (output && output !== 'name') return printObjects([{ target: { resource, names: [] }, obj }], output);
  return `${kindPrefix(resource)}/${obj.metadata?.name} ${verb}${dryRunSuffix(inv)}\n`;
}

function withLastApplied(obj: KubeObject): KubeObject {
  const copy: KubeObject = JSON.parse(JSON.stringify(obj));
  const annotations = { ...(copy.metadata?.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  const forAnnotation: KubeObject = JSON.parse(JSON.stringify(obj));
  if (forAnnotation.metadata?.annotations) delete forAnnotation.metadata.annotations[LAST_APPLIED];
  copy.metadata = { ...copy.metadata, annotations: { ...annotations, [LAST_APPLIED]: `${JSON.stringify(sortObject(forAnnotation))}\n` } };
  return copy;
}

function sortObject(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortObject);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortObject((value as Record<string, unknown>)[k])]));
  return value;
}

export const applyCommand: KubectlCommand = {
  path: 'apply',
  flags: [...FILE_FLAGS, { name: 'force', kind: 'bool' }, { name: 'server-side', kind: 'bool' }],
  async run(inv) {
    let status = 0;
    for (const { m, resource, namespace, name, base } of manifestTargets(inv)) {
      const modified = withLastApplied(m.obj);
      const current = await inv.api.request({ verb: 'get', ...base, name });
      if (!current.ok) {
        if (current.body.reason !== 'NotFound') {
          inv.err(`${formatStatus(current.body)}\n`);
          status = 1;
          continue;
        }
        if (stringFlag(inv.flags, 'dry-run') === 'client') {
          inv.out(outputOf(inv, resource, modified, 'created'));
          continue;
        }
        if (!(await createObject(inv, resource, namespace, modified, m.file))) status = 1;
        continue;
      }
      const live = current.body;
      const lastText = live.metadata?.annotations?.[LAST_APPLIED];
      if (!lastText) {
        inv.err(`Warning: resource ${resource.name}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`);
      }
      const original = lastText ? (JSON.parse(lastText) as unknown) : {};
      const strategic = supportsStrategicMerge(live.apiVersion ?? '', live.kind ?? '');
      const schema = patchSchemaFor(live.apiVersion ?? '', live.kind ?? '');
      const patch = createThreeWayMergePatch(original, modified, live, schema);
      if (Object.keys(patch).length === 0) {
        inv.out(`${kindPrefix(resource)}/${name} unchanged${dryRunSuffix(inv)}\n`);
        continue;
      }
      if (stringFlag(inv.flags, 'dry-run') === 'client') {
        inv.out(`${kindPrefix(resource)}/${name} configured${dryRunSuffix(inv)}\n`);
        continue;
      }
      const res = await inv.api.request({ verb: 'patch', ...base, name, body: patch, patchType: strategic ? 'application/strategic-merge-patch+json' : 'application/merge-patch+json', query: { fieldValidation: fieldValidation(inv) } });
      if (!res.ok) {
        inv.err(`${formatStatus(res.body, { verb: 'applying patch', file: m.file })}\n`);
        status = 1;
        continue;
      }
      inv.out(`${kindPrefix(resource)}/${name} configured\n`);
    }
    return status;
  },
};

export const replaceCommand: KubectlCommand = {
  path: 'replace',
  flags: [...FILE_FLAGS, { name: 'force', kind: 'bool' }, { name: 'grace-period', kind: 'int' }],
  async run(inv) {
    let status = 0;
    for (const { m, resource, namespace, name, base } of manifestTargets(inv)) {
      if (boolFlag(inv.flags, 'force')) {
        const deleted = await inv.api.request({ verb: 'delete', ...base, name, ...(intFlag(inv.flags, 'grace-period') !== undefined ? { query: { gracePeriodSeconds: intFlag(inv.flags, 'grace-period')! } } : {}) });
        if (deleted.ok) {
          // replace turns --grace-period=0 into 1, so it never says "force deleted".
          inv.out(deletedLine({ resource, name, namespace }, { gracePeriodSeconds: -1, output: stringFlag(inv.flags, 'output') }));
          await waitUntilGone(inv, resource, namespace, name);
        }
        const body = JSON.parse(JSON.stringify(m.obj)) as KubeObject;
        if (body.metadata) {
          delete body.metadata.resourceVersion;
          delete body.metadata.uid;
        }
        const created = await inv.api.request({ verb: 'create', ...base, body });
        if (!created.ok) {
          inv.err(`${formatStatus(created.body, { verb: 'replacing', file: m.file })}\n`);
          status = 1;
        } else inv.out(`${kindPrefix(resource)}/${name} replaced\n`);
        continue;
      }
      const res = await inv.api.request({ verb: 'update', ...base, name, body: m.obj });
      if (!res.ok) {
        inv.err(`${formatStatus(res.body, { verb: 'replacing', file: m.file })}\n`);
        status = 1;
      } else inv.out(`${kindPrefix(resource)}/${name} replaced\n`);
    }
    return status;
  },
};

/** kubectl delete waits (by default) until the object is really gone. */
async function waitUntilGone(inv: Invocation, resource: ApiResource, namespace: string | undefined, name: string): Promise<void> {
  for (let i = 0; i < 3600; i++) {
    const res = await inv.api.request({ verb: 'get', ...requestBase(resource, namespace), name });
    if (!res.ok) return;
    await inv.ctx.time.sleep(1000);
    // Ctrl-C ends kubectl while it waits; the deletion itself goes on.
    if (inv.ctx.interrupt.interrupted) throw Object.assign(new Error('interrupted'), { name: 'InterruptedError' });
  }
}

export const deleteCommand: KubectlCommand = {
  path: 'delete',
  flags: [
    { name: 'filename', short: 'f', kind: 'strings' },
    { name: 'selector', short: 'l', kind: 'string' },
    { name: 'all', kind: 'bool' },
    { name: 'force', kind: 'bool' },
    { name: 'grace-period', kind: 'int' },
    { name: 'now', kind: 'bool' },
    { name: 'wait', kind: 'string' },
    { name: 'ignore-not-found', kind: 'bool' },
    { name: 'cascade', kind: 'string' },
    DRY_RUN_FLAG,
  ],
  async run(inv) {
    // Models pkg/cmd/delete/delete.go Complete and Validate.
    const dryRun = dryRunStrategy(inv.flags, inv.err, inv.ctx.time.now());
    const force = boolFlag(inv.flags, 'force');
    let grace = intFlag(inv.flags, 'grace-period') ?? -1;
    if (boolFlag(inv.flags, 'now')) {
      if (grace !== -1) throw new KubectlError('error: --now and --grace-period cannot be specified together');
      grace = 1;
    }
    // --grace-period=0 without --force means 1, so nothing is killed before its containers stop.
    if (grace === 0 && !force) grace = 1;
    if (force && grace < 0) grace = 0;
    if (force && grace > 0) throw new KubectlError('error: --force and --grace-period greater than 0 cannot be specified together');
    if (force && grace === 0) inv.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
    const wait = stringFlag(inv.flags, 'wait') !== 'false';
    const cascade = stringFlag(inv.flags, 'cascade');
    const query = {
      ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}),
      ...(cascade === 'orphan' ? { propagationPolicy: 'Orphan' as const } : cascade === 'foreground' ? { propagationPolicy: 'Foreground' as const } : {}),
    };
    const items: { resource: ApiResource; namespace: string | undefined; name: string; file?: string }[] = [];
    const files = stringsFlag(inv.flags, 'filename');
    if (files.length) {
      for (const m of readManifests(inv.ctx, files)) {
        const resource = resourceOf(inv, m.obj);
        items.push({ resource, namespace: namespaceOf(inv, m, resource), name: m.obj.metadata?.name ?? '', file: m.file });
      }
    } else {
      const targets = parseResourceArgs(inv.args, inv.mapper);
      if (targets.length === 0) {
        throw new KubectlError(`error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'`);
      }
      const selector = stringFlag(inv.flags, 'selector');
      for (const target of targets) {
        if (target.names.length) {
          for (const name of target.names) items.push({ resource: target.resource, namespace: target.resource.namespaced ? inv.namespace : undefined, name });
        } else if (selector || boolFlag(inv.flags, 'all')) {
          const res = await inv.api.request<{ items: KubeObject[] }>({ verb: 'list', ...requestBase(target.resource, inv.namespace), ...(selector ? { query: { labelSelector: selector } } : {}) });
          for (const obj of res.ok ? res.body.items : []) items.push({ resource: target.resource, namespace: obj.metadata?.namespace, name: obj.metadata!.name! });
        } else {
          throw new KubectlError(`error: resource(s) were provided, but no name was specified`);
        }
      }
    }
    let status = 0;
    const deleted: typeof items = [];
    for (const item of items) {
      if (dryRun === 'client') {
        inv.out(deletedLine(item, { gracePeriodSeconds: grace, dryRun, output: stringFlag(inv.flags, 'output') }));
        continue;
      }
      const res = await inv.api.request({ verb: 'delete', ...requestBase(item.resource, item.namespace), name: item.name, query: { ...query, ...dryRunQuery(dryRun) } });
      if (!res.ok) {
        if (res.body.reason === 'NotFound' && boolFlag(inv.flags, 'ignore-not-found')) continue;
        inv.err(`${formatStatus(res.body, item.file ? { verb: 'deleting', file: item.file } : undefined)}\n`);
        status = 1;
        continue;
      }
      inv.out(deletedLine(item, { gracePeriodSeconds: grace, dryRun, output: stringFlag(inv.flags, 'output') }));
      deleted.push(item);
    }
    // DeleteResult counts what it found, not what it deleted, and says so on stdout.
    if (items.length === 0) inv.out('No resources found\n');
    if (wait && dryRun === 'none') for (const item of deleted) await waitUntilGone(inv, item.resource, item.namespace, item.name);
    return status;
  },
};
