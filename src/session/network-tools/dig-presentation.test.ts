import { describe, expect, it } from 'vitest';
import { responseWireBytes, type DnsResponse, type ResourceRecord } from './dns-message.ts';
import { digDate, printMessage, printStats, questionLine, recordLine } from './dig-presentation.ts';
import { defaultDigDisplay } from './dig-options.ts';

// Expected lines: published dig transcripts against CoreDNS (jessie-dnsutils pods and others),
// laid out by bind9 9.9.5 lib/dns/masterdump.c indent() at columns 24/32/40/48.
describe('bind9 record layout', () => {
  const records: { name: string; record: ResourceRecord; line: string }[] = [
    {
      name: 'a name longer than every column takes single blanks',
      record: { name: 'kubernetes.default.svc.cluster.local.', ttl: 30, type: 'A', rdata: '10.96.0.1' },
      line: 'kubernetes.default.svc.cluster.local. 30 IN A\t10.96.0.1\n',
    },
    {
      name: 'a blank that reaches a tab stop is a tab',
      record: { name: '10-244-0-170.s11-services.pod.cluster.local.', ttl: 30, type: 'A', rdata: '10.244.0.170' },
      line: '10-244-0-170.s11-services.pod.cluster.local. 30\tIN A 10.244.0.170\n',
    },
    {
      name: 'a reverse name',
      record: { name: '170.0.244.10.in-addr.arpa.', ttl: 30, type: 'PTR', rdata: 'web-stateful-0.web-service-headless.s11-services.svc.cluster.local.' },
      line: '170.0.244.10.in-addr.arpa. 30\tIN\tPTR\tweb-stateful-0.web-service-headless.s11-services.svc.cluster.local.\n',
    },
    {
      name: 'a short name reaches each column with tabs',
      record: { name: 'pinarello.6browns.org.', ttl: 5, type: 'A', rdata: '192.168.1.251' },
      line: 'pinarello.6browns.org.\t5\tIN\tA\t192.168.1.251\n',
    },
    {
      name: 'the cluster SOA',
      record: { name: 'cluster.local.', ttl: 30, type: 'SOA', rdata: 'ns.dns.cluster.local. hostmaster.cluster.local. 1580106841 7200 1800 86400 30' },
      line: 'cluster.local.\t\t30\tIN\tSOA\tns.dns.cluster.local. hostmaster.cluster.local. 1580106841 7200 1800 86400 30\n',
    },
    {
      name: 'a service SRV record',
      record: {
        name: '_http._tcp.web-service-clusterip.s11-services.svc.cluster.local.',
        ttl: 30,
        type: 'SRV',
        rdata: '0 100 8080 web-service-clusterip.s11-services.svc.cluster.local.',
      },
      line: '_http._tcp.web-service-clusterip.s11-services.svc.cluster.local. 30 IN SRV 0 100 8080 web-service-clusterip.s11-services.svc.cluster.local.\n',
    },
  ];
  it.each(records)('$name', ({ record, line }) => {
    expect(recordLine(record)).toBe(line);
  });

  // printmessage's narrower styles: (24, 24, 32, 40) without TTL or class, (24, 24, 24, 32) without both.
  it('moves the type and rdata left with +nottlid', () => {
    const record: ResourceRecord = { name: 'kubernetes.default.svc.cluster.local.', ttl: 30, type: 'A', rdata: '10.96.0.1' };
    expect(recordLine(record, { ttl: false, class: true })).toBe('kubernetes.default.svc.cluster.local. IN A 10.96.0.1\n');
  });

  it('prints name, type and rdata with +nottlid +nocl', () => {
    const record: ResourceRecord = { name: 'pinarello.6browns.org.', ttl: 5, type: 'A', rdata: '192.168.1.251' };
    expect(recordLine(record, { ttl: false, class: false })).toBe('pinarello.6browns.org.\tA\t192.168.1.251\n');
  });

  // +multiline: columns (24, 24, 24, 32) and soa_6.c's commented layout. The example.com SOA is
  // the published `dig +multiline example.com SOA` transcript; the others follow from the same columns.
  const multiline: { name: string; record: ResourceRecord; line: string }[] = [
    {
      name: 'an SOA spreads its numbers over commented lines',
      record: { name: 'example.com.', ttl: 3600, type: 'SOA', rdata: 'ns.icann.org. noc.dns.icann.org. 2020080302 7200 3600 1209600 3600' },
      line:
        'example.com.\t\t3600 IN\tSOA ns.icann.org. noc.dns.icann.org. (\n\t\t\t\t2020080302 ; serial\n\t\t\t\t7200       ; refresh (2 hours)\n' +
        '\t\t\t\t3600       ; retry (1 hour)\n\t\t\t\t1209600    ; expire (2 weeks)\n\t\t\t\t3600       ; minimum (1 hour)\n\t\t\t\t)\n',
    },
    {
      name: 'the cluster SOA, whose minimum is in seconds',
      record: { name: 'cluster.local.', ttl: 30, type: 'SOA', rdata: 'ns.dns.cluster.local. hostmaster.cluster.local. 1580106841 7200 1800 86400 30' },
      line:
        'cluster.local.\t\t30 IN SOA ns.dns.cluster.local. hostmaster.cluster.local. (\n\t\t\t\t1580106841 ; serial\n\t\t\t\t7200       ; refresh (2 hours)\n' +
        '\t\t\t\t1800       ; retry (30 minutes)\n\t\t\t\t86400      ; expire (1 day)\n\t\t\t\t30         ; minimum (30 seconds)\n\t\t\t\t)\n',
    },
    {
      name: 'an A record keeps one line, with single blanks past the columns',
      record: { name: 'kubernetes.default.svc.cluster.local.', ttl: 30, type: 'A', rdata: '10.96.0.1' },
      line: 'kubernetes.default.svc.cluster.local. 30 IN A 10.96.0.1\n',
    },
    {
      name: 'a short owner reaches the TTL column with tabs',
      record: { name: 'pinarello.6browns.org.', ttl: 5, type: 'A', rdata: '192.168.1.251' },
      line: 'pinarello.6browns.org.\t5 IN A\t192.168.1.251\n',
    },
  ];
  it.each(multiline)('+multiline: $name', ({ record, line }) => {
    expect(recordLine(record, { ttl: true, class: true, multiline: true })).toBe(line);
  });

  const questions: { name: string; question: string; line: string }[] = [
    { name: 'a long question name', question: 'kubernetes.default.svc.cluster.local.', line: ';kubernetes.default.svc.cluster.local. IN A\n' },
    { name: 'a short question name', question: 'pinarello.6browns.org.', line: ';pinarello.6browns.org.\t\tIN\tA\n' },
    { name: 'a question name past the class column', question: 'kube-dns.kube-system.cluster.local.', line: ';kube-dns.kube-system.cluster.local. IN\tA\n' },
    { name: 'a question name before the class column', question: 'example.com.svc.cluster.local.', line: ';example.com.svc.cluster.local.\tIN\tA\n' },
    { name: 'a question of one label', question: 'example.com.', line: ';example.com.\t\t\tIN\tA\n' },
  ];
  it.each(questions)('$name', ({ question, line }) => {
    expect(questionLine({ name: question, type: 'A', class: 'IN' })).toBe(line);
  });
});

