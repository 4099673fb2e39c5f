/**
 * `kubectl edit TYPE NAME`: the object as YAML in the editor, a patch of what changed on save, and
 * kubectl's failure flow (the file reopened with the errors as comments, a copy left in /tmp).
 * Models pkg/cmd/util/editor/editoptions.go.
 */
import { FIELD_MANAGER_FLAG } from '../field-manager-names.ts';
import { parse } from 'yaml';
import type { KubeObject, Status } from '../../engine/api/client.ts';
import { createTwoWayMergePatch } from '../../lib/strategic-merge/three-way-merge-patch.ts';
import { patchSchemaFor, supportsStrategicMerge } from '../../lib/strategic-merge/patch-schema.ts';
import { formatStatus, KubectlError } from '../errors.ts';
import { boolFlag, stringFlag } from '../flags.ts';
import type { Invocation, KubectlCommand } from '../kubectl-command.ts';
import type { EditorKeys } from '../../shell/command.ts';
import { sortKeysDeep, toYaml } from '../printers/yaml-printer.ts';
import { qualifiedName } from '../resource-mapper.ts';
import { parseResourceArgs, requestBase } from '../resource-args.ts';
import { printChanged } from '../local-objects.ts';
import { PRINT_FLAGS } from '../printers/generated-object-printer.ts';
import { fileArgManifests, KUSTOMIZE_FLAG, namespaceOf, resourceOf } from './manifest-targets.ts';

export const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

/** cmdutil.ManualStrip: the file without its comment lines (blank lines stay). */
export function manualStrip(text: string): string {
  return text
    .split('\n')
    .filter((line) => !(line.trim().startsWith('#') && !line.trim().startsWith('#!')))
    .join('\n');
}

/** cmdutil.StripComments: what the file means (its YAML as JSON), or its text without comments. */
export function stripComments(text: string): string {
  try {
    return JSON.stringify(parse(text, { logLevel: 'error' }) ?? null);
  } catch {
    return manualStrip(text);
  }
}

/** editHeader.writeTo: each failure as `# <head>:` and `# * <field>: <message>` lines. */
function errorHeader(qualified: string, status: Status): string {
  const causes = (status.details?.causes ?? []).map((c) => `${c.field ?? ''}: ${c.message}`);
  let text = `# ${hashOnLineBreak(`${qualified} was not valid`)}${causes.length ? ':' : ''}\n`;
  for (const cause of causes) text += `# * ${hashOnLineBreak(cause)}\n`;
  return `${text}#\n`;
}

/**
 * Models editoptions.go hashOnLineBreak: a line break not followed by '#' continues the comment;
 * a trailing one is kept as is, so a message ending in a newline leaves a blank line.
 */
function hashOnLineBreak(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += s[i] === '\n' && i + 1 < s.length && s[i + 1] !== '#' ? '\n# ' : s[i];
  return out;
}

/** The edited-file syntax error kubectl reports as an Invalid status with a nil field path. */
function syntaxErrorStatus(message: string): Status {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason: 'Invalid',
    code: 422,
    details: { causes: [{ reason: 'FieldValueInvalid', field: '<nil>', message: `Invalid value: "The edited file failed validation": ${message}` }] },
  };
}

/** How many editor files this kubectl has opened: part of each temp name, so no two repeat. */
let filesOpened = 0;

/** Models pkg/cmd/util/editor/editor.go: KUBE_EDITOR, then EDITOR, then vi; nano gets nano's keys, any other editor vim's. */
export function editorKeys(env: Map<string, string>): EditorKeys {
  const editor = env.get('KUBE_EDITOR') || env.get('EDITOR') || 'vi';
  return /(^|\/)nano(\s|$)/.test(editor.trim()) ? 'nano' : 'vim';
}

/** os.CreateTemp("", "kubectl-edit-*.yaml"): a fresh random-looking name each time the editor opens. */
export function tempFileName(nowMs: number): string {
  let x = (Math.floor(nowMs / 1000) ^ Math.imul(++filesOpened, 0x9e3779b1)) >>> 0;
  x ^= x << 13;
  x ^= x >>> 17;
  x ^= x << 5;
  return `/tmp/kubectl-edit-${x >>> 0}.yaml`;
}

