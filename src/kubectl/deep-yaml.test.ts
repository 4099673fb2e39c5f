import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../tests/support/session.ts';

const HEAD = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\nextra: ';
const flow = (levels: number) => `${'{a: '.repeat(levels)}x${'}'.repeat(levels)}`;
const block = (levels: number) => Array.from({ length: levels }, (_, i) => `\n${'  '.repeat(i + 1)}a:`).join('') + ' x';
const json = (levels: number) => `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"deep"},"extra":${'{"a":'.repeat(levels)}"x"${'}'.repeat(levels)}}`;

// kubectl v1.35.2 `create --dry-run=client -f m.yaml` on manifests nested past the yaml package's stack.
const cases: { name: string; text: string; stderr: string }[] = [
  { name: 'a flow mapping 10,001 levels deep', text: HEAD + flow(10_001), stderr: 'error converting YAML to JSON: yaml: line 5: exceeded max depth of 10000' },
  { name: 'a block mapping 10,001 levels deep', text: HEAD + block(10_001), stderr: 'error converting YAML to JSON: yaml: line 10005: exceeded max depth of 10000' },
  {
    name: 'YAML within its limits but 10,001 levels in all',
    text: HEAD + flow(10_000),
    stderr: "error unmarshaling JSON: while decoding JSON: invalid character '{' exceeded max depth",
  },
  { name: 'JSON 10,001 levels deep', text: json(10_000), stderr: "json: offset 50069: invalid character '{' exceeded max depth" },
  {
    name: 'a broken quoted scalar 300 levels deep',
    text: `${HEAD}${'{a: '.repeat(300)}"x" y${'}'.repeat(300)}`,
    stderr: "error converting YAML to JSON: yaml: line 4: did not find expected ',' or '}'",
  },
  { name: 'a one-line flow sequence past the limit', text: '['.repeat(20_000), stderr: 'error converting YAML to JSON: yaml: exceeded max depth of 10000' },
];

describe('deep manifests', () => {
  it.each(cases)(
    'refuses $name',
    async ({ text, stderr }) => {
      const session = await newSession();
      session.fs.writeFile(`${session.shell.cwd}/m.yaml`, text);
      expect(await runLine(session, 'kubectl create --dry-run=client -f m.yaml')).toEqual({ stdout: '', stderr: `error: error parsing m.yaml: ${stderr}\n`, code: 1 });
    },
    60_000,
  );

  it.each([
    { name: 'flow YAML', text: HEAD + flow(2_500) },
    { name: 'block YAML', text: HEAD + block(2_500) },
    { name: 'JSON', text: json(2_500) },
  ])(
    'prints 2,500 levels of $name with -o yaml',
    async ({ text }) => {
      const session = await newSession();
      session.fs.writeFile(`${session.shell.cwd}/m.yaml`, text);
      const extra = Array.from({ length: 2_500 }, (_, i) => `${'  '.repeat(i + 1)}a:`).join('\n');
      expect(await runLine(session, 'kubectl create --dry-run=client -o yaml -f m.yaml')).toEqual({
        stdout: `apiVersion: v1\nextra:\n${extra} x\nkind: ConfigMap\nmetadata:\n  name: deep\n  namespace: default\n`,
        stderr: '',
        code: 0,
      });
    },
    60_000,
  );
  // kubectl v1.35.2 against a served cluster: the server drops the unknown field, so the second
  // apply's three-way patch walks all 9,000 levels of last-applied and the manifest.
  it('applies a 9,000-level manifest a second time', async () => {
    const session = await newSession();
    session.fs.writeFile(`${session.shell.cwd}/m.yaml`, HEAD + flow(9_000));
    expect(await runLine(session, 'kubectl apply --validate=false -f m.yaml')).toEqual({ stdout: 'configmap/deep created\n', stderr: '', code: 0 });
    expect(await runLine(session, 'kubectl apply --validate=false -f m.yaml')).toEqual({ stdout: 'configmap/deep configured\n', stderr: '', code: 0 });
  }, 120_000);
});
