/**
 * The Events table at the end of describe: oldest first, `Age` with `(xN over …)` for repeats.
 * Models pkg/describe/describe.go DescribeEvents (kubectl v1.35).
 */
import type { ApiClient, KubeObject } from '../../../engine/api/client.ts';
import { humanDuration } from '../../../lib/duration/human-duration.ts';
import { goSortArray } from '../../../lib/go-sort/go-sort.ts';
import type { DescribeWriter } from './prefix-writer.ts';

interface CoreEvent extends KubeObject {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string;
  lastTimestamp?: string;
  source?: { component?: string };
  reportingComponent?: string;
  involvedObject?: { uid?: string; name?: string; kind?: string; fieldPath?: string };
}

/**
 * describe's searchEvents: the involved object's kind, name, namespace and uid as one field
 * selector, keys sorted (fields.SelectorFromSet). Models pkg/describe/describe.go searchEvents.
 */
async function searchEvents(api: ApiClient, obj: KubeObject, uid: string): Promise<CoreEvent[]> {
  const namespace = obj.metadata?.namespace ?? '';
  const fields = [
    `involvedObject.kind=${obj.kind}`,
    `involvedObject.name=${obj.metadata?.name}`,
    `involvedObject.namespace=${namespace}`,
    ...(uid ? [`involvedObject.uid=${uid}`] : []),
  ];
  const res = await api.request<{ items: CoreEvent[] }>({
    verb: 'list',
    group: '',
    version: 'v1',
    resource: 'events',
    ...(namespace ? { namespace } : {}),
    query: { fieldSelector: fields.join(',') },
  });
  return res.ok ? res.body.items : [];
}

/** What `kubectl describe` asks of every describer (describe.DescriberSettings). */
export interface DescriberSettings {
  /** --show-events: false leaves the Events section out. */
  showEvents: boolean;
}

export const SHOW_EVENTS: DescriberSettings = { showEvents: true };

/** `nowMs` is the invocation's time: ages are how long ago as kubectl sees it. */
export async function writeEvents(w: DescribeWriter, api: ApiClient, obj: KubeObject, nowMs: number, settings: DescriberSettings): Promise<void> {
  if (!settings.showEvents) return;
  const uid = obj.metadata?.uid ?? '';
  // A node's events come from two sources: controllers name its uid, the kubelet its name.
  const uids = obj.kind === 'Node' ? [uid, obj.metadata?.name ?? ''] : [uid];
  const events: CoreEvent[] = [];
  for (const id of uids) events.push(...(await searchEvents(api, obj, id)));
  if (events.length === 0) {
    w.line(0, 'Events:\t<none>');
    return;
  }
  const age = (t: string | undefined) => (t ? humanDuration(nowMs - Date.parse(t)) : '<unknown>');
  // SortableEvents orders by lastTimestamp with Go's unstable sort.Sort; an unset time is Go's zero time, before all.
  const lastMs = (e: CoreEvent) => (e.lastTimestamp ? Date.parse(e.lastTimestamp) : -Infinity);
  const sorted = goSortArray([...events], (a, b) => lastMs(a) < lastMs(b)).map((e) => ({ e }));
  w.line(0, 'Events:');
  w.line(1, 'Type\tReason\tAge\tFrom\tMessage');
  w.line(1, '----\t------\t----\t----\t-------');
  for (const { e } of sorted) {
    const count = e.count ?? 1;
    const first = age(e.firstTimestamp);
    const when = count > 1 ? `${age(e.lastTimestamp)} (x${count} over ${first})` : first;
    const source = e.source?.component || e.reportingComponent || '';
    // kubectl v1.35 names the part of the object an event is about (a kubelet event's
    // spec.containers{NAME}) before its message.
    const fieldPath = e.involvedObject?.fieldPath;
    const message = fieldPath ? `${fieldPath}: ${(e.message ?? '').trim()}` : (e.message ?? '').trim();
    w.line(1, `${e.type}\t${e.reason}\t${when}\t${source}\t${message}`);
  }
}
