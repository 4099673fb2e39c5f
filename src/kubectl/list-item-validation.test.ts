import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../tests/support/session.ts';

// kubectl v1.35.2 `apply -f m.json` on a List of a ConfigMap with this metadata and a Secret whose
// metadata is a list: a List is validated on the client, every item's errors in one aggregate.
const cases: { name: string; metadata: unknown; why: string }[] = [
  {
    name: 'a list as name',
    metadata: { name: ['a'] },
    why: '[ValidationError(ConfigMap.metadata.name): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta.name: got "array", expected "string", ValidationError(Secret.metadata): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta: got "array", expected "map"]',
  },
  {
    name: 'a map as name',
    metadata: { name: { a: 1 } },
    why: '[ValidationError(ConfigMap.metadata.name): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta.name: got "map", expected "string", ValidationError(Secret.metadata): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta: got "array", expected "map"]',
  },
  {
    name: 'a string as metadata',
    metadata: 'x',
    why: '[ValidationError(ConfigMap.metadata): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta: got "string", expected "map", ValidationError(Secret.metadata): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta: got "array", expected "map"]',
  },
  {
    name: 'an integer as metadata',
    metadata: 5,
    why: '[ValidationError(ConfigMap.metadata): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta: got "integer", expected "map", ValidationError(Secret.metadata): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta: got "array", expected "map"]',
  },
  {
    name: 'an unknown field',
    metadata: { name: 'x', foo: 1 },
    why: '[ValidationError(ConfigMap.metadata): unknown field "foo" in io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta, ValidationError(Secret.metadata): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta: got "array", expected "map"]',
  },
  {
    name: 'a string generation',
    metadata: { name: 'x', generation: 'x' },
    why: '[ValidationError(ConfigMap.metadata.generation): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta.generation: got "string", expected "integer", ValidationError(Secret.metadata): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta: got "array", expected "map"]',
  },
  {
    name: 'a list as labels',
    metadata: { name: 'x', labels: ['a'] },
    why: '[ValidationError(ConfigMap.metadata.labels): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta.labels: got "array", expected "map", ValidationError(Secret.metadata): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta: got "array", expected "map"]',
  },
  {
    name: 'a list as a label value',
    metadata: { name: 'x', labels: { a: ['b'] } },
    why: '[ValidationError(ConfigMap.metadata.labels.a): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta.labels: got "array", expected "string", ValidationError(Secret.metadata): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta: got "array", expected "map"]',
  },
  {
    name: 'a string as finalizers',
    metadata: { name: 'x', finalizers: 'a' },
    why: '[ValidationError(ConfigMap.metadata.finalizers): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta.finalizers: got "string", expected "array", ValidationError(Secret.metadata): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta: got "array", expected "map"]',
  },
  {
    name: 'a number as name passes',
    metadata: { name: 5 },
    why: 'ValidationError(Secret.metadata): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta: got "array", expected "map"',
  },
  {
    name: 'null and a boolean uid pass',
    metadata: { name: 'x', namespace: null, uid: true },
    why: 'ValidationError(Secret.metadata): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta: got "array", expected "map"',
  },
  {
    name: 'an owner reference without its required fields',
    metadata: { name: 'x', ownerReferences: [{ name: 1 }] },
    why: '[ValidationError(ConfigMap.metadata.ownerReferences[0]): missing required field "apiVersion" in io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference, ValidationError(ConfigMap.metadata.ownerReferences[0]): missing required field "kind" in io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference, ValidationError(ConfigMap.metadata.ownerReferences[0]): missing required field "uid" in io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference, ValidationError(Secret.metadata): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta: got "array", expected "map"]',
  },
];

describe('List item metadata validation', () => {
  it.each(cases)('$name', async ({ metadata, why }) => {
    const session = await newSession();
    const items = [
      { apiVersion: 'v1', kind: 'ConfigMap', metadata },
      { apiVersion: 'v1', kind: 'Secret', metadata: [1] },
    ];
    session.fs.writeFile(`${session.shell.cwd}/m.json`, JSON.stringify({ apiVersion: 'v1', kind: 'List', items }));
    expect(await runLine(session, 'kubectl apply -f m.json')).toEqual({
      stdout: '',
      stderr: `error: error validating "m.json": error validating data: ${why}; if you choose to ignore these errors, turn validation off with --validate=false\n`,
      code: 1,
    });
  });
});

const L1 = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata:
    name: l1
  data:
    k: 1
    j: [a]
- apiVersion: v1
  kind: Pod
  metadata:
    name: p1
  spec:
    containers:
    - name: c
      image: nginx
      ports: "x"
      bogus: 1
    replicas: 3
