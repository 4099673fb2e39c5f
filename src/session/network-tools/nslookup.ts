/** busybox 1.28 nslookup, the version CKA tasks use for DNS checks (`busybox:1.28`). */
import type { ContainerNetwork } from '../../engine/kubelet/tool-runner.ts';
import type { Command, CommandContext } from '../../shell/command.ts';

const DNS_SERVER = '10.96.0.10';

export function createNslookup(network: ContainerNetwork): Command {
  return {
    name: 'nslookup',
    async run(ctx: CommandContext): Promise<number> {
      const name = ctx.argv[1];
      if (!name) {
        ctx.stderr.write(
          'BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary.\n\nUsage: nslookup [HOST] [SERVER]\n\nQuery the nameserver for the IP address of the given HOST\noptionally using a specified DNS server\n',
        );
        return 1;
      }
      ctx.stdout.write(`Server:    ${DNS_SERVER}\nAddress 1: ${DNS_SERVER} kube-dns.kube-system.svc.cluster.local\n\n`);
      const answer = network.resolve(name);
      if (!answer) {
        ctx.stderr.write(`nslookup: can't resolve '${name}'\n`);
        return 1;
      }
      ctx.stdout.write(`Name:      ${name}\nAddress 1: ${answer.address} ${answer.name}\n`);
      return 0;
    },
  };
}
