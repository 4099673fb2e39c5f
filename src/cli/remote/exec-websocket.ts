/**
 * `pods/exec` and `pods/attach` over a WebSocket, as client-go's remotecommand websocket executor speaks it
 * (staging/src/k8s.io/client-go/tools/remotecommand/websocket.go): subprotocol
 * v5.channel.k8s.io (v4 accepted), each binary message prefixed by its channel — 0 stdin,
 * 1 stdout, 2 stderr, 3 error (a Status when the command ends), 4 terminal resize — and, in v5,
 * `[255, 0]` to close stdin.
 */
import WebSocket from 'ws';
import type { ApiRequest, ApiResponse, ExecResult, ExecStreams, Status } from '../../engine/api/client.ts';
import { connectionError } from './connection-error.ts';
import { resourcePath } from './request-path.ts';
import type { RestTransport } from './rest-transport.ts';

export const EXEC_PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];

const STDIN = 0;
const STDOUT = 1;
const STDERR = 2;
const ERROR = 3;
const RESIZE = 4;
const CLOSE = 255;

const NO_OUTPUT: ExecStreams = { onStdout: () => undefined, onStderr: () => undefined };

/** Query parameters in the order client-go's PodExecOptions/PodAttachOptions encode them. */
export function streamQuery(req: ApiRequest): URLSearchParams {
  const query = req.query ?? {};
  const params = new URLSearchParams();
  for (const word of query.command ?? []) params.append('command', word);
  if (query.container) params.append('container', query.container);
  if (query.stdin) params.append('stdin', 'true');
  if (query.stdout) params.append('stdout', 'true');
  if (query.stderr) params.append('stderr', 'true');
  if (query.tty) params.append('tty', 'true');
  return params;
}

export function execOverWebSocket(transport: RestTransport, req: ApiRequest): Promise<ApiResponse<ExecResult>> {
  const streams = req.streams && 'onStdout' in req.streams ? req.streams : NO_OUTPUT;
  const hasStdin = req.query?.stdin === true;
  const path = `${resourcePath(req)}?${streamQuery(req)}`;
  const options = transport.options(path, {});
  const scheme = transport.server.protocol === 'https:' ? 'wss:' : 'ws:';
  const url = `${scheme}//${transport.server.host}${options.path}`;

  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, EXEC_PROTOCOLS, {
      headers: options.headers as Record<string, string>,
      ...(options.ca ? { ca: options.ca } : {}),
      ...(options.cert ? { cert: options.cert } : {}),
      ...(options.key ? { key: options.key } : {}),
      ...(options.servername ? { servername: options.servername } : {}),
      rejectUnauthorized: options.rejectUnauthorized ?? true,
    });
    const cleanups: (() => void)[] = [];
    let settled = false;
    const finish = (result: ApiResponse<ExecResult>) => {
      if (settled) return;
      settled = true;
      for (const cleanup of cleanups) cleanup();
      if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.terminate();
      resolve(result);
    };
    const decoders = new Map([STDOUT, STDERR, ERROR].map((c) => [c, new TextDecoder('utf-8')]));
    let errorText = '';

    const send = (channel: number, data: string | Uint8Array) => {
      if (ws.readyState !== WebSocket.OPEN) return;
      const payload = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
      ws.send(Buffer.concat([Buffer.from([channel]), payload]));
    };
    const closeStdin = () => {
      if (ws.protocol === 'v5.channel.k8s.io') send(CLOSE, new Uint8Array([STDIN]));
    };

    ws.on('unexpected-response', (_req, res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => finish(upgradeFailure(res.statusCode ?? 500, Buffer.concat(chunks).toString('utf8'))));
    });
    ws.on('error', (error) => {
      if (!settled) {
        settled = true;
        for (const cleanup of cleanups) cleanup();
        reject(connectionError(error, transport.server));
      }
    });
    ws.on('open', () => {
      if (streams.rawTerminal) {
        const terminal = streams.rawTerminal;
        const resize = () => {
          const { columns, rows } = terminal.size();
          // Go's json.Encoder ends each value with a newline.
          send(RESIZE, `${JSON.stringify({ Width: columns, Height: rows })}\n`);
        };
        resize();
        cleanups.push(
          terminal.onData((data) => send(STDIN, data)),
          terminal.onResize(resize),
        );
      } else if (streams.readLine) {
        void forwardLines(
          streams,
          (line) => send(STDIN, line),
          closeStdin,
          () => settled,
        );
        if (streams.ctrlC) cleanups.push(streams.ctrlC.onInterrupt(() => send(STDIN, '\x03')));
      } else if (hasStdin) {
        send(STDIN, streams.stdin ?? '');
        closeStdin();
      }
    });
    ws.on('message', (data: Buffer) => {
      if (data.length === 0) return;
      const channel = data[0]!;
      const decoder = decoders.get(channel);
      if (!decoder) return;
      const text = decoder.decode(data.subarray(1), { stream: true });
      if (channel === STDOUT && text) streams.onStdout(text);
      else if (channel === STDERR && text) streams.onStderr(text);
      else if (channel === ERROR) errorText += text;
    });
    ws.on('close', () => finish(exitOf(errorText)));
    streams.interrupted?.then(() => finish({ ok: true, code: 200, body: { exitCode: 130 } }));
  });
}

/** Each line typed at a cooked terminal, then stdin's end at Ctrl-D. */
async function forwardLines(streams: ExecStreams, send: (text: string) => void, closeStdin: () => void, isDone: () => boolean): Promise<void> {
  while (!isDone()) {
    const line = await streams.readLine!('');
    if (isDone()) return;
    if (line === null) {
      closeStdin();
      return;
    }
    send(`${line}\n`);
  }
}

/**
 * The error channel's Status: Success, or NonZeroExitCode carrying the exit code; any other
 * failure is a plain error for kubectl (`error: <message>`), which InternalError means to it.
 * No Status at all (v4 closing quietly) is success.
 */
function exitOf(errorText: string): ApiResponse<ExecResult> {
  if (!errorText.trim()) return { ok: true, code: 200, body: { exitCode: 0 } };
  let status: Partial<Status> & { details?: { causes?: { reason?: string; message?: string }[] } };
  try {
    status = JSON.parse(errorText) as typeof status;
  } catch {
    return failure(500, `error stream protocol error: ${errorText.trim()}`);
  }
  if (status.status === 'Success') return { ok: true, code: 200, body: { exitCode: 0 } };
  if ((status.reason as string | undefined) === 'NonZeroExitCode') {
    const cause = status.details?.causes?.find((c) => c.reason === 'ExitCode');
    const exitCode = Number(cause?.message);
    if (Number.isInteger(exitCode)) return { ok: true, code: 200, body: { exitCode } };
  }
  return failure(status.code ?? 500, status.message ?? 'error stream protocol error: unknown error');
}

/** The server refused the upgrade: its Status as is, or its text as client-go words it. */
function upgradeFailure(code: number, text: string): ApiResponse<ExecResult> {
  try {
    const body = JSON.parse(text) as Status;
    if (body && body.kind === 'Status') return { ok: false, code, body };
  } catch {
    // Not JSON: the proxied kubelet's plain-text answer.
  }
  return failure(code, `unable to upgrade connection: ${text.trim()}`);
}

function failure(code: number, message: string): ApiResponse<ExecResult> {
  return { ok: false, code, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'InternalError', code } };
}
