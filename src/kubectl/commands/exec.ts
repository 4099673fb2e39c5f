/**
 * `kubectl exec [-it] (POD | TYPE/NAME) [-c C] -- CMD…` through the pods/exec subresource.
 * Models pkg/cmd/exec/exec.go (v1.32): the usage checks, the completed-pod check, container
 * defaulting, the TTY notice, and how each kind of failure reaches the terminal.
 */
import { boolFlag, stringFlag } from '../flags.ts';
import { KubectlError } from '../errors.ts';
import type { KubectlCommand } from '../kubectl-command.ts';
import { defaultContainer } from '../pod-containers.ts';
import { attachablePod } from '../attachable-pod.ts';
import { streamRemoteCommand } from '../remote-command.ts';
import { remoteCommandExitCode } from '../remote-command-end.ts';

export const execCommand: KubectlCommand = {
  path: 'exec',
  flags: [
    { name: 'container', short: 'c', kind: 'string' },
    { name: 'stdin', short: 'i', kind: 'bool' },
    { name: 'tty', short: 't', kind: 'bool' },
    { name: 'quiet', short: 'q', kind: 'bool' },
    { name: 'filename', short: 'f', kind: 'strings' },
    { name: 'pod-running-timeout', kind: 'string' },
  ],
  async run(inv) {
    const command = inv.flags.dashArgs;
    if (!command && inv.args.length > 1) {
      throw new KubectlError("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples");
    }
    const target = inv.args[0];
    if (!target) throw new KubectlError('error: pod, type/name or --filename must be specified');
    if (!command?.length) throw new KubectlError('error: you must specify at least one command for the container');

    const pod = await attachablePod(inv, target);
    if (!pod) return 1;
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') throw new KubectlError(`error: cannot exec into a container in a completed pod; current phase is ${phase}`);
    const quiet = boolFlag(inv.flags, 'quiet');
    const container = stringFlag(inv.flags, 'container') ?? defaultContainer(pod, quiet ? undefined : inv.err)?.name;

    const stdin = boolFlag(inv.flags, 'stdin');
    let tty = stdin && boolFlag(inv.flags, 'tty');
    if (tty && !inv.ctx.stdinIsTerminal) {
      if (!quiet) inv.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
      tty = false;
    }
    const res = await streamRemoteCommand(inv, {
      pod: pod.metadata!.name!,
      subresource: 'exec',
      // A TTY merges stderr into stdout, so kubectl does not ask for it.
      query: { command, ...(container ? { container } : {}), stdin, stdout: true, stderr: !tty, tty },
    });
    if ('signalled' in res) return res.signalled;
    return remoteCommandExitCode(inv, res);
  },
};
