/**
 * `pods/<name>/exec` over the remotecommand WebSocket protocol, mapped onto the ApiClient's pods/exec: stdout
 * and stderr out on their channels, the exit status on the error channel, stdin in through a TTY's
 * line discipline (`-it`), a line at a time into a lone shell (`-i … -- sh`, which runs each
 * command as it arrives, as at a terminal) or on v4 (which cannot signal its end), and otherwise as
 * a whole once kubectl closes it (`echo x | kubectl exec -i … -- wc -l`).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { WebSocket } from 'ws';
import type { ApiClient, ExecResult, ExecStreams, Status } from '../engine/api/client.ts';
import { badRequest, failure } from '../engine/api/status.ts';
import { internalError, messageOf } from '../engine/api/endpoints/serve-status.ts';
import { CHANNEL, decodeClientFrame, encodeFrame, exitStatus } from './remote-command-frames.ts';
import type { ResourceAction } from '../engine/api/endpoints/resource-request.ts';
import { StreamedLines, TtyLineDiscipline } from './tty-line-discipline.ts';

export type ExecAction = Extract<ResourceAction, { kind: 'exec' }>;

export const SHELLS = new Set(['sh', 'bash', 'ash']);
export type StreamAction = Extract<ResourceAction, { kind: 'exec' | 'attach' }>;

/** A refusal before the upgrade: a Status, or the kubelet's plain-text answer. */
export type Refusal = { code: number; status: Status } | { code: number; text: string };

export type Preflight = { ok: false; refusal: Refusal } | { ok: true; pod: Pod; container: string };

/**
 * The checks the apiserver and kubelet make before upgrading the connection (models
 * pkg/registry/core/pod/strategy.go ExecLocation and the kubelet's container lookup). After the
 * upgrade, failures travel on the error channel instead.
 */
export async function streamPreflight(api: ApiClient, action: StreamAction): Promise<Preflight> {
  const refuse = (refusal: Refusal): Preflight => ({ ok: false, refusal });
  const got = await api.request<Pod>({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace: action.namespace, name: action.pod });
  if (!got.ok) return refuse({ code: got.code, status: got.body });
  const pod = got.body;
  const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  const container = action.container ?? pod.spec?.containers?.[0]?.name ?? '';
  if (!containers.some((c) => c.name === container)) return refuse({ code: 400, status: badRequest(`container ${container} is not valid for pod ${action.pod}`) });
  if (!pod.spec?.nodeName) return refuse({ code: 400, status: badRequest(`pod ${action.pod} does not have a host assigned`) });
  const statuses = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])];
  if (!statuses.find((s) => s.name === container)?.state?.running) return refuse({ code: 500, text: `container not found ("${container}")` });
  return { ok: true, pod, container };
}

/** Runs one exec session, or one attach session (whose stdin always streams a line at a time). */
export function runExecSession(ws: WebSocket, protocol: string, api: ApiClient, action: StreamAction): void {
  const program = action.kind === 'exec' ? action.command : [];
  const send = (channel: number, text: string) => {
    if (ws.readyState === ws.OPEN && text) ws.send(encodeFrame(channel, text));
  };
  let closed = false;
  let onClosed: () => void = () => undefined;
  const interrupted = new Promise<void>((resolve) => (onClosed = resolve));
  const tty = action.tty ? new TtyLineDiscipline((text) => send(CHANNEL.stdout, text)) : undefined;
  const base = program[0]?.slice(program[0].lastIndexOf('/') + 1) ?? '';
  const loneShell = program.length === 1 && SHELLS.has(base);
  // Attach joins a process already running: what is typed reaches it a line at a time.
  const lines = action.stdin && !tty && (loneShell || action.kind === 'attach' || protocol.startsWith('v4.')) ? new StreamedLines() : undefined;
  let stdinText = '';
  let stdinClosed = !action.stdin || Boolean(tty) || Boolean(lines);
  let startWhenStdinCloses: (() => void) | undefined;

  ws.on('message', (data: Buffer) => {
    const frame = decodeClientFrame(data);
    if (frame.kind === 'stdin') {
      const text = frame.data.toString('utf8');
      if (tty) tty.input(text);
      else if (lines) lines.input(text);
      else stdinText += text;
    } else if (frame.kind === 'close' && frame.channel === CHANNEL.stdin) {
      lines?.close();
      stdinClosed = true;
      startWhenStdinCloses?.();
    }
  });
  ws.on('close', () => {
    closed = true;
    tty?.close();
    lines?.close();
    onClosed();
    stdinClosed = true;
    startWhenStdinCloses?.();
  });

  const streams: ExecStreams = {
    stdin: '',
    onStdout: (text) => send(CHANNEL.stdout, tty ? TtyLineDiscipline.outputOf(text) : text),
    // A TTY merges the container's stderr into its stdout.
    onStderr: (text) => send(tty ? CHANNEL.stdout : CHANNEL.stderr, tty ? TtyLineDiscipline.outputOf(text) : text),
    interrupted,
    ...(tty ? { readLine: (prompt, cancel) => tty.readLine(prompt, cancel), ctrlC: tty.ctrlC } : {}),
    ...(lines ? { readLine: (prompt, cancel) => lines.readLine(prompt, cancel) } : {}),
  };
  const start = () => {
    if (closed) return;
    void api
      .request<ExecResult>({
        verb: 'create',
        group: '',
        version: 'v1',
        resource: 'pods',
        namespace: action.namespace,
        name: action.pod,
        subresource: action.kind,
        query: {
          ...(action.kind === 'exec' ? { command: action.command } : {}),
          ...(action.container ? { container: action.container } : {}),
          stdin: action.stdin,
          stdout: action.stdout,
          stderr: action.stderr,
          tty: action.tty,
        },
        streams: { ...streams, stdin: stdinText },
      })
      .catch((error: unknown) => failure<ExecResult>(internalError(messageOf(error))))
      .then((result) => {
        send(CHANNEL.error, JSON.stringify(exitStatus(result)));
        if (ws.readyState === ws.OPEN) ws.close(1000);
      });
  };
  if (stdinClosed) start();
  else
    startWhenStdinCloses = () => {
      startWhenStdinCloses = undefined;
      start();
    };
}
