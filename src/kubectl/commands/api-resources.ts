/** `kubectl api-resources`: the discovered resource types, core group first. */
import { KubectlError } from '../errors.ts';
import { stringFlag } from '../flags.ts';
import type { KubectlCommand } from '../kubectl-command.ts';
import { formatTable } from '../printers/table-printer.ts';

const API_RESOURCES_FORMATS = ['json', 'kyaml', 'name', 'wide', 'yaml'];

export const apiResourcesCommand: KubectlCommand = {
  path: 'api-resources',
  flags: [
    { name: 'namespaced', kind: 'string' },
    { name: 'output', short: 'o', kind: 'string' },
  ],
  async run(inv) {
    const output = stringFlag(inv.flags, 'output') ?? '';
    if (output !== '' && !API_RESOURCES_FORMATS.includes(output)) {
      throw new KubectlError(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${API_RESOURCES_FORMATS.join(',')}`);
    }
    const rows = [...inv.mapper.resources]
      .sort((a, b) => (a.group === b.group ? a.name.localeCompare(b.name) : a.group === '' ? -1 : b.group === '' ? 1 : a.group.localeCompare(b.group)))
      .map((r) => [r.name, r.shortNames.join(','), r.group ? `${r.group}/${r.version}` : r.version, String(r.namespaced), r.kind]);
    inv.out(formatTable([['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'], ...rows]));
    return 0;
  },
};
