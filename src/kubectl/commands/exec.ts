/**
 * `kubectl exec [-it] (POD | TYPE/NAME) [-c C] -- CMD…` through the pods/exec subresource.
 * Models pkg/cmd/exec/exec.go (v1.32): the usage checks, the completed-pod check, container
 * defaulting, the TTY notice, and how each kind of failure reaches the terminal.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { ExecResult, KubeObject, Status } from '../../engine/api/client.ts';
import { formatLabelSelector, formatLabelSet } from '../../lib/label-selector/label-selector.ts';
import { boolFlag, stringFlag } from '../flags.ts';
import { formatStatus, KubectlError } from '../errors.ts';
import type { Invocation, KubectlCommand } from '../kubectl-command.ts';
import { defaultContainer } from '../pod-containers.ts';
import { requestBase } from '../resource-args.ts';

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
    // -i at a terminal streams what the user types; with -t as well the terminal is raw and the
    // container's TTY prompts and echoes, without it the terminal stays cooked and hands over lines.
    const typed = stdin && inv.ctx.stdinIsTerminal;
    // A real host terminal goes raw and forwards keystrokes; a simulated one hands over lines.
    const raw = tty ? inv.ctx.terminal.rawMode?.() : undefined;
    const readLine = typed && !raw ? inv.ctx.terminal.readLine?.bind(inv.ctx.terminal) : undefined;
    const interrupted = new Promise<void>((resolve) => inv.ctx.interrupt.onInterrupt(resolve));
    // With a TTY the terminal is raw: Ctrl-C travels to the container as a key, not to kubectl.
    const ctrlC = tty && !raw ? forwardedCtrlC(inv) : undefined;
    let ended = false;
    let res;
    try {
      const streaming = inv.api.request<ExecResult>({
        verb: 'create',
        group: '',
        version: 'v1',
        resource: 'pods',
        namespace: inv.namespace,
        name: pod.metadata!.name!,
        subresource: 'exec',
        // A TTY merges stderr into stdout, so kubectl does not ask for it.
        query: { command, ...(container ? { container } : {}), stdin, stdout: true, stderr: !tty, tty },
        streams: {
          stdin: stdin && !inv.ctx.stdinIsTerminal ? inv.ctx.stdin : '',
          ...(readLine ? { readLine } : {}),
          ...(ctrlC ? { ctrlC: ctrlC.presses } : {}),
          ...(raw ? { rawTerminal: raw } : {}),
          onStdout: (t) => {
            if (!ended) inv.out(t);
          },
          onStderr: (t) => {
            if (ended) return;
            if (tty) inv.out(t);
            else inv.err(t);
          },
          interrupted,
        },
      });
      // Without a TTY, Ctrl-C is SIGINT for kubectl itself: it ends at once and prints nothing.
      res = tty ? await streaming : await Promise.race([streaming, interrupted.then(() => undefined)]);
      if (!res) {
        ended = true;
        streaming.catch(() => undefined);
        // With stdin a terminal kubectl catches the signal to restore the terminal, then exits 1;
        // otherwise the signal kills it (130).
        return typed ? 1 : 130;
      }
    } finally {
      ctrlC?.release();
      raw?.release();
    }
    if (!res.ok) {
      inv.err(`${execFailure(res.body)}\n`);
      return 1;
    }
    if (res.body.exitCode !== 0) {
      inv.err(`command terminated with exit code ${res.body.exitCode}\n`);
      return res.body.exitCode;
    }
    return 0;
  },
};

/** Ctrl-C presses while the terminal is trapped for this exec, or undefined when it cannot be. */
function forwardedCtrlC(inv: Invocation): { presses: { onInterrupt(listener: () => void): () => void }; release: () => void } | undefined {
  const trap = inv.ctx.terminal.trapCtrlC;
  if (!trap) return undefined;
  const listeners = new Set<() => void>();
  const release = trap.call(inv.ctx.terminal, () => {
    for (const listener of [...listeners]) listener();
  });
  return {
    presses: {
      onInterrupt(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    release,
  };
}

/**
 * The API server's own refusals print as `Error from server (…)`; the kubelet's refusal to upgrade
 * the connection and a failure on the exec stream print as plain errors.
 */
function execFailure(status: Status): string {
  if (status.message.startsWith('unable to upgrade connection: ') || status.reason === 'InternalError') return `error: ${status.message}`;
  return formatStatus(status);
}

/** AttachablePodForObject: the pod itself, or the first pod a workload or service selects. */
async function attachablePod(inv: Invocation, target: string): Promise<Pod | undefined> {
  const slash = target.indexOf('/');
  const resource = slash < 0 ? inv.mapper.resolve('pods')! : inv.mapper.resolve(target.slice(0, slash));
  if (!resource) throw new KubectlError(`error: the server doesn't have a resource type "${target.slice(0, slash)}"`);
  const name = slash < 0 ? target : target.slice(slash + 1);
  const got = await inv.api.request<KubeObject>({ verb: 'get', ...requestBase(resource, inv.namespace), name });
  if (!got.ok) {
    inv.err(`${formatStatus(got.body)}\n`);
    return undefined;
  }
  if (resource.kind === 'Pod') return got.body as Pod;
  const spec = got.body.spec as { selector?: Record<string, unknown> } | undefined;
  const selector =
    resource.kind === 'Service' || resource.kind === 'ReplicationController'
      ? formatLabelSet(spec?.selector as Record<string, string>)
      : formatLabelSelector(spec?.selector as Parameters<typeof formatLabelSelector>[0]);
  const pods = await inv.api.request<{ items: Pod[] }>({ verb: 'list', group: '', version: 'v1', resource: 'pods', namespace: inv.namespace, query: { labelSelector: selector } });
  const first = pods.ok ? [...pods.body.items].sort((a, b) => (a.metadata?.creationTimestamp ?? '').localeCompare(b.metadata?.creationTimestamp ?? ''))[0] : undefined;
  if (!first) throw new KubectlError('error: timed out waiting for the condition');
  return first;
}
