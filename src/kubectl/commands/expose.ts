/**
 * `kubectl expose (TYPE NAME | TYPE/NAME)`: a Service selecting the pods of a pod, deployment,
 * replica set or service, its ports and protocols found by introspection unless given.
 * Models pkg/cmd/expose/expose.go RunExpose and createService, and polymorphichelpers'
 * CanBeExposed, MapBasedSelectorForObject, PortsForObject and MultiProtocolsForObject.
 */
import { FIELD_MANAGER_FLAG } from '../field-manager-names.ts';
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod, PodSpec, Service } from 'kubernetes-types/core/v1';
import type { ApiResource, KubeObject } from '../../engine/api/client.ts';
import { formatStatus, KubectlError } from '../errors.ts';
import { boolFlag, stringFlag, stringsFlag } from '../flags.ts';
import { readManifests } from '../manifests.ts';
import { OVERRIDE_TYPES, patched } from './run-overrides.ts';
import { kustomizeDir, resourceOf } from './manifest-targets.ts';
import { inGoFieldOrder } from '../printers/go-field-order.ts';
import type { Invocation, KubectlCommand } from '../kubectl-command.ts';
import { DRY_RUN_FLAG, dryRunQuery, dryRunStrategy, dryRunSuffix } from '../dry-run.ts';
import { getObject } from '../object-client.ts';
import { allowMissingKeys, checkOutputFormat, PRINT_FLAGS, printGeneratedObject } from '../printers/generated-object-printer.ts';
import { parseResourceArgs, requestBase } from '../resource-args.ts';
import { kindPrefix } from '../resource-mapper.ts';
import { printObjects } from '../printers/object-printer.ts';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const EXPOSABLE = new Set(['/ReplicationController', '/Service', '/Pod', 'apps/Deployment', 'apps/ReplicaSet']);
const NO_RESOURCES =
  "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

const labelsText = (labels: Record<string, string> | undefined) =>
  Object.entries(labels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');

/** Models MapBasedSelectorForObjectFn. */
function selectorFor(obj: KubeObject): string {
  switch (obj.kind) {
    case 'Pod':
      if (!Object.keys(obj.metadata?.labels ?? {}).length) throw new Error('the pod has no labels and cannot be exposed');
      return labelsText(obj.metadata?.labels);
    case 'Service': {
      const selector = (obj as Service).spec?.selector;
      if (!selector) throw new Error('the service has no pod selector set');
      return labelsText(selector);
    }
    default: {
      const selector = (obj as Deployment | ReplicaSet).spec?.selector;
      // Models polymorphichelpers mapBasedSelectorForObject: apps/v1 workloads must have matchLabels.
      const what = obj.kind === 'Deployment' ? 'deployment' : obj.kind === 'ReplicaSet' ? 'replicaset' : undefined;
      if (what && !Object.keys(selector?.matchLabels ?? {}).length) throw new Error(`invalid ${what}: no selectors, therefore cannot be exposed`);
      if (selector?.matchExpressions?.length) {
        const expressions = selector.matchExpressions.map((e) => `{Key:${e.key} Operator:${e.operator} Values:[${(e.values ?? []).join(' ')}]}`);
        throw new Error(`couldn't convert expressions - "[${expressions.join(' ')}]" to map-based selector format`);
      }
      return labelsText(selector?.matchLabels);
    }
  }
}

function podSpecOf(obj: KubeObject): PodSpec | undefined {
  return obj.kind === 'Pod' ? (obj as Pod).spec : (obj as Deployment | ReplicaSet).spec?.template?.spec;
}

/** Models PortsForObjectFn and MultiProtocolsForObjectFn: ports in order, protocols by port. */
function portsAndProtocols(obj: KubeObject): { ports: string[]; protocols: Map<string, string[]> } {
  const entries =
    obj.kind === 'Service'
      ? ((obj as Service).spec?.ports ?? []).map((p) => ({ port: String(p.port), protocol: p.protocol || 'TCP' }))
      : (podSpecOf(obj)?.containers ?? []).flatMap((c) => (c.ports ?? []).map((p) => ({ port: String(p.containerPort), protocol: p.protocol || 'TCP' })));
  const protocols = new Map<string, string[]>();
  for (const { port, protocol } of entries) protocols.set(port, [...(protocols.get(port) ?? []), protocol]);
  return { ports: [...new Set(entries.map((e) => e.port))], protocols };
}

/** Models parseLabels. */
function parseLabels(spec: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const kv = part.split('=');
    if (kv.length !== 2) throw new KubectlError(`error: unexpected label spec: ${part}`);
    if (!kv[0]) throw new KubectlError('error: unexpected empty label key');
    labels[kv[0]] = kv[1]!;
  }
  return labels;
}

