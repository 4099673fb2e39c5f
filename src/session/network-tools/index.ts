import type { ContainerNetwork } from '../../engine/kubelet/tool-runner.ts';
import type { Command, Userland } from '../../shell/command.ts';
import { createBindNslookup } from './bind-nslookup.ts';
import { createCurl } from './curl.ts';
import { createDig } from './dig.ts';
import { createNslookup } from './nslookup.ts';
import { createWget } from './wget.ts';
import { createNc } from './nc.ts';

/**
 * The programs that reach the cluster network, bound to one vantage point (a pod or the host).
 * A GNU image's nslookup is bind9's (dnsutils); busybox images and the host keep busybox's.
 */
export function createNetworkTools(network: ContainerNetwork, userland: Userland = 'busybox'): Command[] {
  const nslookup = userland === 'gnu' ? createBindNslookup(network) : createNslookup(network);
  return [createWget(network), createCurl(network), nslookup, createDig(network), createNc(network)];
}
