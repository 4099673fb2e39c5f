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
  {
    name: 'a kustomization listed as a component',
    files: {
      'c1/kustomization.yaml': 'resources: [r.yaml]\ncomponents: [c]\n',
      'c1/r.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: o\n',
      'c1/c/kustomization.yaml': 'namePrefix: x-\n',
    },
    dir: 'c1',
    want: `accumulating components: accumulateDirectory: "expected kind 'Component' for path '${ROOT}/c1/c' but got 'Kustomization'"`,
  },
  {
    name: 'a component listed as a resource',
    files: { 'c2/kustomization.yaml': 'resources: [c]\n', 'c2/c/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nnamePrefix: a-\n' },
    dir: 'c2',
    want: `accumulating resources: accumulation err='accumulating resources from 'c': '${ROOT}/c2/c' must resolve to a file': expected kind != 'Component' for path '${ROOT}/c2/c'`,
  },
  {
    name: 'a missing component',
    files: { 'c3/kustomization.yaml': 'components: [nope]\n' },
    dir: 'c3',
    want: `accumulating components: loader.New "must build at directory: not a valid directory: evalsymlink failure on '${ROOT}/c3/nope' : lstat ${ROOT}/c3/nope: no such file or directory"`,
  },
  {
    name: 'a file listed as a component',
    files: { 'c9/kustomization.yaml': 'components: [r.yaml]\n', 'c9/r.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: o\n' },
    dir: 'c9',
    want: `accumulating components: loader.New "must build at directory: '${ROOT}/c9/r.yaml': file is not directory"`,
  },
  {
    name: 'a component with an unknown field',
    files: {
      'c8/kustomization.yaml': 'resources: [r.yaml]\ncomponents: [c]\n',
      'c8/r.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: o\n',
      'c8/c/kustomization.yaml': 'kind: Component\nbogus: 1\n',
    },
    dir: 'c8',
    want: `accumulating components: accumulateDirectory: "couldn't make target for path '${ROOT}/c8/c': invalid Kustomization: json: unknown field \\"bogus\\""`,
  },
  {
    name: 'a component with nothing but its kind',
    files: { 'c4/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n' },
    dir: 'c4',
    want: 'kustomization.yaml is empty',
  },
  {
    name: 'a component with a kustomization apiVersion',
    files: { 'c5/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Component\nnamePrefix: a-\n' },
    dir: 'c5',
    want: `Failed to read kustomization file under ${ROOT}/c5:\napiVersion for Component should be kustomize.config.k8s.io/v1alpha1`,
  },
  {
    name: 'an unknown kind and apiVersion',
    files: { 'c6/kustomization.yaml': 'kind: Foo\napiVersion: v2\nnamePrefix: a-\n' },
    dir: 'c6',
    want: `Failed to read kustomization file under ${ROOT}/c6:\nkind should be Kustomization or Component\napiVersion for Foo should be kustomize.config.k8s.io/v1beta1`,
  },
  {
    name: 'an unknown apiVersion without a kind',
    files: { 'c7/kustomization.yaml': 'apiVersion: v2\nnamePrefix: a-\n' },
    dir: 'c7',
    want: `Failed to read kustomization file under ${ROOT}/c7:\napiVersion for Kustomization should be kustomize.config.k8s.io/v1beta1`,
  },
  {
    name: 'components as a string',
    files: { 'c0/kustomization.yaml': 'components: foo\n' },
    dir: 'c0',
    want: 'invalid Kustomization: json: cannot unmarshal string into Go struct field Kustomization.components of type []string',
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
