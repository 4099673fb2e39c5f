import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../tests/support/session.ts';

// kubectl v1.35.2 `create -f FILE` on each text: go-yaml's line numbers and wording.
const cases: { name: string; text: string; want: string }[] = [
  {
    name: 'a key indented less than its siblings',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: broken\n spec:\n  containers: []\n',
    want: 'yaml: line 4: did not find expected key',
  },
  { name: 'a tab as indentation', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: x\n', want: 'yaml: line 4: found character that cannot start any token' },
  { name: 'a key without its colon', text: 'apiVersion: v1\nkind: Pod\nmetadata\n  name: x\n', want: "yaml: line 4: could not find expected ':'" },
];

describe('visitManifests YAML errors', () => {
  it.each(cases)('$name', async ({ text, want }) => {
    const session = await newSession();
    session.fs.writeFile(`${session.shell.cwd}/m.yaml`, text);
    expect(await runLine(session, 'kubectl create -f m.yaml')).toEqual({ stdout: '', stderr: `error: error parsing m.yaml: error converting YAML to JSON: ${want}\n`, code: 1 });
  });
});

// kubectl v1.35.2 `apply -f m.yaml` (validation on) against a served cluster.
const typeMetaCases: { name: string; text: string; why: string }[] = [
  { name: 'an apiVersion that is a number', text: 'apiVersion: 5\nkind: ConfigMap\nmetadata:\n  name: x\n', why: "apiVersion isn't string type" },
  { name: 'an apiVersion that is a list', text: 'apiVersion: [a]\nkind: ConfigMap\nmetadata:\n  name: x\n', why: "apiVersion isn't string type" },
  { name: 'an apiVersion that is a map', text: 'apiVersion: {a: 1}\nkind: ConfigMap\nmetadata:\n  name: x\n', why: "apiVersion isn't string type" },
  { name: 'a kind that is a number', text: 'apiVersion: v1\nkind: 5\nmetadata:\n  name: x\n', why: "kind isn't string type" },
  { name: 'both of the wrong type', text: 'apiVersion: 7\nkind: 5\nmetadata:\n  name: x\n', why: "[apiVersion isn't string type, kind isn't string type]" },
  { name: 'neither set', text: 'metadata:\n  name: x\n', why: '[apiVersion not set, kind not set]' },
  {
    name: 'a List item with a numeric apiVersion',
    text: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: 5\n  kind: ConfigMap\n  metadata:\n    name: x\n',
    why: "apiVersion isn't string type",
  },
];

describe('visitManifests apiVersion and kind checks', () => {
  it.each(typeMetaCases)('$name', async ({ text, why }) => {
    const session = await newSession();
    session.fs.writeFile(`${session.shell.cwd}/m.yaml`, text);
    expect(await runLine(session, 'kubectl apply -f m.yaml')).toEqual({
      stdout: '',
      stderr: `error: error validating "m.yaml": error validating data: ${why}; if you choose to ignore these errors, turn validation off with --validate=false\n`,
      code: 1,
    });
  });
});

// kubectl v1.35.2 `apply --validate=false -f m.yaml`: the type meta fails to decode instead.
const decodeCases: { name: string; text: string; why: string }[] = [
  {
    name: 'a numeric apiVersion',
    text: 'apiVersion: 5\nkind: ConfigMap\nmetadata:\n  name: x\n',
    why: 'json: cannot unmarshal number into Go struct field metadataOnlyObject.TypeMeta.apiVersion of type string',
  },
  {
    name: 'a boolean apiVersion',
    text: 'apiVersion: true\nkind: ConfigMap\nmetadata:\n  name: x\n',
    why: 'json: cannot unmarshal bool into Go struct field metadataOnlyObject.TypeMeta.apiVersion of type string',
  },
  {
    name: 'a map as apiVersion',
    text: 'apiVersion: {a: 1}\nkind: ConfigMap\nmetadata:\n  name: x\n',
    why: 'json: cannot unmarshal object into Go struct field metadataOnlyObject.TypeMeta.apiVersion of type string',
  },
  {
    name: 'a numeric kind, quoted with sorted keys',
    text: 'kind: 5\napiVersion: 3\nmetadata:\n  name: x\n  b: [1, {z: 1, a: 2}]\n',
    why: `Object 'Kind' is missing in '{"apiVersion":3,"kind":5,"metadata":{"b":[1,{"a":2,"z":1}],"name":"x"}}'`,
  },
];

describe('visitManifests with validation off', () => {
  it.each(decodeCases)('$name', async ({ text, why }) => {
    const session = await newSession();
    session.fs.writeFile(`${session.shell.cwd}/m.yaml`, text);
    expect(await runLine(session, 'kubectl apply --validate=false -f m.yaml')).toEqual({ stdout: '', stderr: `error: unable to decode "m.yaml": ${why}\n`, code: 1 });
  });
});

// kubectl v1.35.2 `apply -f m.yaml` against a served cluster: what the builder and the decoders say.
const builderDecodeCases: { name: string; text: string; stderr: string }[] = [
  {
    name: 'an alias to an anchor never set',
    text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: *a\n',
    stderr: "error parsing m.yaml: error converting YAML to JSON: yaml: unknown anchor 'a' referenced",
  },
  {
    name: 'metadata that is a string',
    text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: x\n',
    stderr: 'unable to decode "m.yaml": json: cannot unmarshal string into Go struct field metadataOnlyObject.metadata of type v1.ObjectMeta',
  },
  {
    name: 'a name that is a list',
    text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [1]\n',
    stderr: 'unable to decode "m.yaml": json: cannot unmarshal array into Go struct field ObjectMeta.metadata.name of type string',
  },
  {
    name: 'a JSON stream that is not JSON',
    text: '{\napiVersion: v1\n',
    stderr: "error parsing m.yaml: json: offset 3: invalid character 'a' looking for beginning of object key string",
  },
];

describe('visitManifests decoding errors', () => {
  it.each(builderDecodeCases)('$name', async ({ text, stderr }) => {
    const session = await newSession();
    session.fs.writeFile(`${session.shell.cwd}/m.yaml`, text);
    expect(await runLine(session, 'kubectl apply -f m.yaml')).toEqual({ stdout: '', stderr: `error: ${stderr}\n`, code: 1 });
  });
});

// kubectl v1.35.2 on a ConfigMap whose data has a collection key inside a collection key: go-yaml
// refuses the inner one; the yaml package's "Keys with collection values" warning never shows.
const collectionKeyCases: { name: string; line: string; key: string; want: string }[] = [
  { name: 'apply', line: 'kubectl apply -f m.yaml', key: '? {[b]: 1, a: {x: [1]}}\n  : 2', want: '[]interface {}{"b"}' },
  { name: 'create --dry-run=client', line: 'kubectl create --dry-run=client -f m.yaml', key: '{a: {[x]: 1}}: 2', want: '[]interface {}{"x"}' },
  { name: 'apply --dry-run=client', line: 'kubectl apply --dry-run=client -f m.yaml', key: '? {a: 1}\n  : 2', want: 'map[interface {}]interface {}{"a":1}' },
];

describe('visitManifests collection keys', () => {
  it.each(collectionKeyCases)('$name', async ({ line, key, want }) => {
    const session = await newSession();
    session.fs.writeFile(`${session.shell.cwd}/m.yaml`, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: mk\ndata:\n  ${key}\n`);
    const warnings: unknown[] = [];
    const onWarning = (warning: unknown) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      expect(await runLine(session, line)).toEqual({ stdout: '', stderr: `error: error parsing m.yaml: error converting YAML to JSON: yaml: invalid map key: ${want}\n`, code: 1 });
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).toEqual([]);
  });
});
