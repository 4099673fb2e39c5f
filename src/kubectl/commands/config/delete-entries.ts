/** `kubectl config delete-context|delete-cluster|delete-user`. Models kubectl pkg/cmd/config/delete_context.go, delete_cluster.go, delete_user.go. */
import { KubectlError } from '../../errors.ts';
import { helpTexts } from '../../help/help-texts.ts';
import type { KubectlCommand } from '../../kubectl-command.ts';
import { editableCopy } from '../../kubeconfig/kubeconfig-files.ts';
import { configFileName, loadConfigFiles, saveConfig } from './config-files.ts';

function deleteCommand(noun: 'context' | 'cluster' | 'user', section: 'contexts' | 'clusters' | 'users'): KubectlCommand {
  const path = `config delete-${noun}`;
  return {
    path,
    discovery: false,
    flags: [],
    async run(inv) {
      if (inv.args.length !== 1) {
        // delete-user refuses; delete-context and delete-cluster print their help and succeed.
        if (noun === 'user') throw new KubectlError(`error: user to delete is required\nSee 'kubectl ${path} -h' for help and examples`);
        inv.out(helpTexts()[path] ?? '');
        return 0;
      }
      const name = inv.args[0]!;
      const loaded = loadConfigFiles(inv);
      const file = configFileName(loaded);
      const next = editableCopy(loaded.merged);
      const at = next[section].findIndex((e) => e.name === name);
      if (at < 0) throw new KubectlError(`error: cannot delete ${noun} ${name}, not in ${file}`);
      if (noun === 'context' && next.currentContext === name) inv.err('warning: this removed your active context, use "kubectl config use-context" to select a different one\n');
      next[section].splice(at, 1);
      saveConfig(inv, loaded, next);
      inv.out(`deleted ${noun} ${name} from ${file}\n`);
      return 0;
    },
  };
}

export const configDeleteContextCommand = deleteCommand('context', 'contexts');
export const configDeleteClusterCommand = deleteCommand('cluster', 'clusters');
export const configDeleteUserCommand = deleteCommand('user', 'users');
