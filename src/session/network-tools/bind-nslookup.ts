/**
 * bind9's nslookup (Debian's dnsutils), non-interactive: `nslookup NAME [SERVER]`. Models
 * bin/dig/nslookup.c: the server lines print only for an A query, a PTR answer prints as
 * `NAME<TAB>name = TARGET.`, a failed lookup as `** server can't find NAME: NXDOMAIN` (status 1),
 * and a blank line always ends the output. The cluster DNS (CoreDNS) answers its own zone with
 * the AA flag, so only names it forwards upstream get "Non-authoritative answer:".
 */
import type { ContainerNetwork } from '../../engine/kubelet/tool-runner.ts';
import type { Command, CommandContext } from '../../shell/command.ts';
import { readResolvConf, type ResolvConf } from './resolv-conf.ts';

const CLUSTER_SERVICE = /^[^.]+\.[^.]+\.svc\.cluster\.local$/;

/** The names tried in turn: the search list first while the name has fewer dots than ndots. */
function candidates(name: string, conf: ResolvConf): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const dots = name.split('.').length - 1;
  const searched = conf.search.map((domain) => `${name}.${domain}`);
  return dots < conf.ndots ? [...searched, name] : [name, ...searched];
}

function lookupA(network: ContainerNetwork, name: string, conf: ResolvConf): { name: string; address: string; authoritative: boolean } | undefined {
  for (const candidate of candidates(name, conf)) {
    const lower = candidate.toLowerCase();
    if (CLUSTER_SERVICE.test(lower)) {
      const answer = network.resolve(lower);
      if (answer) return { name: lower, address: answer.address, authoritative: true };
    } else if (lower === 'localhost') {
      // Outside cluster.local CoreDNS forwards to the node's resolver, which knows localhost.
      const answer = network.resolve(lower);
      if (answer) return { name: lower, address: answer.address, authoritative: false };
    }
  }
  return undefined;
}

function lookupText(network: ContainerNetwork, name: string, conf: ResolvConf, server: string): { text: string; failed: boolean } {
  const ipv4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(name);
  if (ipv4) {
    const arpa = `${ipv4.slice(1).reverse().join('.')}.in-addr.arpa`;
    const target = network.reverse(name);
    return target ? { text: `${arpa}\tname = ${target}.\n`, failed: false } : { text: `** server can't find ${arpa}: NXDOMAIN\n`, failed: true };
  }
  const header = `Server:\t\t${server}\nAddress:\t${server}#53\n\n`;
  const answer = lookupA(network, name, conf);
  if (!answer) return { text: `${header}** server can't find ${name.replace(/\.$/, '')}: NXDOMAIN\n`, failed: true };
  return { text: `${header}${answer.authoritative ? '' : 'Non-authoritative answer:\n'}Name:\t${answer.name}\nAddress: ${answer.address}\n`, failed: false };
}

export function createBindNslookup(network: ContainerNetwork): Command {
  return {
    name: 'nslookup',
    async run(ctx: CommandContext): Promise<number> {
      const operands = ctx.argv.slice(1).filter((arg) => !arg.startsWith('-'));
      const conf = readResolvConf(ctx);
      const server = operands[1] ?? conf.nameserver;
      // Without a name nslookup reads its commands from stdin: each word a lookup, until `exit`.
      const names = operands[0] !== undefined ? [operands[0]] : ctx.stdin.split('\n').map((line) => line.trim().split(/\s+/)[0] ?? '');
      let failed = false;
      for (const name of names) {
        if (name === 'exit') break;
        if (!name) continue;
        const result = lookupText(network, name, conf, server);
        ctx.stdout.write(result.text);
        failed ||= result.failed;
      }
      ctx.stdout.write('\n');
      return failed ? 1 : 0;
    },
  };
}
