import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';

const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  COLOR: blue\n';
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: nginx\n    image: nginx\n';
const BROKEN = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: broken\n spec:\n  containers: []\n';
const WIDGET = 'apiVersion: v1\nkind: Widget\nmetadata:\n  name: w\n';

const parseError = (file: string) => `error parsing ${file}: error converting YAML to JSON: yaml: line 4: did not find expected key`;
const mappingError = (name: string, file: string, kind: string) =>
  `resource mapping not found for name: "${name}" namespace: "" from "${file}": no matches for kind "${kind}" in version "v1"\nensure CRDs are installed first`;

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
    name: 'an unknown kind that no CRD defines has no mapping',
    files: { 'w.yaml': WIDGET },
    lines: ['kubectl create -f w.yaml'],
    want: { stdout: '', stderr: `error: ${mappingError('w', 'w.yaml', 'Widget')}\n`, code: 1 },
  },
  {
    name: 'an unknown kind with --validate=warn logs that the server cannot check it',
    files: { 'w.yaml': WIDGET },
    lines: ['kubectl create -f w.yaml --validate=warn'],
    want: {
      stdout: '',
      stderr: `W1122 22:00:00.000000       1 schema.go:145] cannot perform warn validation if server-side field validation is unsupported, skipping validation\nerror: ${mappingError('w', 'w.yaml', 'Widget')}\n`,
      code: 1,
    },
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
      stderr: `Error from server (AlreadyExists): error when creating "pod.yaml": pods "web" already exists\n[${parseError('broken.yaml')}, ${mappingError('w', 'w.yaml', 'Widget')}]\n`,
      code: 1,
    },
  },
  {
    name: 'a kind no CRD defines does not end its file: the documents after it are created',
    files: { 'm.yaml': `${CM}---\napiVersion: v1\nkind: Foo\nitems: []\n---\n${POD}` },
    lines: ['kubectl create -f m.yaml'],
    want: { stdout: 'configmap/settings created\npod/web created\n', stderr: `error: ${mappingError('', 'm.yaml', 'Foo')}\n`, code: 1 },
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
  // kubectl v1.35.2: -l filters the files' objects by their labels.
  {
    name: 'a selector keeps the objects it matches',
    files: {
      'two.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c1\n  labels: {app: one}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c2\n  labels: {app: two}\n',
    },
    lines: ['kubectl create -f two.yaml -l app=one --dry-run=client'],
    want: { stdout: 'configmap/c1 created (dry run)\n', stderr: '', code: 0 },
  },
  {
    name: 'a set-based selector',
    files: {
      'two.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c1\n  labels: {app: one}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c2\n  labels: {app: two}\n',
    },
    lines: ["kubectl create -f two.yaml -l 'app in (one,two)' --dry-run=server -o name"],
    want: { stdout: 'configmap/c1\nconfigmap/c2\n', stderr: '', code: 0 },
  },
  {
    name: 'a selector matching nothing leaves nothing to create',
    files: {
      'two.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c1\n  labels: {app: one}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c2\n  labels: {app: two}\n',
    },
    lines: ['kubectl create -f two.yaml -l app=none --dry-run=client'],
    want: { stdout: '', stderr: 'error: no objects passed to create\n', code: 1 },
  },
  {
    name: 'a selector that does not parse',
    files: {
      'two.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c1\n  labels: {app: one}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c2\n  labels: {app: two}\n',
    },
    lines: ["kubectl create -f two.yaml -l 'a b' --dry-run=client"],
    want: {
      stdout: '',
      stderr: 'error: the provided selector "a b" is not valid: unable to parse requirement: found \'b\', expected: in, notin, =, ==, !=, gt, lt\n',
      code: 1,
    },
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
