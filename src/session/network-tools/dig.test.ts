import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';
import { recordLine } from './dig-presentation.ts';

const BANNER = (args: string) => `\n; <<>> DiG 9.9.5-9+deb8u19-Debian <<>> ${args}\n;; global options: +cmd\n`;
const OPT = ';; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 4096\n';
const STATS = (bytes: number) => `;; Query time: 0 msec\n;; SERVER: 10.96.0.10#53(10.96.0.10)\n;; WHEN: WHEN\n;; MSG SIZE  rcvd: ${bytes}\n\n`;
const USAGE =
  'Usage:  dig [@global-server] [domain] [q-type] [q-class] {q-opt}\n            {global-d-opt} host [@local-server] {local-d-opt}\n            [ host [@local-server] {local-d-opt} [...]]\n\nUse "dig -h" (or "dig -h | more") for complete list of options\n';

/** Message ids and dates change from run to run on a real cluster: they are not part of what is checked. */
const normalize = (text: string) =>
  text
    .replace(/id: \d+/g, 'id: ID')
    .replace(/WHEN: .*/g, 'WHEN: WHEN')
    .replace(/(hostmaster\.cluster\.local\.) \d+/g, '$1 SERIAL')
    .replace(/\t\d+ ; serial/g, '\tSERIAL ; serial')
    .replace(/(nstld\.verisign-grs\.com\.) \d+/g, '$1 SERIAL');