interface ExposeInput {
  name: string;
  selector: string;
  labels: string;
  ports: string[];
  protocols: Map<string, string[]>;
}

/** Models ExposeServiceOptions.createService. */
function createService(inv: Invocation, input: ExposeInput): KubeObject {
  const selector = parseLabels(input.selector);
  const labels = input.labels ? parseLabels(input.labels) : undefined;
  const protocolFlag = stringFlag(inv.flags, 'protocol') ?? '';
  const ports: Record<string, unknown>[] = [];
  input.ports.forEach((text, i) => {
    if (!/^[+-]?\d+$/.test(text)) throw new KubectlError(`error: strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`);
    const port = Number(text);
    const name = input.ports.length > 1 ? `port-${i + 1}` : '';
    let protocol = protocolFlag;
    if (!protocol) {
      const found = input.protocols.get(text);
      protocol = found?.length === 1 ? found[0]! : 'TCP';
      if (found && found.length > 1) {
        for (const p of found) ports.push({ name: `port-${i + 1}-${p.toLowerCase()}`, port, protocol: p });
        return;
      }
    }
    ports.push({ ...(name ? { name } : {}), port, protocol });
  });
  const targetText = stringFlag(inv.flags, 'target-port') ?? '';
  for (const p of ports) p.targetPort = targetText ? (/^[+-]?\d+$/.test(targetText) ? Number(targetText) : targetText) : p.port;
  const type = stringFlag(inv.flags, 'type');
  const affinity = stringFlag(inv.flags, 'session-affinity');
  if (affinity && affinity !== 'None' && affinity !== 'ClientIP') throw new KubectlError(`error: unknown session affinity: ${affinity}`);
  const clusterIP = stringFlag(inv.flags, 'cluster-ip');
  const externalIP = stringFlag(inv.flags, 'external-ip');
  const loadBalancerIP = type === 'LoadBalancer' ? stringFlag(inv.flags, 'load-balancer-ip') : undefined;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { ...(labels ? { labels } : {}), name: input.name },
    spec: {
      ...(clusterIP ? { clusterIP } : {}),
      ...(externalIP ? { externalIPs: [externalIP] } : {}),
      ...(loadBalancerIP ? { loadBalancerIP } : {}),
      ...(ports.length ? { ports } : {}),
      selector,
      ...(affinity ? { sessionAffinity: affinity } : {}),
      ...(type ? { type } : {}),
    },
    status: { loadBalancer: {} },
  };
}

/** --overrides applied to the generated Service (cmdutil.Overrider.Apply), as `run` applies them to its Pod. */
function withOverrides(inv: Invocation, service: KubeObject): KubeObject {
  const text = stringFlag(inv.flags, 'overrides');
  if (!text) return service;
  const type = stringFlag(inv.flags, 'override-type') ?? 'merge';
  if (!OVERRIDE_TYPES.includes(type)) throw new KubectlError(`error: invalid override type: ${type}`);
  const result = patched(service, text, type);
  if (typeof result !== 'object' || result === null || Array.isArray(result)) throw new KubectlError('error: Invalid JSON Patch');
  return result as KubeObject;
}

async function exposeOne(inv: Invocation, resource: ApiResource, name: string, services: ApiResource): Promise<number> {
  const res = await getObject(inv.api, resource, inv.namespace, name);
  if (!res.ok) {
    inv.err(`${formatStatus(res.body)}\n`);
    return 1;
  }
  return exposeObject(inv, resource, res.body, services);
}

