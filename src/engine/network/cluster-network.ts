/**
 * The cluster network as kube-proxy and CoreDNS make it look: service names resolve from pods
 * (with the namespace search path), ClusterIPs and NodePorts forward round robin to ready
 * endpoints, pod IPs reach whatever listens in the pod.
 */
import type { Endpoints, Service } from 'kubernetes-types/core/v1';
import { core, type SharedInformerFactory } from '../client/informer-factory.ts';
import type { Lister } from '../client/lister.ts';
import { parseTimestamp } from '../api/timestamps.ts';
import type { NodeSpec } from '../cluster-topology.ts';
import type { HttpHandler, HttpRequest, HttpResponse } from '../images/image.ts';
import type { ContainerNetwork, DnsService, HttpResult, OutgoingRequest } from '../kubelet/tool-runner.ts';

const LOOPBACK = '127.0.0.1';

/** A host program's server; no response means it closed the connection without one. */
export type HostLoopbackHandler = (request: HttpRequest) => Promise<HttpResponse | undefined>;

export type Vantage = { namespace: string; podIP: string } | 'host';

interface Destination {
  ip: string;
  port: number;
  /** Name the client asked for, for DNS answers. */
  canonicalName?: string;
}

export class ClusterNetwork {
  readonly #services: Lister<Service>;
  readonly #endpoints: Lister<Endpoints>;
  readonly #listeners = new Map<string, HttpHandler>();
  /** What listens on the controlplane host's loopback (`kubectl port-forward`), by port. */
  readonly #hostLoopback = new Map<number, HostLoopbackHandler>();
  readonly #roundRobin = new Map<string, number>();
  /** sessionAffinity ClientIP: the endpoint each client was sent to, per service port. */
  readonly #affinity = new Map<string, Destination>();

  readonly #nodes: readonly NodeSpec[];

  constructor(informers: SharedInformerFactory, nodes: readonly NodeSpec[]) {
    this.#nodes = nodes;
    this.#services = informers.lister<Service>(core('services'));
    this.#endpoints = informers.lister<Endpoints>(core('endpoints'));
  }

