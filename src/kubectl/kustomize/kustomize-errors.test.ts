import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';

// kubectl v1.35.2 (kustomize v5.7.1) `kubectl kustomize DIR` from ROOT, each directory laid out as `files` says.
const ROOT = '/root/k';
const cases: { name: string; files: Record<string, string>; dir: string; want: string }[] = [
  {
    name: 'no kustomization file',
    files: { 'empty/.keep': '' },
    dir: 'empty',
    want: `unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '${ROOT}/empty'`,
  },
  {
    name: 'no such directory',
    files: {},
    dir: 'nodir',
    want: `must build at directory: not a valid directory: evalsymlink failure on 'nodir' : lstat ${ROOT}/nodir: no such file or directory`,
  },
  {
    name: 'missing resource',
    files: { 'badres/kustomization.yaml': 'resources: [nope.yaml]\n' },
    dir: 'badres',
    want: `accumulating resources: accumulation err='accumulating resources from 'nope.yaml': evalsymlink failure on '${ROOT}/badres/nope.yaml' : lstat ${ROOT}/badres/nope.yaml: no such file or directory': must build at directory: not a valid directory: evalsymlink failure on '${ROOT}/badres/nope.yaml' : lstat ${ROOT}/badres/nope.yaml: no such file or directory`,
  },
  {
    name: 'cycle',
    files: { 'cyc/a/kustomization.yaml': 'resources: [../b]\n', 'cyc/b/kustomization.yaml': 'resources: [../a]\n' },
    dir: 'cyc/a',
    want: `accumulating resources: accumulation err='accumulating resources from '../b': '${ROOT}/cyc/b' must resolve to a file': recursed accumulation of path '${ROOT}/cyc/b': accumulating resources: accumulation err='accumulating resources from '../a': '${ROOT}/cyc/a' must resolve to a file': cycle detected: candidate root '${ROOT}/cyc/a' contains visited root '${ROOT}/cyc/a'`,
  },
  { name: 'unknown field', files: { 'yml/kustomization.yml': 'resources: []\nbogus: 1\n' }, dir: 'yml', want: 'invalid Kustomization: json: unknown field "bogus"' },
  {
    name: 'two kustomization files',
    files: { 'two/kustomization.yml': 'resources: []\n', 'two/kustomization.yaml': 'resources: []\n' },
    dir: 'two',
    want: `Found multiple kustomization files under: ${ROOT}/two`,
  },
  { name: 'empty kustomization', files: { 'e/kustomization.yaml': '' }, dir: 'e', want: 'kustomization.yaml is empty' },
  {
    name: 'literal without a value',
    files: { 'lit/kustomization.yaml': 'configMapGenerator:\n- name: a\n  literals: [novalue]\n' },
    dir: 'lit',
    want: 'loading KV pairs: literal sources [novalue]: invalid literal source novalue, expected key=value',
  },
  {
    name: 'file outside the root',
    files: { 'outside/x.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: o\n', 'outside/k/kustomization.yaml': 'resources: [../x.yaml]\n' },
    dir: 'outside/k',
    want: `accumulating resources: accumulation err='accumulating resources from '../x.yaml': security; file '${ROOT}/outside/x.yaml' is not in or below '${ROOT}/outside/k'': must build at directory: '${ROOT}/outside/x.yaml': file is not directory`,
  },
  {
    name: 'directory without a kustomization',
    files: { 'nokust/kustomization.yaml': 'resources: [sub]\n', 'nokust/sub/.keep': '' },
    dir: 'nokust',
    want: `accumulating resources: accumulation err='accumulating resources from 'sub': '${ROOT}/nokust/sub' must resolve to a file': couldn't make target for path '${ROOT}/nokust/sub': unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '${ROOT}/nokust/sub'`,
  },
  {
    name: 'missing generator file',
    files: { 'badfile/kustomization.yaml': 'configMapGenerator:\n- name: a\n  files: [nope.txt]\n' },
    dir: 'badfile',
    want: `loading KV pairs: file sources: [nope.txt]: evalsymlink failure on '${ROOT}/badfile/nope.txt' : lstat ${ROOT}/badfile/nope.txt: no such file or directory`,
  },
  {
    name: 'strategic merge patch without a target',
    files: {
      'p/kustomization.yaml':
        'resources: [cm.yaml]\npatches:\n- patch: |-\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: nope\n    spec:\n      replicas: 2\n',
      'p/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n',
    },
    dir: 'p',
    want: 'no resource matches strategic merge patch "Deployment.v1.apps/nope.[noNs]": no matches for Id Deployment.v1.apps/nope.[noNs]; failed to find unique target for patch Deployment.v1.apps/nope.[noNs]',
  },
  {
    name: 'json patch on a missing path',
    files: {
      'j/kustomization.yaml': 'resources: [cm.yaml]\npatches:\n- target: {kind: ConfigMap}\n  patch: |-\n    - op: replace\n      path: /spec/nothere/x\n      value: 5\n',
      'j/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n',
    },
    dir: 'j',
    want: 'replace operation does not apply: doc is missing path: /spec/nothere/x: missing value',
  },
];

describe('kubectl kustomize errors', () => {
  it.each(cases)(
    '$name',
    async ({ files, dir, want }) => {
      const session = await newSession();
      session.fs.mkdir(ROOT, { recursive: true });
      for (const [path, text] of Object.entries(files)) {
        session.fs.mkdir(`${ROOT}/${path}`.replace(/\/[^/]*$/, ''), { recursive: true });
        session.fs.writeFile(`${ROOT}/${path}`, text);
      }
      expect(await runLine(session, `cd ${ROOT} && kubectl kustomize ${dir}`)).toEqual({ stdout: '', stderr: `error: ${want}\n`, code: 1 });
    },
    30_000,
  );
});
