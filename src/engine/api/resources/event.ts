/** Events (core/v1): printEvent with its LAST SEEN / OBJECT / SOURCE rules. */
import type { Event } from 'kubernetes-types/core/v1';
import { translateTimestampSince } from '../../../lib/duration/human-duration.ts';
import type { KubeObject } from '../client.ts';
import { type FieldError, required } from '../field-error.ts';
import type { ResourceDefinition } from '../resource-definition.ts';
import { isDNS1123Subdomain } from './name-validation.ts';
import { validateObjectMeta } from './object-meta-validation.ts';
import { column, nameColumn, STANDARD_VERBS } from './table-columns.ts';

function validateEvent(obj: KubeObject): FieldError[] {
  const event = obj as unknown as Event;
  const errs = validateObjectMeta(event.metadata, isDNS1123Subdomain);
  if (!event.involvedObject) errs.push(required('involvedObject'));
  return errs;
}

function eventSource(event: Event): string {
  const component = event.source?.component || event.reportingComponent || '';
  const instance = event.source?.host || event.reportingInstance || '';
  if (!component) return '';
  return instance ? `${component}, ${instance}` : component;
}

// Models printEvent: cells in the -o wide order; the server drops the priority-1 ones.
export function eventRow(event: Event, nowMs: number): (string | number)[] {
  const firstTimestamp = event.firstTimestamp ? translateTimestampSince(event.firstTimestamp, nowMs) : translateTimestampSince(event.eventTime, nowMs);
  let lastTimestamp = event.lastTimestamp ? translateTimestampSince(event.lastTimestamp, nowMs) : firstTimestamp;
  let count = event.count ?? 0;
  if (event.series) {
    lastTimestamp = translateTimestampSince(event.series.lastObservedTime, nowMs);
    count = event.series.count ?? 0;
  } else if (count === 0) {
    count = 1;
  }
  const involved = event.involvedObject ?? {};
  const kind = (involved.kind ?? '').toLowerCase();
  const target = involved.name ? `${kind}/${involved.name}` : kind;
  return [
    lastTimestamp,
    event.type ?? '',
    event.reason ?? '',
    target,
    involved.fieldPath ?? '',
    eventSource(event),
    (event.message ?? '').trim(),
    firstTimestamp,
    count,
    event.metadata?.name ?? '',
  ];
}

export const eventDefinition: ResourceDefinition = {
  info: {
    group: '',
    version: 'v1',
    name: 'events',
    singularName: 'event',
    kind: 'Event',
    namespaced: true,
    shortNames: ['ev'],
    verbs: [...STANDARD_VERBS],
    categories: [],
    subresources: [],
  },
  validateCreate: validateEvent,
  validateUpdate: validateEvent,
  tableColumns: [
    column('Last Seen', 'The time at which the most recent occurrence of this event was recorded.'),
    column('Type', 'Type of this event (Normal, Warning), new types could be added in the future'),
    column('Reason', "This should be a short, machine understandable string that gives the reason for the transition into the object's current status."),
    column('Object', 'The object that this event is about.'),
    column(
      'Subobject',
      'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2].',
      { priority: 1 },
    ),
    column('Source', 'The component reporting this event. Should be a short machine understandable string.', { priority: 1 }),
    column('Message', 'A human-readable description of the status of this operation.'),
    column('First Seen', 'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)', { priority: 1 }),
    column('Count', 'The number of times this event has occurred.', { priority: 1 }),
    { ...nameColumn(), priority: 1 },
  ],
  tableRow: (obj, ctx) => eventRow(obj as unknown as Event, ctx.nowMs),
  // kubectl describe lists the events of one object by its name and uid.
  indexedFields: ['involvedObject.name', 'involvedObject.uid'],
  fieldsForSelector: (obj) => {
    const event = obj as unknown as Event;
    const involved = event.involvedObject ?? {};
    return {
      'involvedObject.kind': involved.kind ?? '',
      'involvedObject.namespace': involved.namespace ?? '',
      'involvedObject.name': involved.name ?? '',
      'involvedObject.uid': involved.uid ?? '',
      'involvedObject.apiVersion': involved.apiVersion ?? '',
      'involvedObject.resourceVersion': involved.resourceVersion ?? '',
      'involvedObject.fieldPath': involved.fieldPath ?? '',
      reason: event.reason ?? '',
      reportingComponent: event.reportingComponent ?? '',
      source: event.source?.component ?? '',
      type: event.type ?? '',
    };
  },
};