  listen(ip: string, port: number, handler: HttpHandler): () => void {
    const key = `${ip}:${port}`;
    this.#listeners.set(key, handler);
    return () => {
      if (this.#listeners.get(key) === handler) this.#listeners.delete(key);
    };
  }

  /**
   * Listens on the host's 127.0.0.1 and ::1 at `port`, or at a free port when `port` is 0.
   * Answers the port taken, or undefined when something already listens there.
   */
  listenOnHostLoopback(port: number, handler: HostLoopbackHandler): { port: number; close(): void } | undefined {
    let chosen = port;
    if (chosen === 0) {
      // Linux hands out ephemeral ports from 32768 up.
      chosen = 32768;
      while (this.#hostLoopback.has(chosen)) chosen++;
    }
    if (this.#hostLoopback.has(chosen)) return undefined;
    this.#hostLoopback.set(chosen, handler);
    return {
      port: chosen,
      close: () => {
        if (this.#hostLoopback.get(chosen) === handler) this.#hostLoopback.delete(chosen);
      },
    };
  }

  /** DNS as seen from `from`: pods resolve services; the host resolves only node names. */
  resolve(from: Vantage, name: string): { name: string; address: string } | undefined {
    const lower = name.toLowerCase().replace(/\.$/, '');
    if (lower === 'localhost') return { name: 'localhost', address: LOOPBACK };
    const node = this.#nodes.find((n) => n.name === lower);
    if (node) return from === 'host' ? { name: node.name, address: node.ip } : undefined;
    if (/^\d+\.\d+\.\d+\.\d+$/.test(lower)) return { name: lower, address: lower };
    if (from === 'host') return undefined;
    const parts = lower.split('.');
    let svcName: string | undefined;
    let namespace: string | undefined;
    if (parts.length === 1) [svcName, namespace] = [parts[0], from.namespace];
    else if (parts.length === 2) [svcName, namespace] = [parts[0], parts[1]];
    else if (parts.length === 3 && parts[2] === 'svc') [svcName, namespace] = [parts[0], parts[1]];
    else if (parts.length === 5 && parts.slice(2).join('.') === 'svc.cluster.local') [svcName, namespace] = [parts[0], parts[1]];
    if (!svcName || !namespace) return undefined;
    const svc = this.#services.get(namespace, svcName);
    const ip = svc?.spec?.clusterIP;
    if (!ip || ip === 'None') return undefined;
    return { name: `${svcName}.${namespace}.svc.cluster.local`, address: ip };
  }

  /**
   * CoreDNS's reverse zone (plugin/kubernetes reverse.go serviceRecordForIP): a Service's cluster IP
   * names the Service, an endpoint's IP its hostname (or dashed IP) under the Service; the host
   * has no cluster DNS.
   */
  reverse(from: Vantage, address: string): string | undefined {
    if (from === 'host') return undefined;
    const svc = this.#services.list().find((s) => s.spec?.clusterIP === address);
    if (svc) return `${svc.metadata!.name}.${svc.metadata!.namespace}.svc.cluster.local`;
    for (const endpoints of this.#endpoints.list()) {
      for (const subset of endpoints.subsets ?? []) {
        const endpoint = subset.addresses?.find((a) => a.ip === address);
        if (endpoint) return `${endpoint.hostname ?? address.replace(/\./g, '-')}.${endpoints.metadata!.name}.${endpoints.metadata!.namespace}.svc.cluster.local`;
      }
    }
    return undefined;
  }

  dnsService(from: Vantage, namespace: string, name: string): DnsService | undefined {
    const svc = from === 'host' ? undefined : this.#services.get(namespace, name);
    if (!svc?.spec) return undefined;
    if (svc.spec.type === 'ExternalName') return svc.spec.externalName ? { clusterIP: '', externalName: svc.spec.externalName, ports: [], endpoints: [] } : undefined;
    if (!svc.spec.clusterIP) return undefined;
    const toDnsPort = (p: { name?: string; protocol?: string; port: number }) => ({ ...(p.name ? { name: p.name } : {}), protocol: p.protocol ?? 'TCP', port: p.port });
    const ports = (svc.spec.ports ?? []).map(toDnsPort);
    const endpoints = (this.#endpoints.get(namespace, name)?.subsets ?? []).flatMap((subset) =>
      (subset.addresses ?? []).map((a) => ({ ip: a.ip, ...(a.hostname ? { hostname: a.hostname } : {}), ports: (subset.ports ?? []).map(toDnsPort) })),
    );
    return { clusterIP: svc.spec.clusterIP, ports, endpoints };
  }

  /**
   * CoreDNS stamps its SOA serial with the time its informers last saw a change. Deviation (issue
   * 13 §5): the newest creation of a Service or Endpoints object stands for it.
   */
  zoneSerial(): number {
    const times = [...this.#services.list(), ...this.#endpoints.list()].map((o) => parseTimestamp(o.metadata?.creationTimestamp) ?? 0);
    return Math.floor(Math.max(0, ...times) / 1000);
  }

  async httpGet(from: Vantage, url: string, options: { timeoutMs: number }): Promise<HttpResult> {
    return this.request(from, { method: 'GET', url, timeoutMs: options.timeoutMs });
  }

  async request(from: Vantage, request: OutgoingRequest): Promise<HttpResult> {
    const match = /^(?:https?:\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)/.exec(request.url);
    if (!match) return { error: 'unknown-host' };
    const host = match[1]!;
    const port = match[2] ? Number(match[2]) : 80;
    const target = match[3] ? (match[3].startsWith('/') ? match[3] : `/${match[3]}`) : '/';
    const resolved = this.resolve(from, host);
    if (!resolved) return { error: 'unknown-host' };
    const address = `${resolved.address}:${port}`;
    const loopback = resolved.address === LOOPBACK;
    const remoteAddress = from === 'host' ? this.#nodes[0]!.ip : from.podIP;
    const hostHandler = loopback && from === 'host' ? this.#hostLoopback.get(port) : undefined;
    if (loopback && from === 'host' && !hostHandler) return { error: 'connection-refused', address };
    // A pod's loopback is its own network namespace: whatever listens in the pod.
    const destination = loopback && from !== 'host' ? { ip: from.podIP, port } : this.#route(resolved.address, port, remoteAddress);
    if (!destination) return { error: 'connection-refused', address };
    const handler = hostHandler ?? this.#listeners.get(`${destination.ip}:${destination.port}`);
    if (!handler) return { error: 'connection-refused', address };
    const queryAt = target.indexOf('?');
    const pathname = queryAt < 0 ? target : target.slice(0, queryAt);
    const query: Record<string, string> = {};
    if (queryAt >= 0) {
      for (const pair of target.slice(queryAt + 1).split('&')) {
        if (!pair) continue;
        const eq = pair.indexOf('=');
        const decode = (text: string) => {
          try {
            return decodeURIComponent(text.replace(/\+/g, ' '));
          } catch {
            return text;
          }
        };
        query[decode(eq < 0 ? pair : pair.slice(0, eq))] = eq < 0 ? '' : decode(pair.slice(eq + 1));
      }
    }
    const headers: Record<string, string> = { host: `${host}${match[2] ? `:${port}` : ''}` };
    for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
    const response = await handler({
      method: request.method.toUpperCase(),
      path: target,
      pathname,
      query,
      headers,
      body: request.body ?? '',
      remoteAddress: loopback ? LOOPBACK : remoteAddress,
    });
    if (!response) return { error: 'empty-reply', address };
    return { status: response.status, body: response.body, ...(response.contentType ? { contentType: response.contentType } : {}), address };
  }

  /** A TCP connect without a request: the same resolution and routing as `request`. */
  connect(from: Vantage, host: string, port: number): { result: 'open' | 'refused' | 'unknown-host'; address?: string } {
    const resolved = this.resolve(from, host);
    if (!resolved) return { result: 'unknown-host' };
    const loopback = resolved.address === LOOPBACK;
    if (loopback && from === 'host') return { result: this.#hostLoopback.get(port) ? 'open' : 'refused', address: resolved.address };
    const remoteAddress = from === 'host' ? this.#nodes[0]!.ip : from.podIP;
    const destination = loopback && from !== 'host' ? { ip: from.podIP, port } : this.#route(resolved.address, port, remoteAddress);
    const open = destination !== undefined && this.#listeners.has(`${destination.ip}:${destination.port}`);
    return { result: open ? 'open' : 'refused', address: resolved.address };
  }

  /** The view a process inside a pod (or on the host) gets. */
  viewFrom(from: Vantage): ContainerNetwork {
    return {
      httpGet: (url, options) => this.httpGet(from, url, options),
      request: (request) => this.request(from, request),
      resolve: (name) => this.resolve(from, name),
      reverse: (address) => this.reverse(from, address),
      zoneSerial: () => this.zoneSerial(),
      dnsService: (namespace, name) => this.dnsService(from, namespace, name),
      connect: (host, port) => this.connect(from, host, port),
    };
  }

  hostView(): ContainerNetwork {
    return this.viewFrom('host');
  }

  /**
   * Service IPs and node ports go through kube-proxy; anything else is addressed directly. Endpoints
   * take turns (kube-proxy picks at random; turns give the same shares, replayably). With
   * sessionAffinity ClientIP a client keeps its endpoint while that endpoint stays ready.
   */
  #route(ip: string, port: number, clientIP: string): Destination | undefined {
    const services = this.#services.list();
    const isNode = this.#nodes.some((n) => n.ip === ip);
    for (const svc of services) {
      for (const svcPort of svc.spec?.ports ?? []) {
        const viaClusterIp = svc.spec?.clusterIP === ip && svcPort.port === port;
        const viaNodePort = isNode && svcPort.nodePort === port;
        if (!viaClusterIp && !viaNodePort) continue;
        const endpoints = this.#endpoints.get(svc.metadata?.namespace, svc.metadata!.name!);
        const targets: Destination[] = [];
        for (const subset of endpoints?.subsets ?? []) {
          const epPort = subset.ports?.find((p) => (p.name ?? '') === (svcPort.name ?? '')) ?? subset.ports?.[0];
          if (!epPort) continue;
          for (const address of subset.addresses ?? []) targets.push({ ip: address.ip, port: epPort.port });
        }
        if (targets.length === 0) return undefined;
        const key = `${svc.metadata?.namespace}/${svc.metadata?.name}:${svcPort.port}`;
        if (svc.spec?.sessionAffinity === 'ClientIP') {
          const kept = this.#affinity.get(`${key} ${clientIP}`);
          const still = kept && targets.find((t) => t.ip === kept.ip && t.port === kept.port);
          if (still) return still;
        }
        const next = this.#roundRobin.get(key) ?? 0;
        this.#roundRobin.set(key, next + 1);
        const chosen = targets[next % targets.length]!;
        if (svc.spec?.sessionAffinity === 'ClientIP') this.#affinity.set(`${key} ${clientIP}`, chosen);
        return chosen;
      }
    }
    return { ip, port };
  }
}
