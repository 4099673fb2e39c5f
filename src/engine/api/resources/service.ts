/**
 * Services (core/v1): SetDefaults_Service, ClusterIP / NodePort allocation (the REST storage's
 * allocators), ValidateService and printService.
 */
import type { Service, ServicePort, ServiceSpec } from 'kubernetes-types/core/v1';
import { translateTimestampSince } from '../../../lib/duration/human-duration.ts';
import type { KubeObject } from '../client.ts';
import { type FieldError, duplicate, forbidden, goValue, invalid, notSupported, required } from '../field-error.ts';
import type { ResourceDefinition, ServerContext } from '../resource-definition.ts';
import { formatLabels } from './label-selector-text.ts';
import { isDNS1035Label, isDNS1123Label, isValidPortName, isValidPortNum } from './name-validation.ts';
import { validateLabels, validateObjectMeta } from './object-meta-validation.ts';
import { ageColumn, column, nameColumn, STANDARD_VERBS } from './table-columns.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Spec = Mutable<ServiceSpec>;

const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;
const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const SERVICE_CIDR = '10.96.0.0/12';

/** Whether `ip` is in the kubeadm default service CIDR 10.96.0.0/12. */
function isInServiceCIDR(ip: string): boolean {
  const octets = ip.split('.').map(Number);
  return octets.length === 4 && octets.every((o) => Number.isInteger(o) && o >= 0 && o <= 255) && octets[0] === 10 && octets[1]! >= 96 && octets[1]! <= 111;
}

const usesNodePorts = (type: string | undefined) => type === 'NodePort' || type === 'LoadBalancer';
const specOf = (obj: KubeObject): Spec => ((obj as Mutable<Service>).spec ??= {}) as Spec;

function applyServiceDefaults(obj: KubeObject): void {
  const spec = specOf(obj);
  spec.sessionAffinity ||= 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP') spec.sessionAffinityConfig ??= { clientIP: { timeoutSeconds: 10800 } };
  spec.type ||= 'ClusterIP';
  for (const port of (spec.ports ?? []) as Mutable<ServicePort>[]) {
    port.protocol ||= 'TCP';
    if (port.targetPort === undefined || port.targetPort === 0 || port.targetPort === '') port.targetPort = port.port ?? 0;
  }
  const externallyAccessible = usesNodePorts(spec.type) || (spec.type === 'ClusterIP' && (spec.externalIPs ?? []).length > 0);
  if (externallyAccessible) spec.externalTrafficPolicy ||= 'Cluster';
  if (spec.internalTrafficPolicy === undefined && spec.type !== 'ExternalName') spec.internalTrafficPolicy = 'Cluster';
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
}

function allocateNodePorts(spec: Spec, ctx: ServerContext): void {
  if (!usesNodePorts(spec.type)) return;
  for (const port of (spec.ports ?? []) as Mutable<ServicePort>[]) port.nodePort ||= ctx.allocateNodePort();
}

function admitService(obj: KubeObject, ctx: ServerContext): void {
  const spec = specOf(obj);
  if (spec.type !== 'ExternalName') {
    if (!spec.clusterIP) spec.clusterIP = ctx.allocateClusterIP();
    spec.clusterIPs = [spec.clusterIP];
    spec.ipFamilies ??= ['IPv4'];
    spec.ipFamilyPolicy ??= 'SingleStack';
  }
  allocateNodePorts(spec, ctx);
  // Service strategy PrepareForCreate: status starts empty.
  obj.status = { loadBalancer: {} };
}

function otherServices(obj: KubeObject, ctx: ServerContext): Service[] {
  const name = obj.metadata?.name;
  const namespace = obj.metadata?.namespace;
  return (ctx.store.list('services') as Service[]).filter((s) => !(s.metadata?.name === name && s.metadata?.namespace === namespace));
}

