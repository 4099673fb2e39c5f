/** `kubectl api-resources`: the discovered resource types, core group first. */
import type { ApiResource } from '../../engine/api/client.ts';
import { KubectlError } from '../errors.ts';
import { boolFlag, stringFlag, stringsFlag } from '../flags.ts';
import type { KubectlCommand } from '../kubectl-command.ts';
import { toKyaml } from '../printers/kyaml-printer.ts';
import { formatTable } from '../printers/table-printer.ts';
import { toJson, toYaml } from '../printers/yaml-printer.ts';

const API_RESOURCES_FORMATS = ['json', 'kyaml', 'name', 'wide', 'yaml'];

export const apiResourcesCommand: KubectlCommand = {
  path: 'api-resources',
  flags: [
    { name: 'namespaced', kind: 'bool' },
    { name: 'api-group', kind: 'string' },
    { name: 'categories', kind: 'strings' },
    { name: 'verbs', kind: 'strings' },
    { name: 'sort-by', kind: 'string' },
    { name: 'cached', kind: 'bool' },
    { name: 'no-headers', kind: 'bool' },
    { name: 'output', short: 'o', kind: 'string' },
    // JSONYamlPrintFlags registers it; an APIResourceList has no managedFields for it to show.
    { name: 'show-managed-fields', kind: 'bool' },
  ],
  // Models staging/src/k8s.io/kubectl/pkg/cmd/apiresources/apiresources.go Validate and RunAPIResources
  async run(inv) {
    if (inv.args.length > 0) throw new KubectlError(`error: unexpected arguments: [${inv.args.join(' ')}]\nSee 'kubectl api-resources -h' for help and examples`);
    const output = stringFlag(inv.flags, 'output') ?? '';
    if (output !== '' && !API_RESOURCES_FORMATS.includes(output)) {
      throw new KubectlError(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${API_RESOURCES_FORMATS.join(',')}`);
    }
    const sortBy = stringFlag(inv.flags, 'sort-by') ?? '';
    if (sortBy !== '' && sortBy !== 'name' && sortBy !== 'kind') throw new KubectlError('error: --sort-by accepts only name or kind');
    // Only a given --namespaced filters: its default (true) lists every scope.
    const namespaced = inv.flags.values.has('namespaced') ? boolFlag(inv.flags, 'namespaced') : undefined;
    const apiGroup = stringFlag(inv.flags, 'api-group') ?? '';
    const verbs = splitList(stringsFlag(inv.flags, 'verbs'));
    // A resource is listed when it belongs to every category asked for.
    const categories = splitList(stringsFlag(inv.flags, 'categories'));
    const byGroup = [...inv.mapper.resources]
      .filter((r) => namespaced === undefined || r.namespaced === namespaced)
      .filter((r) => apiGroup === '' || r.group === apiGroup)
      .filter((r) => verbs.every((v) => (r.verbs as string[]).includes(v)))
      .filter((r) => categories.every((c) => r.categories.includes(c)))
      .sort((a, b) => (a.group === b.group ? a.name.localeCompare(b.name) : a.group === '' ? -1 : b.group === '' ? 1 : a.group.localeCompare(b.group)));
    // kubectl sorts stably, so resources with the same name or kind keep the group order.
    const resources = sortBy === '' ? byGroup : byGroup.sort((a, b) => compareGo(sortBy === 'name' ? a.name : a.kind, sortBy === 'name' ? b.name : b.kind));
    if (output === 'name') {
      inv.out(resources.map((r) => `${r.group ? `${r.name}.${r.group}` : r.name}\n`).join(''));
      return 0;
    }
    if (output === 'json' || output === 'yaml' || output === 'kyaml') {
      const list = { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: '', resources: resources.map(apiResourceJson) };
      inv.out(output === 'json' ? toJson(list) : output === 'yaml' ? toYaml(list) : toKyaml(list));
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
    const noHeaders = boolFlag(inv.flags, 'no-headers');
    if (noHeaders && rows.length === 0) return 0;
    inv.out(formatTable(noHeaders ? rows : [header, ...rows]));
    return 0;
  },
};

function splitList(values: string[]): string[] {
  return values.flatMap((v) => v.split(',')).filter((v) => v !== '');
}

function compareGo(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** metav1.APIResource as the list prints it, in its Go field order, empty lists omitted. */
function apiResourceJson(r: ApiResource): Record<string, unknown> {
  return {
    name: r.name,
    singularName: r.singularName,
    namespaced: r.namespaced,
    group: r.group,
    version: r.version,
    kind: r.kind,
    verbs: r.verbs,
    ...(r.shortNames.length ? { shortNames: r.shortNames } : {}),
    ...(r.categories.length ? { categories: r.categories } : {}),
  };
}
