/** `kubectl create -f`: each object created in turn; failures reported together at the end. */
import { createWithEdit } from './create-edit.ts';
import { RAW_FLAG, rawUri, sendRaw, validateRawFiles, validateRawOutput } from '../raw-request.ts';
import { FIELD_MANAGER_FLAG } from '../field-manager-names.ts';
import type { ApiResource, KubeObject } from '../../engine/api/client.ts';
import { boolFlag, stringFlag, stringsFlag } from '../flags.ts';
import { KubectlError } from '../errors.ts';
import type { KubectlCommand } from '../kubectl-command.ts';
import { visitManifests } from '../manifests.ts';
import { withLastApplied } from './last-applied.ts';
import { FILE_FLAGS, outputOf, manifestOptions, requireFiles, targetOf, writeQuery } from './manifest-targets.ts';
import type { Invocation } from '../kubectl-command.ts';
import { requestBase } from '../resource-args.ts';
import { VisitErrors } from './visit-errors.ts';
import { matchesLabels, parseLabelSelector, type Requirement } from '../../lib/label-selector/label-selector.ts';

export const createFromFileCommand: KubectlCommand = {
  path: 'create',
  flags: [
    ...FILE_FLAGS,
    FIELD_MANAGER_FLAG,
    { name: 'selector', short: 'l', kind: 'string' },
    RAW_FLAG,
    { name: 'edit', kind: 'bool' },
    { name: 'windows-line-endings', kind: 'bool' },
  ],
  async run(inv) {
    if (inv.args.length > 0) throw new KubectlError(`error: Unexpected args: [${inv.args.join(' ')}]\nSee 'kubectl create -h' for help and examples`);
    const raw = rawUri(inv);
    if (raw !== undefined) {
      requireFiles(inv);
      if (boolFlag(inv.flags, 'edit')) throw new KubectlError('error: --raw and --edit are mutually exclusive');
      validateRawFiles(inv, { fileRequired: true });
      if (stringFlag(inv.flags, 'selector')) throw new KubectlError('error: --raw and --selector (-l) are mutually exclusive');
      validateRawOutput(inv, raw);
      return sendRaw(inv, 'POST', raw, stringsFlag(inv.flags, 'filename')[0]);
    }
    if (boolFlag(inv.flags, 'edit')) {
      requireFiles(inv);
      return createWithEdit(inv);
    }
    const selector = selectorOf(inv);
    // Models pkg/cmd/create/create.go RunCreate.
    const errors = new VisitErrors('builder-last');
    let count = 0;
    let endedFile: string | undefined;
    for (const entry of await visitManifests(inv.ctx, requireFiles(inv), manifestOptions(inv))) {
      await inv.ctx.checkpoint();
      if ('error' in entry) {
        errors.builder(entry.error, entry.list);
        continue;
      }
      if (entry.file === endedFile) continue;
      const target = await targetOf(inv, entry);
      if ('error' in target) {
        errors.builder(target.error, target.list);
        if (target.endsFile) endedFile = entry.file;
        continue;
      }
      const { resource, namespace, m } = target;
      // The builder's LabelSelectorParam filters the files' objects by their labels.
      if (selector && !matchesLabels(selector, m.obj.metadata?.labels)) continue;
      count++;
      const body = boolFlag(inv.flags, 'save-config') ? withLastApplied(m.obj, namespace) : m.obj;
      if (stringFlag(inv.flags, 'dry-run') === 'client') {
        // The builder's SetNamespace visitor gives a namespaced object the namespace it goes to;
        // under a metadata that is not a map (`metadata: null`) SetNestedField fails, unchecked.
        const placed = namespace === undefined || !hasSettableMetadata(body) ? body : { ...body, metadata: { ...body.metadata, namespace } };
        inv.out(outputOf(inv, resource, placed, 'created'));
        continue;
      }
      await createObject(inv, resource, namespace, body, m.file, errors);
    }
    if (!errors.isEmpty) {
      inv.err(errors.print());
      return 1;
    }
    if (count === 0) throw new KubectlError('error: no objects passed to create');
    return 0;
  },
};

/** `-l`, parsed as the builder parses it before reading any file. */
function selectorOf(inv: Invocation): Requirement[] | undefined {
  const selector = stringFlag(inv.flags, 'selector');
  if (selector === undefined) return undefined;
  const parsed = parseLabelSelector(selector);
  if (!parsed.ok) throw new KubectlError(`error: the provided selector ${JSON.stringify(selector)} is not valid: ${parsed.message}`);
  return parsed.requirements;
}

/** Creates one object from a manifest and prints kubectl's line, or keeps the server's refusal. */
export async function createObject(
  inv: Invocation,
  resource: ApiResource,
  namespace: string | undefined,
  body: KubeObject,
  file: string,
  errors: VisitErrors,
  print: (created: KubeObject) => void = (created) => inv.out(outputOf(inv, resource, created, 'created')),
): Promise<KubeObject | undefined> {
  const res = await inv.api.request({ verb: 'create', ...requestBase(resource, namespace), body, query: writeQuery(inv) });
  if (!res.ok) return void errors.server(res.body, 'creating', file);
  print(res.body);
  return res.body;
}

/** Whether unstructured.SetNestedField can write under `metadata`: it is absent or a map. */
function hasSettableMetadata(obj: KubeObject): boolean {
  const metadata = (obj as Record<string, unknown>).metadata;
  return metadata === undefined || (typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata));
}
