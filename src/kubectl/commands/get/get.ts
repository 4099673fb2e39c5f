/**
 * `kubectl get`: server-rendered tables laid out as kubectl does, or the objects as YAML, JSON,
 * names or JSONPath; `-w` streams changes until Ctrl-C.
 */
import { getRaw, RAW_FLAG, rawUri } from '../../raw-request.ts';
import type { KubeObject, Status, Table } from '../../../engine/api/client.ts';
import { evaluateJsonPath } from '../../../lib/jsonpath/jsonpath.ts';
import { boolFlag, intFlag, stringFlag } from '../../flags.ts';
import { KubectlError, formatStatus } from '../../errors.ts';
import type { Invocation, KubectlCommand } from '../../kubectl-command.ts';
import { toKyaml } from '../../printers/kyaml-printer.ts';
import { listAllPages } from '../../list-pages.ts';
import { sortByField } from '../../printers/sort-by.ts';
import { formatTable } from '../../printers/table-printer.ts';
import { checkGoTemplate } from '../../printers/go-template-printer.ts';
import { allowMissingKeys } from '../../printers/generated-object-printer.ts';
import { GET_FORMATS, printObjects } from '../../printers/object-printer.ts';
import { toJson, toYaml } from '../../printers/yaml-printer.ts';
import { parseResourceArgs, requestBase, type ResourceTarget } from '../../resource-args.ts';
import { clientSideTable, decoratedTable } from './get-table.ts';
import { watchObjects } from './get-watch.ts';
import { fileTargets } from './get-file-targets.ts';

