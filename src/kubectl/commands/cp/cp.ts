/**
 * `kubectl cp SRC DEST`: a tar stream through pods/exec. Models pkg/cmd/cp/cp.go: copyToPod
 * (`test -d` on the destination, then `tar -xmf - -C DIR` fed the archive kubectl built) and
 * copyFromPod (`tar cf - PATH`, unpacked here under the destination).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { ApiResponse, ExecResult } from '../../../engine/api/client.ts';
import { resolvePath } from '../../../lib/resolve-path.ts';
import { formatStatus, KubectlError } from '../../errors.ts';
import { boolFlag, intFlag, stringFlag } from '../../flags.ts';
import type { Invocation, KubectlCommand } from '../../kubectl-command.ts';
import { defaultContainer } from '../../pod-containers.ts';
import { remoteCommandExitCode } from '../../remote-command-end.ts';
import { baseOf, cleanPath, dirOf, extractFileSpec, stripPathShortcuts, type FileSpec } from './file-spec.ts';
import { makeTar, untarAll } from './local-tar.ts';

export const cpCommand: KubectlCommand = {
  path: 'cp',
  flags: [
    { name: 'container', short: 'c', kind: 'string' },
    { name: 'no-preserve', kind: 'bool' },
    { name: 'retries', kind: 'int' },
  ],
  async run(inv) {
    if (inv.args.length !== 2) throw new KubectlError('error: source and destination are required');
    const src = extractFileSpec(inv.args[0]!);
    const dest = extractFileSpec(inv.args[1]!);
    if (src.podName && dest.podName) throw new KubectlError('error: one of src or dest must be a local file specification');
    if (!src.file || !dest.file) throw new KubectlError('error: filepath can not be empty');
    if (src.podName) return copyFromPod(inv, src, dest);
    if (dest.podName) return copyToPod(inv, src, dest);
    throw new KubectlError('error: one of src or dest must be a remote file specification');
  },
};

interface ExecCall {
  spec: FileSpec;
  command: string[];
  stdin?: string;
  onStdout(text: string): void;
  onStderr(text: string): void;
  /** Where "Defaulted container …" goes; undefined to drop it. */
  notice?: (text: string) => void;
}

/** One ExecOptions.Run: the pod looked up, its container chosen, the command streamed. */
async function execInPod(inv: Invocation, call: ExecCall): Promise<ApiResponse<ExecResult> | { error: string }> {
  const namespace = call.spec.podNamespace || inv.namespace;
  const got = await inv.api.request<Pod>({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace, name: call.spec.podName! });
  if (!got.ok) return { error: formatStatus(got.body) };
  const phase = got.body.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return { error: `error: cannot exec into a container in a completed pod; current phase is ${phase}` };
  const container = stringFlag(inv.flags, 'container') ?? defaultContainer(got.body, call.notice)?.name;
  return inv.api.request<ExecResult>({
    verb: 'create',
    group: '',
    version: 'v1',
    resource: 'pods',
    namespace,
    name: call.spec.podName!,
    subresource: 'exec',
    query: { command: call.command, ...(container ? { container } : {}), stdin: call.stdin !== undefined, stdout: true, stderr: true, tty: false },
    streams: { stdin: call.stdin ?? '', onStdout: call.onStdout, onStderr: call.onStderr },
  });
}

/** How cmdutil.CheckErr ends kubectl after a failed exec. */
function execEnd(inv: Invocation, res: ApiResponse<ExecResult> | { error: string }): number {
  if (!('error' in res)) return remoteCommandExitCode(inv, res);
  inv.err(`${res.error}
`);
  return 1;
}

async function copyToPod(inv: Invocation, src: FileSpec, dest: FileSpec): Promise<number> {
  const local = resolvePath(inv.ctx.cwd, src.file);
  if (!inv.ctx.fs.exists(local)) throw new KubectlError(`error: ${src.file} doesn't exist in local filesystem`);
  let destFile = dest.file;
  const probe = await execInPod(inv, { spec: dest, command: ['test', '-d', dest.file], onStdout: () => undefined, onStderr: () => undefined });
  if (!('error' in probe) && probe.ok && probe.body.exitCode === 0) destFile = `${destFile.replace(/\/+$/, '')}/${baseOf(src.file)}`;
  const archive = makeTar(inv.ctx.fs, local, baseOf(destFile));
  const command = boolFlag(inv.flags, 'no-preserve') ? ['tar', '--no-same-permissions', '--no-same-owner', '-xmf', '-'] : ['tar', '-xmf', '-'];
  const destDir = dirOf(destFile);
  if (destDir) command.push('-C', destDir);
  const res = await execInPod(inv, { spec: dest, command, stdin: archive, onStdout: inv.out, onStderr: inv.err, notice: inv.err });
  return execEnd(inv, res);
}

async function copyFromPod(inv: Invocation, src: FileSpec, dest: FileSpec): Promise<number> {
  const retries = intFlag(inv.flags, 'retries') ?? 0;
  // With retries kubectl resumes by byte offset, so it pipes through tail; a whole stream starts at +0.
  const command = retries !== 0 ? ['sh', '-c', `tar cf - ${src.file} | tail -c+0`] : ['tar', 'cf', '-', src.file];
  let archive = '';
  // kubectl hands the remote tar's stderr to its own stdout here.
  const res = await execInPod(inv, { spec: src, command, onStdout: (t) => void (archive += t), onStderr: inv.out, notice: inv.out });
  // A tar that fails after streaming (a missing path) ends the stream first: kubectl has unpacked
  // what came and exited 0 before the exit status arrives (kubernetes/kubectl#1137).
  if ('error' in res || !res.ok) return execEnd(inv, res);
  const prefix = stripPathShortcuts(cleanPath(src.file.replace(/^\/+/, '')));
  const problem = untarAll(inv.ctx.fs, inv.ctx.cwd, archive, prefix, dest.file, inv.err);
  if (problem) throw new KubectlError(`error: ${problem}`);
  return 0;
}
