/**
 * What the cluster DNS (CoreDNS with kubeadm's Corefile) answers dig. Its kubernetes plugin
 * serves cluster.local and the reverse zones authoritatively with TTL 30 and without the RA flag
 * (plugin/kubernetes handler.go, kubernetes.go findServices, plugin/backend_lookup.go): Service
 * A records (a headless Service's ready endpoints), ExternalName CNAMEs, endpoint names, `pods insecure` A records,
 * SRV records with weight 100/n and the targets' A records as additional data, PTR of Service and
 * endpoint IPs, and its SOA in the authority section of NXDOMAIN and no-data replies. Every
 * other name goes upstream, which this cluster does not reach: such names are NXDOMAIN, as for
 * nslookup, with the root zone's SOA as a recursive resolver returns it (issue 13 §5).
 */
import type { ContainerNetwork, DnsPort, DnsService } from '../../engine/kubelet/tool-runner.ts';
import type { DnsResponse, ResourceRecord } from './dns-message.ts';

const ZONE = 'cluster.local.';
const TTL = 30;
const KUBE_DNS = ['kube-system', 'kube-dns'] as const;

export interface DnsQuery {
  /** Absolute, with the final dot, in the case the user typed. */
  name: string;
  type: string;
  class: string;
  id: number;
}

function soa(serial: number): ResourceRecord {
  return { name: ZONE, ttl: TTL, type: 'SOA', rdata: `ns.dns.${ZONE} hostmaster.${ZONE} ${serial} 7200 1800 86400 ${TTL}` };
}

/** The root zone's SOA (a.root-servers.net): serials are YYYYMMDDNN. */
function rootSoa(epochMs: number): ResourceRecord {
  const serial = `${new Date(epochMs).toISOString().slice(0, 10).replace(/-/g, '')}00`;
  return { name: '.', ttl: TTL, type: 'SOA', rdata: `a.root-servers.net. nstld.verisign-grs.com. ${serial} 1800 900 604800 86400` };
}

/** One of findServices' msg.Service entries: an address, a port, and the name it goes by. */
interface Target {
  ip: string;
  port: number;
  host: string;
}

const matches = (asked: string, actual: string | undefined) => asked === '*' || asked === 'any' || asked === (actual ?? '').toLowerCase();

/** Models findServices: the Service's targets, filtered by endpoint name, port and protocol. */
function findTargets(svc: DnsService, fqdn: string, endpoint: string, port: string, protocol: string): Target[] {
  const targets: Target[] = [];
  const wanted = (ports: DnsPort[]) => ports.filter((p) => matches(port, p.name) && matches(protocol, p.protocol));
  if (svc.clusterIP === 'None' || endpoint) {
    // Endpoints carry the target ports: a headless SRV record names the pod's port.
    for (const address of svc.endpoints) {
      const host = address.hostname ?? address.ip.replace(/\./g, '-');
      if (endpoint && endpoint !== host) continue;
      for (const p of wanted(address.ports)) targets.push({ ip: address.ip, port: p.port, host: `${host}.${fqdn}` });
    }
    return targets;
  }
  return wanted(svc.ports).map((p) => ({ ip: svc.clusterIP, port: p.port, host: fqdn }));
}

const dedup = (records: ResourceRecord[]) => records.filter((r, i) => records.findIndex((o) => o.name === r.name && o.type === r.type && o.rdata === r.rdata) === i);

