/**
 * `kubectl events [--for TYPE/NAME] [--types=Normal,Warning] [-w] [-A]`: the namespace's events,
 * oldest first, in the events table or any `-o` format.
 * Models staging/src/k8s.io/kubectl/pkg/cmd/events/events.go.
 */
import type { Event } from 'kubernetes-types/core/v1';
import type { ApiResource, KubeObject } from '../../../engine/api/client.ts';
import { KubectlError } from '../../errors.ts';
import { boolFlag, stringFlag, stringsFlag } from '../../flags.ts';
import type { Invocation, KubectlCommand } from '../../kubectl-command.ts';
import { allowMissingKeys, checkOutputFormat, PRINT_FLAGS, printGeneratedObject } from '../../printers/generated-object-printer.ts';
import { formatTable } from '../../printers/table-printer.ts';
import { toKyaml } from '../../printers/kyaml-printer.ts';
import { omitManagedFields } from '../../printers/omit-managed-fields.ts';
import { toJson } from '../../printers/yaml-printer.ts';
import { eventInGoOrder, eventListInGoOrder } from './event-field-order.ts';
import { eventHeader, eventRow, printEventTable, sortEvents } from './event-printer.ts';

interface ForObject {
  kind: string;
  apiVersion: string;
  name: string;
}

/** `--for TYPE/NAME`: the kind, version and name the events must be about. */
function forObject(inv: Invocation, text: string): ForObject | undefined {
  if (text === '') return undefined;
  if (!text.includes('/')) throw new KubectlError('error: --for must be in resource/name form');
  const parts = text.split('/');
  if (parts.length !== 2) throw new KubectlError('error: arguments in resource/name form may not have more than one slash');
  const resource: ApiResource | undefined = inv.mapper.resolve(parts[0]!.toLowerCase());
  // The mapper's error goes to CheckErr unwrapped, without the `error: ` prefix.
  if (!resource) throw new KubectlError(`the server doesn't have a resource type "${parts[0]!.toLowerCase().split('.')[0]}"`);
  return { kind: resource.kind, apiVersion: resource.group ? `${resource.group}/${resource.version}` : resource.version, name: parts[1]! };
}

/** The fields a typed Event and EventList encode even when empty. */
function typedEvent(e: Event): Event {
  return { apiVersion: 'v1', kind: 'Event', eventTime: null as unknown as string, source: {}, ...e } as Event;
}

export const eventsCommand: KubectlCommand = {
  path: 'events',
  flags: [
    { name: 'all-namespaces', short: 'A', kind: 'bool' },
    { name: 'chunk-size', kind: 'int' },
    { name: 'for', kind: 'string' },
    { name: 'no-headers', kind: 'bool' },
    { name: 'types', kind: 'strings' },
    { name: 'watch', short: 'w', kind: 'bool' },
    ...PRINT_FLAGS,
  ],
  async run(inv) {
    const allNamespaces = boolFlag(inv.flags, 'all-namespaces');
    const target = forObject(inv, stringFlag(inv.flags, 'for') ?? '');
    const types = [...new Set(stringsFlag(inv.flags, 'types').flatMap((t) => t.split(',')))].sort();
    const output = stringFlag(inv.flags, 'output') ?? '';
    checkOutputFormat(output);
    for (const t of types) if (t.toLowerCase() !== 'normal' && t.toLowerCase() !== 'warning') throw new KubectlError('error: valid --types are Normal or Warning');
    const wanted = (e: Event) =>
      (types.length === 0 || types.some((t) => t.toLowerCase() === (e.type ?? '').toLowerCase())) &&
      (!target || (e.involvedObject.kind === target.kind && e.involvedObject.apiVersion === target.apiVersion && e.involvedObject.name === target.name));
    const namespace = allNamespaces ? undefined : inv.namespace;
    const base = { group: '', version: 'v1', resource: 'events', ...(namespace ? { namespace } : {}) };
    if (boolFlag(inv.flags, 'watch')) return watchEvents(inv, base, wanted, output, allNamespaces);
    const res = await inv.api.request({ verb: 'list', ...base });
    if (!res.ok) throw new KubectlError(`Error from server (${res.body.reason}): ${res.body.message}`);
    const events = ((res.body as { items: Event[] }).items ?? []).filter(wanted);
    if (events.length === 0) {
      inv.err(allNamespaces ? 'No events found.\n' : `No events found in ${inv.namespace} namespace.\n`);
      return 0;
    }
    const sorted = sortEvents(events);
    if (!output) {
      inv.out(printEventTable(sorted, inv.ctx.time.now(), { allNamespaces, noHeaders: boolFlag(inv.flags, 'no-headers') }));
      return 0;
    }
    inv.out(printEventList(inv, sorted.map(typedEvent), output));
    return 0;
  },
};

/** An EventList (or, watching, one Event) through PrintFlags' printers; the name printer prints nothing for a list. */
function printEventList(inv: Invocation, items: Event[], output: string, single = false): string {
  if (output === 'name' && !single) return '';
  const showManagedFields = boolFlag(inv.flags, 'show-managed-fields');
  const obj = (single ? items[0] : { apiVersion: 'v1', items, kind: 'EventList', metadata: {} }) as unknown as Record<string, unknown>;
  if (output === 'json' || output === 'kyaml') {
    const printed = (showManagedFields ? obj : omitManagedFields(obj)) as Record<string, unknown>;
    const inOrder = single ? eventInGoOrder(printed) : eventListInGoOrder(printed);
    return output === 'json' ? toJson(inOrder) : toKyaml(inOrder);
  }
  const resource = inv.mapper.resolve('events')!;
  return printGeneratedObject(resource, obj as KubeObject, output, { allowMissingKeys: allowMissingKeys(inv.flags), showManagedFields });
}

/** `-w`: every event as the watch delivers it, each flushed on its own; the header with the first. */
function watchEvents(
  inv: Invocation,
  base: { group: string; version: string; resource: string; namespace?: string },
  wanted: (e: Event) => boolean,
  output: string,
  allNamespaces: boolean,
): Promise<number> {
  let headerPending = !boolFlag(inv.flags, 'no-headers');
  return new Promise<number>((resolve) => {
    const handle = inv.api.watch({ verb: 'watch', ...base }, (event) => {
      if (event.type === 'DELETED' || event.type === 'ERROR') return;
      const e = event.object as unknown as Event;
      if (!wanted(e)) return;
      if (output) {
        inv.out(printEventList(inv, [typedEvent(e)], output, true));
        return;
      }
      const rows = [eventRow(e, inv.ctx.time.now(), allNamespaces)];
      inv.out(formatTable(headerPending ? [eventHeader(allNamespaces), ...rows] : rows));
      headerPending = false;
    });
    inv.ctx.interrupt.onInterrupt(() => {
      handle.stop();
      resolve(0);
    });
  });
}
