/**
 * nc as port checks use it: `nc -z [-v] HOST PORT...` connects and closes. The host's nc is
 * Debian's netcat-openbsd (its messages from netcat.c with Debian's `host (ip)` form); images have
 * busybox's. Without -z the connection carries the (usually empty) stdin and closes.
 */
import type { ContainerNetwork } from '../../engine/kubelet/tool-runner.ts';
import type { Command, CommandContext } from '../../shell/command.ts';

/** What /etc/services names the ports a lab uses. */
const SERVICES: Record<number, string> = { 22: 'ssh', 53: 'domain', 80: 'http', 443: 'https', 3306: 'mysql', 5432: 'postgresql', 8080: 'http-alt' };
const OPENBSD_USAGE =
  'usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n\t  [destination] [port]\n';

export function createNc(network: ContainerNetwork): Command {
  return {
    name: 'nc',
    async run(ctx: CommandContext): Promise<number> {
      let verbose = false;
      const operands: string[] = [];
      const args = ctx.argv.slice(1);
      for (let i = 0; i < args.length; i++) {
        const a = args[i]!;
        if (/^-[a-zA-Z]+$/.test(a)) {
          verbose ||= a.includes('v');
          // Options that take a value: -w 2, -q 1, -i 1, -p 1234, -s addr.
          if (/[wqips]$/.test(a)) i++;
        } else operands.push(a);
      }
      const busybox = ctx.userland === 'busybox';
      const [host, ...ports] = operands;
      if (host === undefined || ports.length === 0) {
        ctx.stderr.write(
          busybox
            ? 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n'
            : OPENBSD_USAGE,
        );
        return 1;
      }
      let status = 0;
      for (const portText of ports) {
        const port = Number(portText);
        const answer = network.connect(host, port);
        if (answer.result === 'unknown-host') {
          ctx.stderr.write(busybox ? `nc: bad address '${host}'\n` : `nc: getaddrinfo for host "${host}" port ${portText}: Name or service not known\n`);
          return 1;
        }
        const named = answer.address !== host ? `${host} (${answer.address})` : host;
        if (answer.result === 'open') {
          if (verbose) ctx.stderr.write(busybox ? `${host} (${answer.address}:${port}) open\n` : `Connection to ${named} ${port} port [tcp/${SERVICES[port] ?? '*'}] succeeded!\n`);
          continue;
        }
        status = 1;
        if (verbose || busybox)
          ctx.stderr.write(busybox ? `nc: ${host} (${answer.address}:${port}): Connection refused\n` : `nc: connect to ${named} port ${port} (tcp) failed: Connection refused\n`);
      }
      return status;
    },
  };
}
