/**
 * bind9 9.9.5's dig, as Debian jessie's dnsutils ships it (the jessie-dnsutils image). Queries the
 * first nameserver of /etc/resolv.conf (or `@server`), without the search list unless `+search`:
 * with it, a name with fewer dots than ndots tries each search domain and then itself, moving on
 * only after NXDOMAIN (bin/dig/dighost.c setup_lookup and next_origin), and only the last reply
 * prints.
 */
import type { ContainerNetwork } from '../../engine/kubelet/tool-runner.ts';
import type { Command, CommandContext } from '../../shell/command.ts';
import { answerQuery } from './cluster-dns.ts';
import { responseWireBytes } from './dns-message.ts';
import { parseDigArgs, type DigLookup, type DigOptions } from './dig-options.ts';
import { printMessage, printQuery, printReceived, printStats } from './dig-presentation.ts';
import { readResolvConf } from './resolv-conf.ts';

const KUBE_DNS = 'kube-dns.kube-system.svc.cluster.local';
/** dig's defaults: +time=5, +tries=3, before "connection timed out". */
const GIVE_UP_MS = 15_000;

/** The names dig sends for a lookup, in order. */
function queryNames(name: string, search: boolean, domains: string[], ndots: number): string[] {
  if (name.endsWith('.')) return [name];
  const asIs = `${name}.`;
  if (!search) return [asIs];
  const searched = domains.map((domain) => `${name}.${domain.replace(/\.$/, '')}.`);
  const dots = name.split('.').length - 1;
  return dots >= ndots ? [asIs, ...searched] : [...searched, asIs];
}

/** Message ids are random in dig; here they follow from the time and name, so replays match. */
function messageId(epochMs: number, name: string): number {
  let hash = Math.floor(epochMs / 1000);
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 65536;
}

const now = (ctx: CommandContext) => ctx.time.now();

/**
 * +trace: the root's NS set from the configured server, printed without comments, then one
 * lookup per delegation (dighost.c recv_done's TRACE code). The cluster DNS cannot reach the
 * root (its upstream is out of reach, issue 13 §5): the first reply is a SERVFAIL with no NS
 * records, so followup_lookup finds no server to go on with and dig stops without a "Received" line.
 */
function traceRoot(network: ContainerNetwork, lookup: DigLookup, options: DigOptions, epochMs: number): string {
  const query = { name: '.', type: 'NS', class: lookup.class, id: messageId(epochMs, '.') };
  const response = answerQuery(network, query, network.zoneSerial(), epochMs);
  return (lookup.banner ?? '') + printMessage(response, options.display);
}

/**
 * +nssearch: the name's NS set, then each server's SOA for the name as `SOA … from server ADDRESS
 * in N ms.` (dig.c say_message). With no NS set in the answer, followup_lookup gives up at the
 * SOA in the authority section and nothing prints.
 */
function nsSearch(network: ContainerNetwork, lookup: DigLookup, epochMs: number): string {
  const query = { name: lookup.name.endsWith('.') ? lookup.name : `${lookup.name}.`, type: 'NS', class: lookup.class, id: messageId(epochMs, lookup.name) };
  const response = answerQuery(network, query, network.zoneSerial(), epochMs);
  let text = '';
  for (const ns of response.answer.filter((r) => r.type === 'NS')) {
    // getaddresses: the glue, as the pod's resolver also answers for the server's name.
    const address = response.additional.find((r) => r.name === ns.rdata && r.type === 'A')?.rdata ?? network.resolve(ns.rdata.replace(/\.$/, ''))?.address;
    if (!address) continue;
    const soa = answerQuery(network, { ...query, type: 'SOA' }, network.zoneSerial(), epochMs);
    for (const record of soa.answer) text += `${record.type} ${record.rdata} from server ${address} in 0 ms.\n`;
  }
  return text;
}

export function createDig(network: ContainerNetwork): Command {
  return {
    name: 'dig',
    async run(ctx: CommandContext): Promise<number> {
      const conf = readResolvConf(ctx);
      const options = parseDigArgs(ctx.argv.slice(1));
      ctx.stderr.write(options.warnings);
      if (options.exit) {
        ctx.stdout.write(options.exit.stdout ?? '');
        ctx.stderr.write(options.exit.stderr ?? '');
        return options.exit.code;
      }
      const server = options.server ?? conf.nameserver;
      let address = server;
      if (!/^\d+\.\d+\.\d+\.\d+$/.test(server)) {
        const resolved = network.resolve(server)?.address;
        if (!resolved) {
          ctx.stderr.write(`dig: couldn't get address for '${server}': not found\n`);
          return 10;
        }
        address = resolved;
      }
      const dnsAddress = network.resolve(KUBE_DNS)?.address;
      for (const lookup of options.lookups) {
        if (address !== dnsAddress || options.port !== 53) {
          // Nothing answers DNS there: dig waits out its tries.
          await ctx.time.sleep(GIVE_UP_MS, ctx.interrupt);
          ctx.stdout.write(`${lookup.banner ?? ''};; connection timed out; no servers could be reached\n`);
          return 9;
        }
        if (options.trace) {
          ctx.stdout.write(traceRoot(network, lookup, options, now(ctx)));
          continue;
        }
        if (options.nsSearch) {
          ctx.stdout.write(nsSearch(network, lookup, now(ctx)));
          continue;
        }
        const names = queryNames(lookup.name, options.search, options.domain ? [options.domain] : conf.search, options.ndots ?? conf.ndots);
        const sent = {
          recurse: options.recurse,
          ednsUdpSize: options.ednsUdpSize,
          checkingDisabled: options.checkingDisabled,
          dnssecOk: options.dnssecOk,
          authenticData: options.authenticData,
        };
        let banner = options.display.short ? '' : (lookup.banner ?? '');
        for (const [i, name] of names.entries()) {
          const now = ctx.time.now();
          const query = { name, type: lookup.type, class: lookup.class, id: messageId(now, name) };
          if (options.printQuery) {
            ctx.stdout.write(banner + printQuery(query, query.id, options.display, sent));
            banner = '';
          }
          const response = answerQuery(network, query, network.zoneSerial(), now);
          const last = response.rcode !== 'NXDOMAIN' || i === names.length - 1;
          // Replies along the search list print only with +showsearch (dighost.c recv_done).
          if (!last && !options.showSearch) continue;
          ctx.stdout.write(banner + printMessage(response, options.display, sent, server));
          banner = '';
          const bytes = responseWireBytes(response, sent.ednsUdpSize !== undefined);
          if (options.display.stats && !options.display.short) ctx.stdout.write(printStats(address, server, now, bytes));
          else if (options.display.identify && !options.display.short) ctx.stdout.write(printReceived(address, server, bytes));
          if (last) break;
        }
      }
      return 0;
    },
  };
}
