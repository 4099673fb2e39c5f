/** What every `kubectl config` subcommand shares: the files it reads and writes, its usage errors. */
import { resolvePath } from '../../../lib/resolve-path.ts';
import { KubectlError } from '../../errors.ts';
import { stringFlag } from '../../flags.ts';
import { helpTexts } from '../../help/help-texts.ts';
import type { Invocation } from '../../kubectl-command.ts';
import { loadKubeconfigFiles, saveKubeconfig, type KubeconfigFiles } from '../../kubeconfig/kubeconfig-files.ts';
import type { KubeconfigDocument } from '../../kubeconfig/kubeconfig-document.ts';

export function loadConfigFiles(inv: Invocation): KubeconfigFiles {
  const kubeconfig = stringFlag(inv.flags, 'kubeconfig');
  return loadKubeconfigFiles({ fs: inv.ctx.fs, cwd: inv.ctx.cwd, env: inv.ctx.env, ...(kubeconfig !== undefined ? { kubeconfig } : {}) });
}

export function saveConfig(inv: Invocation, loaded: KubeconfigFiles, next: KubeconfigDocument): void {
  saveKubeconfig(loaded, next, inv.ctx.fs);
}

/** The file a message names: the --kubeconfig file, else the first existing file of the chain, else its last (clientcmd GetDefaultFilename). */
export function configFileName(loaded: KubeconfigFiles): string {
  return (loaded.files.find((f) => f.exists) ?? loaded.files[loaded.files.length - 1]!).path;
}

/**
 * The usage text on stdout and `error: <message>` on stderr, as the config subcommands that
 * return helpErrorf do (`error: Unexpected args: [a b]`).
 */
export function usageError(inv: Invocation, path: string, message: string): number {
  inv.out(helpTexts()[path] ?? '');
  throw new KubectlError(`error: ${message}`);
}

/** Go's %v of a []string: `[a b]`. */
export function goList(values: string[]): string {
  return `[${values.join(' ')}]`;
}

/**
 * A certificate file `--embed-certs` reads: `stat` is validation's refusal (`could not stat …`),
 * `read` the later read's.
 */
export function readCertificateFile(inv: Invocation, flag: string, path: string, step: 'stat' | 'read'): string {
  const absolute = resolvePath(inv.ctx.cwd, path, inv.ctx.env.get('HOME') ?? '/root');
  if (!inv.ctx.fs.exists(absolute)) {
    throw new KubectlError(
      step === 'stat' ? `error: could not stat ${flag} file ${path}: stat ${path}: no such file or directory` : `error: open ${path}: no such file or directory`,
    );
  }
  if (inv.ctx.fs.stat(absolute).kind === 'directory') throw new KubectlError(`error: read ${path}: is a directory`);
  return inv.ctx.fs.readFile(absolute);
}
