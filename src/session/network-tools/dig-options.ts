/**
 * dig's command line, as bin/dig/dig.c parse_args, plus_option and dash_option of bind9 9.9.5 read
 * it: `@server`, `+[no]option[=value]` (any abbreviation long enough to pick the option), `-x`,
 * `-t`, `-c`, `-q`, and bare words that are a type, a class, or else the name to look up.
 */
import { DIG_HELP_WHERE } from './dig-help.ts';
import type { DigDisplay } from './dig-presentation.ts';

export const DIG_VERSION = '9.9.5-9+deb8u19-Debian';

export interface DigLookup {
  name: string;
  type: string;
  class: string;
  /** The banner, built when dig met its first name (printgreeting). */
  banner?: string;
}

export interface DigOptions {
  lookups: DigLookup[];
  server?: string;
  port: number;
  search: boolean;
  /** +showsearch: every reply along the search list prints, not only the last. */
  showSearch: boolean;
  ndots?: number;
  recurse: boolean;
  checkingDisabled: boolean;
  dnssecOk: boolean;
  authenticData: boolean;
  /** +qr: print each query before sending it. */
  printQuery: boolean;
  /** +trace: follow the delegations from the root's name servers down (dighost.c followup_lookup). */
  trace: boolean;
  /** +nssearch: ask each name server of the name's NS set for its SOA. */
  nsSearch: boolean;
  /** +domain=NAME: the search list is that one domain. */
  domain?: string;
  /** The UDP size of the EDNS OPT dig sends; undefined with +noedns. */
  ednsUdpSize: number | undefined;
  display: DigDisplay;
  /** Text for stderr (warnings), and an exit code when dig stops before any lookup. */
  warnings: string;
  exit?: { code: number; stdout?: string; stderr?: string };
}

// lib/dns/rdata's type names dig accepts as a word or after -t.
const TYPES = new Set(
  'A NS MD MF CNAME SOA MB MG MR NULL WKS PTR HINFO MINFO MX TXT RP AFSDB X25 ISDN RT NSAP NSAP-PTR SIG KEY PX GPOS AAAA LOC NXT EID NIMLOC SRV ATMA NAPTR KX CERT A6 DNAME SINK OPT APL DS SSHFP IPSECKEY RRSIG NSEC DNSKEY DHCID NSEC3 NSEC3PARAM TLSA HIP SPF UINFO UID GID UNSPEC NID L32 L64 LP EUI48 EUI64 TKEY TSIG IXFR AXFR MAILB MAILA ANY URI CAA DLV'.split(
    ' ',
  ),
);
const CLASSES = new Map([
  ['IN', 'IN'],
  ['CH', 'CH'],
  ['CHAOS', 'CH'],
  ['HS', 'HS'],
  ['HESIOD', 'HS'],
  ['NONE', 'NONE'],
  ['ANY', 'ANY'],
]);

export function parseType(word: string): string | undefined {
  const upper = word.toUpperCase();
  if (TYPES.has(upper)) return upper;
  return /^TYPE\d+$/.test(upper) ? upper : undefined;
}

function parseClass(word: string): string | undefined {
  const upper = word.toUpperCase();
  return CLASSES.get(upper) ?? (/^CLASS\d+$/.test(upper) ? upper : undefined);
}

const USAGE_LINES =
  'Usage:  dig [@global-server] [domain] [q-type] [q-class] {q-opt}\n' +
  '            {global-d-opt} host [@local-server] {local-d-opt}\n' +
  '            [ host [@local-server] {local-d-opt} [...]]\n';
const USAGE = `${USAGE_LINES}\nUse "dig -h" (or "dig -h | more") for complete list of options\n`;

