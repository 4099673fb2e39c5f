/**
 * How `kubectl get` and the commands that print what they changed write objects in a format other
 * than a table: names, YAML, JSON, KYAML, go-template, JSONPath and custom columns.
 */
import type { KubeObject } from '../../engine/api/client.ts';
import { evaluateJsonPath } from '../../lib/jsonpath/jsonpath.ts';
import { KubectlError } from '../errors.ts';
import { kindPrefix } from '../resource-mapper.ts';
import type { ResourceTarget } from '../resource-args.ts';
import { goTemplateText, printGoTemplate } from './go-template-printer.ts';
import { toKyaml } from './kyaml-printer.ts';
import { omitManagedFields } from './omit-managed-fields.ts';
import { formatTable } from './table-printer.ts';
import { sortKeysDeep, toJson, toYaml } from './yaml-printer.ts';

/** The `-o` formats `kubectl get` accepts, in the order its error lists them. */
export const GET_FORMATS = [
  'custom-columns',
  'custom-columns-file',
  'go-template',
  'go-template-file',
  'json',
  'jsonpath',
  'jsonpath-as-json',
  'jsonpath-file',
  'kyaml',
  'name',
  'template',
  'templatefile',
  'wide',
  'yaml',
];

/** What kubectl's name printer writes for an object without a name (printers/name.go). */
export const UNKNOWN_NAME = '<unknown>';

export function printObjects(
  objects: { target: ResourceTarget; obj: KubeObject }[],
  output: string,
  options: { allowMissingKeys?: boolean; noHeaders?: boolean; showManagedFields?: boolean; asList?: boolean } = {},
): string {
  const items = objects.map((o) => o.obj);
  // A listing stays a List even with one item; only one named object prints as itself.
  const single = !options.asList && objects.length === 1;
  if (output === 'name')
    return objects.map((o) => `${kindPrefix(o.target.resource)}/${(typeof o.obj.metadata?.name === 'string' && o.obj.metadata.name) || UNKNOWN_NAME}\n`).join('');
  const document = single ? items[0] : { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
  const printed = options.showManagedFields ? document : omitManagedFields(document);
  if (output === 'yaml') return toYaml(printed);
  if (output === 'json') return toJson(sortKeysDeep(printed));
  if (output === 'kyaml') return toKyaml(sortKeysDeep(printed));
  const template = goTemplateText(output);
  if (template !== undefined) return printGoTemplate(template, document, { allowMissingKeys: options.allowMissingKeys ?? true });
  const jsonpath = /^jsonpath(-as-json)?=([\s\S]*)$/.exec(output) ?? /^jsonpath(-as-json)?='([\s\S]*)'$/.exec(output);
  if (jsonpath) {
    const result = evaluateJsonPath(jsonpath[2]!, document, { allowMissingKeys: options.allowMissingKeys ?? true, outputJson: jsonpath[1] !== undefined });
    if (!result.ok) throw new KubectlError(`error: ${result.message.replace(/\n$/, '')}`);
    return result.text;
  }
  const columns = /^custom-columns=(.*)$/.exec(output);
  if (columns) {
    const specs = columns[1]!.split(',').map((c) => {
      const [title, path] = c.split(':');
      return { title: title!, path: path ?? '' };
    });
    const rows = items.map((obj) =>
      specs.map((s) => {
        const r = evaluateJsonPath(`{${s.path.startsWith('.') ? s.path : `.${s.path}`}}`, obj);
        return r.ok && r.text !== '' ? r.text : '<none>';
      }),
    );
    return formatTable(options.noHeaders ? rows : [specs.map((s) => s.title), ...rows]);
  }
  throw new KubectlError(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${GET_FORMATS.join(',')}`);
}