/** The allocators' answers for ports and IPs the user asked for (reported as validation errors). */
function validateAllocations(obj: KubeObject, ctx: ServerContext, old?: Service): FieldError[] {
  const spec = specOf(obj);
  const errs: FieldError[] = [];
  const others = otherServices(obj, ctx);
  const taken = new Set(others.flatMap((s) => (s.spec?.ports ?? []).map((p) => p.nodePort).filter((p) => p)));
  const oldPorts = new Set((old?.spec?.ports ?? []).map((p) => p.nodePort));
  (spec.ports ?? []).forEach((port, i) => {
    if (!port.nodePort || oldPorts.has(port.nodePort)) return;
    const path = `spec.ports[${i}].nodePort`;
    if (port.nodePort < NODE_PORT_MIN || port.nodePort > NODE_PORT_MAX) {
      errs.push(invalid(path, String(port.nodePort), `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`));
    } else if (taken.has(port.nodePort)) {
      errs.push(invalid(path, String(port.nodePort), 'provided port is already allocated'));
    }
  });
  const ip = spec.clusterIP;
  if (!old && ip && ip !== 'None') {
    const value = `[]string{${JSON.stringify(ip)}}`;
    if (!isInServiceCIDR(ip)) {
      errs.push(invalid('spec.clusterIPs', value, `failed to allocate IP ${ip}: the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`));
    } else if (others.some((s) => s.spec?.clusterIP === ip)) {
      errs.push(invalid('spec.clusterIPs', value, `failed to allocate IP ${ip}: provided IP is already allocated`));
    }
  }
  return errs;
}

function validatePortNumOrName(port: number | string | undefined, path: string): FieldError[] {
  if (typeof port === 'number') return isValidPortNum(port).map((msg) => invalid(path, String(port), msg));
  if (port === undefined || port === '') return [required(path)];
  return isValidPortName(port).map((msg) => invalid(path, goValue(port), msg));
}

// Models ValidateService (the parts a learner can trip over).
function validateService(obj: KubeObject): FieldError[] {
  const service = obj as Service;
  const spec = specOf(obj);
  const errs = validateObjectMeta(service.metadata, isDNS1035Label);
  const headless = spec.clusterIP === 'None';
  if (!SERVICE_TYPES.includes(spec.type ?? '')) errs.push(notSupported('spec.type', goValue(spec.type ?? ''), SERVICE_TYPES));
  if (spec.type === 'ExternalName') {
    if (!spec.externalName) errs.push(required('spec.externalName'));
  } else if ((spec.ports ?? []).length === 0 && !headless) {
    errs.push(required('spec.ports'));
  }
  const ports = spec.ports ?? [];
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const path = `spec.ports[${i}]`;
    if (ports.length > 1 && !port.name) errs.push(required(`${path}.name`));
    else if (port.name) {
      for (const msg of isDNS1123Label(port.name)) errs.push(invalid(`${path}.name`, goValue(port.name), msg));
      if (names.has(port.name)) errs.push(duplicate(`${path}.name`, goValue(port.name)));
      else names.add(port.name);
    }
    for (const msg of isValidPortNum(port.port ?? 0)) errs.push(invalid(`${path}.port`, String(port.port ?? 0), msg));
    if (!port.protocol) errs.push(required(`${path}.protocol`));
    else if (!['SCTP', 'TCP', 'UDP'].includes(port.protocol)) errs.push(notSupported(`${path}.protocol`, goValue(port.protocol), ['SCTP', 'TCP', 'UDP']));
    errs.push(...validatePortNumOrName(port.targetPort, `${path}.targetPort`));
    if (port.nodePort && !usesNodePorts(spec.type)) {
      errs.push(forbidden(`${path}.nodePort`, `may not be used when \`type\` is '${spec.type}'`));
    }
  });
  if (!['None', 'ClientIP'].includes(spec.sessionAffinity ?? '')) {
    errs.push(notSupported('spec.sessionAffinity', goValue(spec.sessionAffinity ?? ''), ['ClientIP', 'None']));
  }
  errs.push(...validateLabels(spec.selector, 'spec.selector'));
  return errs;
}

function validateServiceUpdate(obj: KubeObject, old: KubeObject, ctx: ServerContext): FieldError[] {
  const spec = specOf(obj);
  const oldSpec = (old as Service).spec ?? {};
  // PrepareForUpdate has no context: ports that newly need a NodePort get one here.
  allocateNodePorts(spec, ctx);
  const errs = validateService(obj);
  if (oldSpec.clusterIP && spec.type !== 'ExternalName' && oldSpec.type !== 'ExternalName' && spec.clusterIP !== oldSpec.clusterIP) {
    errs.push(invalid('spec.clusterIPs[0]', `[]string{${(spec.clusterIPs ?? [spec.clusterIP ?? '']).map((ip) => JSON.stringify(ip)).join(', ')}}`, 'may not change once set'));
  }
  errs.push(...validateAllocations(obj, ctx, old as Service));
  return errs;
}

