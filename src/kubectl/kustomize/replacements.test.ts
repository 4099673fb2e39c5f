import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';

// kubectl v1.35.2 (kustomize v5.7.1) `kubectl kustomize DIR` from ROOT: DIR holds r.yaml (two
// ConfigMaps, env and env2 in ns1) and a kustomization listing it with the `replacements` below.
const ROOT = '/root/k';
const RESOURCES =
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: env\ndata:\n  A: x\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: env2\n  namespace: ns1\ndata:\n  A: x\n';
const cases: { name: string; replacements: string; files?: Record<string, string>; want: string }[] = [
  {
    name: 'a source nothing selects',
    replacements: '- source: {kind: Secret}\n  targets: [{select: {kind: ConfigMap}, fieldPaths: [data.A]}]',
    want: 'nothing selected by Secret.[noVer].[noGrp]/[noName].[noNs]',
  },
  {
    name: 'a source selector with every field',
    replacements:
      '- source: {group: apps, version: v1, kind: Deployment, name: s, namespace: x, fieldPath: data.x, options: {delimiter: "-", index: 2, create: true}}\n  targets: [{select: {kind: ConfigMap}, fieldPaths: [data.A]}]',
    want: 'nothing selected by Deployment.v1.apps/s.x:data.x:-(2), create=true',
  },
  {
    name: 'a source selector with a name only',
    replacements: '- source: {name: s, fieldPath: data.x}\n  targets: [{select: {kind: ConfigMap}, fieldPaths: [data.A]}]',
    want: 'nothing selected by [noKind].[noVer].[noGrp]/s.[noNs]:data.x',
  },
  {
    name: 'a source two objects match',
    replacements: '- source: {kind: ConfigMap}\n  targets: [{select: {kind: ConfigMap}, fieldPaths: [data.A]}]',
    want: 'multiple matches for selector ConfigMap.[noVer].[noGrp]/[noName].[noNs]',
  },
  {
    name: 'a source field that is missing',
    replacements: '- source: {kind: ConfigMap, name: env, fieldPath: data.B}\n  targets: [{select: {kind: ConfigMap}, fieldPaths: [data.A]}]',
    want: 'fieldPath `data.B` is missing for replacement source ConfigMap.[noVer].[noGrp]/env.[noNs]',
  },
  {
    name: 'a source field missing in a namespaced object',
    replacements: '- source: {version: v1, kind: ConfigMap, name: env2, namespace: ns1, fieldPath: data.B}\n  targets: [{select: {kind: ConfigMap}, fieldPaths: [data.A]}]',
    want: 'fieldPath `data.B` is missing for replacement source ConfigMap.v1.[noGrp]/env2.ns1',
  },
  {
    name: 'a target field that is missing',
    replacements: '- source: {kind: ConfigMap, name: env, fieldPath: data.A}\n  targets: [{select: {kind: ConfigMap}, fieldPaths: [data.C]}]',
    want: 'unable to find field "data.C" in replacement target',
  },
  {
    name: 'a target field created under a scalar',
    replacements: '- source: {kind: ConfigMap, name: env, fieldPath: data.A}\n  targets: [{select: {kind: ConfigMap}, fieldPaths: [data.A.x], options: {create: true}}]',
    want: 'unable to find or create field "data.A.x" in replacement target: wrong node kind: expected MappingNode but got ScalarNode: node contents:\nx',
  },
  {
    name: 'a target index into a scalar',
    replacements: '- source: {kind: ConfigMap, name: env, fieldPath: data.A}\n  targets: [{select: {kind: ConfigMap}, fieldPaths: [data.A.3]}]',
    want: 'unable to find field "data.A.3" in replacement target: wrong node kind: expected SequenceNode but got ScalarNode: node contents:\nx',
  },
  {
    name: 'a list element without a value to match',
    replacements: '- source: {kind: ConfigMap, name: env, fieldPath: data.A}\n  targets: [{select: {kind: ConfigMap}, fieldPaths: ["data.[a]"]}]',
    want: 'unable to find field "data.[a]" in replacement target: list path element must contain fieldName=fieldValue for element to match',
  },
  { name: 'no targets', replacements: '- source: {kind: ConfigMap, name: env, fieldPath: data.A}', want: 'replacements must specify a source and at least one target' },
  {
    name: 'a target without select',
    replacements: '- source: {kind: ConfigMap, name: env, fieldPath: data.A}\n  targets: [{fieldPaths: [data.A]}]',
    want: 'target must specify resources to select',
  },
  {
    name: 'a source and a source value',
    replacements: '- source: {kind: ConfigMap, name: env, fieldPath: data.A}\n  sourceValue: x\n  targets: [{select: {kind: ConfigMap}, fieldPaths: [data.A]}]',
    want: 'value and resource selectors are mutually exclusive',
  },
  {
    name: 'an index past the split source',
    replacements: '- source: {kind: ConfigMap, name: env, fieldPath: data.A, options: {delimiter: ".", index: 3}}\n  targets: [{select: {kind: ConfigMap}, fieldPaths: [data.A]}]',
    want: 'options.index 3 is out of bounds for value x',
  },
  {
    name: 'a delimiter on a map',
    replacements: '- source: {kind: ConfigMap, name: env, fieldPath: data, options: {delimiter: "."}}\n  targets: [{select: {kind: ConfigMap}, fieldPaths: [data.A]}]',
    want: 'delimiter option can only be used with scalar nodes',
  },
  {
    name: 'a path and an inline replacement',
    replacements: '- path: x.yaml\n  source: {kind: ConfigMap, name: env, fieldPath: data.A}',
    want: 'trouble configuring builtin ReplacementTransformer with config: `\nReplacements:\n- path: x.yaml\n  source:\n    fieldPath: data.A\n    kind: ConfigMap\n    name: env\n`: cannot specify both path and inline replacement',
  },
  {
    name: 'a path to a missing file',
    replacements: '- path: x.yaml',
    want: `trouble configuring builtin ReplacementTransformer with config: \`\nReplacements:\n- path: x.yaml\n\`: evalsymlink failure on '${ROOT}/d/x.yaml' : lstat ${ROOT}/d/x.yaml: no such file or directory`,
  },
  {
    name: 'a path outside the kustomization',
    replacements: '- path: ../r.yaml',
    files: { 'r.yaml': RESOURCES },
    want: `trouble configuring builtin ReplacementTransformer with config: \`\nReplacements:\n- path: ../r.yaml\n\`: security; file '${ROOT}/r.yaml' is not in or below '${ROOT}/d'`,
  },
  {
    name: 'a path to a file holding a string',
    replacements:
      '- path: x.yaml\n- source: {kind: ConfigMap, name: env, fieldPath: data.A, options: {delimiter: "-", index: 0, create: false}}\n  targets:\n  - fieldPaths: [data.A]\n    reject: [{name: a}]\n    options: {create: true}\n  sourceValue: "x"',
    files: { 'd/x.yaml': 'hello\n' },
    want: "trouble configuring builtin ReplacementTransformer with config: `\nReplacements:\n- path: x.yaml\n- source:\n    fieldPath: data.A\n    kind: ConfigMap\n    name: env\n    options:\n      delimiter: '-'\n  sourceValue: x\n  targets:\n  - fieldPaths:\n    - data.A\n    options:\n      create: true\n    reject:\n    - name: a\n    select: null\n`: unsupported replacement type encountered within replacement path: string",
  },
  {
    name: 'a path to a file holding a number',
    replacements: '- path: x.yaml',
    files: { 'd/x.yaml': '5\n' },
    want: 'trouble configuring builtin ReplacementTransformer with config: `\nReplacements:\n- path: x.yaml\n`: unsupported replacement type encountered within replacement path: float64',
  },
  {
    name: 'a path to an empty file',
    replacements: '- path: x.yaml',
    files: { 'd/x.yaml': '' },
    want: 'trouble configuring builtin ReplacementTransformer with config: `\nReplacements:\n- path: x.yaml\n`: unsupported replacement type encountered within replacement path: invalid',
  },
  {
    name: 'replacements as a string',
    replacements: '  foo',
    want: 'invalid Kustomization: json: cannot unmarshal string into Go struct field Kustomization.replacements of type []types.ReplacementField',
  },
  {
    name: 'a replacement as a string',
    replacements: '- foo',
    want: 'invalid Kustomization: json: cannot unmarshal string into Go struct field Kustomization.replacements of type types.ReplacementField',
  },
  {
    name: 'targets as a map',
    replacements: '- source: {kind: ConfigMap, name: env, fieldPath: data.A}\n  targets: {}',
    want: 'invalid Kustomization: json: cannot unmarshal object into Go struct field ReplacementField.replacements.Replacement.targets of type []*types.TargetSelector',
  },
  {
    name: 'fieldPaths as a string',
    replacements: '- source: {kind: ConfigMap, name: env, fieldPath: data.A}\n  targets: [{select: {kind: ConfigMap}, fieldPaths: data.A}]',
    want: 'invalid Kustomization: json: cannot unmarshal string into Go struct field TargetSelector.replacements.Replacement.targets.fieldPaths of type []string',
  },
  {
    name: 'a number as the source value',
    replacements: '- sourceValue: 5\n  targets: [{select: {kind: ConfigMap}, fieldPaths: [data.A]}]',
    want: 'invalid Kustomization: json: cannot unmarshal number into Go struct field ReplacementField.replacements.Replacement.sourceValue of type string',
  },
  {
    name: 'an index that is not a number',
    replacements: '- source: {kind: ConfigMap, name: env, fieldPath: data.A, options: {index: a}}\n  targets: [{select: {kind: ConfigMap}, fieldPaths: [data.A]}]',
    want: 'invalid Kustomization: json: cannot unmarshal string into Go struct field FieldOptions.replacements.Replacement.source.options.index of type int',
  },
  {
    name: 'a namespace read as a boolean',
    replacements: '- source: {kind: Secret, name: s, namespace: n, fieldPath: data.x}\n  targets: [{select: {kind: ConfigMap}, fieldPaths: [data.A]}]',
    want: 'invalid Kustomization: json: cannot unmarshal bool into Go struct field SourceSelector.replacements.Replacement.source.ResId.namespace of type string',
  },
  {
    name: 'an unknown field in a replacement',
    replacements: '- source: {kind: ConfigMap, name: env, fieldPath: data.A}\n  targets: [{select: {kind: ConfigMap}, fieldPaths: [data.A]}]\n  bogus: 1',
    want: 'invalid Kustomization: json: unknown field "bogus"',
  },
  {
    name: 'a file holding a list of strings',
    replacements: '- path: x.yaml',
    files: { 'd/x.yaml': '- foo\n' },
    want: 'trouble configuring builtin ReplacementTransformer with config: `\nReplacements:\n- path: x.yaml\n`: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go value of type types.Replacement',
  },
  {
    name: 'a file with targets as a map',
    replacements: '- path: x.yaml',
    files: { 'd/x.yaml': 'source: {kind: ConfigMap}\ntargets: {}\n' },
    want: 'trouble configuring builtin ReplacementTransformer with config: `\nReplacements:\n- path: x.yaml\n`: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go struct field Replacement.targets of type []*types.TargetSelector',
  },
  {
    name: 'a file with fieldPaths as a string',
    replacements: '- path: x.yaml',
    files: { 'd/x.yaml': '- targets: [{fieldPaths: a}]\n' },
    want: 'trouble configuring builtin ReplacementTransformer with config: `\nReplacements:\n- path: x.yaml\n`: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go struct field TargetSelector.targets.fieldPaths of type []string',
  },
  {
    name: 'a file indented past its map',
    replacements: '- path: x.yaml',
    files: { 'd/x.yaml': 'a: b\n c: d\n' },
    want: 'trouble configuring builtin ReplacementTransformer with config: `\nReplacements:\n- path: x.yaml\n`: error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context',
  },
  {
    name: 'a file indented by a tab',
    replacements: '- path: x.yaml',
    files: { 'd/x.yaml': 'source:\n\tkind: x\n' },
    want: 'trouble configuring builtin ReplacementTransformer with config: `\nReplacements:\n- path: x.yaml\n`: error converting YAML to JSON: yaml: line 2: found character that cannot start any token',
  },
  {
    name: 'a file with a list item after a map',
    replacements: '- path: x.yaml',
    files: { 'd/x.yaml': 'a: b\n- c\n' },
    want: 'trouble configuring builtin ReplacementTransformer with config: `\nReplacements:\n- path: x.yaml\n`: error converting YAML to JSON: yaml: line 1: did not find expected key',
  },
  {
    name: 'a file with an unclosed quote',
    replacements: '- path: x.yaml',
    files: { 'd/x.yaml': 'a: "b\n' },
    want: 'trouble configuring builtin ReplacementTransformer with config: `\nReplacements:\n- path: x.yaml\n`: error converting YAML to JSON: yaml: line 2: found unexpected end of stream',
  },
  {
    name: 'a file with an unclosed flow sequence',
    replacements: '- path: x.yaml',
    files: { 'd/x.yaml': 'a: [b\n' },
    want: "trouble configuring builtin ReplacementTransformer with config: `\nReplacements:\n- path: x.yaml\n`: error converting YAML to JSON: yaml: line 1: did not find expected ',' or ']'",
  },
  {
    name: 'a file with an alias to no anchor',
    replacements: '- path: x.yaml',
    files: { 'd/x.yaml': 'a: *x\n' },
    want: "trouble configuring builtin ReplacementTransformer with config: `\nReplacements:\n- path: x.yaml\n`: error converting YAML to JSON: yaml: unknown anchor 'x' referenced",
  },
  {
    name: 'a file with a control character',
    replacements: '- path: x.yaml',
    files: { 'd/x.yaml': 'a: b\u0001\n' },
    want: 'trouble configuring builtin ReplacementTransformer with config: `\nReplacements:\n- path: x.yaml\n`: error converting YAML to JSON: yaml: control characters are not allowed',
  },
];

describe('kubectl kustomize replacements errors', () => {
  it.each(cases)(
    '$name',
    async ({ replacements, files, want }) => {
      const session = await newSession();
      session.fs.mkdir(`${ROOT}/d`, { recursive: true });
      session.fs.writeFile(`${ROOT}/d/r.yaml`, RESOURCES);
      session.fs.writeFile(`${ROOT}/d/kustomization.yaml`, `resources: [r.yaml]\nreplacements:\n${replacements}\n`);
      for (const [path, text] of Object.entries(files ?? {})) session.fs.writeFile(`${ROOT}/${path}`, text);
      expect(await runLine(session, `cd ${ROOT} && kubectl kustomize d`)).toEqual({ stdout: '', stderr: `error: ${want}\n`, code: 1 });
    },
    30_000,
  );
});
