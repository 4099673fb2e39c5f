/** `kubectl api-resources`: the discovered resource types, core group first. */
import { KubectlError } from '../errors.ts';
import { stringFlag, stringsFlag } from '../flags.ts';
import type { KubectlCommand } from '../kubectl-command.ts';
import { formatTable } from '../printers/table-printer.ts';

const API_RESOURCES_FORMATS = ['json', 'kyaml', 'name', 'wide', 'yaml'];

export const apiResourcesCommand: KubectlCommand = {
  path: 'api-resources',
  flags: [
    { name: 'namespaced', kind: 'string' },
    { name: 'api-group', kind: 'string' },
    { name: 'categories', kind: 'strings' },
    { name: 'output', short: 'o', kind: 'string' },
  ],
  async run(inv) {
    const output = stringFlag(inv.flags, 'output') ?? '';
    if (output !== '' && !API_RESOURCES_FORMATS.includes(output)) {
      throw new KubectlError(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${API_RESOURCES_FORMATS.join(',')}`);
    }
    const namespaced = stringFlag(inv.flags, 'namespaced');
    const apiGroup = stringFlag(inv.flags, 'api-group') ?? '';
    // A resource is listed when it belongs to every category asked for.
    const categories = stringsFlag(inv.flags, 'categories').flatMap((c) => c.split(','));
    const resources = [...inv.mapper.resources]
      .filter((r) => namespaced === undefined || String(r.namespaced) === namespaced)
      .filter((r) => apiGroup === '' || r.group === apiGroup)
      .filter((r) => categories.every((c) => r.categories.includes(c)))
      .sort((a, b) => (a.group === b.group ? a.name.localeCompare(b.name) : a.group === '' ? -1 : b.group === '' ? 1 : a.group.localeCompare(b.group)));
    if (output === 'name') {
      inv.out(resources.map((r) => `${r.group ? `${r.name}.${r.group}` : r.name}\n`).join(''));
      return 0;
    }
    const wide = output === 'wide';
    const header = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS', 'CATEGORIES'] : [])];
    const rows = resources.map((r) => [
      r.name,
      r.shortNames.join(','),
      r.group ? `${r.group}/${r.version}` : r.version,
      String(r.namespaced),
      r.kind,
      ...(wide ? [[...r.verbs].sort().join(','), r.categories.join(',')] : []),
    ]);
    inv.out(formatTable([header, ...rows]));
    return 0;
  },
};
