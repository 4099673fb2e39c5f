/**
 * ControllerRevisions (apps/v1): the immutable snapshots StatefulSets and DaemonSets keep of their
 * pod templates. ValidateControllerRevision(Update), printControllerRevision.
 */
import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import { translateTimestampSince } from '../../../lib/duration/human-duration.ts';
import { stableStringify } from '../../store/deep-copy.ts';
import type { KubeObject } from '../client.ts';
import { type FieldError, invalid, required } from '../field-error.ts';
import type { ResourceDefinition } from '../resource-definition.ts';
import { isDNS1123Subdomain } from './name-validation.ts';
import { validateNonnegative, validateObjectMeta } from './object-meta-validation.ts';
import { ageColumn, column, nameColumn, STANDARD_VERBS } from './table-columns.ts';

function validateControllerRevision(obj: KubeObject): FieldError[] {
  const revision = obj as unknown as ControllerRevision;
  const errs = validateObjectMeta(revision.metadata, isDNS1123Subdomain);
  if (revision.data === undefined || revision.data === null) errs.push(required('data', 'data is mandatory'));
  errs.push(...validateNonnegative(revision.revision, 'revision'));
  return errs;
}

/** formatResourceName with the kind: `statefulset.apps/web`, or `<none>` for an orphan. */
function controllerCell(revision: ControllerRevision): string {
  const ref = revision.metadata?.ownerReferences?.find((r) => r.controller);
  if (!ref) return '<none>';
  const group = ref.apiVersion.includes('/') ? ref.apiVersion.slice(0, ref.apiVersion.indexOf('/')) : '';
  return `${ref.kind.toLowerCase()}${group ? `.${group}` : ''}/${ref.name}`;
}

export const controllerRevisionDefinition: ResourceDefinition = {
  info: {
    group: 'apps',
    version: 'v1',
    name: 'controllerrevisions',
    singularName: 'controllerrevision',
    kind: 'ControllerRevision',
    namespaced: true,
    shortNames: [],
    verbs: [...STANDARD_VERBS],
    categories: [],
    subresources: [],
  },
  validateCreate: validateControllerRevision,
  validateUpdate: (obj, old) => {
    const errs = validateControllerRevision(obj);
    if (stableStringify((obj as unknown as ControllerRevision).data ?? null) !== stableStringify((old as unknown as ControllerRevision).data ?? null)) {
      errs.push(invalid('data', 'runtime.RawExtension{…}', 'field is immutable'));
    }
    return errs;
  },
  tableColumns: [
    nameColumn(),
    column('Controller', 'Controller of the object'),
    column('Revision', 'Revision indicates the revision of the state represented by Data.'),
    ageColumn(),
  ],
  tableRow: (obj, ctx) => {
    const revision = obj as unknown as ControllerRevision;
    return [revision.metadata?.name ?? '', controllerCell(revision), revision.revision, translateTimestampSince(revision.metadata?.creationTimestamp, ctx.nowMs)];
  },
};
