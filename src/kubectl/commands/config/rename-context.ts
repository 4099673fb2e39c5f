/** `kubectl config rename-context`. Models kubectl pkg/cmd/config/rename_context.go. */
import { KubectlError } from '../../errors.ts';
import type { KubectlCommand } from '../../kubectl-command.ts';
import { editableCopy } from '../../kubeconfig/kubeconfig-files.ts';
import { configFileName, goList, loadConfigFiles, saveConfig, usageError } from './config-files.ts';

export const configRenameContextCommand: KubectlCommand = {
  path: 'config rename-context',
  discovery: false,
  flags: [],
  async run(inv) {
    if (inv.args.length !== 2) return usageError(inv, 'config rename-context', `Unexpected args: ${goList(inv.args)}`);
    const [from, to] = inv.args as [string, string];
    const loaded = loadConfigFiles(inv);
    const file = configFileName(loaded);
    const next = editableCopy(loaded.merged);
    const context = next.contexts.find((c) => c.name === from);
    if (!context) throw new KubectlError(`error: cannot rename the context "${from}", it's not in ${file}`);
    if (next.contexts.some((c) => c.name === to)) throw new KubectlError(`error: cannot rename the context "${from}", the context "${to}" already exists in ${file}`);
    context.name = to;
    if (next.currentContext === from) next.currentContext = to;
    saveConfig(inv, loaded, next);
    inv.out(`Context "${from}" renamed to "${to}".\n`);
    return 0;
  },
};
