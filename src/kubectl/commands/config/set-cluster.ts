/** `kubectl config set-cluster`. Models kubectl pkg/cmd/config/create_cluster.go. */
import { KubectlError } from '../../errors.ts';
import { boolFlag, stringFlag } from '../../flags.ts';
import type { KubectlCommand } from '../../kubectl-command.ts';
import { editableCopy } from '../../kubeconfig/kubeconfig-files.ts';
import { encodeBase64 } from '../../../lib/base64.ts';
import { goList, loadConfigFiles, readCertificateFile, saveConfig, usageError } from './config-files.ts';

export const configSetClusterCommand: KubectlCommand = {
  path: 'config set-cluster',
  discovery: false,
  flags: [
    { name: 'server', kind: 'string' },
    { name: 'certificate-authority', kind: 'string' },
    { name: 'embed-certs', kind: 'bool' },
    { name: 'insecure-skip-tls-verify', kind: 'bool' },
    { name: 'tls-server-name', kind: 'string' },
    { name: 'proxy-url', kind: 'string' },
  ],
  async run(inv) {
    if (inv.args.length !== 1) return usageError(inv, 'config set-cluster', `Unexpected args: ${goList(inv.args)}`);
    const name = inv.args[0]!;
    const ca = stringFlag(inv.flags, 'certificate-authority');
    const embed = boolFlag(inv.flags, 'embed-certs');
    const insecure = inv.flags.values.get('insecure-skip-tls-verify');
    if (embed) {
      if (!ca) throw new KubectlError('error: you must specify a --certificate-authority to embed');
      readCertificateFile(inv, 'certificate-authority', ca, 'stat');
    }
    if (insecure === true && ca) throw new KubectlError('error: you cannot specify a certificate authority and insecure mode at the same time');
    const loaded = loadConfigFiles(inv);
    const next = editableCopy(loaded.merged);
    let entry = next.clusters.find((c) => c.name === name);
    if (!entry) {
      entry = { name, value: {} };
      next.clusters.push(entry);
    }
    const cluster = entry.value;
    for (const field of ['server', 'tls-server-name', 'proxy-url']) {
      const value = stringFlag(inv.flags, field);
      if (value !== undefined) cluster[field] = value;
    }
    if (typeof insecure === 'boolean') {
      cluster['insecure-skip-tls-verify'] = insecure;
      if (insecure) {
        delete cluster['certificate-authority'];
        delete cluster['certificate-authority-data'];
      }
    }
    if (ca !== undefined && ca !== '') {
      cluster['insecure-skip-tls-verify'] = false;
      if (embed) {
        cluster['certificate-authority-data'] = encodeBase64(readCertificateFile(inv, 'certificate-authority', ca, 'read'));
        delete cluster['certificate-authority'];
      } else {
        cluster['certificate-authority'] = ca;
        delete cluster['certificate-authority-data'];
      }
    }
    saveConfig(inv, loaded, next);
    inv.out(`Cluster "${name}" set.\n`);
    return 0;
  },
};