/** The `+` options: the full name, and the shortest prefix plus_option's switch needs to reach it. */
const PLUS_OPTIONS: { name: string; prefix: string; value?: true }[] = [
  { name: 'aaonly', prefix: 'aa' },
  { name: 'aaflag', prefix: 'aa' },
  { name: 'additional', prefix: 'add' },
  { name: 'adflag', prefix: 'ad' },
  { name: 'all', prefix: 'al' },
  { name: 'answer', prefix: 'an' },
  { name: 'authority', prefix: 'au' },
  { name: 'besteffort', prefix: 'be' },
  { name: 'bufsize', prefix: 'bu', value: true },
  { name: 'cdflag', prefix: 'cd' },
  { name: 'cl', prefix: 'cl' },
  { name: 'cmd', prefix: 'cm' },
  { name: 'comments', prefix: 'co' },
  { name: 'defname', prefix: 'de' },
  { name: 'dnssec', prefix: 'dn' },
  { name: 'domain', prefix: 'do', value: true },
  { name: 'edns', prefix: 'e' },
  { name: 'fail', prefix: 'f' },
  { name: 'identify', prefix: 'id' },
  { name: 'ignore', prefix: 'ig' },
  { name: 'keepopen', prefix: 'k' },
  { name: 'multiline', prefix: 'm' },
  { name: 'ndots', prefix: 'nd', value: true },
  { name: 'nsid', prefix: 'nsi' },
  { name: 'nssearch', prefix: 'nss' },
  { name: 'onesoa', prefix: 'o' },
  { name: 'qr', prefix: 'qr' },
  { name: 'question', prefix: 'qu' },
  { name: 'recurse', prefix: 'rec' },
  { name: 'search', prefix: 'se' },
  { name: 'short', prefix: 'shor' },
  { name: 'showsearch', prefix: 'show' },
  { name: 'stats', prefix: 'st' },
  { name: 'tcp', prefix: 'tc' },
  { name: 'timeout', prefix: 'ti', value: true },
  { name: 'trace', prefix: 'tra' },
  { name: 'tries', prefix: 'tri', value: true },
  { name: 'retry', prefix: 'ret', value: true },
  { name: 'rrcomments', prefix: 'rr' },
  { name: 'split', prefix: 'sp' },
  { name: 'ttlid', prefix: 'tt' },
  { name: 'vc', prefix: 'v' },
];

/**
 * Models dighost.c parse_uint: a bad value is reported on stdout, then fatal() names what could
 * not be parsed and exits 10.
 */
function parseUint(value: string, max: number, noun: string): number | { code: number; stdout: string; stderr: string } {
  const digits = /^\d+$/.test(value);
  const n = digits ? Number(value) : NaN;
  if (digits && n <= max) return n;
  const reason = digits ? 'out of range' : 'bad number';
  return { code: 10, stdout: `invalid ${noun} '${value}': ${reason}\n`, stderr: `dig: Couldn't parse ${noun}\n` };
}

