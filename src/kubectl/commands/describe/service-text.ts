/** `kubectl describe service`. Models pkg/describe/describe.go describeService (kubectl v1.35). */
import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { ApiClient, KubeObject } from '../../../engine/api/client.ts';
import { SHOW_EVENTS, writeEvents } from './events-section.ts';
import { PrefixWriter, writeAnnotations, writeLabels } from './prefix-writer.ts';

const MAX_ENDPOINTS = 3;

/**
 * formatEndpointSlices: the first three ready `ip:port` pairs of the slices' ports named
 * `portName`, then ` + N more...`; `<none>` only when there is no slice at all.
 */
export function formatEndpointSlices(slices: EndpointSlice[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  const add = (endpoint: EndpointSlice['endpoints'][number], text: (address: string) => string) => {
    // Upstream marks "more" before it skips a not-ready endpoint, so `+ 0 more...` can happen.
    if (list.length === MAX_ENDPOINTS) more = true;
    if (endpoint.conditions?.ready === false) return;
    if (!more) list.push(text(endpoint.addresses[0] ?? ''));
    count++;
  };
  for (const slice of slices) {
    const ports = slice.ports ?? [];
    // A headless service may have slices without ports: addresses alone.
    if (ports.length === 0) for (const endpoint of slice.endpoints ?? []) add(endpoint, (address) => address);
    for (const port of ports) {
      if ((port.name ?? '') !== portName) continue;
      for (const endpoint of slice.endpoints ?? []) add(endpoint, (address) => joinHostPort(address, port.port ?? 0));
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - MAX_ENDPOINTS} more...` : text;
}

/** Go's net.JoinHostPort: IPv6 addresses in brackets. */
function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

function formatLabels(map: Record<string, string> | undefined): string {
  const keys = Object.keys(map ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${map![k]}`).join(',') : '<none>';
}

export async function describeService(api: ApiClient, obj: KubeObject, nowMs: number, settings = SHOW_EVENTS): Promise<string> {
  const svc = obj as Service;
  const spec = svc.spec ?? {};
  const w = new PrefixWriter();
  w.line(0, `Name:\t${svc.metadata?.name}`);
  w.line(0, `Namespace:\t${svc.metadata?.namespace}`);
  writeLabels(w, 'Labels', svc.metadata?.labels);
  writeAnnotations(w, 'Annotations', svc.metadata?.annotations);
  w.line(0, `Selector:\t${formatLabels(spec.selector)}`);
  w.line(0, `Type:\t${spec.type ?? ''}`);
  if (spec.ipFamilyPolicy) w.line(0, `IP Family Policy:\t${spec.ipFamilyPolicy}`);
  w.line(0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}`);
  w.line(0, `IP:\t${spec.clusterIP ?? ''}`);
  w.line(0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}`);
  if (spec.externalIPs?.length) w.line(0, `External IPs:\t${spec.externalIPs.join(',')}`);
  if (spec.loadBalancerIP) w.line(0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}`);
  if (spec.externalName) w.line(0, `External Name:\t${spec.externalName}`);
  const ingress = svc.status?.loadBalancer?.ingress ?? [];
  if (ingress.length) w.line(0, `LoadBalancer Ingress:\t${ingress.map((i) => (i.ip ? `${i.ip}${i.ipMode ? ` (${i.ipMode})` : ''}` : (i.hostname ?? ''))).join(', ')}`);
  // The list's error is ignored upstream: no slices then reads as `<none>`.
  const slices = await api.request<{ items: EndpointSlice[] }>({
    verb: 'list',
    group: 'discovery.k8s.io',
    version: 'v1',
    resource: 'endpointslices',
    namespace: svc.metadata!.namespace!,
    query: { labelSelector: `kubernetes.io/service-name=${svc.metadata?.name}` },
  });
  const items = slices.ok ? slices.body.items : [];
  for (const port of spec.ports ?? []) {
    const name = port.name || '<unset>';
    w.line(0, `Port:\t${name}\t${port.port}/${port.protocol ?? ''}`);
    w.line(0, `TargetPort:\t${port.targetPort ?? port.port}/${port.protocol ?? ''}`);
    if (port.nodePort) w.line(0, `NodePort:\t${name}\t${port.nodePort}/${port.protocol ?? ''}`);
    w.line(0, `Endpoints:\t${formatEndpointSlices(items, port.name ?? '')}`);
  }
  w.line(0, `Session Affinity:\t${spec.sessionAffinity ?? ''}`);
  if (spec.externalTrafficPolicy) w.line(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}`);
  if (spec.internalTrafficPolicy) w.line(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}`);
  if (spec.healthCheckNodePort) w.line(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}`);
  if (spec.loadBalancerSourceRanges?.length) w.line(0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}`);
  if (spec.trafficDistribution) w.line(0, `Traffic Distribution:\t${spec.trafficDistribution}`);
  await writeEvents(w, api, obj, nowMs, settings);
  return w.toString();
}
