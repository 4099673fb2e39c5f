import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';

const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  COLOR: blue\n';
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: nginx\n    image: nginx\n';
const BROKEN = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: broken\n spec:\n  containers: []\n';
const WIDGET = 'apiVersion: v1\nkind: Widget\nmetadata:\n  name: w\n';

const parseError = (file: string) => `error parsing ${file}: error converting YAML to JSON: yaml: line 4: did not find expected key`;
const crdError = (file: string) =>
  `error validating "${file}": error validating data: failed to check CRD: failed to list CRDs: the server could not find the requested resource; if you choose to ignore these errors, turn validation off with --validate=false`;

// Outputs of kubectl v1.35.2 against a cluster without the CRD API (tests/parity/corpus/create-apply.sh).
const cases: { name: string; files: Record<string, string>; lines: string[]; want: { stdout: string; stderr: string; code: number } }[] = [
  {
    name: '-o name prints kind/name without the verb',
    files: { 'cm.yaml': CM },
    lines: ['kubectl create -f cm.yaml -o name'],
    want: { stdout: 'configmap/settings\n', stderr: '', code: 0 },
  },
  {
    name: 'a YAML error names the line as go-yaml does',
    files: { 'broken.yaml': BROKEN },
    lines: ['kubectl create -f broken.yaml'],
    want: { stdout: '', stderr: `error: ${parseError('broken.yaml')}\n`, code: 1 },
  },
  {
    name: 'an unknown kind fails the CRD look-up of validation',
    files: { 'w.yaml': WIDGET },
    lines: ['kubectl create -f w.yaml'],
    want: { stdout: '', stderr: `error: ${crdError('w.yaml')}\n`, code: 1 },
  },
  {
    name: 'an unknown kind with --validate=warn fails the CRD look-up too',
    files: { 'w.yaml': WIDGET },
    lines: ['kubectl create -f w.yaml --validate=warn'],
    want: { stdout: '', stderr: `error: ${crdError('w.yaml')}\n`, code: 1 },
  },
  {
    name: 'an unknown kind without validation has no mapping',
    files: { 'w.yaml': WIDGET },
    lines: ['kubectl create -f w.yaml --validate=false'],
    want: {
      stdout: '',
      stderr: 'error: resource mapping not found for name: "w" namespace: "" from "w.yaml": no matches for kind "Widget" in version "v1"\nensure CRDs are installed first\n',
      code: 1,
    },
  },
  {
    name: 'an empty file passes no objects',
    files: { 'empty.yaml': '' },
    lines: ['kubectl create -f empty.yaml'],
    want: { stdout: '', stderr: 'error: no objects passed to create\n', code: 1 },
  },
  {
    name: 'a directory goes on past failures and reports them together',
    files: { 'pod.yaml': POD, 'cm.yaml': CM, 'broken.yaml': BROKEN, 'w.yaml': WIDGET, 'notes.txt': 'x' },
    lines: ['kubectl create -f pod.yaml', 'kubectl create -f .'],
    want: {
      stdout: 'configmap/settings created\n',
      stderr: `Error from server (AlreadyExists): error when creating "pod.yaml": pods "web" already exists\n[${parseError('broken.yaml')}, ${crdError('w.yaml')}]\n`,
      code: 1,
    },
  },
  {
    name: 'a validation error ends its file: the documents after it are not read',
    files: { 'm.yaml': `${CM}---\napiVersion: v1\nkind: Foo\nitems: []\n---\n${POD}` },
    lines: ['kubectl create -f m.yaml'],
    want: { stdout: 'configmap/settings created\n', stderr: `error: ${crdError('m.yaml')}\n`, code: 1 },
  },
  {
    name: 'a List holding a list refuses the whole List',
    files: { 'l.yaml': 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: g1\n- apiVersion: v1\n  kind: List\n  items: []\n' },
    lines: ['kubectl create -f l.yaml'],
    want: { stdout: '', stderr: 'error: *unstructured.Unstructured is not a list: no Items field in this object\n', code: 1 },
  },
  {
    name: 'a List item without metadata passes client-side validation and prints as <unknown>',
    files: {
      'l.yaml': 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: g1\n- apiVersion: v1\n  kind: ConfigMap\n  data: {a: b}\n',
    },
    lines: ['kubectl create --dry-run=client -o name -f l.yaml'],
    want: { stdout: 'configmap/g1\nconfigmap/<unknown>\n', stderr: '', code: 0 },
  },
];

describe('kubectl create -f', () => {
  it.each(cases)('$name', async ({ files, lines, want }) => {
    const session = await newSession();
    for (const [name, text] of Object.entries(files)) session.fs.writeFile(`${session.shell.cwd}/${name}`, text);
    let last = { stdout: '', stderr: '', code: 0 };
    for (const line of lines) last = await runLine(session, line);
    expect(last).toEqual(want);
  });
});
