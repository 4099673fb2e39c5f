/**
 * A DNS response as dig receives it, and its size on the wire. CoreDNS leaves small replies
 * uncompressed (request.Scrub compresses only what would not fit), so every owner name counts in
 * full: `kubernetes.default.svc.cluster.local` A with dig's EDNS OPT is 117 bytes, as transcripts show.
 */

export type Rcode = 'NOERROR' | 'SERVFAIL' | 'NXDOMAIN';

export interface ResourceRecord {
  /** Absolute, with the final dot. */
  name: string;
  ttl: number;
  type: 'A' | 'AAAA' | 'CNAME' | 'NS' | 'PTR' | 'SRV' | 'SOA';
  /** Presentation form, as bind9 prints it after the type. */
  rdata: string;
}

export interface DnsResponse {
  id: number;
  rcode: Rcode;
  /** AA: CoreDNS answers its own zones authoritatively, forwarded names without it. */
  authoritative: boolean;
  /** RA: set by the upstream resolver on forwarded replies; CoreDNS's kubernetes plugin leaves it off. */
  recursionAvailable: boolean;
  question: { name: string; type: string; class: string };
  answer: ResourceRecord[];
  authority: ResourceRecord[];
  additional: ResourceRecord[];
}

/** The OPT record CoreDNS echoes to an EDNS query: root name, type, class, TTL, empty rdata. */
const OPT_RECORD_BYTES = 11;
const HEADER_BYTES = 12;

/** Bytes of an uncompressed absolute name: a length octet per label plus the root octet. */
export function nameWireBytes(name: string): number {
  const labels = name.replace(/\.$/, '').split('.').filter(Boolean);
  return labels.reduce((sum, label) => sum + label.length + 1, 0) + 1;
}

function rdataWireBytes(record: ResourceRecord): number {
  const fields = record.rdata.split(' ');
  switch (record.type) {
    case 'A':
      return 4;
    case 'AAAA':
      return 16;
    case 'CNAME':
    case 'NS':
    case 'PTR':
      return nameWireBytes(record.rdata);
    case 'SRV':
      // priority, weight, port, then the target name.
      return 6 + nameWireBytes(fields[3] ?? '.');
    case 'SOA':
      // mname, rname, then serial, refresh, retry, expire and minimum as 32-bit words.
      return nameWireBytes(fields[0] ?? '.') + nameWireBytes(fields[1] ?? '.') + 20;
  }
}

function recordWireBytes(record: ResourceRecord): number {
  // Type, class, TTL and rdata length take 10 bytes between the owner and the rdata.
  return nameWireBytes(record.name) + 10 + rdataWireBytes(record);
}

/** `;; MSG SIZE  rcvd:`: CoreDNS adds its OPT record only when dig sent one (EDNS, on by default). */
export function responseWireBytes(response: DnsResponse, edns = true): number {
  const question = nameWireBytes(response.question.name) + 4;
  const records = [...response.answer, ...response.authority, ...response.additional].reduce((sum, record) => sum + recordWireBytes(record), 0);
  return HEADER_BYTES + question + records + (edns ? OPT_RECORD_BYTES : 0);
}
