/**
 * How bind9 9.9.5's dig prints a reply: bin/dig/dig.c printmessage and received, over
 * lib/dns/message.c dns_message_sectiontotext and lib/dns/masterdump.c rdataset_totext. Records
 * are laid out in dig's default style: TTL at column 24, class at 32, type at 40, rdata at 48,
 * reached with 8-wide tabs, or one blank when the text already passed the column.
 */
import type { DnsResponse, ResourceRecord } from './dns-message.ts';

const TAB_WIDTH = 8;

type RecordStyle = Pick<DigDisplay, 'ttl' | 'class'> & { multiline?: boolean };

/** dns_master_stylecreate2's columns as printmessage picks them: narrower without TTL or class, or with +multiline. */
function columns(display: RecordStyle): { ttl: number; class: number; type: number; rdata: number } {
  if (display.multiline || (!display.ttl && !display.class)) return { ttl: 24, class: 24, type: 24, rdata: 32 };
  if (!display.ttl || !display.class) return { ttl: 24, class: 24, type: 32, rdata: 40 };
  return { ttl: 24, class: 32, type: 40, rdata: 48 };
}

/** What dig shows: its `+[no]…` display options. */
export interface DigDisplay {
  comments: boolean;
  question: boolean;
  answer: boolean;
  authority: boolean;
  additional: boolean;
  stats: boolean;
  short: boolean;
  /** `+[no]ttlid`, `+[no]cl`: the TTL and class columns of records. */
  ttl: boolean;
  class: boolean;
  /** `+identify`: name the server after short answers, or in place of the statistics. */
  identify: boolean;
  /** `+multiline`: narrower columns, an SOA's numbers one a line with comments. */
  multiline: boolean;
}

/** What dig asked for, which shapes the reply: `+[no]recurse`, `+[no]edns`, `+bufsize`. */
export interface DigQueryFlags {
  recurse: boolean;
  /** The EDNS UDP size dig advertised, or undefined with +noedns. */
  ednsUdpSize: number | undefined;
  /** `+cdflag`: CD, which the server copies into its reply. */
  checkingDisabled: boolean;
  /** `+dnssec`: the DO bit, which CoreDNS echoes in its OPT record. */
  dnssecOk: boolean;
  /** `+[no]adflag`: AD in the query (on by default); replies from CoreDNS do not carry it. */
  authenticData: boolean;
}

/** Models masterdump.c indent(): tabs to the last tab stop before `to`, then spaces; at least one blank. */
class ColumnWriter {
  text = '';
  #column = 0;

  write(part: string): void {
    this.text += part;
    this.#column += part.length;
  }

