/** The contract each kubectl subcommand implements. */
import type { ApiClient } from '../engine/api/client.ts';
import type { CommandContext } from '../shell/command.ts';
import type { FlagSpec, ParsedFlags } from './flags.ts';
import type { LocalPorts } from './local-ports.ts';
import type { ResourceMapper } from './resource-mapper.ts';

export interface Invocation {
  args: string[];
  flags: ParsedFlags;
  ctx: CommandContext;
  api: ApiClient;
  mapper: ResourceMapper;
  /** `-n` or `default`. */
  namespace: string;
  out(text: string): void;
  err(text: string): void;
  /** The API server's URL as the kubeconfig names it (`https://controlplane:6443`), where kubectl knows it. */
  server?: string;
  /** Where port-forward listens; absent where kubectl cannot listen. */
  localPorts?: LocalPorts;
}

export interface KubectlCommand {
  /** `get`, `rollout status`, `create deployment`, `set image`. */
  path: string;
  flags: FlagSpec[];
  /** False for commands that never look up resource types (`version`): no discovery request. */
  discovery?: false;
  run(inv: Invocation): Promise<number>;
}
