import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../tests/support/session.ts';

const CM = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm4' }, bogus: 1 };
const invalid = (file: string, why: string) =>
  `error: error validating "${file}": error validating data: ${why}; if you choose to ignore these errors, turn validation off with --validate=false\n`;

// kubectl v1.35.2 `apply -f FILE --dry-run=server` against a served cluster: any document holding
// items is a list (unstructured decodeToList); a `<Kind>List` of a served kind maps, and is
// validated whole against its own schema; only a v1 List is validated item by item.
const cases: { name: string; doc: unknown; flags: string; stdout: string; stderr: string; code: number }[] = [
  {
    name: 'a ConfigMapList is validated against its schema',
    doc: { apiVersion: 'v1', kind: 'ConfigMapList', items: [CM] },
    flags: '',
    stdout: '',
    stderr: invalid('l.json', 'ValidationError(ConfigMapList.items[0]): unknown field "bogus" in io.k8s.api.core.v1.ConfigMap'),
    code: 1,
  },
  {
    name: 'a ConfigMapList without validation is created item by item',
    doc: { apiVersion: 'v1', kind: 'ConfigMapList', items: [CM] },
    flags: ' --validate=false',
    stdout: 'configmap/cm4 created (server dry run)\n',
    stderr: '',
    code: 0,
  },
  {
    name: 'items of a typed list without apiVersion and kind take the list’s',
    doc: { apiVersion: 'v1', kind: 'ConfigMapList', items: [{ metadata: { name: 't1' }, data: { a: 'b' } }] },
    flags: '',
    stdout: 'configmap/t1 created (server dry run)\n',
    stderr: '',
    code: 0,
  },
  {
    name: 'a List of another group is not validated',
    doc: { apiVersion: 'apps/v1', kind: 'List', items: [CM] },
    flags: '',
    stdout: '',
    stderr:
      'Error from server (BadRequest): error when creating "l.json": ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "bogus"\n',
    code: 1,
  },
  {
    name: 'a list of a kind nobody serves does not map',
    doc: { apiVersion: 'v1', kind: 'FooList', items: [CM] },
    flags: '',
    stdout: '',
    stderr: 'error: resource mapping not found for name: "" namespace: "" from "l.json": no matches for kind "FooList" in version "v1"\nensure CRDs are installed first\n',
    code: 1,
  },
];

// A fresh session per case: slower than the default 5 s on a loaded machine.
describe('typed lists', { timeout: 20_000 }, () => {
  it.each(cases)('$name', async ({ doc, flags, stdout, stderr, code }) => {
    const session = await newSession();
    session.fs.writeFile(`${session.shell.cwd}/l.json`, JSON.stringify(doc));
    expect(await runLine(session, `kubectl apply -f l.json --dry-run=server${flags}`)).toEqual({ stdout, stderr, code });
  });
});