/** The records of a cluster.local name, or undefined when the name does not exist (NXDOMAIN). */
function clusterRecords(network: ContainerNetwork, labels: string[], qname: string, type: string): { answer: ResourceRecord[]; additional: ResourceRecord[] } | undefined {
  const none = { answer: [], additional: [] };
  if (labels.length === 3 && labels[2] === 'pod') {
    // `pods insecure`: <a-b-c-d>.<namespace>.pod answers a.b.c.d without looking the pod up.
    const dashed = /^(\d+)-(\d+)-(\d+)-(\d+)$/.exec(labels[0]!);
    if (!dashed) return undefined;
    return type === 'A' ? { answer: [{ name: qname, ttl: TTL, type: 'A', rdata: dashed.slice(1).join('.') }], additional: [] } : none;
  }
  if (labels[labels.length - 1] !== 'svc' || labels.length < 3 || labels.length > 5) return undefined;
  const [namespace, service] = [labels[labels.length - 2]!, labels[labels.length - 3]!];
  let [endpoint, port, protocol] = ['', '*', '*'];
  if (labels.length === 4) endpoint = labels[0]!;
  if (labels.length === 5) [port, protocol] = [labels[0]!.replace(/^_/, ''), labels[1]!.replace(/^_/, '')];
  const svc = network.dnsService(namespace, service);
  if (!svc) return undefined;
  if (svc.externalName !== undefined) {
    if (endpoint) return undefined;
    // backend_lookup.go A(): the CNAME, then what upstream answers for its target; this cluster's
    // upstream answers nothing, so the CNAME stands alone.
    const cname: ResourceRecord = { name: qname, ttl: TTL, type: 'CNAME', rdata: `${svc.externalName.replace(/\.$/, '')}.` };
    return ['A', 'AAAA', 'CNAME'].includes(type) ? { answer: [cname], additional: [] } : none;
  }
  const fqdn = `${service}.${namespace}.svc.${ZONE}`;
  const targets = findTargets(svc, fqdn, endpoint, port, protocol);
  if (targets.length === 0) return undefined;
  if (type === 'A') return { answer: dedup(targets.map((t) => ({ name: qname, ttl: TTL, type: 'A', rdata: t.ip }))), additional: [] };
  if (type !== 'SRV') return none;
  const weight = Math.floor(100 / targets.length);
  return {
    answer: dedup(targets.map((t) => ({ name: qname, ttl: TTL, type: 'SRV', rdata: `0 ${weight} ${t.port} ${t.host}` }))),
    additional: dedup(targets.map((t) => ({ name: t.host, ttl: TTL, type: 'A', rdata: t.ip }))),
  };
}

function reverseAddress(name: string): string | undefined {
  const match = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\.in-addr\.arpa\.$/.exec(name);
  return match ? match.slice(1).reverse().join('.') : undefined;
}

export function answerQuery(network: ContainerNetwork, query: DnsQuery, serial: number, epochMs: number): DnsResponse {
  const name = query.name.toLowerCase();
  const base = { id: query.id, question: { name: query.name, type: query.type, class: query.class }, additional: [] };
  const cluster = { ...base, authoritative: true, recursionAvailable: false };
  const upstream = { ...base, authoritative: false, recursionAvailable: true, answer: [] };
  // The root (dig's default lookup) only upstream servers answer; CoreDNS's forward fails with SERVFAIL.
  if (name === '.') return { ...upstream, recursionAvailable: false, rcode: 'SERVFAIL', authority: [] };
  if (name === ZONE || name.endsWith(`.${ZONE}`)) {
    const labels = name === ZONE ? [] : name.slice(0, -ZONE.length - 1).split('.');
    if (query.type === 'SOA') return { ...cluster, rcode: 'NOERROR', answer: [soa(serial)], authority: [] };
    if (labels.length === 0 && query.type === 'NS') {
      const dns = network.dnsService(...KUBE_DNS)?.clusterIP;
      const glue: ResourceRecord[] = dns ? [{ name: `ns.dns.${ZONE}`, ttl: TTL, type: 'A', rdata: dns }] : [];
      return { ...cluster, rcode: 'NOERROR', answer: [{ name: ZONE, ttl: TTL, type: 'NS', rdata: `ns.dns.${ZONE}` }], authority: [], additional: glue };
    }
    const records = labels.length === 0 ? { answer: [], additional: [] } : clusterRecords(network, labels, query.name, query.type);
    if (!records) return { ...cluster, rcode: 'NXDOMAIN', answer: [], authority: [soa(serial)] };
    if (records.answer.length === 0) return { ...cluster, rcode: 'NOERROR', answer: [], authority: [soa(serial)] };
    return { ...cluster, rcode: 'NOERROR', ...records, authority: [] };
  }
  const reversed = reverseAddress(name);
  // `fallthrough in-addr.arpa`: addresses the cluster does not know go upstream.
  const target = reversed && query.type === 'PTR' ? network.reverse(reversed) : undefined;
  if (target) return { ...cluster, rcode: 'NOERROR', answer: [{ name: query.name, ttl: TTL, type: 'PTR', rdata: `${target}.` }], authority: [] };
  return { ...upstream, rcode: 'NXDOMAIN', authority: [rootSoa(epochMs)] };
}