// Expected layouts: bind9 9.9.5 bin/dig/dig.c and lib/dns (see dig-presentation.test.ts) and
// dnsutils transcripts against CoreDNS (kubernetes.io "Debugging DNS Resolution", blog posts quoted there).
describe('dig in the jessie-dnsutils image', async () => {
  const session = await newSession();
  await runLine(session, 'kubectl run dnsutils --image=registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3 -- sleep 3600');
  await runLine(session, 'kubectl create ns web && kubectl -n web create deployment front --image=nginx && kubectl -n web expose deploy front --port=80');
  await runLine(session, 'kubectl -n web expose deploy front --name=hl --cluster-ip=None --port=8080 --target-port=80');
  await runLine(session, 'kubectl -n web create service externalname docs --external-name=kubernetes.io');
  await runLine(session, 'sleep 20');
  const frontIP = (await runLine(session, 'kubectl -n web get svc front -o jsonpath={.spec.clusterIP}')).stdout;
  const podIP = (await runLine(session, 'kubectl -n web get ep front -o jsonpath={.subsets[0].addresses[0].ip}')).stdout;
  const cases: { name: string; line: string; stdout: string; stderr?: string; code?: number }[] = [
    {
      name: 'answers a service name with the AA flag and no recursion',
      line: 'kubectl exec dnsutils -- dig kubernetes.default.svc.cluster.local',
      stdout:
        BANNER('kubernetes.default.svc.cluster.local') +
        ';; Got answer:\n;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: ID\n;; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1\n' +
        ';; WARNING: recursion requested but not available\n\n' +
        `${OPT};; QUESTION SECTION:\n;kubernetes.default.svc.cluster.local. IN A\n\n;; ANSWER SECTION:\nkubernetes.default.svc.cluster.local. 30 IN A\t10.96.0.1\n\n` +
        STATS(117),
    },
    {
      name: 'does not use the search list: a short name goes to the root',
      line: 'kubectl exec dnsutils -- dig web',
      stdout:
        BANNER('web') +
        ';; Got answer:\n;; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: ID\n;; flags: qr rd ra; QUERY: 1, ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 1\n\n' +
        `${OPT};; QUESTION SECTION:\n;web.\t\t\t\tIN\tA\n\n;; AUTHORITY SECTION:\n.\t\t\t30\tIN\tSOA\ta.root-servers.net. nstld.verisign-grs.com. SERIAL 1800 900 604800 86400\n\n` +
        STATS(107),
    },
    {
      name: 'reports NXDOMAIN of a missing service with the cluster SOA',
      line: 'kubectl exec dnsutils -- dig nope.default.svc.cluster.local',
      stdout:
        BANNER('nope.default.svc.cluster.local') +
        ';; Got answer:\n;; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: ID\n;; flags: qr aa rd; QUERY: 1, ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 1\n' +
        ';; WARNING: recursion requested but not available\n\n' +
        `${OPT};; QUESTION SECTION:\n;nope.default.svc.cluster.local.\tIN\tA\n\n;; AUTHORITY SECTION:\n` +
        'cluster.local.\t\t30\tIN\tSOA\tns.dns.cluster.local. hostmaster.cluster.local. SERIAL 7200 1800 86400 30\n\n' +
        STATS(152),
    },
    {
      name: 'sends neither RD nor EDNS with +norecurse +noedns',
      line: 'kubectl exec dnsutils -- dig +norecurse +noedns kubernetes.default.svc.cluster.local',
      stdout:
        BANNER('+norecurse +noedns kubernetes.default.svc.cluster.local') +
        ';; Got answer:\n;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: ID\n;; flags: qr aa; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 0\n\n' +
        ';; QUESTION SECTION:\n;kubernetes.default.svc.cluster.local. IN A\n\n;; ANSWER SECTION:\nkubernetes.default.svc.cluster.local. 30 IN A\t10.96.0.1\n\n' +
        STATS(106),
    },
    {
      name: 'prints the query before the reply with +qr',
      line: 'kubectl exec dnsutils -- dig +qr kubernetes.default.svc.cluster.local +nostats',
      stdout:
        BANNER('+qr kubernetes.default.svc.cluster.local +nostats') +
        ';; Sending:\n;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: ID\n;; flags: rd ad; QUERY: 1, ANSWER: 0, AUTHORITY: 0, ADDITIONAL: 1\n\n' +
        `${OPT};; QUESTION SECTION:\n;kubernetes.default.svc.cluster.local. IN A\n\n` +
        ';; Got answer:\n;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: ID\n;; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1\n' +
        ';; WARNING: recursion requested but not available\n\n' +
        `${OPT};; QUESTION SECTION:\n;kubernetes.default.svc.cluster.local. IN A\n\n;; ANSWER SECTION:\nkubernetes.default.svc.cluster.local. 30 IN A\t10.96.0.1\n\n`,
    },
    {
      name: 'shows every name of the search list with +showsearch',
      line: 'kubectl exec dnsutils -- dig +showsearch +noall +question nope',
      stdout: ';nope.default.svc.cluster.local.\tIN\tA\n;nope.svc.cluster.local.\t\tIN\tA\n;nope.cluster.local.\t\tIN\tA\n;nope.\t\t\t\tIN\tA\n',
    },
    {
      name: 'names the server after short answers with +identify',
      line: 'kubectl exec dnsutils -- dig +short +identify kubernetes.default.svc.cluster.local',
      stdout: '10.96.0.1 from server 10.96.0.10 in 0 ms.\n',
    },
    {
      name: 'names the server as it was given',
      line: 'kubectl exec dnsutils -- dig @kube-dns.kube-system +nocmd +nocomments +noquestion +noanswer kubernetes.default.svc.cluster.local',
      stdout: STATS(117).replace('(10.96.0.10)', '(kube-dns.kube-system)'),
    },
    {
      name: 'echoes the DO bit with +dnssec and the CD flag with +cdflag',
      line: 'kubectl exec dnsutils -- dig +dnssec +cdflag kubernetes.default.svc.cluster.local | grep -e flags -e EDNS',
      stdout: ';; flags: qr aa rd cd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1\n; EDNS: version: 0, flags: do; udp: 4096\n',
    },
    { name: 'answers a headless service with its endpoints', line: 'kubectl exec dnsutils -- dig +short hl.web.svc.cluster.local', stdout: `${podIP}\n` },
    {
      name: 'answers a headless service SRV with each endpoint and its target port',
      line: 'kubectl exec dnsutils -- dig +noall +answer +additional srv hl.web.svc.cluster.local',
      stdout:
        `hl.web.svc.cluster.local. 30\tIN\tSRV\t0 100 80 ${podIP.replace(/\./g, '-')}.hl.web.svc.cluster.local.\n` +
        recordLine({ name: `${podIP.replace(/\./g, '-')}.hl.web.svc.cluster.local.`, ttl: 30, type: 'A', rdata: podIP }),
    },
    {
      name: 'answers an ExternalName service with its CNAME alone, the target being unreachable',
      line: 'kubectl exec dnsutils -- dig +noall +answer docs.web.svc.cluster.local',
      stdout: 'docs.web.svc.cluster.local. 30\tIN\tCNAME\tkubernetes.io.\n',
    },
    { name: 'prints nothing with +short for a name that does not exist', line: 'kubectl exec dnsutils -- dig +short kubernetes', stdout: '' },
    {
      name: 'uses the search list with +search',
      line: 'kubectl exec dnsutils -- dig +search +noall +answer kubernetes',
      stdout: 'kubernetes.default.svc.cluster.local. 30 IN A\t10.96.0.1\n',
    },
    { name: 'prints the address alone with +short', line: 'kubectl exec dnsutils -- dig +short front.web.svc.cluster.local', stdout: `${frontIP}\n` },
    {
      name: 'answers the PTR of a service IP',
      line: 'kubectl exec dnsutils -- dig +noall +answer -x 10.96.0.1',
      stdout: '1.0.96.10.in-addr.arpa.\t30\tIN\tPTR\tkubernetes.default.svc.cluster.local.\n',
    },
    {
      name: 'answers the PTR of an endpoint IP under its service',
      line: `kubectl exec dnsutils -- dig +short -x ${podIP}`,
      stdout: `${podIP.replace(/\./g, '-')}.front.web.svc.cluster.local.\n`,
    },
    { name: 'answers a pod A record from its dashed name', line: 'kubectl exec dnsutils -- dig +short 10-244-9-9.web.pod.cluster.local', stdout: '10.244.9.9\n' },
    {
      name: 'lists a service SRV record per distinct port',
      line: 'kubectl exec dnsutils -- dig srv kube-dns.kube-system.svc.cluster.local +short',
      stdout: '0 33 53 kube-dns.kube-system.svc.cluster.local.\n0 33 9153 kube-dns.kube-system.svc.cluster.local.\n',
    },
    {
      name: 'answers the SRV record of one named port',
      line: 'kubectl exec dnsutils -- dig +short srv _dns-tcp._tcp.kube-dns.kube-system.svc.cluster.local',
      stdout: '0 100 53 kube-dns.kube-system.svc.cluster.local.\n',
    },
    {
      name: 'gives no AAAA record for a service, with the SOA',
      line: 'kubectl exec dnsutils -- dig +noall +answer +authority -t AAAA kubernetes.default.svc.cluster.local',
      stdout: 'cluster.local.\t\t30\tIN\tSOA\tns.dns.cluster.local. hostmaster.cluster.local. SERIAL 7200 1800 86400 30\n',
    },
    {
      name: 'answers an MX question of a service with no data and the SOA',
      line: 'kubectl exec dnsutils -- dig kubernetes.default.svc.cluster.local MX',
      stdout:
        BANNER('kubernetes.default.svc.cluster.local MX') +
        ';; Got answer:\n;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: ID\n;; flags: qr aa rd; QUERY: 1, ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 1\n' +
        ';; WARNING: recursion requested but not available\n\n' +
        `${OPT};; QUESTION SECTION:\n;kubernetes.default.svc.cluster.local. IN MX\n\n;; AUTHORITY SECTION:\n` +
        'cluster.local.\t\t30\tIN\tSOA\tns.dns.cluster.local. hostmaster.cluster.local. SERIAL 7200 1800 86400 30\n\n' +
        STATS(158),
    },
    {
      name: 'prints the SOA of a no-data answer over several lines with +multiline',
      line: 'kubectl exec dnsutils -- dig +multiline +noall +answer +authority kubernetes.default.svc.cluster.local AAAA',
      stdout:
        'cluster.local.\t\t30 IN SOA ns.dns.cluster.local. hostmaster.cluster.local. (\n\t\t\t\tSERIAL ; serial\n\t\t\t\t7200       ; refresh (2 hours)\n' +
        '\t\t\t\t1800       ; retry (30 minutes)\n\t\t\t\t86400      ; expire (1 day)\n\t\t\t\t30         ; minimum (30 seconds)\n\t\t\t\t)\n',
    },
    {
      name: 'stops a trace at the root, which the cluster DNS cannot reach',
      line: 'kubectl exec dnsutils -- dig +trace kubernetes.default.svc.cluster.local',
      stdout: BANNER('+trace kubernetes.default.svc.cluster.local'),
    },
    {
      name: "lists the SOA of each of the zone's name servers with +nssearch",
      line: 'kubectl exec dnsutils -- dig +nssearch cluster.local',
      stdout: 'SOA ns.dns.cluster.local. hostmaster.cluster.local. SERIAL 7200 1800 86400 30 from server 10.96.0.10 in 0 ms.\n',
    },
    { name: 'prints nothing with +nssearch for a name with no NS set', line: 'kubectl exec dnsutils -- dig +nssearch kubernetes.default.svc.cluster.local', stdout: '' },
    {
      name: 'prints the banner when the display options follow the name',
      line: 'kubectl exec dnsutils -- dig @10.96.0.10 kubernetes.default.svc.cluster.local +noall +answer',
      stdout:
        '\n; <<>> DiG 9.9.5-9+deb8u19-Debian <<>> @10.96.0.10 kubernetes.default.svc.cluster.local +noall +answer\n; (1 server found)\n;; global options: +cmd\n' +
        'kubernetes.default.svc.cluster.local. 30 IN A\t10.96.0.1\n',
    },
    {
      name: 'rejects an unknown + option with the usage',
      line: 'kubectl exec dnsutils -- dig +bogus web',
      stdout: '',
      stderr: `Invalid option: +bogus\n${USAGE}command terminated with exit code 1\n`,
      code: 1,
    },
    { name: 'prints its version on stderr', line: 'kubectl exec dnsutils -- dig -v', stdout: '', stderr: 'DiG 9.9.5-9+deb8u19-Debian\n' },
    {
      name: 'times out against an address where no DNS server listens',
      line: 'kubectl exec dnsutils -- dig @10.96.0.1 web',
      stdout: '\n; <<>> DiG 9.9.5-9+deb8u19-Debian <<>> @10.96.0.1 web\n; (1 server found)\n;; global options: +cmd\n;; connection timed out; no servers could be reached\n',
      stderr: 'command terminated with exit code 9\n',
      code: 9,
    },
  ];
  it.each(cases)('$name', async ({ line, stdout, stderr = '', code = 0 }) => {
    const result = await runLine(session, line);
    expect({ ...result, stdout: normalize(result.stdout) }).toEqual({ stdout, stderr, code });
  });
});
