/**
 * `kubectl attach (POD | TYPE/NAME) [-c C] [-i] [-t] [-q]` through the pods/attach subresource.
 * Models pkg/cmd/attach/attach.go (v1.35.2) Run: the completed-pod check, container defaulting,
 * the TTY the container decides, the two notice lines, and the reattach hint.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { attachablePod } from '../attachable-pod.ts';
import type { Status } from '../../engine/api/client.ts';
import { KubectlError } from '../errors.ts';
import { boolFlag, stringFlag } from '../flags.ts';
import type { Invocation, KubectlCommand } from '../kubectl-command.ts';
import { defaultContainer, findContainerByName } from '../pod-containers.ts';
import { streamRemoteCommand } from '../remote-command.ts';
import { execFailure } from '../remote-command-end.ts';

export const attachCommand: KubectlCommand = {
  path: 'attach',
  flags: [
    { name: 'container', short: 'c', kind: 'string' },
    { name: 'stdin', short: 'i', kind: 'bool' },
    { name: 'tty', short: 't', kind: 'bool' },
    { name: 'quiet', short: 'q', kind: 'bool' },
    { name: 'pod-running-timeout', kind: 'string' },
  ],
  async run(inv) {
    if (inv.args.length === 0) throw new KubectlError('error: at least 1 argument is required for attach');
    if (inv.args.length > 2) {
      throw new KubectlError(`error: expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw ${inv.args.length}: [${inv.args.join(' ')}]`);
    }
    const pod = await attachablePod(inv, inv.args.join('/'));
    if (!pod) return 1;
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') throw new KubectlError(`error: cannot attach a container in a completed pod; current phase is ${phase}`);
    const outcome = await attachToPod(inv, pod, {
      container: stringFlag(inv.flags, 'container'),
      stdin: boolFlag(inv.flags, 'stdin'),
      tty: boolFlag(inv.flags, 'tty'),
      quiet: boolFlag(inv.flags, 'quiet'),
    });
    if (typeof outcome === 'number') return outcome;
    inv.err(`${execFailure(outcome.failure)}\n`);
    return 1;
  },
};

export interface AttachSettings {
  container: string | undefined;
  stdin: boolean;
  tty: boolean;
  quiet: boolean;
}

/**
 * AttachOptions.Run from the container choice on; `kubectl run -i` comes in here too. A failed
 * session is handed back: attach prints it, run falls back to the logs.
 */
export async function attachToPod(inv: Invocation, pod: Pod, settings: AttachSettings): Promise<number | { failure: Status }> {
  const podName = pod.metadata!.name!;
  const warn = settings.quiet ? undefined : inv.err;
  const container = settings.container ? findContainerByName(pod, settings.container) : defaultContainer(pod, warn);
  if (!container) throw new KubectlError(`error: cannot attach to the container: container ${settings.container} not found in pod ${podName}`);
  let tty = settings.tty;
  if (tty && !container.tty) {
    tty = false;
    if (!settings.quiet) inv.err(`error: Unable to use a TTY - container ${container.name} did not allocate one\n`);
  } else if (!tty && container.tty) tty = true;
  // Models exec.go SetupTTY: no TTY without stdin, nor without a terminal to make raw.
  if (!settings.stdin) tty = false;
  else if (tty && !inv.ctx.stdinIsTerminal) {
    tty = false;
    if (!settings.quiet) inv.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
  }
  if (!settings.quiet) {
    inv.err(
      'All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\n' +
        "If you don't see a command prompt, try pressing enter.\n",
    );
  }
  const res = await streamRemoteCommand(inv, {
    pod: podName,
    subresource: 'attach',
    // A raw terminal shows the container's stderr through its TTY (DisableStderr).
    query: { container: container.name, stdin: settings.stdin, stdout: true, stderr: !tty, tty },
  });
  if ('signalled' in res) return res.signalled;
  if (!res.ok) return { failure: res.body };
  if (!settings.quiet && settings.stdin && tty && pod.spec?.restartPolicy === 'Always') {
    inv.out(`Session ended, resume using 'kubectl attach ${podName} -c ${container.name} -i -t' command when the pod is running\n`);
  }
  return 0;
}
