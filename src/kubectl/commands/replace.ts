/** `kubectl replace [--force] -f`: PUT each object, or delete them all and create them anew. */
import { RAW_FLAG, rawUri, sendRaw, validateRawFiles, validateRawOutput } from '../raw-request.ts';
import { FIELD_MANAGER_FLAG } from '../field-manager-names.ts';
import type { KubeObject } from '../../engine/api/client.ts';
import { CASCADE_FLAG, cascadeStrategy } from '../cascade-flag.ts';
import { checkDurationFlag } from '../duration-flag.ts';
import { boolFlag, intFlag, stringFlag, stringsFlag } from '../flags.ts';
import { klogLine } from '../klog-line.ts';
import { KubectlError } from '../errors.ts';
import type { Invocation, KubectlCommand } from '../kubectl-command.ts';
import { visitManifests } from '../manifests.ts';
import { checkOutputFormat } from '../printers/generated-object-printer.ts';
import { deletedLine } from './deleted-line.ts';
import { waitUntilGone } from './delete.ts';
import { FILE_FLAGS, outputOf, manifestOptions, requireFiles, targetOf, writeQuery, type ManifestTarget } from './manifest-targets.ts';
import { VisitErrors } from './visit-errors.ts';

export const replaceCommand: KubectlCommand = {
  path: 'replace',
  flags: [
    ...FILE_FLAGS,
    FIELD_MANAGER_FLAG,
    RAW_FLAG,
    CASCADE_FLAG,
    { name: 'force', kind: 'bool' },
    { name: 'grace-period', kind: 'int' },
    { name: 'subresource', kind: 'string' },
    { name: 'timeout', kind: 'string' },
    { name: 'wait', kind: 'bool' },
  ],
  async run(inv) {
    // Models pkg/cmd/replace/replace.go Complete, Validate, Run and forceReplace.
    checkOutputFormat(stringFlag(inv.flags, 'output'));
    const propagationPolicy = cascadeStrategy(inv);
    const timeoutMs = checkDurationFlag(inv, 'timeout', 'replace');
    validateForce(inv, timeoutMs);
    const raw = rawUri(inv);
    if (raw !== undefined) {
      requireFiles(inv);
      validateRawFiles(inv, { fileRequired: true });
      validateRawOutput(inv, raw);
      return sendRaw(inv, 'PUT', raw, stringsFlag(inv.flags, 'filename')[0]);
    }
    const subresource = stringFlag(inv.flags, 'subresource');
    const errors = new VisitErrors('builder-last');
    const targets: ManifestTarget[] = [];
    let endedFile: string | undefined;
    for (const entry of await visitManifests(inv.ctx, requireFiles(inv), manifestOptions(inv))) {
      await inv.ctx.checkpoint();
      if (entry.file === endedFile) continue;
      const target = 'error' in entry ? entry : await targetOf(inv, entry);
      if ('error' in target) errors.builder(target.error, target.list);
      else targets.push(target);
      if ('endsFile' in target) endedFile = entry.file;
    }
    if (boolFlag(inv.flags, 'force')) {
      const deleted = await deleteAll(inv, targets, propagationPolicy);
      // The files' errors end the command once the readable objects are deleted: none is created.
      if (!errors.isEmpty) {
        inv.err(errors.print());
        return 1;
      }
      if (targets.length === 0) inv.out('No resources found\n');
      if (!(await waitForDeletion(inv, deleted, timeoutMs))) return 1;
    }
    for (const { m, resource, name, base } of targets) {
      if (stringFlag(inv.flags, 'dry-run') === 'client') {
        inv.out(outputOf(inv, resource, m.obj, 'replaced'));
        continue;
      }
      const res = boolFlag(inv.flags, 'force')
        ? await inv.api.request({ verb: 'create', ...base, body: withoutIdentity(m.obj), query: writeQuery(inv) })
        : await inv.api.request({ verb: 'update', ...base, name, ...(subresource ? { subresource } : {}), body: m.obj, query: writeQuery(inv) });
      // forceReplace passes the create error on as it is, without the file.
      if (!res.ok && boolFlag(inv.flags, 'force')) errors.server(res.body);
      else if (!res.ok) errors.server(res.body, 'replacing', m.file);
      else inv.out(outputOf(inv, resource, res.body, 'replaced'));
    }
    if (!errors.isEmpty) {
      inv.err(errors.print());
      return 1;
    }
    if (targets.length === 0) throw new KubectlError('error: no objects passed to replace');
    return 0;
  },
};

/** ReplaceOptions.Validate: the delete flags mean something only with --force. */
function validateForce(inv: Invocation, timeoutMs: number): void {
  const force = boolFlag(inv.flags, 'force');
  if ((intFlag(inv.flags, 'grace-period') ?? -1) >= 0 && !force) throw new KubectlError('error: --grace-period must have --force specified');
  if (timeoutMs !== 0 && !force) throw new KubectlError('error: --timeout must have --force specified');
  if (force && (stringFlag(inv.flags, 'dry-run') ?? 'none') !== 'none') throw new KubectlError('error: --dry-run can not be used when --force is set');
}

/**
 * With --wait, DeleteResult waits first (its informer logs the deadline); then forceReplace polls
 * each object until it is gone, five minutes unless --timeout says otherwise.
 */
async function waitForDeletion(inv: Invocation, deleted: ManifestTarget[], timeoutMs: number): Promise<boolean> {
  const deadline = inv.ctx.time.now() + (timeoutMs === 0 ? FORCE_REPLACE_TIMEOUT_MS : timeoutMs);
  for (const { resource, namespace, name } of deleted) {
    if (await waitUntilGone(inv, resource, namespace, name, deadline)) continue;
    if (boolFlag(inv.flags, 'wait') || intFlag(inv.flags, 'grace-period') === 0) {
      inv.err(
        klogLine(
          'E',
          inv.ctx.time.now(),
          'reflector.go:204',
          '"Failed to watch" err="context deadline exceeded" reflector="k8s.io/client-go/tools/watch/informerwatcher.go:162" type="*unstructured.Unstructured"',
        ),
      );
      inv.err(`error: timed out waiting for the condition on ${resource.name}/${name}\n`);
    } else inv.err('error: context deadline exceeded\n');
    return false;
  }
  return true;
}

const FORCE_REPLACE_TIMEOUT_MS = 5 * 60_000;

/** Deletes every object (one already gone is no error); returns those deleted. */
async function deleteAll(inv: Invocation, targets: ManifestTarget[], propagationPolicy: ReturnType<typeof cascadeStrategy>): Promise<ManifestTarget[]> {
  // replace turns --grace-period=0 into 1 and waits, so it never force-deletes.
  const given = intFlag(inv.flags, 'grace-period');
  const grace = given === 0 ? 1 : given;
  const deleted: ManifestTarget[] = [];
  for (const target of targets) {
    const { resource, namespace, name, base } = target;
    const query = { ...(grace !== undefined && grace >= 0 ? { gracePeriodSeconds: grace } : {}), propagationPolicy };
    const res = await inv.api.request({ verb: 'delete', ...base, name, query });
    if (!res.ok) continue;
    inv.out(deletedLine({ resource, name, namespace }, { gracePeriodSeconds: -1, output: stringFlag(inv.flags, 'output') }));
    deleted.push(target);
  }
  return deleted;
}

function withoutIdentity(obj: KubeObject): KubeObject {
  const body = JSON.parse(JSON.stringify(obj)) as KubeObject;
  if (body.metadata) {
    delete body.metadata.resourceVersion;
    delete body.metadata.uid;
  }
  return body;
}