const NO_TYPE = `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples
`;

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
    { name: 'recursive', short: 'R', kind: 'bool' },
    { name: 'kustomize', short: 'k', kind: 'string' },
    { name: 'sort-by', kind: 'string' },
    { name: 'subresource', kind: 'string' },
    { name: 'chunk-size', kind: 'int' },
    { name: 'show-managed-fields', kind: 'bool' },
    { name: 'template', kind: 'string' },
    { name: 'allow-missing-template-keys', kind: 'bool' },
    { name: 'ignore-not-found', kind: 'bool' },
    { name: 'show-kind', kind: 'bool' },
    { name: 'server-print', kind: 'bool' },
    { name: 'watch-only', kind: 'bool' },
    { name: 'output-watch-events', kind: 'bool' },
    RAW_FLAG,
  ],
  async run(inv) {
    const raw = rawUri(inv);
    if (raw !== undefined) return getRaw(inv, raw);
    const fromFiles = await fileTargets(inv);
    const output = stringFlag(inv.flags, 'output') ?? '';
    const watching = boolFlag(inv.flags, 'watch') || boolFlag(inv.flags, 'watch-only');
    if (inv.args.length === 0 && !fromFiles && !watching) {
      inv.err(NO_TYPE);
      return 1;
    }
    checkGetOutput(output);
    if (boolFlag(inv.flags, 'output-watch-events') && !watching) throw new KubectlError('error: --output-watch-events option can only be used with --watch or --watch-only');
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
    const sortBy = stringFlag(inv.flags, 'sort-by') ?? '';
    // The server renders the rows unless asked not to (--server-print=false) or another format is wanted.
    const humanReadable = output === '' || output === 'wide';
    const serverPrint = inv.flags.values.get('server-print') !== false;
    if (watching) {
      if (sortBy)
        inv.err(
          `warning: --${boolFlag(inv.flags, 'watch') ? 'watch requested, --sort-by will be ignored for watch events received' : 'watch-only requested, --sort-by will be ignored'}\n`,
        );
      return watchObjects(inv, targets, { namespace, query, output, table: humanReadable ? (serverPrint ? 'server' : 'client') : undefined });
    }
    const ignoreNotFound = boolFlag(inv.flags, 'ignore-not-found');
    const objects: { target: ResourceTarget; obj: KubeObject }[] = [];
    let status = 0;
    const tables: { target: ResourceTarget; table: Table }[] = [];
    const wantTable = humanReadable && serverPrint;
    // Sorting needs every object at once, and whole objects in the Table rows (get.go transformRequests).
    const chunkSize = sortBy ? 0 : (intFlag(inv.flags, 'chunk-size') ?? DEFAULT_CHUNK_SIZE);
    const tableQuery = wantTable ? { as: 'Table' as const, includeWideColumns: output === 'wide', ...(sortBy ? { includeObject: 'Object' as const } : {}) } : {};
    for (const target of targets) {
      const base = requestBase(target.resource, namespace);
      if (target.names.length) {
        for (const [n, name] of target.names.entries()) {
          const fromFile = fromFiles?.objects.get(target)![n];
          if (fromFile && name === '') {
            if (wantTable) addTable(tables, target, clientSideTable([fromFile], inv.ctx.time.now()));
            else objects.push({ target, obj: fromFile });
            continue;
          }
          const own = fromFiles ? requestBase(target.resource, fromFiles.namespaces.get(target)![n]) : base;
          const res = await inv.api.request({ verb: 'get', ...own, name, ...(subresource ? { subresource } : {}), ...(wantTable ? { query: tableQuery } : {}) });
          if (!res.ok) {
            if (ignoreNotFound && res.body.reason === 'NotFound') continue;
            if (fromFiles) fromFiles.errors.lookup(fromFiles.places.get(target)![n]!, res.body);
            else inv.err(`${formatStatus(res.body)}\n`);
            status = 1;
            continue;
          }
          if (wantTable) addTable(tables, target, sortTable(res.body as unknown as Table, sortBy));
          else objects.push({ target, obj: res.body });
        }
      } else {
        const res = await listAllPages<{ items: KubeObject[] } & Table>(inv.api, { verb: 'list', ...base, query: { ...query, ...tableQuery } }, chunkSize);
        if (!res.ok) {
          if (ignoreNotFound && res.body.reason === 'NotFound') continue;
          inv.err(`${formatStatus(listFailure(res.body, target, query))}\n`);
          return 1;
        }
        if (wantTable) addTable(tables, target, sortTable(res.body, sortBy));
        else for (const obj of res.body.items) objects.push({ target, obj });
      }
    }
    if (humanReadable && !serverPrint) {
      if (sortBy) sortByField(objects, (o) => o.obj, sortBy);
      for (const { target, obj } of objects) addTable(tables, target, clientSideTable([obj], inv.ctx.time.now()));
    }
    if (fromFiles && !fromFiles.errors.isEmpty) status = 1;
    if (humanReadable) {
      const found = tables.filter((t) => t.table.rows.length > 0);
      const nonEmpty = fromFiles ? mergeAdjacent(found) : found;
      if (nonEmpty.length === 0) {
        if (status === 0 && !ignoreNotFound)
          inv.err(
            allNamespaces || (targets.length > 0 && !targets.some((t) => t.resource.namespaced)) ? 'No resources found\n' : `No resources found in ${inv.namespace} namespace.\n`,
          );
      } else {
        // get.go multipleGVKsRequested: the files' objects are counted as found, not as asked for.
        const requested = fromFiles ? new Set(nonEmpty.map((t) => t.target.resource)).size : targets.length;
        const withKind = requested > 1 || inv.args.includes('all') || boolFlag(inv.flags, 'show-kind');
        inv.out(nonEmpty.map((t) => renderTable(inv, t.target, t.table, withKind, allNamespaces)).join('\n'));
      }
      if (fromFiles) inv.err(fromFiles.errors.forTables());
      return status;
    }
    // printGeneric: one file's errors end the command before anything is printed; otherwise they follow the list.
    if (fromFiles && !fromFiles.errors.isEmpty) {
      const errors = fromFiles.errors.forPrinters(fromFiles.singleItemImplied);
      if (fromFiles.singleItemImplied) {
        inv.err(errors);
        return status;
      }
      inv.out(
        printObjects(objects, output, {
          allowMissingKeys: allowMissingKeys(inv.flags),
          noHeaders: boolFlag(inv.flags, 'no-headers'),
          showManagedFields: boolFlag(inv.flags, 'show-managed-fields'),
          asList: true,
        }),
      );
      inv.err(errors);
      return status;
    }
    if (objects.length === 0 && ignoreNotFound) return status;
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

/** The printer changes only with the mapping: objects of one resource found one after another share a table. */
function mergeAdjacent(tables: { target: ResourceTarget; table: Table }[]): { target: ResourceTarget; table: Table }[] {
  const out: { target: ResourceTarget; table: Table }[] = [];
  for (const t of tables) {
    const last = out[out.length - 1];
    if (last?.target.resource === t.target.resource) last.table = { ...last.table, rows: [...last.table.rows, ...t.table.rows] };
    else out.push(t);
  }
  return out;
}

function renderTable(inv: Invocation, target: ResourceTarget, table: Table, withKind: boolean, allNamespaces: boolean): string {
  const { header, rows } = decoratedTable(inv.flags, target, table, { withKind, withNamespace: allNamespaces });
  return formatTable(boolFlag(inv.flags, 'no-headers') ? rows : [header, ...rows]);
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
