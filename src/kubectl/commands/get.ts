/**
 * `kubectl get`: server-rendered tables laid out as kubectl does, or the objects as YAML, JSON,
 * names or JSONPath; `-w` streams changes until Ctrl-C.
 */
import type { KubeObject, Status, Table } from '../../engine/api/client.ts';
import { evaluateJsonPath } from '../../lib/jsonpath/jsonpath.ts';
import { boolFlag, intFlag, stringFlag } from '../flags.ts';
import { KubectlError, formatStatus } from '../errors.ts';
import type { Invocation, KubectlCommand } from '../kubectl-command.ts';
import { toKyaml } from '../printers/kyaml-printer.ts';
import { omitManagedFields } from '../printers/omit-managed-fields.ts';
import { listAllPages } from '../list-pages.ts';
import { sortByField } from '../printers/sort-by.ts';
import { formatTable } from '../printers/table-printer.ts';
import { checkGoTemplate, goTemplateText, printGoTemplate } from '../printers/go-template-printer.ts';
import { allowMissingKeys } from '../printers/generated-object-printer.ts';
import { sortKeysDeep, toJson, toYaml } from '../printers/yaml-printer.ts';
import { kindPrefix, qualifiedName } from '../resource-mapper.ts';
import { parseResourceArgs, requestBase, type ResourceTarget } from '../resource-args.ts';
import { fileTargets } from './get-file-targets.ts';

const NO_TYPE = `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples
`;

