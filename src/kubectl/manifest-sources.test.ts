import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../tests/support/session.ts';

const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;

const TREE: Record<string, string> = {
  'd/a.yaml': cm('cm-a'),
  'd/b.yaml': cm('cm-b'),
  'd/c.yaml': cm('cm-c'),
  'd/sub/s.yml': cm('cm-sub'),
  'd/sub/deeper/x.json': '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm-deep"}}',
  'd/.hid/h.yaml': cm('cm-hid'),
  'd/readme.txt': 'junk\n',
};

// kubectl v1.35.2 against a served cluster, on the same tree.
const cases: { name: string; line: string; stdout: string; stderr: string; code: number }[] = [
  {
    name: 'a directory gives its own manifests only',
    line: 'kubectl apply -f d --dry-run=client',
    stdout: 'configmap/cm-a created (dry run)\nconfigmap/cm-b created (dry run)\nconfigmap/cm-c created (dry run)\n',
    stderr: '',
    code: 0,
  },
  {
    name: '-R walks subdirectories, hidden ones too, in lexical order',
    line: 'kubectl apply -f d -R --dry-run=client',
    stdout: ['cm-hid', 'cm-a', 'cm-b', 'cm-c', 'cm-deep', 'cm-sub'].map((n) => `configmap/${n} created (dry run)\n`).join(''),
    stderr: '',
    code: 0,
  },
  {
    name: 'messages name each file by its joined path',
    line: 'kubectl delete -f d/ --recursive',
    stdout: '',
    stderr: [
      ['d/.hid/h.yaml', 'cm-hid'],
      ['d/a.yaml', 'cm-a'],
      ['d/b.yaml', 'cm-b'],
      ['d/c.yaml', 'cm-c'],
      ['d/sub/deeper/x.json', 'cm-deep'],
      ['d/sub/s.yml', 'cm-sub'],
    ]
      .map(([file, name]) => `Error from server (NotFound): error when deleting "${file}": configmaps "${name}" not found\n`)
      .join(''),
    code: 1,
  },
  {
    name: 'a directory without manifests',
    line: 'kubectl apply -f e -R',
    stdout: '',
    stderr: 'error: error reading [e]: recognized file extensions are [.json .yaml .yml]\n',
    code: 1,
  },
  {
    name: 'an empty directory after one with manifests',
    line: 'kubectl apply -f d -f e --dry-run=client',
    stdout: 'configmap/cm-a created (dry run)\nconfigmap/cm-b created (dry run)\nconfigmap/cm-c created (dry run)\n',
    stderr: '',
    code: 0,
  },
  {
    name: 'an empty directory before one with manifests',
    line: 'kubectl apply -f e -f d --dry-run=client',
    stdout: '',
    stderr: 'error: error reading [e]: recognized file extensions are [.json .yaml .yml]\n',
    code: 1,
  },
  { name: 'a path that does not exist', line: 'kubectl apply -f nope -R', stdout: '', stderr: 'error: the path "nope" does not exist\n', code: 1 },
  {
    name: 'a file named itself is read whatever its extension',
    line: 'kubectl apply -f d/readme.txt -R',
    stdout: '',
    stderr:
      'error: error validating "d/readme.txt": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false\n',
    code: 1,
  },
];

describe('manifestSources', () => {
  it.each(cases)(
    '$name',
    async ({ line, stdout, stderr, code }) => {
      const session = await newSession();
      const cwd = session.shell.cwd;
      for (const [path, text] of Object.entries(TREE)) {
        session.fs.mkdir(`${cwd}/${path.slice(0, path.lastIndexOf('/'))}`, { recursive: true });
        session.fs.writeFile(`${cwd}/${path}`, text);
      }
      session.fs.mkdir(`${cwd}/e`, { recursive: true });
      expect(await runLine(session, line)).toEqual({ stdout, stderr, code });
    },
    60_000,
  );
});
