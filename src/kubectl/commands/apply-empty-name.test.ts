import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';

// kubectl v1.35.2 `ARGS -f m.yaml` against a served cluster: an object without a usable name is
// refused before any request (a name that is not a string reads as empty).
const cases: { name: string; args: string; text: string; stderr: string }[] = [
  {
    name: 'no name',
    args: 'apply',
    text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: {a: b}\n',
    stderr:
      'error: error when retrieving current configuration of:\nResource: "/v1, Resource=configmaps", GroupVersionKind: "/v1, Kind=ConfigMap"\nName: "", Namespace: "default"\nfrom server for: "m.yaml": resource name may not be empty\n',
  },
  {
    name: 'no name, server-side',
    args: 'apply --server-side',
    text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: {a: b}\n',
    stderr: 'error: resource name may not be empty\n',
  },
  {
    name: 'a generate name',
    args: 'apply',
    text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  generateName: x-\nspec: {}\n',
    stderr: 'error: from x-: cannot use generate name with apply\n',
  },
  {
    name: 'a generate name, server-side',
    args: 'apply --server-side',
    text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  generateName: x-\nspec: {}\n',
    stderr: 'error: from x-: cannot use generate name with apply\n',
  },
  {
    name: 'a list as a List item name, unvalidated',
    args: 'apply --validate=false',
    text: '{"apiVersion":"v1","kind":"List","items":[{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":["a"]}}]}',
    stderr:
      'error: error when retrieving current configuration of:\nResource: "/v1, Resource=configmaps", GroupVersionKind: "/v1, Kind=ConfigMap"\nName: "", Namespace: "default"\nfrom server for: "m.yaml": resource name may not be empty\n',
  },
  {
    name: 'a list as a List item name, unvalidated, server-side',
    args: 'apply --server-side --validate=false',
    text: '{"apiVersion":"v1","kind":"List","items":[{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":["a"]}}]}',
    stderr: 'error: resource name may not be empty\n',
  },
];

describe('apply of an object without a name', () => {
  it.each(cases)('$name', async ({ args, text, stderr }) => {
    const session = await newSession();
    session.fs.writeFile(`${session.shell.cwd}/m.yaml`, text);
    expect(await runLine(session, `kubectl ${args} -f m.yaml`)).toEqual({ stdout: '', stderr, code: 1 });
  });
});
