/**
 * `kubectl cluster-info dump`: nodes, then per namespace (kube-system and the current one, or
 * `--namespaces`, or `-A`) its events, replication controllers, services, daemon sets,
 * deployments, replica sets and pods, then every container's log between START/END lines; to
 * stdout or, with `--output-directory`, one file each.
 * Models kubectl pkg/cmd/clusterinfo/clusterinfo_dump.go.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../engine/api/client.ts';
import { resolvePath } from '../../lib/resolve-path.ts';
import { goErrno, mkdirAll } from '../go-os.ts';
import { cleanPath } from './cp/file-spec.ts';
import { formatStatus, KubectlError } from '../errors.ts';
import { boolFlag, stringFlag, stringsFlag } from '../flags.ts';
import type { Invocation, KubectlCommand } from '../kubectl-command.ts';
import { PRINT_FLAGS } from '../printers/generated-object-printer.ts';
import { toJson, toYaml } from '../printers/yaml-printer.ts';

interface ListKind {
  group: string;
  resource: string;
  kind: string;
  file: string;
}

const NAMESPACED: ListKind[] = [
  { group: '', resource: 'events', kind: 'EventList', file: 'events' },
  { group: '', resource: 'replicationcontrollers', kind: 'ReplicationControllerList', file: 'replication-controllers' },
  { group: '', resource: 'services', kind: 'ServiceList', file: 'services' },
  { group: 'apps', resource: 'daemonsets', kind: 'DaemonSetList', file: 'daemonsets' },
  { group: 'apps', resource: 'deployments', kind: 'DeploymentList', file: 'deployments' },
  { group: 'apps', resource: 'replicasets', kind: 'ReplicaSetList', file: 'replicasets' },
  { group: '', resource: 'pods', kind: 'PodList', file: 'pods' },
];

export const clusterInfoDump: KubectlCommand = {
  path: 'cluster-info dump',
  discovery: false,
  flags: [
    ...PRINT_FLAGS.filter((f) => f.name !== 'output'),
    { name: 'output', short: 'o', kind: 'string' },
    { name: 'output-directory', kind: 'string' },
    { name: 'namespaces', kind: 'strings' },
    { name: 'all-namespaces', short: 'A', kind: 'bool' },
    { name: 'pod-running-timeout', kind: 'string' },
  ],
  async run(inv) {
    const output = stringFlag(inv.flags, 'output') || 'json';
    if (output !== 'json' && output !== 'yaml') {
      throw new KubectlError(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,yaml`);
    }
    const dir = stringFlag(inv.flags, 'output-directory');
    // setupOutputWriter: path.Join(dir, name) + ext, its parent made by MkdirAll, the file by os.Create.
    const write = (name: string, ext: string, text: string) => {
      if (dir === undefined || dir === '' || dir === '-') return inv.out(text);
      const file = `${cleanPath(`${dir}/${name}`)}${ext}`;
      const problem = mkdirAll(inv.ctx.fs, inv.ctx.cwd, file.slice(0, file.lastIndexOf('/')));
      if (problem) throw new KubectlError(`error: ${problem}`);
      try {
        inv.ctx.fs.writeFile(resolvePath(inv.ctx.cwd, file, inv.ctx.env.get('HOME') ?? '/root'), text);
      } catch (error) {
        throw new KubectlError(`error: open ${file}: ${goErrno(error)}`);
      }
    };
    const print = (list: KubeObject) => (output === 'yaml' ? toYaml(list) : toJson(list));
    const nodes = await list(inv, { group: '', resource: 'nodes', kind: 'NodeList', file: 'nodes' }, undefined);
    write('nodes', '.json', print(nodes));
    let namespaces = stringsFlag(inv.flags, 'namespaces').flatMap((n) => n.split(','));
    if (boolFlag(inv.flags, 'all-namespaces')) {
      const all = await list(inv, { group: '', resource: 'namespaces', kind: 'NamespaceList', file: '' }, undefined);
      namespaces = (all.items as KubeObject[]).map((n) => n.metadata?.name ?? '');
    } else if (namespaces.length === 0) namespaces = ['kube-system', inv.namespace];
    for (const namespace of namespaces) {
      let pods: Pod[] = [];
      for (const kind of NAMESPACED) {
        const items = await list(inv, kind, namespace);
        write(`${namespace}/${kind.file}`, '.json', print(items));
        if (kind.resource === 'pods') pods = items.items as Pod[];
      }
      for (const pod of pods) {
        for (const container of pod.spec?.containers ?? []) {
          const name = pod.metadata?.name ?? '';
          let text = `==== START logs for container ${container.name} of pod ${namespace}/${name} ====\n`;
          const res = await inv.api.request<string>({
            verb: 'get',
            group: '',
            version: 'v1',
            resource: 'pods',
            namespace,
            name,
            subresource: 'log',
            query: { container: container.name },
          });
          text += res.ok ? res.body : `Request log error: ${formatStatus(res.body).replace(/^Error from server \([A-Za-z]+\): /, '')}\n`;
          text += `==== END logs for container ${container.name} of pod ${namespace}/${name} ====\n`;
          write(`${namespace}/${name}/${container.name}/logs`, '.txt', text);
        }
      }
    }
    if (dir) inv.out(`Cluster info dumped to ${dir}\n`);
    return 0;
  },
};

async function list(inv: Invocation, kind: ListKind, namespace: string | undefined): Promise<KubeObject & { items: unknown[] }> {
  const res = await inv.api.request<KubeObject & { items: unknown[] }>({
    verb: 'list',
    group: kind.group,
    version: 'v1',
    resource: kind.resource,
    ...(namespace !== undefined ? { namespace } : {}),
  });
  if (!res.ok) throw new KubectlError(formatStatus(res.body));
  return { kind: kind.kind, apiVersion: kind.group ? `${kind.group}/v1` : 'v1', metadata: res.body.metadata ?? {}, items: res.body.items ?? [] };
}
