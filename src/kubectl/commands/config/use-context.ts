/** `kubectl config use-context` (alias `use`). Models kubectl pkg/cmd/config/use_context.go. */
import { KubectlError } from '../../errors.ts';
import type { KubectlCommand } from '../../kubectl-command.ts';
import { editableCopy } from '../../kubeconfig/kubeconfig-files.ts';
import { goList, loadConfigFiles, saveConfig, usageError } from './config-files.ts';

export const configUseContextCommand: KubectlCommand = {
  path: 'config use-context',
  discovery: false,
  flags: [],
  async run(inv) {
    if (inv.args.length !== 1) return usageError(inv, 'config use-context', `Unexpected args: ${goList(inv.args)}`);
    const name = inv.args[0]!;
    const loaded = loadConfigFiles(inv);
    if (!loaded.merged.contexts.some((c) => c.name === name)) throw new KubectlError(`error: no context exists with the name: "${name}"`);
    const next = editableCopy(loaded.merged);
    next.currentContext = name;
    saveConfig(inv, loaded, next);
    inv.out(`Switched to context "${name}".\n`);
    return 0;
  },
};