describe('bind9 dig reply', () => {
  const display = defaultDigDisplay();
  const pinarello: DnsResponse = {
    id: 5865,
    rcode: 'NOERROR',
    authoritative: true,
    recursionAvailable: true,
    question: { name: 'pinarello.6browns.org.', type: 'A', class: 'IN' },
    answer: [{ name: 'pinarello.6browns.org.', ttl: 5, type: 'A', rdata: '192.168.1.251' }],
    authority: [],
    additional: [],
  };

  // kubectl exec -it dnsutils dig pinarello.6browns.org (DiG 9.9.5-9+deb8u19-Debian, CoreDNS).
  it('prints the header, the EDNS pseudosection and the sections', () => {
    expect(printMessage(pinarello, display)).toBe(
      ';; Got answer:\n;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 5865\n;; flags: qr aa rd ra; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1\n\n' +
        ';; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 4096\n;; QUESTION SECTION:\n;pinarello.6browns.org.\t\tIN\tA\n\n' +
        ';; ANSWER SECTION:\npinarello.6browns.org.\t5\tIN\tA\t192.168.1.251\n\n',
    );
    expect(printStats('10.43.0.10', '10.43.0.10', Date.UTC(2022, 6, 13, 1, 13, 40), responseWireBytes(pinarello))).toBe(
      ';; Query time: 0 msec\n;; SERVER: 10.43.0.10#53(10.43.0.10)\n;; WHEN: Wed Jul 13 01:13:40 UTC 2022\n;; MSG SIZE  rcvd: 87\n\n',
    );
  });

  it('warns when the server does not offer recursion', () => {
    const text = printMessage({ ...pinarello, recursionAvailable: false }, display);
    expect(text.split('\n').slice(2, 4)).toEqual([';; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1', ';; WARNING: recursion requested but not available']);
  });

  it('prints only the records without comments (+noall +answer)', () => {
    const quiet = { ...display, comments: false, question: false, authority: false, additional: false, stats: false };
    expect(printMessage(pinarello, quiet)).toBe('pinarello.6browns.org.\t5\tIN\tA\t192.168.1.251\n');
  });

  it('prints only the rdata with +short', () => {
    expect(printMessage(pinarello, { ...display, short: true })).toBe('192.168.1.251\n');
  });

  it('pads the day of the month with a zero, as strftime %d does', () => {
    expect(digDate(Date.UTC(2026, 11, 7, 9, 5, 3))).toBe('Mon Dec 07 09:05:03 UTC 2026');
  });

  // MSG SIZE from transcripts: CoreDNS replies are uncompressed and carry dig's OPT record.
  const sizes: { name: string; response: DnsResponse; bytes: number }[] = [
    { name: 'an A answer of an external name', response: pinarello, bytes: 87 },
    {
      name: 'a service A answer',
      response: {
        ...pinarello,
        question: { name: 'kubernetes.default.svc.cluster.local.', type: 'A', class: 'IN' },
        answer: [{ name: 'kubernetes.default.svc.cluster.local.', ttl: 30, type: 'A', rdata: '10.96.0.1' }],
      },
      bytes: 117,
    },
    {
      name: 'an NXDOMAIN with the cluster SOA',
      response: {
        ...pinarello,
        rcode: 'NXDOMAIN',
        question: { name: 'kube-dns.kube-system.cluster.local.', type: 'A', class: 'IN' },
        answer: [],
        authority: [{ name: 'cluster.local.', ttl: 30, type: 'SOA', rdata: 'ns.dns.cluster.local. hostmaster.cluster.local. 1580106841 7200 1800 86400 30' }],
      },
      bytes: 156,
    },
  ];
  it.each(sizes)('counts the message size of $name', ({ response, bytes }) => {
    expect(responseWireBytes(response)).toBe(bytes);
  });
});
