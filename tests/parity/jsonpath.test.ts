import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateJsonPath } from '../../src/lib/jsonpath/jsonpath.ts';
import { describeParity, runOracle } from '../support/kubectl-parity.ts';

// Live oracle: kubectl v1.35.2 prints client-built objects without a cluster. Our evaluator runs on
// the same JSON the oracle printed. Templates that walk maps with several keys (`.*`, `..`) are
// left out: kubectl visits them in Go's random map order.
const objects: Record<string, string[]> = {
  deployment: ['create', 'deployment', 'web', '--image=nginx:1.27', '--image=busybox', '--replicas=3', '--port=80', '--dry-run=client'],
  configmap: ['create', 'configmap', 'cfg', '--from-literal=b=2', '--from-literal=a=1', '--from-literal=html=<b>&', '--dry-run=client'],
  service: ['create', 'service', 'nodeport', 'svc', '--tcp=80:8080', '--tcp=443:8443', '--dry-run=client'],
};

const templates: { object: keyof typeof objects; template: string; strict?: boolean }[] = [
  { object: 'deployment', template: '{.spec.template.spec.containers[*].name}' },
  { object: 'deployment', template: '{.spec.template.spec.containers[*].image}' },
  { object: 'deployment', template: '{.metadata.name}' },
  { object: 'deployment', template: 'name={.metadata.name} replicas={.spec.replicas}{"\\n"}' },
  { object: 'deployment', template: '{.spec.template.spec.containers[0]}' },
  { object: 'deployment', template: '{.spec.template.spec.containers[-1:].name}' },
  { object: 'deployment', template: '{.spec.template.spec.containers[0:1].name}' },
  { object: 'deployment', template: '{.spec.template.spec.containers[:1].image}' },
  { object: 'deployment', template: '{.spec.template.spec.containers[-1].name}' },
  { object: 'deployment', template: '{.spec.template.spec.containers[0,1].name}' },
  { object: 'deployment', template: '{.spec.template.spec.containers[?(@.name=="nginx")].image}' },
  { object: 'deployment', template: "{.spec.template.spec.containers[?(@.name!='nginx')].image}" },
  { object: 'deployment', template: '{.spec.template.spec.containers[?(@.ports)].name}' },
  { object: 'deployment', template: '{.spec.template.spec.containers[?(@.ports[0].containerPort==80)].name}' },
  { object: 'deployment', template: '{range .spec.template.spec.containers[*]}{.name}{"\\t"}{.image}{"\\n"}{end}' },
  { object: 'deployment', template: '{range .spec.template.spec.containers[*]}[{.name}]{end}done' },
  { object: 'deployment', template: '{..image}' },
  { object: 'deployment', template: '{.metadata.labels}' },
  { object: 'deployment', template: '{.metadata.creationTimestamp}' },
  { object: 'deployment', template: '{.status}' },
  { object: 'deployment', template: '{.spec}' },
  { object: 'deployment', template: '{.spec.selector.matchLabels.app}' },
  { object: 'deployment', template: "{.metadata['name']}" },
  { object: 'deployment', template: '{.spec.selector.matchLabels.*}' },
  { object: 'deployment', template: '{.metadata.name.*}' },
  { object: 'deployment', template: '{.metadata.name[*]}' },
  { object: 'deployment', template: '{.metadata[?(@.name)]}' },
  { object: 'deployment', template: '{.spec.template.spec.containers[?(@.name>"c")].name}' },
  { object: 'deployment', template: '{.spec.template.spec.containers[?(@.resources=="x")].name}' },
  { object: 'deployment', template: '{.spec.template.spec.containers[?(@.nope=="x")].name}', strict: true },
  { object: 'deployment', template: '{.spec.template.spec.containers[?(@.image)].name}' },
  { object: 'deployment', template: '{.spec.template.spec.containers[2:1]}' },
  { object: 'deployment', template: '{.spec.template.spec.containers[1:1]}' },
  { object: 'deployment', template: '{.spec.template.spec.containers[0:2:0]}' },
  { object: 'deployment', template: '{1}{2.5}{true}{"a"}{\'b\'}' },
  { object: 'deployment', template: '{range .spec.template.spec.containers[*]}{range .ports[*]}{.containerPort}{end}{end}' },
  { object: 'deployment', template: '{range .spec.nothing[*]}x{end}after' },
  { object: 'deployment', template: '{..containerPort}' },
  { object: 'deployment', template: '{.spec.template.spec.containers[*].ports[*].containerPort}' },
  { object: 'deployment', template: '{.metadata.labels.app\\.kubernetes\\.io/name}' },
  { object: 'deployment', template: '{.spec.template.spec.containers[ 0 , 1 ].name}' },
  { object: 'deployment', template: '{....name}' },
  { object: 'deployment', template: '{range .x}{end}{end}' },
  { object: 'deployment', template: '{range .spec.template.spec.containers[*]}{.name}{end}{.kind}' },
  { object: 'deployment', template: '{range .spec.template.spec.containers[*]}{range .ports[*]}{.containerPort}{end}{.name}{end}{.kind}' },
  { object: 'deployment', template: '{range .x[*]}{.a}{end}z', strict: true },
  { object: 'deployment', template: '{range .x[*]}a{range .y[*]}b{end}c{end}after' },
  { object: 'deployment', template: '{range .spec.template.spec.containers[*]}a{range .y[*]}b{end}c{end}after' },
  { object: 'deployment', template: '{range .metadata.labels}[{@}]{end}' },
  { object: 'deployment', template: '{range .metadata}[{.name}]{end}z' },
  { object: 'deployment', template: '{"unterminated}' },
  { object: 'deployment', template: '{.a[?(@.b==1)}' },
  { object: 'deployment', template: '{.spec.replicas} {.spec.replicas}' },
  { object: 'deployment', template: '{.missing}' },
  { object: 'deployment', template: 'plain text only' },
  { object: 'deployment', template: '{@.kind}' },
  { object: 'deployment', template: '{$.apiVersion}' },
  { object: 'deployment', template: '{.missing}', strict: true },
  { object: 'deployment', template: '{.spec.template.spec.containers[5]}' },
  { object: 'deployment', template: '{.metadata.name[0]}' },
  { object: 'deployment', template: '{.foo' },
  { object: 'deployment', template: '{.items[}' },
  { object: 'deployment', template: '{#}' },
  { object: 'deployment', template: '{end}' },
  { object: 'deployment', template: '{.spec.template.spec.containers[a]}' },
  { object: 'configmap', template: '{.data}' },
  { object: 'configmap', template: '{.data.a}{.data.b}' },
  { object: 'configmap', template: '{.data.html}' },
  { object: 'configmap', template: '{.data.nope}', strict: true },
  { object: 'configmap', template: '{.data[?(@=="2")]}' },
  { object: 'configmap', template: '{.data.a}{"\\n"}' },
  { object: 'service', template: '{.spec.ports[*].port}' },
  { object: 'service', template: '{.spec.ports[?(@.port>100)].name}' },
  { object: 'service', template: '{.spec.ports[?(@.port<=80)].targetPort}' },
  { object: 'service', template: '{range .spec.ports[*]}{.name}:{.port}/{.protocol}{"\\n"}{end}' },
  { object: 'service', template: '{.spec.type}' },
  { object: 'service', template: '{.spec.ports[1:]}' },
  { object: 'service', template: '{.spec.ports[::2].port}' },
];

