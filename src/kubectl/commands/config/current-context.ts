/** `kubectl config current-context`. Models kubectl pkg/cmd/config/current_context.go. */
import { KubectlError } from '../../errors.ts';
import type { KubectlCommand } from '../../kubectl-command.ts';
import { loadConfigFiles } from './config-files.ts';

export const configCurrentContextCommand: KubectlCommand = {
  path: 'config current-context',
  discovery: false,
  flags: [],
  async run(inv) {
    const current = loadConfigFiles(inv).merged.currentContext;
    if (current === '') throw new KubectlError('error: current-context is not set');
    inv.out(`${current}\n`);
    return 0;
  },
};
