/**
 * One remotecommand session (pods/exec or pods/attach) between the user's terminal and a
 * container. Models how pkg/cmd/exec/exec.go wires its streams: `-i` at a terminal streams what
 * the user types; with `-t` as well the terminal is raw and the container's TTY prompts and
 * echoes, without it the terminal stays cooked and hands over lines.
 */
import type { ApiResponse, ExecResult, RequestQuery } from '../engine/api/client.ts';
import type { Invocation } from './kubectl-command.ts';

export interface RemoteCommandTarget {
  pod: string;
  subresource: 'exec' | 'attach';
  query: RequestQuery;
}

/** The session's answer, or the exit code kubectl ends with when Ctrl-C stopped it first. */
export type RemoteCommandOutcome = ApiResponse<ExecResult> | { signalled: number };

export async function streamRemoteCommand(inv: Invocation, target: RemoteCommandTarget): Promise<RemoteCommandOutcome> {
  const stdin = target.query.stdin === true;
  const tty = target.query.tty === true;
  const typed = stdin && inv.ctx.stdinIsTerminal;
  // A real host terminal goes raw and forwards keystrokes; a simulated one hands over lines.
  const raw = tty ? inv.ctx.terminal.rawMode?.() : undefined;
  const readLine = typed && !raw ? inv.ctx.terminal.readLine?.bind(inv.ctx.terminal) : undefined;
  const interrupted = new Promise<void>((resolve) => inv.ctx.interrupt.onInterrupt(resolve));
  // With a TTY the terminal is raw: Ctrl-C travels to the container as a key, not to kubectl.
  const ctrlC = tty && !raw ? forwardedCtrlC(inv) : undefined;
  let ended = false;
  try {
    const streaming = inv.api.request<ExecResult>({
      verb: 'create',
      group: '',
      version: 'v1',
      resource: 'pods',
      namespace: inv.namespace,
      name: target.pod,
      subresource: target.subresource,
      query: target.query,
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
    const res = tty ? await streaming : await Promise.race([streaming, interrupted.then(() => undefined)]);
    if (res) return res;
    ended = true;
    streaming.catch(() => undefined);
    // With stdin a terminal kubectl catches the signal to restore the terminal, then exits 1;
    // otherwise the signal kills it (130).
    return { signalled: typed ? 1 : 130 };
  } finally {
    ctrlC?.release();
    raw?.release();
  }
}

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