async function kubectl(args: string[]): Promise<{ stdout: string; stderr: string; status: number }> {
  const r = await runOracle(args);
  return { stdout: r.stdout, stderr: r.stderr, status: r.code };
}

const json: Record<string, unknown> = {};
beforeAll(async () => {
  for (const [name, args] of Object.entries(objects)) json[name] = JSON.parse((await runOracle([...args, '-o', 'json'])).stdout);
});

describe('kubectl -o jsonpath parity', () => {
  it.each(templates)('$object: $template (strict: $strict)', async ({ object, template, strict }) => {
    const args = [...(objects[object] ?? []), '-o', `jsonpath=${template}`];
    if (strict) args.push('--allow-missing-template-keys=false');
    const real = await kubectl(args);
    const ours = evaluateJsonPath(template, json[object], { allowMissingKeys: !strict, numbers: 'float64' });
    const simulated = ours.ok ? { stdout: ours.text, stderr: '', status: 0 } : { stdout: '', stderr: `error: ${ours.message}`, status: 1 };
    expect(simulated).toEqual(real);
  });
});

const asJsonTemplates = [
  '{.metadata.name}{.spec.replicas}{.metadata.labels}',
  '{range .spec.template.spec.containers[*]}{.name}{.image}{end}',
  '{.nope}',
  '{.spec.template.spec.containers[*].name}',
  '{.spec.template.spec.containers[0]}',
  '{range .spec.template.spec.containers[*]}{.name}{end}{.kind}',
  '{range .spec.template.spec.containers[*]}{.name}{end}{.name}',
  '{range .spec.template.spec.containers[*]}{range .ports[*]}{.containerPort}{end}{.name}{end}{.kind}',
];

