/**
 * `kubectl edit TYPE NAME`: the object as YAML in the editor, a patch of what changed on save, and
 * kubectl's failure flow (the file reopened with the errors as comments, a copy left in /tmp).
 * Models pkg/cmd/util/editor/editoptions.go.
 */
import { parse } from 'yaml';
import type { KubeObject, Status } from '../../engine/api/client.ts';
import { createTwoWayMergePatch } from '../../lib/strategic-merge/three-way-merge-patch.ts';
import { patchSchemaFor, supportsStrategicMerge } from '../../lib/strategic-merge/patch-schema.ts';
import { formatStatus, KubectlError } from '../errors.ts';
import type { Invocation, KubectlCommand } from '../kubectl-command.ts';
import { getObject } from '../object-client.ts';
import { toYaml } from '../printers/yaml-printer.ts';
import { kindPrefix, qualifiedName } from '../resource-mapper.ts';
import { parseResourceArgs, requestBase } from '../resource-args.ts';

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('\n');
}

function errorHeader(qualified: string, status: Status | string): string {
  const causes = typeof status === 'string' ? [status] : (status.details?.causes ?? []).map((c) => `${c.field ? `${c.field}: ` : ''}${c.message}`);
  const lines = causes.length ? causes : [typeof status === 'string' ? status : status.message];
  return `# ${qualified} was not valid:\n${lines.map((l) => `# * ${l.split('\n').join('\n#   ')}`).join('\n')}\n#\n`;
}

export const editCommand: KubectlCommand = {
  path: 'edit',
  flags: [{ name: 'output', short: 'o', kind: 'string' }, { name: 'filename', short: 'f', kind: 'strings' }, { name: 'save-config', kind: 'bool' }, { name: 'validate', kind: 'string' }],
  async run(inv) {
    const target = parseResourceArgs(inv.args, inv.mapper)[0];
    const name = target?.names[0];
    if (!target || !name) throw new KubectlError('error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'\n   \'<resource> <name>\'\n   \'<resource>\'');
    const got = await getObject(inv.api, target.resource, inv.namespace, name);
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
    let body = toYaml(shown);
    let header = HEADER;
    let lastFailed: string | undefined;
    for (;;) {
      const path = `/tmp/kubectl-edit-${String(inv.api.now() % 10_000_000_000).padStart(10, '1')}.yaml`;
      inv.ctx.fs.mkdir('/tmp', { recursive: true });
      inv.ctx.fs.writeFile(path, header + body);
      await editFile(path);
      const edited = inv.ctx.fs.readFile(path);
      const content = stripComments(edited);
      if (content.trim() === '') {
        inv.err('Edit cancelled, saved file was empty.\n');
        return 0;
      }
      if (lastFailed !== undefined && content === lastFailed) {
        inv.err(`A copy of your changes has been stored to "${path}"\nerror: Edit cancelled, no valid changes were saved.\n`);
        return 1;
      }
      if (lastFailed === undefined && content === body) {
        inv.err('Edit cancelled, no changes made.\n');
        return 0;
      }
      let updated: KubeObject;
      try {
        updated = parse(content) as KubeObject;
      } catch (error) {
        const line = /line (\d+)/.exec(error instanceof Error ? error.message : '')?.[1] ?? '1';
        inv.err(`error: ${qualified} is invalid\n`);
        header = HEADER + errorHeader(qualified, `<nil>: Invalid value: "The edited file failed validation": yaml: line ${line}: did not find expected node content`);
        body = content;
        lastFailed = content;
        continue;
      }
      if (updated.apiVersion !== original.apiVersion || updated.kind !== original.kind || updated.metadata?.name !== original.metadata?.name) {
        inv.err(`error: At least one of apiVersion, kind and name was changed\n`);
        return 1;
      }
      const strategic = supportsStrategicMerge(original.apiVersion ?? '', original.kind ?? '');
      const patch = createTwoWayMergePatch(shown, updated, strategic ? patchSchemaFor(original.apiVersion ?? '', original.kind ?? '') : {});
      const res = await inv.api.request({
        verb: 'patch',
        ...requestBase(target.resource, original.metadata?.namespace ?? inv.namespace),
        name,
        body: patch,
        patchType: strategic ? 'application/strategic-merge-patch+json' : 'application/merge-patch+json',
      });
      if (res.ok) {
        inv.out(`${kindPrefix(target.resource)}/${name} edited\n`);
        return 0;
      }
      if (res.body.reason !== 'Invalid') {
        inv.err(`error: ${qualified} could not be patched: ${formatStatus(res.body)}\nYou can run \`kubectl replace -f ${path}\` to try this update again.\n`);
        return 1;
      }
      inv.err(`error: ${qualified} is invalid\n`);
      header = HEADER + errorHeader(qualified, res.body);
      body = content;
      lastFailed = content;
    }
  },
};