/** Exposes the object as given: a `-f` file's object is read as written, not from the server. */
async function exposeObject(inv: Invocation, resource: ApiResource, obj: KubeObject, services: ApiResource): Promise<number> {
  const name = obj.metadata?.name ?? '';
  const groupKind = `${resource.group}/${resource.kind}`;
  if (!EXPOSABLE.has(groupKind)) throw new KubectlError(`error: cannot expose a ${resource.group ? `${resource.kind}.${resource.group}` : resource.kind}`);
  let selector = stringFlag(inv.flags, 'selector') ?? '';
  if (!selector) {
    try {
      selector = selectorFor(obj);
    } catch (error) {
      throw new KubectlError(`error: couldn't retrieve selectors via --selector flag or introspection: ${(error as Error).message}`);
    }
  }
  const found = portsAndProtocols(obj);
  const portFlag = stringFlag(inv.flags, 'port') ?? '';
  let ports = portFlag === '' ? [] : portFlag.split(',');
  if (ports.length === 0) {
    if (found.ports.length === 0 && stringFlag(inv.flags, 'cluster-ip') !== 'None') throw new KubectlError("error: couldn't find port via --port flag or introspection");
    ports = found.ports;
  }
  if (!selector) throw new KubectlError('error: selector must be specified');
  const service = withOverrides(
    inv,
    createService(inv, {
      name: stringFlag(inv.flags, 'name') || name.slice(0, 63),
      selector,
      labels: stringFlag(inv.flags, 'labels') ?? labelsText(obj.metadata?.labels),
      ports,
      protocols: found.protocols,
    }),
  );
  const output = stringFlag(inv.flags, 'output');
  const dryRun = dryRunStrategy(inv.flags, inv.err, inv.ctx.time.now());
  if (dryRun === 'client') {
    if (inv.flags.values.has('namespace')) service.metadata = { ...service.metadata, namespace: inv.namespace };
    inv.out(output ? printGeneratedObject(services, service, output, { allowMissingKeys: allowMissingKeys(inv.flags) }) : `service/${service.metadata?.name} exposed (dry run)\n`);
    return 0;
  }
  // --save-config records the object as sent, after the client dry run has returned.
  if (boolFlag(inv.flags, 'save-config')) {
    service.metadata = { ...service.metadata, annotations: { [LAST_APPLIED]: `${JSON.stringify(inGoFieldOrder(service))}\n` } };
  }
  const created = await inv.api.request({ verb: 'create', ...requestBase(services, inv.namespace), body: service, query: { ...dryRunQuery(dryRun) } });
  if (!created.ok) {
    inv.err(`${formatStatus(created.body)}\n`);
    return 1;
  }
  if (output) inv.out(printObjects([{ target: { resource: services, names: [] }, obj: created.body }], output));
  else inv.out(`${kindPrefix(services)}/${service.metadata?.name} exposed${dryRunSuffix(dryRun)}\n`);
  return 0;
}

export const exposeCommand: KubectlCommand = {
  path: 'expose',
  flags: [
    FIELD_MANAGER_FLAG,
    DRY_RUN_FLAG,
    ...PRINT_FLAGS,
    { name: 'save-config', kind: 'bool' },
    { name: 'protocol', kind: 'string' },
    { name: 'port', kind: 'string' },
    { name: 'type', kind: 'string' },
    { name: 'load-balancer-ip', kind: 'string' },
    { name: 'selector', kind: 'string' },
    { name: 'labels', short: 'l', kind: 'string' },
    { name: 'target-port', kind: 'string' },
    { name: 'external-ip', kind: 'string' },
    { name: 'name', kind: 'string' },
    { name: 'session-affinity', kind: 'string' },
    { name: 'cluster-ip', kind: 'string' },
    { name: 'filename', short: 'f', kind: 'strings' },
    { name: 'kustomize', short: 'k', kind: 'string' },
    { name: 'recursive', short: 'R', kind: 'bool' },
    { name: 'overrides', kind: 'string' },
    { name: 'override-type', kind: 'string' },
  ],
  async run(inv) {
    checkOutputFormat(stringFlag(inv.flags, 'output'));
    const files = stringsFlag(inv.flags, 'filename');
    const kustomize = kustomizeDir(inv);
    if (files.length || kustomize !== undefined) return exposeManifests(inv, files, kustomize);
    if (inv.args.length === 0) throw new KubectlError(NO_RESOURCES);
    const targets = parseResourceArgs(inv.args, inv.mapper);
    if (targets.some((t) => t.names.length === 0)) throw new KubectlError('error: resource(s) were provided, but no name was specified');
    const services = inv.mapper.resolve('services')!;
    let status = 0;
    for (const target of targets) for (const name of target.names) status = (await exposeOne(inv, target.resource, name, services)) || status;
    return status;
  },
};

/** `expose -f FILE`: the builder without Latest, each object's refusal gathered as CheckErr prints an aggregate. */
async function exposeManifests(inv: Invocation, files: string[], kustomize: string | undefined): Promise<number> {
  if (inv.args.length) throw new KubectlError('error: resource/name arguments cannot be provided when a path is specified');
  const services = inv.mapper.resolve('services')!;
  const errors: string[] = [];
  let status = 0;
  for (const m of await readManifests(inv.ctx, files, { kustomize, recursive: boolFlag(inv.flags, 'recursive') })) {
    try {
      status = (await exposeObject(inv, resourceOf(inv, m), m.obj, services)) || status;
    } catch (error) {
      if (!(error instanceof KubectlError)) throw error;
      errors.push(error.message.replace(/^error: /, ''));
    }
  }
  for (const error of errors) inv.err(`${errors.length > 1 ? error : `error: ${error}`}\n`);
  return errors.length ? 1 : status;
}