  indentTo(to: number): void {
    const target = Math.max(to, this.#column + 1);
    const tabs = Math.floor(target / TAB_WIDTH) - Math.floor(this.#column / TAB_WIDTH);
    let from = this.#column;
    if (tabs > 0) {
      this.text += '\t'.repeat(tabs);
      from = Math.floor(target / TAB_WIDTH) * TAB_WIDTH;
    }
    this.text += ' '.repeat(target - from);
    this.#column = target;
  }
}

const SOA_FIELDS = ['serial', 'refresh', 'retry', 'expire', 'minimum'];

/** Models lib/dns/ttl.c dns_ttl_totext, verbose: `2 hours`, `1 day`, `30 seconds`. */
function ttlText(seconds: number): string {
  const units: [number, string][] = [
    [Math.floor(seconds / 604800), 'week'],
    [Math.floor(seconds / 86400) % 7, 'day'],
    [Math.floor(seconds / 3600) % 24, 'hour'],
    [Math.floor(seconds / 60) % 60, 'minute'],
    [seconds % 60, 'second'],
  ];
  const shown = units.filter(([n], i) => n !== 0 || (i === 4 && units.every(([m]) => m === 0)));
  return shown.map(([n, unit]) => `${n} ${unit}${n === 1 ? '' : 's'}`).join(' ');
}

/**
 * Models soa_6.c totext_soa with DNS_STYLEFLAG_MULTILINE and RRCOMMENT: the numbers in
 * parentheses, one a line at the rdata column, each named, the times also in words.
 */
function multilineSoa(rdata: string): string {
  const [mname, rname, ...numbers] = rdata.split(' ');
  const lineBreak = '\n\t\t\t\t';
  const fields = numbers.map((n, i) => `${n.padEnd(10)} ; ${SOA_FIELDS[i]}${i >= 1 ? ` (${ttlText(Number(n))})` : ''}${lineBreak}`);
  return `${mname} ${rname} (${lineBreak}${fields.join('')})`;
}

/**
 * Models masterdump.c rdataset_totext for one record. dig parses replies with
 * DNS_MESSAGEPARSE_PRESERVEORDER, so each record is an rdataset of its own and +multiline's
 * DNS_STYLEFLAG_OMIT_OWNER never drops an owner.
 */
export function recordLine(record: ResourceRecord, display: RecordStyle = { ttl: true, class: true }): string {
  const at = columns(display);
  const line = new ColumnWriter();
  line.write(record.name);
  if (display.ttl) {
    line.indentTo(at.ttl);
    line.write(String(record.ttl));
  }
  if (display.class) {
    line.indentTo(at.class);
    line.write('IN');
  }
  line.indentTo(at.type);
  line.write(record.type);
  line.indentTo(at.rdata);
  line.write(display.multiline && record.type === 'SOA' ? multilineSoa(record.rdata) : record.rdata);
  return `${line.text}\n`;
}

/** Models masterdump.c question_totext, after message.c's leading ';': the class always shows. */
export function questionLine(question: DnsResponse['question'], display: RecordStyle = { ttl: true, class: true }): string {
  const at = columns(display);
  const line = new ColumnWriter();
  line.write(question.name);
  line.indentTo(at.class);
  line.write(question.class);
  line.indentTo(at.type);
  line.write(question.type);
  return `;${line.text}\n`;
}

function section(title: string, lines: string[], comments: boolean): string {
  if (lines.length === 0) return '';
  return comments ? `;; ${title} SECTION:\n${lines.join('')}\n` : lines.join('');
}

const DEFAULT_QUERY: DigQueryFlags = { recurse: true, ednsUdpSize: 4096, checkingDisabled: false, dnssecOk: false, authenticData: true };

/** Models dig.c printmessage for a reply (headers on); `server` as dig names it, for +identify. */
export function printMessage(response: DnsResponse, display: DigDisplay, sent: DigQueryFlags = DEFAULT_QUERY, server = ''): string {
  if (display.short) {
    const from = display.identify ? ` from server ${server} in 0 ms.` : '';
    return display.answer ? response.answer.map((record) => `${record.rdata}${from}\n`).join('') : '';
  }
  const comments = display.comments;
  let text = '';
  if (comments) {
    // The server copies RD from the query (dns.Msg SetReply).
    const flags = [
      'qr',
      ...(response.authoritative ? ['aa'] : []),
      ...(sent.recurse ? ['rd'] : []),
      ...(response.recursionAvailable ? ['ra'] : []),
      ...(sent.checkingDisabled ? ['cd'] : []),
    ].join(' ');
    const opt = sent.ednsUdpSize === undefined ? 0 : 1;
    text += ';; Got answer:\n';
    text += `;; ->>HEADER<<- opcode: QUERY, status: ${response.rcode}, id: ${response.id}\n`;
    // ADDITIONAL counts the OPT record CoreDNS returns to dig's EDNS query.
    text += `;; flags: ${flags}; QUERY: 1, ANSWER: ${response.answer.length}, AUTHORITY: ${response.authority.length}, ADDITIONAL: ${response.additional.length + opt}\n`;
    if (sent.recurse && !response.recursionAvailable) text += ';; WARNING: recursion requested but not available\n';
    text += '\n';
    // CoreDNS answers an EDNS query with its own OPT, advertising what the client did (at least 512).
    if (sent.ednsUdpSize !== undefined) text += `;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:${sent.dnssecOk ? ' do' : ''}; udp: ${Math.max(512, sent.ednsUdpSize)}\n`;
  }
  const line = (record: ResourceRecord) => recordLine(record, display);
  if (display.question) text += section('QUESTION', [questionLine(response.question, display)], comments);
  if (display.answer) text += section('ANSWER', response.answer.map(line), comments);
  if (display.authority) text += section('AUTHORITY', response.authority.map(line), comments);
  if (display.additional) text += section('ADDITIONAL', response.additional.map(line), comments);
  return text;
}

/** Models printmessage for the query itself (`+qr`, from setup_lookup): the message dig sends. */
export function printQuery(question: DnsResponse['question'], id: number, display: DigDisplay, sent: DigQueryFlags): string {
  if (display.short) return '';
  let text = '';
  if (display.comments) {
    const flags = [...(sent.recurse ? ['rd'] : []), ...(sent.authenticData ? ['ad'] : []), ...(sent.checkingDisabled ? ['cd'] : [])].map((f) => ` ${f}`).join('');
    const opt = sent.ednsUdpSize === undefined ? 0 : 1;
    text += `;; Sending:\n;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: ${id}\n;; flags:${flags}; QUERY: 1, ANSWER: 0, AUTHORITY: 0, ADDITIONAL: ${opt}\n\n`;
    if (sent.ednsUdpSize !== undefined) text += `;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:${sent.dnssecOk ? ' do' : ''}; udp: ${sent.ednsUdpSize}\n`;
  }
  if (display.question) text += section('QUESTION', [questionLine(question, display)], display.comments);
  return text;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** strftime "%a %b %d %H:%M:%S %Z %Y" in the container's zone (UTC: images set no TZ). */
export function digDate(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${time} UTC ${d.getUTCFullYear()}`;
}

/** Models dig.c received(): the statistics after a reply, from `address` that dig knows as `server`. */
export function printStats(address: string, server: string, epochMs: number, bytes: number): string {
  return `;; Query time: 0 msec\n;; SERVER: ${address}#53(${server})\n;; WHEN: ${digDate(epochMs)}\n;; MSG SIZE  rcvd: ${bytes}\n\n`;
}

/** received() with +identify and without +stats. */
export function printReceived(address: string, server: string, bytes: number): string {
  return `;; Received ${bytes} bytes from ${address}#53(${server}) in 0 ms\n\n`;
}
