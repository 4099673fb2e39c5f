import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../tests/support/session.ts';

const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: crontabs.stable.example.com
spec:
  group: stable.example.com
  scope: Namespaced
  names: {plural: crontabs, singular: crontab, kind: CronTab}
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            required: [cronSpec, note]
            properties:
              cronSpec: {type: string}
              replicas: {type: integer}
              note: {type: string, nullable: true}
              extra: {type: object, x-kubernetes-preserve-unknown-fields: true, properties: {a: {type: string}}}
              port: {x-kubernetes-int-or-string: true}
`;

const CONFIG_MAP = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, bogus: 1 };
const cronTab = (spec: unknown, metadata: unknown = { name: 'ct' }) => ({ apiVersion: 'stable.example.com/v1', kind: 'CronTab', metadata, spec });

// kubectl v1.35.2 `apply -f list.json` against a served cluster with the CRD above: the custom
// items are checked against the definition the apiserver publishes for the CRD's version. The
// nullable, int-or-string and unknown-field-keeping fields are untyped in v2 (apiextensions
// openapi/v2 conversion.go ToStructuralOpenAPIV2), so nothing is reported for them.
const cases: { name: string; items: unknown[]; why: string }[] = [
  {
    name: 'a built-in item and custom items with an unknown field, a wrong type and a missing required field',
    items: [CONFIG_MAP, cronTab({ cronSpec: '* * * * */5', colour: 'red', replicas: 'three' }), cronTab({ note: 'x' })],
    why: '[ValidationError(ConfigMap): unknown field "bogus" in io.k8s.api.core.v1.ConfigMap, ValidationError(CronTab.spec): unknown field "colour" in com.example.stable.v1.CronTab.spec, ValidationError(CronTab.spec.replicas): invalid type for com.example.stable.v1.CronTab.spec.replicas: got "string", expected "integer", ValidationError(CronTab.spec): missing required field "cronSpec" in com.example.stable.v1.CronTab.spec]',
  },
  {
    name: 'metadata is checked as ObjectMeta and an unknown top-level field is reported',
    items: [cronTab({ cronSpec: [1] }, { name: 'ct', bogus: 1 }), { ...cronTab({ cronSpec: 'x' }), status: {} }],
    why: '[ValidationError(CronTab.metadata): unknown field "bogus" in io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta, ValidationError(CronTab.spec.cronSpec): invalid type for com.example.stable.v1.CronTab.spec.cronSpec: got "array", expected "string", ValidationError(CronTab): unknown field "status" in com.example.stable.v1.CronTab]',
  },
  {
    name: 'nullable, int-or-string and unknown-field-keeping fields are not checked',
    items: [cronTab({ cronSpec: 'x', note: [1], port: [1], extra: { a: [1], b: 2 } }), CONFIG_MAP],
    why: 'ValidationError(ConfigMap): unknown field "bogus" in io.k8s.api.core.v1.ConfigMap',
  },
  {
    name: 'a kind no CRD defines is not checked',
    items: [{ apiVersion: 'stable.example.com/v2', kind: 'CronTab', metadata: { name: 'x' }, spec: { replicas: 'x' } }, CONFIG_MAP],
    why: 'ValidationError(ConfigMap): unknown field "bogus" in io.k8s.api.core.v1.ConfigMap',
  },
];

// Each case applies a CRD on a fresh session first: slower than the default 5 s on a loaded machine.
describe('List items of custom kinds', { timeout: 20_000 }, () => {
  it.each(cases)('$name', async ({ items, why }) => {
    const session = await newSession();
    session.fs.writeFile(`${session.shell.cwd}/crd.yaml`, CRD);
    expect((await runLine(session, 'kubectl apply -f crd.yaml')).code).toBe(0);
    session.fs.writeFile(`${session.shell.cwd}/list.json`, JSON.stringify({ apiVersion: 'v1', kind: 'List', items }));
    expect(await runLine(session, 'kubectl apply -f list.json')).toEqual({
      stdout: '',
      stderr: `error: error validating "list.json": error validating data: ${why}; if you choose to ignore these errors, turn validation off with --validate=false\n`,
      code: 1,
    });
  });

  it('checks a CronTabList whole, its items as CronTabs', async () => {
    const session = await newSession();
    session.fs.writeFile(`${session.shell.cwd}/crd.yaml`, CRD);
    expect((await runLine(session, 'kubectl apply -f crd.yaml')).code).toBe(0);
    const items = [CONFIG_MAP, cronTab({ cronSpec: 'x', replicas: 'three' })];
    session.fs.writeFile(`${session.shell.cwd}/list.json`, JSON.stringify({ apiVersion: 'stable.example.com/v1', kind: 'CronTabList', items }));
    expect(await runLine(session, 'kubectl apply -f list.json')).toEqual({
      stdout: '',
      stderr: `error: error validating "list.json": error validating data: [ValidationError(CronTabList.items[0]): unknown field "bogus" in com.example.stable.v1.CronTab, ValidationError(CronTabList.items[1].spec.replicas): invalid type for com.example.stable.v1.CronTab.spec.replicas: got "string", expected "integer"]; if you choose to ignore these errors, turn validation off with --validate=false\n`,
      code: 1,
    });
  });

  it('with --validate=warn says it cannot check a List and sends the items', async () => {
    const session = await newSession();
    session.fs.writeFile(`${session.shell.cwd}/list.json`, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [CONFIG_MAP] }));
    const result = await runLine(session, 'kubectl apply -f list.json --validate=warn');
    expect({ ...result, stderr: result.stderr.replace(/^W\d{4} [\d:.]+ +1 /, 'W ') }).toEqual({
      stdout: 'configmap/cm created\n',
      stderr: 'W schema.go:145] cannot perform warn validation if server-side field validation is unsupported, skipping validation\nWarning: unknown field "bogus"\n',
      code: 0,
    });
  });
});
