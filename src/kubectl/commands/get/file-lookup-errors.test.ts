import { describe, expect, it } from 'vitest';
import type { Status } from '../../../engine/api/client.ts';
import { FileLookupErrors, type FilePlace } from './file-lookup-errors.ts';

const notFound = (resource: string, name: string): Status => ({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  reason: 'NotFound',
  code: 404,
  message: `${resource} "${name}" not found`,
});
const NO_API_VERSION = `unable to get type info from the object "*unstructured.Unstructured": Object 'apiVersion' is missing in 'object has no apiVersion field'`;
const GIZMO_V1 = 'unable to recognize no matches for kind "Gizmo" in version "v1"';
const GIZMO_EXAMPLE = 'unable to recognize no matches for kind "Gizmo" in version "example.com/v1"';
const MAPPING = 'resource mapping not found for name: "g" namespace: "" from "gizmo.yaml": no matches for kind "Gizmo" in version "v1"\nensure CRDs are installed first';

type Failure = [FilePlace, string | Status];

// Expected outputs recorded from kubectl v1.35.2 on the files of tests/parity/corpus/file-lookups.sh.
describe('get -f reports what it could not read or fetch as get.go does', () => {
  const cases: { name: string; failures: Failure[]; tables: string; printers: string; single: string }[] = [
    {
      name: 'a List with two unserved kinds',
      failures: [
        [{ seq: 1, list: 1 }, GIZMO_V1],
        [{ seq: 2, list: 1 }, GIZMO_EXAMPLE],
      ],
      tables: `[${GIZMO_V1}, ${GIZMO_EXAMPLE}]\n`,
      printers: `${GIZMO_V1}\n${GIZMO_EXAMPLE}\n`,
      single: `${GIZMO_V1}\n${GIZMO_EXAMPLE}\n`,
    },
    {
      name: 'a List item not found and one without apiVersion',
      failures: [
        [{ seq: 1, list: 1 }, NO_API_VERSION],
        [{ seq: 0, list: 1 }, notFound('configmaps', 'li-ok')],
      ],
      tables: `[configmaps "li-ok" not found, ${NO_API_VERSION}]\n`,
      printers: `Error from server (NotFound): configmaps "li-ok" not found\n${NO_API_VERSION}\n`,
      single: `Error from server (NotFound): configmaps "li-ok" not found\n${NO_API_VERSION}\n`,
    },
    {
      name: 'two documents not found',
      failures: [
        [{ seq: 1 }, notFound('configmaps', 'mix-missing')],
        [{ seq: 2 }, notFound('secrets', 'mix-secret-missing')],
      ],
      tables: 'Error from server (NotFound): configmaps "mix-missing" not found\nError from server (NotFound): secrets "mix-secret-missing" not found\n',
      printers: 'Error from server (NotFound): configmaps "mix-missing" not found\nError from server (NotFound): secrets "mix-secret-missing" not found\n',
      single: 'Error from server (NotFound): configmaps "mix-missing" not found\nError from server (NotFound): secrets "mix-secret-missing" not found\n',
    },
    {
      name: 'one unmapped document',
      failures: [[{ seq: 0 }, MAPPING]],
      tables: `${MAPPING}\n`,
      printers: `error: ${MAPPING}\n`,
      single: `error: ${MAPPING}\n`,
    },
    {
      name: 'a List item alone without apiVersion',
      failures: [[{ seq: 1, list: 1 }, NO_API_VERSION]],
      tables: `${NO_API_VERSION}\n`,
      printers: `error: ${NO_API_VERSION}\n`,
      single: `${NO_API_VERSION}\n`,
    },
  ];
  it.each(cases)('$name', ({ failures, tables, printers, single }) => {
    const errors = new FileLookupErrors();
    for (const [place, failure] of failures) {
      if (typeof failure === 'string') errors.builder(place, failure);
      else errors.lookup(place, failure);
    }
    expect({ tables: errors.forTables(), printers: errors.forPrinters(false), single: errors.forPrinters(true) }).toEqual({ tables, printers, single });
  });
});
