/**
 * `kubectl explain RESOURCE[.field…]`: the schema of a kind or field from the server's OpenAPI v3
 * document, as kubectl v1.35's plaintext template prints it. Models pkg/cmd/explain/explain.go.
 */
import type { ApiResource } from '../../../engine/api/client.ts';
import { boolFlag, stringFlag } from '../../flags.ts';
import { formatStatus, KubectlError } from '../../errors.ts';
import type { Invocation, KubectlCommand } from '../../kubectl-command.ts';
import { locateKind, renderExplain } from './explain-renderer.ts';
import { renderExplainV2 } from './explain-openapiv2.ts';

const NO_TYPE = 'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.';

/**
 * explain.SplitAndParseResourceRequestWithMatchingPrefix: the longest dotted prefix that names a
 * resource (`deployments.apps`), the rest a field path.
 */
function splitResourceAndFields(inv: Invocation, text: string): { resource: ApiResource; fields: string[] } {
  const parts = text.split('.');
  for (let count = parts.length; count >= 1; count--) {
    const resource = inv.mapper.resolve(parts.slice(0, count).join('.'));
    if (resource) return { resource, fields: parts.slice(count) };
  }
  throw new KubectlError(`the server doesn't have a resource type ${JSON.stringify(parts[0]!.toLowerCase())}`);
}

export const explainCommand: KubectlCommand = {
  path: 'explain',
  flags: [
    { name: 'recursive', kind: 'bool' },
    { name: 'api-version', kind: 'string' },
    { name: 'output', short: 'o', kind: 'string' },
  ],
  async run(inv) {
    if (inv.args.length === 0) throw new KubectlError(NO_TYPE);
    if (inv.args.length > 1) throw new KubectlError('error: We accept only this format: explain RESOURCE');
    const format = stringFlag(inv.flags, 'output') ?? 'plaintext';
    if (format !== 'plaintext' && format !== 'plaintext-openapiv2') throw new KubectlError(`error: unrecognized format: ${format}`);
    const { resource, fields } = splitResourceAndFields(inv, inv.args[0]!);
    let { group, version } = resource;
    const apiVersion = stringFlag(inv.flags, 'api-version');
    if (apiVersion) {
      const slash = apiVersion.indexOf('/');
      [group, version] = slash < 0 ? ['', apiVersion] : [apiVersion.slice(0, slash), apiVersion.slice(slash + 1)];
    }
    const path = group ? `apis/${group}/${version}` : `api/${version}`;
    const res = inv.api.openApiV3 ? await inv.api.openApiV3(path) : undefined;
    if (!res?.ok) {
      if (res && res.code !== 404) throw new KubectlError(formatStatus(res.body));
      throw new KubectlError(`error: couldn't find resource for "${group ? `${group}/` : '/'}${version}, Resource=${resource.name}"`);
    }
    const request = { group, version, resource: resource.name, fieldPath: fields, recursive: boolFlag(inv.flags, 'recursive') };
    let result;
    if (format === 'plaintext-openapiv2') {
      const { gvk, schema } = locateKind(res.body, request);
      if (!gvk || !schema) throw new KubectlError(`error: couldn't find resource for "${group}/${version}, Kind=${resource.kind}"`);
      result = renderExplainV2(res.body, schema, { kind: gvk.kind, groupVersion: gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version }, fields, request.recursive);
    } else result = renderExplain(res.body, request);
    inv.out(result.output);
    if (result.error) {
      inv.err(`${result.error}\n`);
      return 1;
    }
    return 0;
  },
};