`;
const L2 = `apiVersion: v1
kind: List
items:
- apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: d1
    labels: {a: [1]}
    ownerReferences: [x]
  spec:
    replicas: "3"
    selector: {matchLabels: {app: a}}
    template:
      metadata: {labels: {app: a}}
      spec:
        containers:
        - name: c
          image: nginx
          resources: {limits: {cpu: {}}}
          ports: [{containerPort: 80.5, protocol: 1}]
          livenessProbe: {httpGet: {port: {}}}
          env: [{value: x}]
        zzz: 1
        tolerations: "t"
- apiVersion: v1
  kind: Service
  metadata: {name: s}
  spec: {ports: [{port: true}], selector: 5, type: [1]}
- apiVersion: example.com/v1
  kind: Widget
  metadata: {name: w}
  spec: {a: 1}
- apiVersion: v1
  kind: Secret
  metadata: "m"
  stringData: {a: {}}
`;
const L3 = JSON.stringify({
  apiVersion: 'v1',
  kind: 'List',
  items: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ image: 'x', args: [{ a: 1 }], command: 'c' }], priority: 1.5, hostNetwork: 'yes' } }],
});

// kubectl v1.35.2 `create --dry-run=client -f m.yaml` against a served cluster: every field of every
// item is checked against the served OpenAPI schemas; a kind without a schema is skipped.
const typed: { name: string; text: string; why: string }[] = [
  {
    name: 'a ConfigMap and a Pod',
    text: L1,
    why: '[ValidationError(ConfigMap.data.j): invalid type for io.k8s.api.core.v1.ConfigMap.data: got "array", expected "string", ValidationError(Pod.spec.containers[0]): unknown field "bogus" in io.k8s.api.core.v1.Container, ValidationError(Pod.spec.containers[0].ports): invalid type for io.k8s.api.core.v1.Container.ports: got "string", expected "array", ValidationError(Pod.spec): unknown field "replicas" in io.k8s.api.core.v1.PodSpec]',
  },
  {
    name: 'a Deployment, a Service, a custom kind and a Secret',
    text: L2,
    why: '[ValidationError(Deployment.metadata.labels.a): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta.labels: got "array", expected "string", ValidationError(Deployment.metadata.ownerReferences[0]): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference: got "string", expected "map", ValidationError(Deployment.spec.replicas): invalid type for io.k8s.api.apps.v1.DeploymentSpec.replicas: got "string", expected "integer", ValidationError(Deployment.spec.template.spec.containers[0].env[0]): missing required field "name" in io.k8s.api.core.v1.EnvVar, ValidationError(Deployment.spec.template.spec.containers[0].livenessProbe.httpGet.port): invalid type for io.k8s.apimachinery.pkg.util.intstr.IntOrString: got "map", expected "string", ValidationError(Deployment.spec.template.spec.containers[0].resources.limits.cpu): invalid type for io.k8s.apimachinery.pkg.api.resource.Quantity: got "map", expected "string", ValidationError(Deployment.spec.template.spec.tolerations): invalid type for io.k8s.api.core.v1.PodSpec.tolerations: got "string", expected "array", ValidationError(Deployment.spec.template.spec): unknown field "zzz" in io.k8s.api.core.v1.PodSpec, ValidationError(Service.spec.ports[0].port): invalid type for io.k8s.api.core.v1.ServicePort.port: got "boolean", expected "integer", ValidationError(Service.spec.selector): invalid type for io.k8s.api.core.v1.ServiceSpec.selector: got "integer", expected "map", ValidationError(Service.spec.type): invalid type for io.k8s.api.core.v1.ServiceSpec.type: got "array", expected "string", ValidationError(Secret.metadata): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta: got "string", expected "map", ValidationError(Secret.stringData.a): invalid type for io.k8s.api.core.v1.Secret.stringData: got "map", expected "string"]',
  },
  {
    name: 'a Pod in JSON, whose float priority passes',
    text: L3,
    why: '[ValidationError(Pod.spec.containers[0].args[0]): invalid type for io.k8s.api.core.v1.Container.args: got "map", expected "string", ValidationError(Pod.spec.containers[0].command): invalid type for io.k8s.api.core.v1.Container.command: got "string", expected "array", ValidationError(Pod.spec.containers[0]): missing required field "name" in io.k8s.api.core.v1.Container, ValidationError(Pod.spec.hostNetwork): invalid type for io.k8s.api.core.v1.PodSpec.hostNetwork: got "string", expected "boolean"]',
  },
];

describe('List item schema validation', () => {
  it.each(typed)('checks $name', async ({ text, why }) => {
    const session = await newSession();
    session.fs.writeFile(`${session.shell.cwd}/m.yaml`, text);
    expect(await runLine(session, 'kubectl create --dry-run=client -f m.yaml')).toEqual({
      stdout: '',
      stderr: `error: error validating "m.yaml": error validating data: ${why}; if you choose to ignore these errors, turn validation off with --validate=false\n`,
      code: 1,
    });
  });
});
