import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';

// kubectl v1.35.2 (kustomize v5.7.1) `kubectl kustomize d` with a Deployment `web` (container
// `web`) and a replacement whose target path selects the container by `[name=PATTERN]`: a pattern
// Go's regexp refuses is named by Go's parser, a valid one matches unanchored.
const ROOT = '/root/k';
const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        image: nginx\n';
const kustomization = (pattern: string) =>
  `resources:\n- d.yaml\nreplacements:\n- source:\n    kind: Deployment\n    fieldPath: metadata.name\n  targets:\n  - select:\n      kind: Deployment\n    fieldPaths:\n    - spec.template.spec.containers.[name=${pattern}].image\n`;
const refused = (pattern: string, why: string) =>
  `error: unable to find field "spec.template.spec.containers.[name=${pattern}].image" in replacement target: error parsing regexp: ${why}\n`;

const cases: { name: string; pattern: string; stderr: string }[] = [
  { name: 'missing closing paren', pattern: 'a(b', stderr: refused('a(b', 'missing closing ): `a(b`') },
  { name: 'unexpected paren', pattern: 'a)b', stderr: refused('a)b', 'unexpected ): `a)b`') },
  { name: 'missing closing bracket', pattern: '[a', stderr: refused('[a', 'missing closing ]: `[a`') },
  { name: 'nested repetition', pattern: 'a**', stderr: refused('a**', 'invalid nested repetition operator: `**`') },
  { name: 'a possessive-looking repeat', pattern: 'a+++', stderr: refused('a+++', 'invalid nested repetition operator: `++`') },
  { name: 'missing repeat argument', pattern: '*a', stderr: refused('*a', 'missing argument to repetition operator: `*`') },
  { name: 'repeat count min over max', pattern: 'a{2,1}', stderr: refused('a{2,1}', 'invalid repeat count: `{2,1}`') },
  { name: 'unterminated named capture', pattern: '(?P<n', stderr: refused('(?P<n', 'invalid named capture: `(?P<n`') },
  { name: 'reversed class range', pattern: 'a[z-a]', stderr: refused('a[z-a]', 'invalid character class range: `z-a`') },
  { name: 'unknown perl flag', pattern: '(?z)a', stderr: refused('(?z)a', 'invalid or unsupported Perl syntax: `(?z`') },
  {
    name: 'an invalid escape, the path quoted as Go quotes it',
    pattern: 'x\\8',
    stderr: 'error: unable to find field "spec.template.spec.containers.[name=x\\\\8].image" in replacement target: error parsing regexp: invalid escape sequence: `\\8`\n',
  },
];

async function build(pattern: string) {
  const session = await newSession();
  session.fs.mkdir(`${ROOT}/d`, { recursive: true });
  session.fs.writeFile(`${ROOT}/d/d.yaml`, DEPLOYMENT);
  session.fs.writeFile(`${ROOT}/d/kustomization.yaml`, kustomization(pattern));
  return runLine(session, `cd ${ROOT} && kubectl kustomize d`);
}

describe('kubectl kustomize target [k=v] regexp', () => {
  it.each(cases)('$name', async ({ pattern, stderr }) => expect(await build(pattern)).toEqual({ stdout: '', stderr, code: 1 }), 30_000);

  it('a Go-only flag group matches', async () => {
    const got = await build('(?i)WE');
    expect(got).toMatchObject({ stderr: '', code: 0 });
    expect(got.stdout).toContain('      - image: web\n        name: web\n');
  }, 30_000);
});
