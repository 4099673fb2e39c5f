import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { evaluateJsonPath } from '../../src/lib/jsonpath/jsonpath.ts';

// Live oracle: the real kubectl prints client-built objects without a cluster. Templates that walk
// maps with several keys (`.*`, `..`) are left out: v1.32 visits them in Go's random map order.
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
  { object: 'deployment', template: "{.spec.template.spec.containers[?(@.name==\"nginx\")].image}" },
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

function kubectl(args: string[]): { stdout: string; stderr: string; status: number } {
  const r = spawnSync('kubectl', args, { encoding: 'utf8' });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? -1 };
}

const json = Object.fromEntries(
  Object.entries(objects).map(([name, args]) => [name, JSON.parse(execFileSync('kubectl', [...args, '-o', 'json'], { encoding: 'utf8' })) as unknown]),
);

describe('kubectl -o jsonpath parity', () => {
  it.each(templates)('$object: $template (strict: $strict)', ({ object, template, strict }) => {
    const args = [...(objects[object] ?? []), '-o', `jsonpath=${template}`];
    if (strict) args.push('--allow-missing-template-keys=false');
    const real = kubectl(args);
    const ours = evaluateJsonPath(template, json[object], { allowMissingKeys: !strict, numbers: 'float64' });
    const simulated = ours.ok
      ? { stdout: ours.text, stderr: '', status: 0 }
      : { stdout: '', stderr: `error: ${ours.message}`, status: 1 };
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
  it.each(asJsonTemplates)('%s', (template) => {
    const real = kubectl([...(objects['deployment'] ?? []), '-o', `jsonpath-as-json=${template}`]);
    const ours = evaluateJsonPath(template, json['deployment'], { numbers: 'float64', outputJson: true });
    expect(ours.ok ? { stdout: ours.text, stderr: '', status: 0 } : ours).toEqual(real);
  });
});
