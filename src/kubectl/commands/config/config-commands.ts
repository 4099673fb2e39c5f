/** Every `kubectl config` subcommand: they read and write kubeconfig files and never call the server. */
import type { KubectlCommand } from '../../kubectl-command.ts';
import { configCurrentContextCommand } from './current-context.ts';
import { configDeleteClusterCommand, configDeleteContextCommand, configDeleteUserCommand } from './delete-entries.ts';
import { configGetClustersCommand, configGetContextsCommand, configGetUsersCommand } from './get-contexts.ts';
import { configRenameContextCommand } from './rename-context.ts';
import { configSetClusterCommand } from './set-cluster.ts';
import { configSetContextCommand } from './set-context.ts';
import { configSetCredentialsCommand } from './set-credentials.ts';
import { configSetCommand, configUnsetCommand } from './set-property.ts';
import { configUseContextCommand } from './use-context.ts';
import { configViewCommand } from './view.ts';

export const configCommands: KubectlCommand[] = [
  configViewCommand,
  configCurrentContextCommand,
  configGetContextsCommand,
  configGetClustersCommand,
  configGetUsersCommand,
  configUseContextCommand,
  configSetContextCommand,
  configSetClusterCommand,
  configSetCredentialsCommand,
  configSetCommand,
  configUnsetCommand,
  configDeleteContextCommand,
  configDeleteClusterCommand,
  configDeleteUserCommand,
  configRenameContextCommand,
];

/** cobra Aliases of the config subcommands. */
export const CONFIG_ALIASES: Record<string, string> = { use: 'use-context' };