// Models the service REST update: allocated values the request omits are kept.
function prepareServiceUpdate(obj: KubeObject, old: KubeObject): void {
  const spec = specOf(obj);
  const oldSpec = (old as Service).spec ?? {};
  if (spec.type !== 'ExternalName' && oldSpec.type !== 'ExternalName') {
    if (!spec.clusterIP && oldSpec.clusterIP) spec.clusterIP = oldSpec.clusterIP;
    if (!spec.clusterIPs && oldSpec.clusterIPs) spec.clusterIPs = [...oldSpec.clusterIPs];
    if (!spec.ipFamilies && oldSpec.ipFamilies) spec.ipFamilies = [...oldSpec.ipFamilies];
    if (!spec.ipFamilyPolicy && oldSpec.ipFamilyPolicy) spec.ipFamilyPolicy = oldSpec.ipFamilyPolicy;
  }
  const ports = (spec.ports ?? []) as Mutable<ServicePort>[];
  if (usesNodePorts(spec.type)) {
    for (const port of ports) {
      if (port.nodePort) continue;
      const match = (oldSpec.ports ?? []).find((p) => p.port === port.port && (p.protocol ?? 'TCP') === port.protocol);
      if (match?.nodePort) port.nodePort = match.nodePort;
    }
  } else if (usesNodePorts(oldSpec.type)) {
    // Leaving NodePort/LoadBalancer releases the node ports the user did not change.
    for (const port of ports) {
      const match = (oldSpec.ports ?? []).find((p) => p.port === port.port);
      if (port.nodePort && match?.nodePort === port.nodePort) delete port.nodePort;
    }
    if (spec.type === 'ClusterIP' && (spec.externalIPs ?? []).length === 0) delete spec.externalTrafficPolicy;
  }
}

function externalIPCell(service: Service): string {
  const spec = service.spec ?? {};
  const externalIPs = spec.externalIPs ?? [];
  switch (spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const ingress = (service.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '').filter((s) => s);
      let lbIps = ingress.join(',');
      // printService clips the list to 16 characters unless -o wide.
      if (lbIps.length > 16) lbIps = `${lbIps.slice(0, 13)}...`;
      if (externalIPs.length > 0) return [...(lbIps ? lbIps.split(',') : []), ...externalIPs].join(',');
      return lbIps || '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
  }
  return '<unknown>';
}

export function portsCell(ports: readonly ServicePort[] | undefined): string {
  const pieces = (ports ?? []).map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`));
  return pieces.length === 0 ? '<none>' : pieces.join(',');
}

export const serviceDefinition: ResourceDefinition = {
  info: {
    group: '',
    version: 'v1',
    name: 'services',
    singularName: 'service',
    kind: 'Service',
    namespaced: true,
    shortNames: ['svc'],
    verbs: [...STANDARD_VERBS],
    categories: ['all'],
    subresources: ['status'],
  },
  applyDefaults: applyServiceDefaults,
  admitCreate: admitService,
  validateCreate: (obj, ctx) => [...validateService(obj), ...validateAllocations(obj, ctx)],
  validateUpdate: validateServiceUpdate,
  prepareForUpdate: prepareServiceUpdate,
  tableColumns: [
    nameColumn(),
    column('Type', 'type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer.'),
    column('Cluster-IP', 'clusterIP is the IP address of the service and is usually assigned randomly.'),
    column('External-IP', 'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.'),
    column('Port(s)', 'The list of ports that are exposed by this service.'),
    ageColumn(),
    column('Selector', 'Route service traffic to pods with label keys and values matching this selector.', { priority: 1 }),
  ],
  tableRow: (obj, ctx) => {
    const service = obj as Service;
    return [
      service.metadata?.name ?? '',
      service.spec?.type ?? '',
      service.spec?.clusterIPs?.[0] ?? '<none>',
      externalIPCell(service),
      portsCell(service.spec?.ports),
      translateTimestampSince(service.metadata?.creationTimestamp, ctx.nowMs),
      formatLabels(service.spec?.selector),
    ];
  },
};
