import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { Session } from '../session/session.ts';
import { runExecSession, type ExecAction } from './exec-session.ts';
import { chooseSubprotocol } from './remote-command-frames.ts';

const yieldToHost = () => new Promise<void>((resolve) => setImmediate(resolve));

let session: Session;
let port: number;
let nextAction: ExecAction;
const server = createServer();
const sockets = new WebSocketServer({ server, handleProtocols: (offered) => chooseSubprotocol(offered) ?? false });
sockets.on('connection', (ws) => runExecSession(ws, ws.protocol, session.api, nextAction));

beforeAll(async () => {
  session = await Session.create({ seed: 1, yieldToHost });
  await session.api.request({
    verb: 'create',
    group: '',
    version: 'v1',
    resource: 'pods',
    namespace: 'default',
    body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'box' }, spec: { containers: [{ name: 'box', image: 'busybox', command: ['sleep', '3600'] }] } },
  });
  await session.cluster.pump.advance(5_000);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => {
  sockets.close();
  server.close();
});

/** Connects as kubectl does, sends `frames`, and returns every frame received as `<channel>:<text>`. */
function exec(action: Partial<ExecAction>, protocol: string, frames: number[][]): Promise<string[]> {
  nextAction = { kind: 'exec', namespace: 'default', pod: 'box', command: ['sh'], stdin: false, stdout: true, stderr: true, tty: false, ...action };
  return new Promise((resolve) => {
    const received: string[] = [];
    const ws = new WebSocket(`ws://127.0.0.1:${port}/`, [protocol]);
    ws.on('open', () => frames.forEach((frame) => ws.send(Buffer.from(frame))));
    ws.on('message', (data: Buffer) => received.push(`${data[0]}:${data.subarray(1).toString('utf8')}`));
    ws.on('close', () => resolve(received));
  });
}

const stdin = (text: string) => [0, ...Buffer.from(text)];

describe('runExecSession', () => {
  it('runs a command and ends with Success on the error channel', async () => {
    expect(await exec({ command: ['echo', 'hi'] }, 'v5.channel.k8s.io', [])).toEqual(['1:hi\n', '3:{"metadata":{},"status":"Success"}']);
  });

  it('reports a non-zero exit as NonZeroExitCode', async () => {
    expect(await exec({ command: ['sh', '-c', 'echo no >&2; exit 2'] }, 'v5.channel.k8s.io', [])).toEqual([
      '2:no\n',
      '3:{"metadata":{},"status":"Failure","message":"command terminated with non-zero exit code: exit status 2","reason":"NonZeroExitCode","details":{"causes":[{"reason":"ExitCode","message":"2"}]}}',
    ]);
  });

  it('on v5 runs with the whole stdin once kubectl closes it', async () => {
    expect(await exec({ command: ['wc', '-l'], stdin: true }, 'v5.channel.k8s.io', [stdin('a\nb\n'), stdin('c\n'), [255, 0]])).toEqual([
      '1:3\n',
      '3:{"metadata":{},"status":"Success"}',
    ]);
  });

  it('hands a lone shell each line as it arrives, before stdin closes', async () => {
    const frames: string[] = [];
    nextAction = { kind: 'exec', namespace: 'default', pod: 'box', command: ['sh'], stdin: true, stdout: true, stderr: true, tty: false };
    await new Promise<void>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/`, ['v5.channel.k8s.io']);
      ws.on('open', () => ws.send(Buffer.from(stdin('echo first\n'))));
      ws.on('message', (data: Buffer) => {
        frames.push(`${data[0]}:${data.subarray(1).toString('utf8')}`);
        // The first command answered while stdin is still open: now close it.
        if (frames.length === 1) ws.send(Buffer.from([255, 0]));
      });
      ws.on('close', () => resolve());
    });
    expect(frames).toEqual(['1:first\n', '3:{"metadata":{},"status":"Success"}']);
  });

  it('on v4 hands a shell each line as it arrives', async () => {
    // v4 cannot close stdin: the shell ends at `exit`.
    expect(await exec({ command: ['sh'], stdin: true }, 'v4.channel.k8s.io', [stdin('echo one\n'), stdin('exit 4\n')])).toEqual([
      '1:one\n',
      '3:{"metadata":{},"status":"Failure","message":"command terminated with non-zero exit code: exit status 4","reason":"NonZeroExitCode","details":{"causes":[{"reason":"ExitCode","message":"4"}]}}',
    ]);
  });

  it('with a TTY echoes keys as typed (type-ahead too), prompts and ends lines with CR LF', async () => {
    const frames = await exec({ command: ['sh'], stdin: true, tty: true, stderr: false }, 'v5.channel.k8s.io', [stdin('echo hi\r'), stdin('exit\r')]);
    expect(
      frames
        .filter((f) => f.startsWith('1:'))
        .map((f) => f.slice(2))
        .join(''),
    ).toBe('/ # echo hi\r\nexit\r\nhi\r\n/ # ');
    expect(frames.at(-1)).toBe('3:{"metadata":{},"status":"Success"}');
  });
});