/** The 32 hex nibbles of an IPv6 address (inet_pton's rules: one `::`, an optional IPv4 tail), or undefined. */
function ipv6Nibbles(value: string): string[] | undefined {
  if (!value.includes(':')) return undefined;
  let text = value;
  const tail = /^(.*:)(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(value);
  if (tail) {
    const octets = tail.slice(2).map(Number);
    if (octets.some((o) => o > 255)) return undefined;
    text = `${tail[1]}${((octets[0]! << 8) | octets[1]!).toString(16)}:${((octets[2]! << 8) | octets[3]!).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = halves.map((half) => (half === '' ? [] : half.split(':')));
  const missing = 8 - groups.reduce((sum, g) => sum + g.length, 0);
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = halves.length === 1 ? groups[0]! : [...groups[0]!, ...Array<string>(missing).fill('0'), ...groups[1]!];
  if (!all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  return all.flatMap((g) => g.toLowerCase().padStart(4, '0').split(''));
}

/** Models get_reverse: nibbles under ip6.arpa (ip6.int with -i) for IPv6, else reversed octets. */
function reverseName(value: string, ip6Int: boolean): string {
  const nibbles = ipv6Nibbles(value);
  if (nibbles) return `${nibbles.reverse().join('.')}.${ip6Int ? 'ip6.int' : 'ip6.arpa'}.`;
  // Not strict: the octets are reversed whether or not they are numbers (RFC 2317 names).
  return `${value.split('.').reverse().join('.')}.in-addr.arpa.`;
}

/** What dig 9.9.5 prints when no `+option` says otherwise. */
export function defaultDigDisplay(): DigDisplay {
  return { comments: true, question: true, answer: true, authority: true, additional: true, stats: true, short: false, ttl: true, class: true, identify: false, multiline: false };
}

export function parseDigArgs(args: string[]): DigOptions {
  const display = defaultDigDisplay();
  const options: DigOptions = {
    lookups: [],
    port: 53,
    search: false,
    showSearch: false,
    recurse: true,
    checkingDisabled: false,
    dnssecOk: false,
    authenticData: true,
    printQuery: false,
    trace: false,
    nsSearch: false,
    ednsUdpSize: undefined,
    display,
    warnings: '',
  };
  let ip6Int = false;
  let edns = true;
  let bufsize = 0;
  let printCmd = true;
  let serverCount = 0;
  let openTypeClass = true;
  let pendingType: string | undefined;
  let pendingClass: string | undefined;
  const banner = () =>
    printCmd
      ? `\n; <<>> DiG ${DIG_VERSION} <<>>${args.map((arg) => ` ${arg}`).join('')}\n` +
        (serverCount ? `; (${serverCount} server${serverCount > 1 ? 's' : ''} found)\n` : '') +
        `;; global options:${display.short ? ' +short' : ''}${printCmd ? ' +cmd' : ''}\n`
      : undefined;
  const current = () => options.lookups[options.lookups.length - 1];
  const addLookup = (name: string, type?: string) => {
    const first = options.lookups.length === 0;
    const text = first ? banner() : undefined;
    options.lookups.push({ name, type: type ?? pendingType ?? 'A', class: pendingClass ?? 'IN', ...(text ? { banner: text } : {}) });
  };
  const setType = (type: string) => {
    if (options.lookups.length > 0) current()!.type = type;
    else pendingType = type;
  };
  const setClass = (klass: string) => {
    if (options.lookups.length > 0) current()!.class = klass;
    else pendingClass = klass;
  };
  const invalid = (text: string): DigOptions => ({ ...options, exit: { code: 1, stderr: `Invalid option: ${text}\n${USAGE}` } });

  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith('@')) {
      options.server = arg.slice(1);
      serverCount = 1;
    } else if (arg.startsWith('+')) {
      let cmd = arg.slice(1).split('=')[0]!.toLowerCase();
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : undefined;
      const state = !cmd.startsWith('no');
      if (!state) cmd = cmd.slice(2);
      const option = PLUS_OPTIONS.find((o) => cmd.startsWith(o.prefix) && o.name.startsWith(cmd));
      if (!option || (option.value && (value === undefined || !state))) return invalid(arg);
      switch (option.name) {
        case 'all':
          Object.assign(display, { question: state, authority: state, answer: state, additional: state, comments: state, stats: state });
          printCmd = state;
          break;
        case 'answer':
        case 'authority':
        case 'additional':
        case 'question':
        case 'comments':
        case 'stats':
          display[option.name] = state;
          break;
        case 'cmd':
          printCmd = state;
          break;
        case 'short':
          display.short = state;
          if (state) {
            printCmd = false;
            Object.assign(display, { additional: false, answer: true, authority: false, question: false, comments: false, stats: false });
          }
          break;
        case 'search':
        case 'defname':
          options.search = state;
          break;
        case 'showsearch':
          options.showSearch = state;
          options.search = state;
          break;
        case 'ttlid':
          display.ttl = state;
          break;
        case 'cl':
          display.class = state;
          break;
        case 'recurse':
          options.recurse = state;
          break;
        case 'cdflag':
          options.checkingDisabled = state;
          break;
        case 'adflag':
          options.authenticData = state;
          break;
        case 'qr':
          options.printQuery = state;
          break;
        case 'dnssec':
          options.dnssecOk = state;
          break;
        case 'identify':
          display.identify = state;
          break;
        case 'multiline':
          display.multiline = state;
          break;
        case 'trace':
          options.trace = state;
          if (state) {
            Object.assign(options, { recurse: false, dnssecOk: true, search: false });
            Object.assign(display, { identify: true, comments: false, stats: false, additional: false, authority: true, question: false });
          }
          break;
        case 'nssearch':
          options.nsSearch = state;
          if (state) {
            options.recurse = true;
            Object.assign(display, { identify: true, stats: false, comments: false, additional: false, authority: false, question: false, short: true });
            setType('NS');
          }
          break;
        case 'domain':
          options.domain = value!;
          break;
        case 'edns':
          // Only EDNS version 0 is modelled: CoreDNS answers any other with BADVERS.
          if (state && value !== undefined && value !== '0') return invalid(arg);
          edns = state;
          break;
        case 'bufsize': {
          const parsed = parseUint(value!, 0xffff, 'buffer size');
          if (typeof parsed !== 'number') return { ...options, exit: parsed };
          bufsize = parsed;
          break;
        }
        case 'ndots': {
          const parsed = parseUint(value!, 0xffff, 'ndots');
          if (typeof parsed !== 'number') return { ...options, exit: parsed };
          options.ndots = parsed;
          break;
        }
        case 'timeout':
        case 'tries':
        case 'retry': {
          const [max, noun] = option.name === 'timeout' ? [0xffff, 'timeout'] : option.name === 'tries' ? [0xffffffff, 'tries'] : [0xfffffffe, 'retries'];
          const parsed = parseUint(value!, max, noun);
          if (typeof parsed !== 'number') return { ...options, exit: parsed };
          break;
        }
        // The transport, retry and query options left change nothing a reply from the cluster DNS
        // shows: it has no NSID, no AXFR, and no record whose text +rrcomments or +split changes.
      }
    } else if (arg.startsWith('-') && arg.length > 1) {
      const opt = arg[1]!;
      // -i: ip6.int for -x; -m (memory debugging) and -n (deprecated) change no output.
      if (opt === 'i' || opt === 'm' || opt === 'n') {
        ip6Int ||= opt === 'i';
        continue;
      }
      if (opt === 'v' || opt === 'h' || '46'.includes(opt)) {
        if (opt === 'v') return { ...options, exit: { code: 0, stderr: `DiG ${DIG_VERSION}\n` } };
        if (opt === 'h') return { ...options, exit: { code: 0, stdout: USAGE_LINES + DIG_HELP_WHERE } };
        continue;
      }
      const inline = arg.length > 2;
      const value = inline ? arg.slice(2) : args[i + 1];
      if (value === undefined || !'xtcqpb'.includes(opt)) return invalid(arg);
      if (!inline) i++;
      // -b: the source address, which changes nothing the reply shows; only a bad one is an error.
      if (opt === 'b' && !/^\d+\.\d+\.\d+\.\d+(#\d+)?$/.test(value)) return { ...options, exit: { code: 10, stderr: `dig: invalid address ${value}\n` } };
      if (opt === 'x') addLookup(reverseName(value, ip6Int), pendingType ?? 'PTR');
      else if (opt === 'q') addLookup(value);
      else if (opt === 'p') {
        const parsed = parseUint(value, 0xffff, 'port number');
        if (typeof parsed !== 'number') return { ...options, exit: parsed };
        options.port = parsed;
      } else if (opt === 't') {
        openTypeClass = false;
        const type = parseType(value);
        if (type) setType(type);
        else options.warnings += `;; Warning, ignoring invalid type ${value}\n`;
      } else {
        openTypeClass = false;
        const klass = parseClass(value);
        if (klass) setClass(klass);
        else options.warnings += `;; Warning, ignoring invalid class ${value}\n`;
      }
    } else {
      const type = openTypeClass ? parseType(arg) : undefined;
      const klass = openTypeClass && !type ? parseClass(arg) : undefined;
      if (type) setType(type);
      else if (klass) setClass(klass);
      else addLookup(arg);
    }
  }
  // Without a name dig asks for the root's name servers.
  if (options.lookups.length === 0) addLookup('.', 'NS');
  // dighost.c setup_lookup: a buffer size turns EDNS back on; 4096 unless one was given.
  options.ednsUdpSize = edns || bufsize > 0 || options.dnssecOk ? bufsize || 4096 : undefined;
  return options;
}
