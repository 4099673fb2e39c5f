/** `kubectl scale TYPE/NAME --replicas=N [--current-replicas=M]`. */
import { intFlag } from '../flags.ts';
import { formatStatus, KubectlError, MISSING_RESOURCES } from '../errors.ts';
import type { KubectlCommand } from '../kubectl-command.ts';
import { kindPrefix } from '../resource-mapper.ts';
import { parseResourceArgs, requestBase } from '../resource-args.ts';

export const scaleCommand: KubectlCommand = {
  path: 'scale',
  flags: [
    { name: 'replicas', kind: 'int', required: true },
    { name: 'current-replicas', kind: 'int' },
    { name: 'filename', short: 'f', kind: 'strings' },
  ],
  async run(inv) {
    const replicas = intFlag(inv.flags, 'replicas')!;
    if (replicas < 0) throw new KubectlError('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    const targets = parseResourceArgs(inv.args, inv.mapper);
    if (targets.length === 0 || targets.every((t) => t.names.length === 0)) throw new KubectlError(MISSING_RESOURCES);
    let status = 0;
    for (const target of targets) {
      for (const name of target.names) {
        const base = requestBase(target.resource, inv.namespace);
        const current = intFlag(inv.flags, 'current-replicas');
        if (current !== undefined) {
          const scale = await inv.api.request<{ spec: { replicas: number } }>({ verb: 'get', ...base, name, subresource: 'scale' });
          if (scale.ok && scale.body.spec.replicas !== current) throw new KubectlError(`error: Expected replicas to be ${current}, was ${scale.body.spec.replicas}`);
        }
        const res = await inv.api.request({ verb: 'patch', ...base, name, subresource: 'scale', patchType: 'application/merge-patch+json', body: { spec: { replicas } } });
        if (!res.ok) {
          inv.err(`${formatStatus(res.body)}\n`);
          status = 1;
        } else inv.out(`${kindPrefix(target.resource)}/${name} scaled\n`);
      }
    }
    return status;
  },
};
