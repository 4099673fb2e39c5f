/** `kubectl config view`: the merged kubeconfig (or `--minify`: what the current context uses), secrets redacted unless `--raw`. Models kubectl pkg/cmd/config/view.go. */
import { evaluateJsonPath } from '../../../lib/jsonpath/jsonpath.ts';
import { KubectlError } from '../../errors.ts';
import { boolFlag, stringFlag } from '../../flags.ts';
import type { KubectlCommand } from '../../kubectl-command.ts';
import { kubeconfigJson, kubeconfigObject, kubeconfigYaml, type KubeconfigDocument } from '../../kubeconfig/kubeconfig-document.ts';
import { allowMissingKeys, PRINT_FLAGS } from '../../printers/generated-object-printer.ts';
import { toKyaml } from '../../printers/kyaml-printer.ts';
import { configFileName, goList, loadConfigFiles } from './config-files.ts';

const FORMATS = ['go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'kyaml', 'name', 'template', 'templatefile', 'yaml'];

export const configViewCommand: KubectlCommand = {
  path: 'config view',
  discovery: false,
  flags: [
    ...PRINT_FLAGS.filter((f) => f.name !== 'output'),
    { name: 'output', short: 'o', kind: 'string' },
    { name: 'minify', kind: 'bool' },
    { name: 'raw', kind: 'bool' },
    { name: 'flatten', kind: 'bool' },
    { name: 'merge', kind: 'bool' },
  ],
  async run(inv) {
    if (inv.args.length > 0) throw new KubectlError(`error: unexpected arguments: ${goList(inv.args)}\nSee 'kubectl config view -h' for help and examples`);
    const output = stringFlag(inv.flags, 'output') || 'yaml';
    const format = output.split('=')[0]!;
    if (!FORMATS.includes(format) || (['json', 'yaml', 'kyaml', 'name'].includes(format) && output.includes('='))) {
      throw new KubectlError(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${FORMATS.join(',')}`);
    }
    const loaded = loadConfigFiles(inv);
    if (inv.flags.values.get('merge') === false && !loaded.explicit) throw new KubectlError('error: if merge==false a precise file must be specified');
    let config: KubeconfigDocument = inv.flags.values.get('merge') === false ? loaded.files[0]!.document : loaded.merged;
    if (boolFlag(inv.flags, 'minify')) config = minify(config, stringFlag(inv.flags, 'context'));
    const redact = !boolFlag(inv.flags, 'raw') && !boolFlag(inv.flags, 'flatten');
    if (format === 'yaml') inv.out(kubeconfigYaml(config, { redact }));
    else if (format === 'json') inv.out(kubeconfigJson(config, { redact }));
    else if (format === 'kyaml') inv.out(toKyaml(kubeconfigObject(config, { redact })));
    // The Config object has no name: the name printer's fallback.
    else if (format === 'name') inv.out('config/<unknown>\n');
    else {
      const jsonpath = /^jsonpath(-as-json)?=([\s\S]*)$/.exec(output);
      if (!jsonpath) throw new KubectlError(`error: output format "${format}" requires a template: ${configFileName(loaded)}`);
      const result = evaluateJsonPath(jsonpath[2]!, kubeconfigObject(config, { redact }), { allowMissingKeys: allowMissingKeys(inv.flags), outputJson: jsonpath[1] !== undefined });
      if (!result.ok) throw new KubectlError(`error: ${result.message.replace(/\n$/, '')}`);
      inv.out(result.text);
    }
    return 0;
  },
};

/** Models clientcmd api/helpers.go MinifyConfig: only the context in use, its cluster and its user. */
function minify(config: KubeconfigDocument, contextFlag: string | undefined): KubeconfigDocument {
  const name = contextFlag || config.currentContext;
  if (name === '') throw new KubectlError('error: current-context must exist in order to minify');
  const context = config.contexts.find((c) => c.name === name);
  if (!context) throw new KubectlError(`error: cannot locate context ${name}`);
  const cluster = config.clusters.find((c) => c.name === context.value.cluster);
  const user = config.users.find((u) => u.name === context.value.user);
  return { preferences: config.preferences, currentContext: name, contexts: [context], clusters: cluster ? [cluster] : [], users: user ? [user] : [] };
}
