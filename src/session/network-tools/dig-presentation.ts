/**
 * How bind9 9.9.5's dig prints a reply: bin/dig/dig.c printmessage and received, over
 * lib/dns/message.c dns_message_sectiontotext and lib/dns/masterdump.c rdataset_totext. Records
 * are laid out in dig's default style: TTL at column 24, class at 32, type at 40, rdata at 48,
 * reached with 8-wide tabs, or one blank when the text already passed the column.
 */
import type { DnsResponse, ResourceRecord } from './dns-message.ts';

const TTL_COLUMN = 24;
const CLASS_COLUMN = 32;
const TYPE_COLUMN = 40;
const RDATA_COLUMN = 48;
const TAB_WIDTH = 8;

/** What dig shows: its `+[no]…` display options. */
export interface DigDisplay {
  comments: boolean;
  question: boolean;
  answer: boolean;
  authority: boolean;
  additional: boolean;
  stats: boolean;
  short: boolean;
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

/** Models masterdump.c rdataset_totext for one record. */
export function recordLine(record: ResourceRecord): string {
  const line = new ColumnWriter();
  line.write(record.name);
  line.indentTo(TTL_COLUMN);
  line.write(String(record.ttl));
  line.indentTo(CLASS_COLUMN);
  line.write('IN');
  line.indentTo(TYPE_COLUMN);
  line.write(record.type);
  line.indentTo(RDATA_COLUMN);
  line.write(record.rdata);
  return `${line.text}\n`;
}

/** Models masterdump.c question_totext, after message.c's leading ';'. */
export function questionLine(question: DnsResponse['question']): string {
  const line = new ColumnWriter();
  line.write(question.name);
  line.indentTo(CLASS_COLUMN);
  line.write(question.class);
  line.indentTo(TYPE_COLUMN);
  line.write(question.type);
  return `;${line.text}\n`;
}

function section(title: string, lines: string[], comments: boolean): string {
  if (lines.length === 0) return '';
  return comments ? `;; ${title} SECTION:\n${lines.join('')}\n` : lines.join('');
}

/** Models dig.c printmessage for a reply (headers on). */
export function printMessage(response: DnsResponse, display: DigDisplay): string {
  if (display.short) return display.answer ? response.answer.map((record) => `${record.rdata}\n`).join('') : '';
  const comments = display.comments;
  let text = '';
  if (comments) {
    const flags = ['qr', ...(response.authoritative ? ['aa'] : []), 'rd', ...(response.recursionAvailable ? ['ra'] : [])].join(' ');
    text += ';; Got answer:\n';
    text += `;; ->>HEADER<<- opcode: QUERY, status: ${response.rcode}, id: ${response.id}\n`;
    // ADDITIONAL counts the OPT record CoreDNS returns to dig's EDNS query.
    text += `;; flags: ${flags}; QUERY: 1, ANSWER: ${response.answer.length}, AUTHORITY: ${response.authority.length}, ADDITIONAL: ${response.additional.length + 1}\n`;
    if (!response.recursionAvailable) text += ';; WARNING: recursion requested but not available\n';
    text += '\n;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 4096\n';
  }
  if (display.question) text += section('QUESTION', [questionLine(response.question)], comments);
  if (display.answer) text += section('ANSWER', response.answer.map(recordLine), comments);
  if (display.authority) text += section('AUTHORITY', response.authority.map(recordLine), comments);
  if (display.additional) text += section('ADDITIONAL', response.additional.map(recordLine), comments);
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

/** Models dig.c received(): the statistics after a reply. */
export function printStats(server: string, epochMs: number, bytes: number): string {
  return `;; Query time: 0 msec\n;; SERVER: ${server}#53(${server})\n;; WHEN: ${digDate(epochMs)}\n;; MSG SIZE  rcvd: ${bytes}\n\n`;
}
