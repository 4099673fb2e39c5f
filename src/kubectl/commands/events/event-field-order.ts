/**
 * The typed Event and EventList as encoding/json writes them: struct fields in declaration order
 * (k8s.io/api/core/v1 types.go Event, ObjectReference, EventSource, EventSeries; ObjectMeta),
 * for `kubectl events -o json|kyaml`.
 */
const EVENT_LIST = ['kind', 'apiVersion', 'metadata', 'items'];
const EVENT = [
  'kind',
  'apiVersion',
  'metadata',
  'involvedObject',
  'reason',
  'message',
  'source',
  'firstTimestamp',
  'lastTimestamp',
  'count',
  'type',
  'eventTime',
  'series',
  'action',
  'related',
  'reportingComponent',
  'reportingInstance',
];
const OBJECT_META = [
  'name',
  'generateName',
  'namespace',
  'selfLink',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields',
];
const OBJECT_REFERENCE = ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'];
const FIELDS: Record<string, string[]> = {
  metadata: OBJECT_META,
  involvedObject: OBJECT_REFERENCE,
  related: OBJECT_REFERENCE,
  source: ['component', 'host'],
  series: ['count', 'lastObservedTime'],
};

type Json = Record<string, unknown>;
const isMap = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function ordered(value: Json, order: string[]): Json {
  const out: Json = {};
  for (const key of [
    ...order.filter((k) => k in value),
    ...Object.keys(value)
      .filter((k) => !order.includes(k))
      .sort(),
  ])
    out[key] = value[key];
  return out;
}

export function eventInGoOrder(event: Json): Json {
  const out = ordered(event, EVENT);
  for (const [key, order] of Object.entries(FIELDS)) if (isMap(out[key])) out[key] = ordered(out[key], order);
  return out;
}

export function eventListInGoOrder(list: Json): Json {
  const out = ordered(list, EVENT_LIST);
  if (Array.isArray(out.items)) out.items = out.items.map((e) => (isMap(e) ? eventInGoOrder(e) : e));
  return out;
}
