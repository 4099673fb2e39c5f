import type { ContainerNetwork } from '../../engine/kubelet/tool-runner.ts';
import type { Command } from '../../shell/command.ts';
import { createCurl } from './curl.ts';
import { createNslookup } from './nslookup.ts';
import { createWget } from './wget.ts';
import { createNc } from './nc.ts';

/** The programs that reach the cluster network, bound to one vantage point (a pod or the host). */
export function createNetworkTools(network: ContainerNetwork): Command[] {
  return [createWget(network), createCurl(network), createNslookup(network), createNc(network)];
}
