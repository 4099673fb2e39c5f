/**
 * Endpoints and EndpointSlices for services with a selector: ready pods in `addresses`, the rest
 * in `notReadyAddresses`, ports resolved from targetPort (numbers or container port names).
 * Models pkg/controller/endpoint and endpointslice in their single-subset form.
 */
import type { Pod, Service } from 'kubernetes-types/core/v1';
import { selectorMatches } from '../selector-match.ts';
import type { KubeObject } from '../../api/client.ts';
import { objectKey, splitKey, watchResource } from '../../client/informer.ts';
import type { Lister } from '../../client/lister.ts';
import { WorkQueue } from '../../client/work-queue.ts';
import { stableStringify } from '../../store/deep-copy.ts';
import type { ControllerContext } from '../controller-context.ts';
import { isPodReady } from '../pod-conditions.ts';

const SERVICES = { group: '', version: 'v1', resource: 'services' } as const;
const PODS = { group: '', version: 'v1', resource: 'pods' } as const;
const ENDPOINTS = { group: '', version: 'v1', resource: 'endpoints' } as const;
const SLICES = { group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices' } as const;

export class EndpointsController {
  readonly #ctx: ControllerContext;
  readonly #queue: WorkQueue;
  readonly #services: Lister<Service>;
  readonly #pods: Lister<Pod>;
  readonly #slices: Lister;
  /** The cache of what this controller writes, by resource. */
  readonly #written: Map<string, Lister>;

  constructor(ctx: ControllerContext) {
    this.#ctx = ctx;
    this.#queue = new WorkQueue(ctx.clock, (key) => this.syncService(key));
    this.#services = ctx.informers.lister<Service>(SERVICES);
    this.#pods = ctx.informers.lister<Pod>(PODS);
    this.#slices = ctx.informers.lister(SLICES);
    this.#written = new Map([
      [ENDPOINTS.resource, ctx.informers.lister(ENDPOINTS)],
      [SLICES.resource, this.#slices],
    ]);
  }

  start(): void {
    watchResource(this.#ctx.server, SERVICES, (_t, svc) => this.#queue.add(objectKey(svc)));
    watchResource(this.#ctx.server, PODS, (_t, pod) => {
      for (const svc of this.#services.list(pod.metadata?.namespace ?? '')) {
        if (svc.spec?.selector && selectorMatches({ matchLabels: svc.spec.selector }, pod.metadata?.labels ?? {})) {
          this.#queue.add(objectKey(svc as KubeObject));
        }
      }
    });
  }

  syncService(key: string): void {
    const { namespace, name } = splitKey(key);
    const svc = this.#services.get(namespace, name);
    if (!svc) {
      this.#ctx.server.handle({ verb: 'delete', ...ENDPOINTS, namespace: namespace!, name });
      for (const slice of this.#slicesOf(namespace!, name)) this.#ctx.server.handle({ verb: 'delete', ...SLICES, namespace: namespace!, name: slice.metadata!.name! });
      return;
    }
    if (!svc.spec?.selector) return; // endpoints of selector-less services are managed by hand
    const selector = { matchLabels: svc.spec.selector };
    const pods = this.#pods
      .list(namespace!)
      .filter((p) => selectorMatches(selector, p.metadata?.labels ?? {}) && p.status?.podIP && !p.metadata?.deletionTimestamp)
      .sort((a, b) => compareIps(a.status!.podIP!, b.status!.podIP!));
    const ports = (svc.spec.ports ?? []).map((port) => ({ port, target: (pod: Pod) => resolveTargetPort(pod, port.targetPort ?? port.port) }));
    const address = (pod: Pod) => ({
      ip: pod.status!.podIP!,
      ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}),
      targetRef: { kind: 'Pod', namespace: namespace!, name: pod.metadata!.name!, uid: pod.metadata!.uid! },
    });
    const ready = pods.filter(isPodReady);
    const notReady = pods.filter((p) => !isPodReady(p));
    const firstPod = pods[0];
    const subsetPorts = firstPod ? ports.map(({ port, target }) => ({ ...(port.name ? { name: port.name } : {}), port: target(firstPod), protocol: port.protocol ?? 'TCP' })) : [];
    const endpoints = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name, namespace: namespace!, ...(svc.metadata?.labels ? { labels: svc.metadata.labels } : {}) },
      ...(pods.length
        ? {
            subsets: [{ ...(ready.length ? { addresses: ready.map(address) } : {}), ...(notReady.length ? { notReadyAddresses: notReady.map(address) } : {}), ports: subsetPorts }],
          }
        : {}),
    };
    this.#write(ENDPOINTS, namespace!, name, endpoints as KubeObject);
    this.#syncSlice(svc, pods, subsetPorts);
  }

  #syncSlice(svc: Service, pods: Pod[], ports: { name?: string; port: number; protocol: string }[]): void {
    const namespace = svc.metadata!.namespace!;
    const existing = this.#slicesOf(namespace, svc.metadata!.name!)[0];
    const slice = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        ...(existing ? { name: existing.metadata!.name } : { generateName: `${svc.metadata!.name}-` }),
        namespace,
        labels: { ...svc.metadata?.labels, 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': svc.metadata!.name! },
        ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: svc.metadata!.name!, uid: svc.metadata!.uid!, controller: true, blockOwnerDeletion: true }],
      },
      addressType: 'IPv4',
      endpoints: pods.map((pod) => ({
        addresses: [pod.status!.podIP!],
        conditions: { ready: isPodReady(pod), serving: isPodReady(pod), terminating: false },
        nodeName: pod.spec?.nodeName,
        targetRef: { kind: 'Pod', namespace, name: pod.metadata!.name!, uid: pod.metadata!.uid! },
      })),
      ports: ports.map((p) => ({ ...(p.name !== undefined ? { name: p.name } : { name: '' }), port: p.port, protocol: p.protocol })),
    };
    if (existing) this.#write(SLICES, namespace, existing.metadata!.name!, slice as KubeObject);
    else this.#ctx.server.handle({ verb: 'create', ...SLICES, namespace, body: slice });
  }

  #write(ref: { group: string; version: string; resource: string }, namespace: string, name: string, body: KubeObject): void {
    const stored = this.#written.get(ref.resource)!.get(namespace, name);
    if (!stored) {
      this.#ctx.server.handle({ verb: 'create', ...ref, namespace, body });
      return;
    }
    const strip = (o: KubeObject) => stableStringify({ ...o, metadata: { labels: o.metadata?.labels }, apiVersion: undefined, kind: undefined });
    if (strip(stored) === strip(body)) return;
    this.#ctx.server.handle({ verb: 'update', ...ref, namespace, name, body: { ...body, metadata: { ...stored.metadata, labels: body.metadata?.labels } } });
  }

  #slicesOf(namespace: string, service: string): KubeObject[] {
    return this.#slices.list(namespace, { matchLabels: { 'kubernetes.io/service-name': service } });
  }
}

function resolveTargetPort(pod: Pod, target: number | string): number {
  if (typeof target === 'number') return target;
  for (const c of pod.spec?.containers ?? []) {
    const found = c.ports?.find((p) => p.name === target);
    if (found) return found.containerPort;
  }
  return Number(target) || 0;
}

function compareIps(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 4; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}
