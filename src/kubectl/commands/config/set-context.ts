/** `kubectl config set-context`. Models kubectl pkg/cmd/config/create_context.go. */
import { KubectlError } from '../../errors.ts';
import { boolFlag, stringFlag } from '../../flags.ts';
import type { KubectlCommand } from '../../kubectl-command.ts';
import { editableCopy } from '../../kubeconfig/kubeconfig-files.ts';
import { goList, loadConfigFiles, saveConfig, usageError } from './config-files.ts';

export const configSetContextCommand: KubectlCommand = {
  path: 'config set-context',
  discovery: false,
  flags: [
    { name: 'current', kind: 'bool' },
    { name: 'cluster', kind: 'string' },
    { name: 'user', kind: 'string' },
    { name: 'namespace', short: 'n', kind: 'string' },
  ],
  async run(inv) {
    if (inv.args.length > 1) return usageError(inv, 'config set-context', `Unexpected args: ${goList(inv.args)}`);
    const current = boolFlag(inv.flags, 'current');
    if (current && inv.args.length > 0) throw new KubectlError('error: you cannot specify both a context name and --current');
    if (!current && (inv.args[0] ?? '') === '') throw new KubectlError('error: you must specify a non-empty context name or --current');
    const loaded = loadConfigFiles(inv);
    const next = editableCopy(loaded.merged);
    const name = current ? next.currentContext : inv.args[0]!;
    if (name === '') throw new KubectlError('error: no current context is set');
    let entry = next.contexts.find((c) => c.name === name);
    const existed = entry !== undefined;
    if (!entry) {
      entry = { name, value: {} };
      next.contexts.push(entry);
    }
    for (const field of ['cluster', 'user', 'namespace']) {
      const value = stringFlag(inv.flags, field);
      if (value !== undefined) entry.value[field] = value;
    }
    saveConfig(inv, loaded, next);
    inv.out(`Context "${name}" ${existed ? 'modified' : 'created'}.\n`);
    return 0;
  },
};
