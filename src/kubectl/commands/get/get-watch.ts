/**
 * `kubectl get -w | --watch-only`: the current objects first (a list, or the one named object),
 * then a line per change until Ctrl-C. Models get.go's watch: one resource type, the watch started
 * from the list's resourceVersion (a named object's synthetic ADDED event is not printed twice),
 * DELETED events printed like any other, `--output-watch-events` wrapping each object in its event.
 */
import type { KubeObject, Table, WatchEvent } from '../../../engine/api/client.ts';
import { boolFlag } from '../../flags.ts';
import { formatStatus, KubectlError } from '../../errors.ts';
import type { Invocation } from '../../kubectl-command.ts';
import { allowMissingKeys } from '../../printers/generated-object-printer.ts';
import { printObjects } from '../../printers/object-printer.ts';
import { sortKeysDeep } from '../../printers/yaml-printer.ts';
import { requestBase, type ResourceTarget } from '../../resource-args.ts';
import { clientSideTable, decoratedTable } from './get-table.ts';

export interface WatchSettings {
  namespace: string | undefined;
  query: Record<string, string>;
  output: string;
  /** How rows are rendered for the human-readable output: by the server, or name and age here. */
  table: 'server' | 'client' | undefined;
}

const NO_RESOURCES = `error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'
`;

export async function watchObjects(inv: Invocation, targets: ResourceTarget[], settings: WatchSettings): Promise<number> {
  if (targets.length === 0) throw new KubectlError(NO_RESOURCES.trimEnd());
  if (targets.length > 1) throw new KubectlError('error: you may only specify a single resource type');
  const target = targets[0]!;
  const printer = new WatchPrinter(inv, target, settings);
  const watchOnly = !boolFlag(inv.flags, 'watch');
  const base = requestBase(target.resource, settings.namespace);
  const asTable = settings.table === 'server' ? { as: 'Table' as const, includeWideColumns: settings.output === 'wide' } : {};
  let resourceVersion: string | undefined;
  if (target.names.length) {
    const found: KubeObject[] = [];
    for (const name of target.names) {
      const res = await inv.api.request({ verb: 'get', ...base, name, query: asTable });
      if (!res.ok) {
        if (res.body.reason === 'NotFound' && boolFlag(inv.flags, 'ignore-not-found')) return 0;
        inv.err(`${formatStatus(res.body)}\n`);
        return 1;
      }
      found.push(res.body);
    }
    if (!watchOnly) for (const obj of found) printer.print(obj, 'ADDED');
    if (found.length > 1) throw new KubectlError('error: you may only watch a single resource or type of resource at a time');
  } else {
    const res = await inv.api.request<{ items: KubeObject[]; metadata: { resourceVersion?: string } } & Table>({ verb: 'list', ...base, query: { ...settings.query, ...asTable } });
    if (!res.ok) {
      inv.err(`${formatStatus(res.body)}\n`);
      return 1;
    }
    resourceVersion = res.body.metadata.resourceVersion;
    if (!watchOnly) {
      if (settings.table === 'server' && res.body.kind === 'Table') printer.printTable(res.body, 'ADDED');
      else for (const obj of res.body.items) printer.print(obj, 'ADDED');
    }
  }
  // A watch of one object starts with a synthetic ADDED for it: already printed above.
  let skipFirst = target.names.length > 0;
  const events: WatchEvent[] = [];
  let wake: (() => void) | undefined;
  const handle = inv.api.watch(
    {
      verb: 'watch',
      ...base,
      ...(target.names[0] ? { name: target.names[0] } : {}),
      query: { ...settings.query, ...asTable, ...(resourceVersion ? { resourceVersion } : {}) },
    },
    (event) => {
      if (skipFirst) {
        skipFirst = false;
        return;
      }
      events.push(event);
      wake?.();
    },
  );
  try {
    for (;;) {
      for (let event = events.shift(); event; event = events.shift()) {
        if (event.type === 'ERROR') {
          inv.err(`${formatStatus(event.object as never)}\n`);
          return 1;
        }
        if (event.type !== 'BOOKMARK') printer.print(event.object, event.type);
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

/**
 * One printer for the whole watch, as get.go keeps one: a table's header once and column widths
 * that only grow (the tabwriter remembers them across flushes); YAML documents separated by `---`.
 */
class WatchPrinter {
  private widths: number[] | undefined;
  private printedHeader = false;
  private printed = 0;
  private readonly eventsShown: boolean;

  constructor(
    private readonly inv: Invocation,
    private readonly target: ResourceTarget,
    private readonly settings: WatchSettings,
  ) {
    this.eventsShown = boolFlag(inv.flags, 'output-watch-events');
  }

  print(obj: KubeObject, type: string): void {
    // A server that ignores the Table request sends the object: printed as kubectl prints an object it has no columns for.
    if (this.settings.table === 'server' && obj.kind === 'Table') this.printTable(obj as unknown as Table, type);
    else if (this.settings.table) this.printTable(clientSideTable([obj], this.inv.ctx.time.now()), type);
    else this.printObject(obj, type);
  }

  printTable(table: Table, type: string): void {
    const { header, rows } = decoratedTable(this.inv.flags, this.target, table, {
      withKind: boolFlag(this.inv.flags, 'show-kind'),
      withNamespace: this.settings.namespace === undefined,
      ...(this.eventsShown ? { eventType: type } : {}),
    });
    if (rows.length === 0) return;
    const lines = this.printedHeader || boolFlag(this.inv.flags, 'no-headers') ? rows : [header, ...rows];
    this.printedHeader = true;
    const widths = (this.widths ??= []);
    for (const cells of lines) cells.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
    this.inv.out(lines.map((cells) => cells.map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(Math.max(widths[i]! + 3, 6) - [...c].length))).join('')).join('\n') + '\n');
  }

  private printObject(obj: KubeObject, type: string): void {
    const output = this.settings.output;
    const event = { type, object: obj };
    if (this.eventsShown && output === 'json') {
      // The event printer writes one compact line per event, the object's keys sorted and its managedFields kept.
      this.inv.out(`${JSON.stringify({ type, object: sortKeysDeep(obj) })}\n`);
      return;
    }
    const printable = (this.eventsShown && output !== 'name' ? event : obj) as KubeObject;
    const text = printObjects([{ target: this.target, obj: printable }], output, {
      allowMissingKeys: allowMissingKeys(this.inv.flags),
      noHeaders: this.printed > 0 || boolFlag(this.inv.flags, 'no-headers'),
    });
    const separator = output === 'yaml' && this.printed > 0 ? '---\n' : '';
    this.printed++;
    this.inv.out(separator + text);
  }
}