describe('kubectl -o jsonpath-as-json parity', () => {
  it.each(asJsonTemplates)('%s', async (template) => {
    const real = await kubectl([...(objects['deployment'] ?? []), '-o', `jsonpath-as-json=${template}`]);
    const ours = evaluateJsonPath(template, json['deployment'], { numbers: 'float64', outputJson: true });
    expect(ours.ok ? { stdout: ours.text, stderr: '', status: 0 } : ours).toEqual(real);
  });
});

// End to end: our kubectl's own printers on objects it built or changed without a server.
const pod = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
  - name: nginx
    image: nginx:1.25
  - name: side
    image: busybox
`;

describeParity('kubectl -o jsonpath and custom-columns on client-side output match kubectl v1.35.2', [
  {
    name: 'create deployment -o jsonpath with range',
    args: [...(objects['deployment'] ?? []), '-o', 'jsonpath={range .spec.template.spec.containers[*]}{.name}={.image}{"\\n"}{end}'],
  },
  { name: 'create configmap -o jsonpath of one key', args: [...(objects['configmap'] ?? []), '-o', 'jsonpath={.data.html}'] },
  { name: 'create deployment -o jsonpath-as-json', args: [...(objects['deployment'] ?? []), '-o', 'jsonpath-as-json={.spec.template.spec.containers[*].name}'] },
  { name: 'create deployment -o jsonpath with a missing key', args: [...(objects['deployment'] ?? []), '-o', 'jsonpath={.nope}'] },
  { name: 'create deployment -o jsonpath strict with a missing key', args: [...(objects['deployment'] ?? []), '-o', 'jsonpath={.nope}', '--allow-missing-template-keys=false'] },
  { name: 'create deployment -o custom-columns is refused', args: [...(objects['deployment'] ?? []), '-o', 'custom-columns=NAME:.metadata.name'] },
  { name: 'label --local -o jsonpath', args: ['label', '--local', '-f', 'pod.yaml', 'tier=web', '-o', 'jsonpath={.metadata.labels.tier}'], files: { 'pod.yaml': pod } },
  {
    name: 'set image --local -o jsonpath',
    args: ['set', 'image', '--local', '-f', 'pod.yaml', '*=nginx:1.27', '-o', 'jsonpath={.spec.containers[*].image}'],
    files: { 'pod.yaml': pod },
  },
  {
    name: 'annotate --local -o jsonpath of an annotation',
    args: ['annotate', '--local', '-f', 'pod.yaml', 'note=a b', '-o', 'jsonpath={.metadata.annotations.note}'],
    files: { 'pod.yaml': pod },
  },
  {
    name: 'patch --local -o custom-columns is refused',
    args: ['patch', '--local', '-f', 'pod.yaml', '-p', '{}', '-o', 'custom-columns=N:.metadata.name'],
    files: { 'pod.yaml': pod },
  },
]);