export const editCommand: KubectlCommand = {
  path: 'edit',
  flags: [
    FIELD_MANAGER_FLAG,
    ...PRINT_FLAGS,
    { name: 'filename', short: 'f', kind: 'strings' },
    KUSTOMIZE_FLAG,
    { name: 'recursive', short: 'R', kind: 'bool' },
    { name: 'save-config', kind: 'bool' },
    { name: 'validate', kind: 'string' },
    { name: 'subresource', kind: 'string' },
    { name: 'output-patch', kind: 'bool' },
    { name: 'windows-line-endings', kind: 'bool' },
  ],
  async run(inv) {
    // The builder's objects: the files' first (as the server has them now), then the arguments'.
    const fromFiles = (await fileArgManifests(inv)).map((m) => {
      const resource = resourceOf(inv, m);
      return { resource, namespace: namespaceOf(inv, m, resource) ?? inv.namespace, names: [m.obj.metadata?.name ?? ''] };
    });
    const fromArgs = parseResourceArgs(inv.args, inv.mapper).map((t) => ({ ...t, namespace: inv.namespace }));
    const target = [...fromFiles, ...fromArgs][0];
    const name = target?.names[0];
    if (!target || !name)
      throw new KubectlError(
        "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
      );
    // editoptions.go: the object is read and written back through --subresource (edit --subresource resize).
    const subresource = stringFlag(inv.flags, 'subresource');
    const got = await inv.api.request({ verb: 'get', ...requestBase(target.resource, target.namespace), name, ...(subresource ? { subresource } : {}) });
    if (!got.ok) {
      inv.err(`${formatStatus(got.body)}\n`);
      return 1;
    }
    const editFile = inv.ctx.terminal.editFile;
    if (!editFile) throw new KubectlError('error: there was a problem with the editor "vi"');
    const original = got.body;
    const shown = JSON.parse(JSON.stringify(original)) as KubeObject;
    delete shown.metadata?.managedFields;
    const qualified = `${qualifiedName(target.resource)} "${name}"`;
    // crlf.NewCRLFWriter: the file is written with CRLF line ends, and compared as written.
    const written = (text: string) => (boolFlag(inv.flags, 'windows-line-endings') ? text.replace(/\r?\n/g, '\r\n') : text);
    const originalBody = toYaml(shown);
    let body = originalBody;
    let header = HEADER;
    let lastEdited: string | undefined;
    let previousFile: string | undefined;
    for (;;) {
      const path = tempFileName(inv.ctx.time.now());
      inv.ctx.fs.mkdir('/tmp', { recursive: true });
      inv.ctx.fs.writeFile(path, written(header + body));
      await editFile(path, editorKeys(inv.ctx.env));
      const edited = inv.ctx.fs.exists(path) ? inv.ctx.fs.readFile(path) : '';
      // An unchanged file after a failure gives up and leaves the file for `kubectl replace -f`.
      if (lastEdited !== undefined && stripComments(edited) === stripComments(lastEdited)) {
        inv.err(`A copy of your changes has been stored to "${path}"\nerror: Edit cancelled, no valid changes were saved.\n`);
        return 1;
      }
      if (previousFile && inv.ctx.fs.exists(previousFile)) inv.ctx.fs.remove(previousFile);
      previousFile = path;
      if (stripComments(edited) === stripComments(written(originalBody))) {
        inv.ctx.fs.remove(path);
        inv.err('Edit cancelled, no changes made.\n');
        return 0;
      }
      const content = manualStrip(edited);
      if (content.trim() === '') {
        inv.ctx.fs.remove(path);
        inv.err('Edit cancelled, saved file was empty.\n');
        return 0;
      }
      let updated: KubeObject;
      try {
        updated = parse(content, { logLevel: 'error' }) as KubeObject;
      } catch (error) {
        const line = /line (\d+)/.exec(error instanceof Error ? error.message : '')?.[1] ?? '1';
        inv.err(`error: ${qualified} is invalid\n`);
        header = HEADER + errorHeader(qualified, syntaxErrorStatus(`yaml: line ${line}: did not find expected node content`));
        body = content;
        lastEdited = edited;
        continue;
      }
      if (updated.apiVersion !== original.apiVersion || updated.kind !== original.kind || updated.metadata?.name !== original.metadata?.name) {
        inv.err(`error: At least one of apiVersion, kind and name was changed\n`);
        return 1;
      }
      const strategic = supportsStrategicMerge(original.apiVersion ?? '', original.kind ?? '');
      const patch = createTwoWayMergePatch(shown, updated, strategic ? patchSchemaFor(original.apiVersion ?? '', original.kind ?? '') : {});
      if (boolFlag(inv.flags, 'output-patch')) inv.out(`Patch: ${goJson(patch)}\n`);
      const res = await inv.api.request({
        verb: 'patch',
        ...requestBase(target.resource, original.metadata?.namespace ?? target.namespace),
        name,
        ...(subresource ? { subresource } : {}),
        body: patch,
        patchType: strategic ? 'application/strategic-merge-patch+json' : 'application/merge-patch+json',
        query: { fieldManager: 'kubectl-edit' },
      });
      if (res.ok) {
        inv.ctx.fs.remove(path);
        printChanged(inv, { resource: target.resource, obj: res.body }, 'edited');
        return 0;
      }
      if (res.body.reason === 'NotFound') {
        inv.err(`error: ${qualified} could not be found on the server\nThe edits you made on deleted resources have been saved to "${path}"\n`);
        return 1;
      }
      if (res.body.reason !== 'Invalid') {
        // %v of a StatusError is its message alone.
        inv.err(`error: ${qualified} could not be patched: ${res.body.message}\nYou can run \`kubectl replace -f ${path}\` to try this update again.\n`);
        return 1;
      }
      inv.err(`error: ${qualified} is invalid\n`);
      header = HEADER + errorHeader(qualified, res.body);
      body = content;
      lastEdited = edited;
    }
  },
};

/** encoding/json Marshal of a patch: map keys sorted, `<`, `>` and `&` escaped. */
function goJson(value: unknown): string {
  return JSON.stringify(sortKeysDeep(value)).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}
