import { describe, expect, it } from 'vitest';
import { Lexer, Parser } from 'yaml';
import { newSession, runLine } from '../../tests/support/session.ts';
import { newFlatYamlParser } from './flat-yaml-parser.ts';

const HEAD = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\n';
const deepBlock = (levels: number) => Array.from({ length: levels }, (_, i) => `\n${'  '.repeat(i + 1)}a:`).join('') + ' x\n';

function tokens(parser: Parser, text: string): unknown[] {
  const out: unknown[] = [];
  for (const lexeme of new Lexer().lex(text)) out.push(...parser.next(lexeme));
  out.push(...parser.end());
  return out;
}

describe('newFlatYamlParser', () => {
  it.each([
    { name: 'a manifest', text: `${HEAD}data:\n  k: v\n` },
    { name: 'dedent over nested maps and sequences', text: `a:\n  b:\n    - c: 1\n      d:\n        - e\n  f: 2\ng: 3\n` },
    { name: 'flow collections', text: `a: {b: [1, 2, {c: d}], e: f}\ng: [h]\n` },
    { name: 'several documents', text: `a: 1\n---\nb:\n  c: 2\n...\n---\n- d\n` },
    { name: 'an unclosed flow mapping', text: `{a: 1\nb:\n  - c\n  - d\ne: f\n` },
    { name: 'explicit keys and comments', text: `? a\n: b\n# c\nd: # e\n  f: g\n` },
    { name: 'a block scalar', text: `a: |\n  x\n  y\nb: >-\n  z\n` },
    { name: 'a broken document', text: `a: b: c\n- d\n  e: ]\n` },
    { name: 'a deep block mapping closed by a key at column 0', text: `x:${deepBlock(50)}y: z\n` },
  ])('builds the same tokens as the yaml package for $name', ({ text }) => {
    expect(
      tokens(
        newFlatYamlParser(() => undefined),
        text,
      ),
    ).toEqual(tokens(new Parser(() => undefined), text));
  });
});

// As kubectl v1.35.2 answers `create --dry-run=client -f m.yaml` (-o yaml against cka-lab serve).
describe('kubectl reading YAML that closes thousands of levels at once', () => {
  it('reads a block mapping 2,500 levels deep followed by a key at column 0', async () => {
    const session = await newSession();
    session.fs.writeFile(`${session.shell.cwd}/m.yaml`, `${HEAD}extra:${deepBlock(2_500)}data:\n  k: v\n`);
    const extra = Array.from({ length: 2_500 }, (_, i) => `${'  '.repeat(i + 1)}a:`).join('\n');
    expect(await runLine(session, 'kubectl create --dry-run=client -o yaml -f m.yaml')).toEqual({
      stdout: `apiVersion: v1\ndata:\n  k: v\nextra:\n${extra} x\nkind: ConfigMap\nmetadata:\n  name: deep\n  namespace: default\n`,
      stderr: '',
      code: 0,
    });
  }, 60_000);

  // The shape of manifests fuzz seed 2002 input 157: a `{` before block YAML with a long list.
  it('reports the JSON error for an unclosed brace before thousands of block lines', async () => {
    const session = await newSession();
    const items = Array.from({ length: 3_000 }, (_, i) => `    - name: e${i}\n      value: v\n`).join('');
    session.fs.writeFile(`${session.shell.cwd}/m.yaml`, `{apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels:\n${items}data:\n  k: v\n`);
    expect(await runLine(session, 'kubectl create --dry-run=client -o name -f m.yaml')).toEqual({
      stdout: '',
      stderr: "error: error parsing m.yaml: json: offset 2: invalid character 'a' looking for beginning of object key string\n",
      code: 1,
    });
  }, 60_000);
});
