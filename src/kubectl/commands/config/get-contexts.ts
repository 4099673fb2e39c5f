/** `kubectl config get-contexts`, `get-clusters`, `get-users`. Models kubectl pkg/cmd/config/get_contexts.go, get_clusters.go, get_users.go. */
import { KubectlError } from '../../errors.ts';
import { boolFlag, stringFlag } from '../../flags.ts';
import type { KubectlCommand } from '../../kubectl-command.ts';
import { formatTable } from '../../printers/table-printer.ts';
import { loadConfigFiles } from './config-files.ts';

export const configGetContextsCommand: KubectlCommand = {
  path: 'config get-contexts',
  discovery: false,
  flags: [
    { name: 'output', short: 'o', kind: 'string' },
    { name: 'no-headers', kind: 'bool' },
  ],
  async run(inv) {
    const output = stringFlag(inv.flags, 'output') ?? '';
    if (output !== '' && output !== 'name') throw new KubectlError(`error: --output ${output} is not available in kubectl config get-contexts; resetting to default output format`);
    const config = loadConfigFiles(inv).merged;
    const missing = inv.args.filter((name) => !config.contexts.some((c) => c.name === name));
    const shown = inv.args.length === 0 ? config.contexts : config.contexts.filter((c) => inv.args.includes(c.name));
    if (output === 'name') inv.out(shown.map((c) => `${c.name}\n`).join(''));
    else {
      const rows = shown.map((c) => [
        c.name === config.currentContext ? '*' : '',
        c.name,
        (c.value.cluster as string | undefined) ?? '',
        (c.value.user as string | undefined) ?? '',
        (c.value.namespace as string | undefined) ?? '',
      ]);
      const header = ['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'];
      inv.out(formatTable(boolFlag(inv.flags, 'no-headers') ? rows : [header, ...rows]));
    }
    if (missing.length === 0) return 0;
    // One missing context is CheckErr's `error: …`; several are an aggregate, one per line.
    throw new KubectlError(missing.length === 1 ? `error: context ${missing[0]} not found` : missing.map((name) => `context ${name} not found`).join('\n'));
  },
};

function namesCommand(path: string, section: 'clusters' | 'users'): KubectlCommand {
  return {
    path,
    discovery: false,
    flags: [],
    async run(inv) {
      const entries = loadConfigFiles(inv).merged[section];
      inv.out(`NAME\n${entries.map((e) => `${e.name}\n`).join('')}`);
      return 0;
    },
  };
}

export const configGetClustersCommand = namesCommand('config get-clusters', 'clusters');
export const configGetUsersCommand = namesCommand('config get-users', 'users');
