/** `kubectl kustomize [DIR]`: the built objects as one YAML stream, no server involved. Models kubectl pkg/cmd/kustomize. */
import { resolvePath } from '../../lib/resolve-path.ts';
import { KubectlError } from '../errors.ts';
import { stringFlag } from '../flags.ts';
import type { KubectlCommand } from '../kubectl-command.ts';
import { kustomizeDirectory } from '../kustomize/kustomize-dir.ts';
import { kustomizeYaml } from '../kustomize/kustomize-yaml.ts';

export const kustomizeCommand: KubectlCommand = {
  path: 'kustomize',
  discovery: false,
  flags: [
    { name: 'output', short: 'o', kind: 'string' },
    { name: 'as-current-user', kind: 'bool' },
    { name: 'enable-alpha-plugins', kind: 'bool' },
    { name: 'enable-helm', kind: 'bool' },
    { name: 'env', short: 'e', kind: 'strings' },
    { name: 'helm-api-versions', kind: 'strings' },
    { name: 'helm-command', kind: 'string' },
    { name: 'helm-debug', kind: 'bool' },
    { name: 'helm-kube-version', kind: 'string' },
    { name: 'load-restrictor', kind: 'string' },
    { name: 'mount', kind: 'strings' },
    { name: 'network', kind: 'bool' },
    { name: 'network-name', kind: 'string' },
  ],
  async run(inv) {
    if (inv.args.length > 1) throw new KubectlError('error: specify one path to kustomization.yaml');
    const { objects, warnings } = kustomizeDirectory(inv.ctx, inv.args[0] ?? '.');
    for (const warning of warnings) inv.err(`${warning}\n`);
    const output = stringFlag(inv.flags, 'output');
    const path = output ? resolvePath(inv.ctx.cwd, output) : undefined;
    if (path && inv.ctx.fs.exists(path) && inv.ctx.fs.stat(path).kind === 'directory') {
      // A directory gets one file per object, named group_version_kind_name.yaml in lower case.
      for (const obj of objects) {
        const [group, version] = (obj.apiVersion ?? '').includes('/') ? (obj.apiVersion ?? '').split('/') : ['', obj.apiVersion ?? ''];
        const file = [group, version, obj.kind, obj.metadata?.name]
          .filter((part) => part)
          .join('_')
          .toLowerCase();
        inv.ctx.fs.writeFile(`${path}/${file}.yaml`, kustomizeYaml([obj]));
      }
    } else if (path) inv.ctx.fs.writeFile(path, kustomizeYaml(objects));
    else inv.out(kustomizeYaml(objects));
    return 0;
  },
};
