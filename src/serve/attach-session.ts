/**
 * `pods/<name>/attach` over the remotecommand WebSocket protocol: what the container writes from
 * now on until it ends, as the kubelet's attach shows it. The engine's main process takes no
 * input, so stdin reaches nothing — except for a lone shell kept waiting on an open stdin
 * (`stdin: true`, `stdinOnce: false`): the session is then a shell of the same program started
 * beside it (ApiClient.exec), the same to type into and read, though leaving it does not end the
 * container.
 */
import type { WebSocket } from 'ws';
import type { ApiClient, ExecResult } from '../engine/api/client.ts';
import { failure } from '../engine/api/status.ts';
import { runExecSession, SHELLS, type Preflight, type StreamAction } from './exec-session.ts';
import { followLog } from './log-follow.ts';
import { CHANNEL, encodeFrame, exitStatus } from './remote-command-frames.ts';
import { internalError, messageOf } from './serve-status.ts';
import { TtyLineDiscipline } from './tty-line-discipline.ts';

type AttachAction = Extract<StreamAction, { kind: 'attach' }>;

export function runAttachSession(ws: WebSocket, protocol: string, api: ApiClient, action: AttachAction, preflight: Extract<Preflight, { ok: true }>, pollMs: number): void {
  const spec = preflight.pod.spec?.containers?.find((c) => c.name === preflight.container) ?? preflight.pod.spec?.initContainers?.find((c) => c.name === preflight.container);
  const argv = [...(spec?.command ?? []), ...(spec?.args ?? [])];
  const program = argv[0]?.slice(argv[0].lastIndexOf('/') + 1) ?? '';
  if (action.stdin && spec?.stdin && argv.length === 1 && SHELLS.has(program)) {
    runExecSession(ws, protocol, api, { ...action, kind: 'exec', container: preflight.container, command: argv });
    return;
  }
  let closed = false;
  ws.on('close', () => (closed = true));
  const send = (channel: number, text: string) => {
    if (ws.readyState === ws.OPEN && text) ws.send(encodeFrame(channel, text));
  };
  void followLog(
    api,
    { verb: 'get', group: '', version: 'v1', resource: 'pods', namespace: action.namespace, name: action.pod, subresource: 'log', query: { container: preflight.container } },
    {
      write: (text) => send(CHANNEL.stdout, action.tty ? TtyLineDiscipline.outputOf(text) : text),
      wait: () => new Promise((resolve) => setTimeout(resolve, pollMs)),
      get closed() {
        return closed;
      },
    },
    { fromNow: true },
  )
    .then(
      () => exitStatus({ ok: true, code: 200, body: { exitCode: 0 } }),
      (error: unknown) => exitStatus(failure<ExecResult>(internalError(messageOf(error)))),
    )
    .then((status) => {
      send(CHANNEL.error, JSON.stringify(status));
      if (ws.readyState === ws.OPEN) ws.close(1000);
    });
}