const GET_FORMATS = [
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

/** get's printer flags fail once the types are known, before anything is listed. */
function checkGetOutput(output: string): void {
  if (output === '') return;
  const format = output.split('=')[0]!;
  if (!GET_FORMATS.includes(format))
    throw new KubectlError(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${GET_FORMATS.join(',')}`);
  if (format === 'custom-columns' && !output.includes('=')) throw new KubectlError('error: custom-columns format specified but no custom columns given');
  // Models printers NewCustomColumnsPrinterFromSpec and the jsonpath printer's Parse: both fail here.
  if (format === 'custom-columns') {
    for (const spec of output.slice(output.indexOf('=') + 1).split(',')) {
      if (spec.split(':').length !== 2) throw new KubectlError(`error: unexpected custom-columns spec: ${spec}, expected <header>:<json-path-expr>`);
    }
  }
  checkGoTemplate(output);
  const jsonpath = /^jsonpath(?:-as-json)?=([\s\S]*)$/.exec(output);
  if (jsonpath) {
    const parsed = evaluateJsonPath(jsonpath[1]!, {}, { allowMissingKeys: true });
    if (!parsed.ok && parsed.message.startsWith('error parsing jsonpath')) throw new KubectlError(`error: ${parsed.message.replace(/\n$/, '')}`);
  }
}

export const getCommand: KubectlCommand = {
  path: 'get',
  flags: [
    { name: 'output', short: 'o', kind: 'string' },
    { name: 'selector', short: 'l', kind: 'string' },
    { name: 'field-selector', kind: 'string' },
    { name: 'all-namespaces', short: 'A', kind: 'bool' },
    { name: 'show-labels', kind: 'bool' },
    { name: 'label-columns', short: 'L', kind: 'strings' },
    { name: 'watch', short: 'w', kind: 'bool' },
    { name: 'no-headers', kind: 'bool' },
    { name: 'filename', short: 'f', kind: 'strings' },
    { name: 'kustomize', short: 'k', kind: 'string' },
    { name: 'sort-by', kind: 'string' },
    { name: 'subresource', kind: 'string' },
    { name: 'chunk-size', kind: 'int' },
    { name: 'show-managed-fields', kind: 'bool' },
    { name: 'template', kind: 'string' },
    { name: 'allow-missing-template-keys', kind: 'bool' },
  ],
  async run(inv) {
    const fromFiles = await fileTargets(inv);
    if (inv.args.length === 0 && !fromFiles) {
      inv.err(NO_TYPE);
      return 1;
    }
    const output = stringFlag(inv.flags, 'output') ?? '';
    checkGetOutput(output);
    const targets = fromFiles?.targets ?? parseResourceArgs(inv.args, inv.mapper);
    const allNamespaces = boolFlag(inv.flags, 'all-namespaces');
    const namespace = allNamespaces ? undefined : inv.namespace;
    const query = {
      ...(stringFlag(inv.flags, 'selector') ? { labelSelector: stringFlag(inv.flags, 'selector')! } : {}),
      ...(stringFlag(inv.flags, 'field-selector') ? { fieldSelector: stringFlag(inv.flags, 'field-selector')! } : {}),
    };
    const subresource = stringFlag(inv.flags, 'subresource');
    // cli-runtime resource.Builder: a subresource is fetched per named object only.
    if (subresource && targets.some((t) => !t.names.length)) throw new KubectlError('error: subresource cannot be used when bulk resources are specified');
    if (boolFlag(inv.flags, 'watch')) {
      if (stringFlag(inv.flags, 'sort-by')) inv.err('warning: --watch requested, --sort-by will be ignored for watch events received\n');
      return watch(inv, targets[0]!, namespace, query, output === 'wide');
    }
    const objects: { target: ResourceTarget; obj: KubeObject }[] = [];
    let status = 0;
    const tables: { target: ResourceTarget; table: Table }[] = [];
    const wantTable = output === '' || output === 'wide';
    const sortBy = stringFlag(inv.flags, 'sort-by') ?? '';
    // Sorting needs every object at once, and whole objects in the Table rows (get.go transformRequests).
    const chunkSize = sortBy ? 0 : (intFlag(inv.flags, 'chunk-size') ?? DEFAULT_CHUNK_SIZE);
    const tableQuery = wantTable ? { as: 'Table' as const, includeWideColumns: output === 'wide', ...(sortBy ? { includeObject: 'Object' as const } : {}) } : {};
    for (const target of targets) {
      const base = requestBase(target.resource, namespace);
      if (target.names.length) {
        for (const [n, name] of target.names.entries()) {
          const own = fromFiles ? requestBase(target.resource, fromFiles.namespaces.get(target)![n]) : base;
          const res = await inv.api.request({ verb: 'get', ...own, name, ...(subresource ? { subresource } : {}), ...(wantTable ? { query: tableQuery } : {}) });
          if (!res.ok) {
            inv.err(`${formatStatus(res.body)}\n`);
            status = 1;
            continue;
          }
          if (wantTable) addTable(tables, target, sortTable(res.body as unknown as Table, sortBy));
          else objects.push({ target, obj: res.body });
        }
      } else {
        const res = await listAllPages<{ items: KubeObject[] } & Table>(inv.api, { verb: 'list', ...base, query: { ...query, ...tableQuery } }, chunkSize);
        if (!res.ok) {
          inv.err(`${formatStatus(listFailure(res.body, target, query))}\n`);
          return 1;
        }
        if (wantTable) addTable(tables, target, sortTable(res.body, sortBy));
        else for (const obj of res.body.items) objects.push({ target, obj });
      }
    }
    if (wantTable) {
      const nonEmpty = tables.filter((t) => t.table.rows.length > 0);
      if (nonEmpty.length === 0) {
        if (status === 0) inv.err(allNamespaces || !targets.some((t) => t.resource.namespaced) ? 'No resources found\n' : `No resources found in ${inv.namespace} namespace.\n`);
        return status;
      }
      const several = targets.length > 1 || inv.args.includes('all');
      inv.out(nonEmpty.map((t) => renderTable(inv, t.target, t.table, several, allNamespaces)).join('\n'));
      return status;
    }
    if (objects.length === 0 && status === 0 && targets.every((t) => !t.names.length)) {
      // printGeneric prints the empty List through every generic printer; jsonpath usually finds nothing in it.
      if (/^jsonpath(-as-json)?=/.test(output)) {
        inv.out(printObjects([], output, { allowMissingKeys: true }));
      } else if (output === 'yaml' || output === 'json' || output === 'kyaml') {
        const empty = { apiVersion: 'v1', items: [], kind: 'List', metadata: { resourceVersion: '' } };
        inv.out(output === 'yaml' ? toYaml(empty) : output === 'kyaml' ? toKyaml(empty) : toJson(empty));
      } else inv.err(allNamespaces ? 'No resources found\n' : `No resources found in ${inv.namespace} namespace.\n`);
      return status;
    }
    // Every named object failed: kubectl printed the errors and has nothing else to show.
    if (objects.length === 0) return status;
    // One named object is printed as itself (IntoSingleItemImplied); anything else is a list, sorted as one.
    const isList = !(targets.length === 1 && targets[0]!.names.length === 1);
    if (sortBy && isList) sortByField(objects, (o) => o.obj, sortBy);
    inv.out(
      printObjects(objects, output, {
        allowMissingKeys: allowMissingKeys(inv.flags),
        noHeaders: boolFlag(inv.flags, 'no-headers'),
        showManagedFields: boolFlag(inv.flags, 'show-managed-fields'),
        asList: isList,
      }),
    );
    return status;
  },
};

/** cmdutil.DefaultChunkSize: kubectl reads lists 500 objects at a time. */
const DEFAULT_CHUNK_SIZE = 500;

/** The server's Table, its rows ordered by `--sort-by` (each response on its own, as upstream sorts each Table). */
function sortTable(table: Table, sortBy: string): Table {
  if (sortBy) sortByField(table.rows, (row) => row.object, sortBy);
  return table;
}

function addTable(tables: { target: ResourceTarget; table: Table }[], target: ResourceTarget, table: Table): void {
  const existing = tables.find((t) => t.target === target);
  if (existing) existing.table.rows.push(...table.rows);
  else tables.push({ target, table: { ...table, rows: [...table.rows] } });
}

function renderTable(inv: Invocation, target: ResourceTarget, table: Table, prefixNames: boolean, allNamespaces: boolean): string {
  const showLabels = boolFlag(inv.flags, 'show-labels');
  const labelColumns = ((inv.flags.values.get('label-columns') as string[] | undefined) ?? []).flatMap((v) => v.split(','));
  // Models printers decorateTable: one column per -L key, titled by its last path segment.
  const header = [...table.columnDefinitions.map((c) => c.name.toUpperCase()), ...labelColumns.map((key) => key.split('/').pop()!.toUpperCase())];
  const rows = table.rows.map((row) => {
    const cells = row.cells.map(String);
    if (prefixNames) cells[0] = `${kindPrefix(target.resource)}/${cells[0]}`;
    for (const key of labelColumns) cells.push(row.object.metadata?.labels?.[key] ?? '');
    if (showLabels) {
      const labels = row.object.metadata?.labels ?? {};
      const keys = Object.keys(labels).sort();
      cells.push(keys.length ? keys.map((k) => `${k}=${labels[k]}`).join(',') : '<none>');
    }
    if (allNamespaces && target.resource.namespaced) cells.unshift(row.object.metadata?.namespace ?? '');
    return cells;
  });
  if (showLabels) header.push('LABELS');
  if (allNamespaces && target.resource.namespaced) header.unshift('NAMESPACE');
  return formatTable(boolFlag(inv.flags, 'no-headers') ? rows : [header, ...rows]);
}

/** `allowMissingKeys` is --allow-missing-template-keys (default true) for the jsonpath printers. */
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
  if (output === 'name') return objects.map((o) => `${kindPrefix(o.target.resource)}/${o.obj.metadata?.name || UNKNOWN_NAME}\n`).join('');
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

/**
 * Models cli-runtime resource.Selector.Visit: a list refused as BadRequest or NotFound says which
 * resource and selectors it was (`Unable to find "/v1, Resource=pods" that match label selector …`).
 */
function listFailure(status: Status, target: ResourceTarget, query: { labelSelector?: string; fieldSelector?: string }): Status {
  if (status.reason !== 'BadRequest' && status.reason !== 'NotFound') return status;
  const { group, version, name } = target.resource;
  const gvr = JSON.stringify(`${group}/${version}, Resource=${name}`);
  const label = query.labelSelector ?? '';
  const field = query.fieldSelector ?? '';
  const message =
    label === '' && field === ''
      ? `Unable to list ${gvr}: ${status.message}`
      : `Unable to find ${gvr} that match label selector ${JSON.stringify(label)}, field selector ${JSON.stringify(field)}: ${status.message}`;
  return { ...status, message };
}

async function watch(inv: Invocation, target: ResourceTarget, namespace: string | undefined, query: Record<string, string>, wide: boolean): Promise<number> {
  const base = requestBase(target.resource, namespace);
  let printedHeader = false;
  let widths: number[] | undefined;
  const render = async (name: string, namespaceOfObj: string | undefined) => {
    const res = await inv.api.request({ verb: 'get', ...requestBase(target.resource, namespaceOfObj), name, query: { as: 'Table', includeWideColumns: wide } });
    if (!res.ok) return;
    const table = res.body as unknown as Table;
    const header = table.columnDefinitions.map((c) => c.name.toUpperCase());
    const rows = table.rows.map((r) => r.cells.map(String));
    const all = printedHeader ? rows : [header, ...rows];
    // kubectl's tabwriter remembers column widths across flushes (liggitt/tabwriter RememberWidths): a wider cell widens the column from then on.
    widths = header.map((h, i) => Math.max(widths?.[i] ?? h.length, ...all.map((r) => r[i]!.length)));
    inv.out(
      all
        .map((cells) =>
          cells
            .map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(Math.max(widths![i]! + 3, 6) - c.length)))
            .join('')
            .trimEnd(),
        )
        .join('\n')
        .concat('\n'),
    );
    printedHeader = true;
  };
  const events: { name: string; namespace: string | undefined }[] = [];
  let wake: (() => void) | undefined;
  const handle = inv.api.watch({ verb: 'watch', ...base, ...(target.names[0] ? { name: target.names[0] } : {}), query }, (event) => {
    if (event.type === 'DELETED') return;
    events.push({ name: event.object.metadata!.name!, namespace: event.object.metadata?.namespace });
    wake?.();
  });
  try {
    for (;;) {
      while (events.length) {
        const next = events.shift()!;
        await render(next.name, next.namespace);
      }
      if (inv.ctx.interrupt.interrupted) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        inv.ctx.interrupt.onInterrupt(resolve);
      });
      if (inv.ctx.interrupt.interrupted) break;
    }
  } finally {
    handle.stop();
  }
  return 130;
}
