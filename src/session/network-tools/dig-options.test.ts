import { describe, expect, it } from 'vitest';
import { parseDigArgs } from './dig-options.ts';

// Models bin/dig/dig.c parse_args of bind9 9.9.5: which word is a type, a class or the name, and
// how far a + option may be abbreviated (plus_option's switch, then FULLCHECK).
describe('dig command line', () => {
  const lookups: { name: string; args: string[]; lookup: { name: string; type: string; class: string } }[] = [
    { name: 'a name alone is an A query', args: ['web'], lookup: { name: 'web', type: 'A', class: 'IN' } },
    {
      name: 'a type word before the name',
      args: ['srv', 'kube-dns.kube-system.svc.cluster.local'],
      lookup: { name: 'kube-dns.kube-system.svc.cluster.local', type: 'SRV', class: 'IN' },
    },
    { name: 'a type word after the name', args: ['web', 'aaaa'], lookup: { name: 'web', type: 'AAAA', class: 'IN' } },
    { name: 'a class word is not a name', args: ['in', 'web', 'a'], lookup: { name: 'web', type: 'A', class: 'IN' } },
    { name: '-t sets the type', args: ['-t', 'PTR', 'web'], lookup: { name: 'web', type: 'PTR', class: 'IN' } },
    { name: '-t with the type attached', args: ['-tsrv', 'web'], lookup: { name: 'web', type: 'SRV', class: 'IN' } },
    { name: '-x reverses the octets for a PTR query', args: ['-x', '10.96.0.1'], lookup: { name: '1.0.96.10.in-addr.arpa.', type: 'PTR', class: 'IN' } },
    {
      name: '-x writes an IPv6 address as nibbles under ip6.arpa',
      args: ['-x', '2001:db8::1'],
      lookup: { name: '1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.', type: 'PTR', class: 'IN' },
    },
    {
      name: '-i -x uses ip6.int',
      args: ['-i', '-x', '::ffff:10.96.0.1'],
      lookup: { name: '1.0.0.0.0.6.a.0.f.f.f.f.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.ip6.int.', type: 'PTR', class: 'IN' },
    },
    { name: '-q names the lookup', args: ['-q', 'a'], lookup: { name: 'a', type: 'A', class: 'IN' } },
    { name: 'without a name it asks for the root name servers', args: ['+short'], lookup: { name: '.', type: 'NS', class: 'IN' } },
    { name: 'a class word after the name', args: ['web', 'ch'], lookup: { name: 'web', type: 'A', class: 'CH' } },
    { name: '+nssearch asks for the NS set', args: ['+nssearch', 'cluster.local'], lookup: { name: 'cluster.local', type: 'NS', class: 'IN' } },
  ];
  it.each(lookups)('$name', ({ args, lookup }) => {
    expect(parseDigArgs(args).lookups.map(({ name, type, class: klass }) => ({ name, type, class: klass }))).toEqual([lookup]);
  });

  const plus: { name: string; args: string[]; invalid: boolean }[] = [
    { name: 'the shortest prefix of short', args: ['+shor'], invalid: false },
    { name: 'a prefix too short to pick short', args: ['+sho'], invalid: true },
    { name: 'the shortest prefix of search', args: ['+se'], invalid: false },
    { name: 'a negated option', args: ['+nocomments'], invalid: false },
    { name: 'an abbreviation longer than the option', args: ['+answers'], invalid: true },
    { name: 'ndots without a value', args: ['+ndots'], invalid: true },
    { name: 'an unknown option', args: ['+bogus'], invalid: true },
    { name: 'the shortest prefix of multiline', args: ['+m'], invalid: false },
    { name: 'the shortest prefix of trace', args: ['+tra'], invalid: false },
    { name: 'a prefix too short to tell trace from tries', args: ['+tr'], invalid: true },
    { name: 'the shortest prefix of nssearch', args: ['+nss'], invalid: false },
    { name: 'a prefix too short to tell nssearch from nsid', args: ['+ns'], invalid: true },
  ];
  it.each(plus)('$name', ({ args, invalid }) => {
    expect(parseDigArgs(args).exit?.stderr?.startsWith(`Invalid option: ${args[0]}\n`) ?? false).toBe(invalid);
  });

  // dighost.c parse_uint then fatal().
  const numbers: { name: string; args: string[]; stdout: string; stderr: string }[] = [
    { name: 'ndots that is not a number', args: ['+ndots=x'], stdout: "invalid ndots 'x': bad number\n", stderr: "dig: Couldn't parse ndots\n" },
    { name: 'a buffer size too large', args: ['+bufsize=70000'], stdout: "invalid buffer size '70000': out of range\n", stderr: "dig: Couldn't parse buffer size\n" },
    { name: 'a port that is not a number', args: ['-p', 'dns'], stdout: "invalid port number 'dns': bad number\n", stderr: "dig: Couldn't parse port number\n" },
  ];
  it.each(numbers)('stops at $name', ({ args, stdout, stderr }) => {
    expect(parseDigArgs(args).exit).toEqual({ code: 10, stdout, stderr });
  });

  it('prints the usage and the option list on stdout with -h', () => {
    const stdout = parseDigArgs(['-h']).exit?.stdout ?? '';
    expect([stdout.split('\n')[0], stdout.split('\n')[3], stdout.endsWith('        -v                           (print version and exit)\n')]).toEqual([
      'Usage:  dig [@global-server] [domain] [q-type] [q-class] {q-opt}',
      'Where:  domain\t  is in the Domain Name System',
      true,
    ]);
  });

  it('warns about a type it does not know and keeps the default', () => {
    const options = parseDigArgs(['-t', 'bogus', 'web']);
    expect([options.warnings, options.lookups[0]?.type]).toEqual([';; Warning, ignoring invalid type bogus\n', 'A']);
  });

  it('+noall +answer before the name leaves no banner', () => {
    const options = parseDigArgs(['+noall', '+answer', 'web']);
    expect([options.lookups[0]?.banner, options.display]).toEqual([
      undefined,
      {
        comments: false,
        question: false,
        answer: true,
        authority: false,
        additional: false,
        stats: false,
        short: false,
        ttl: true,
        class: true,
        identify: false,
        multiline: false,
      },
    ]);
  });

  it('the banner repeats the arguments as typed', () => {
    expect(parseDigArgs(['+cmd', 'web']).lookups[0]?.banner).toBe('\n; <<>> DiG 9.9.5-9+deb8u19-Debian <<>> +cmd web\n;; global options: +cmd\n');
  });
});
