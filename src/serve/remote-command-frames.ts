/**
 * The remotecommand WebSocket protocol (`v5.channel.k8s.io`, `v4.channel.k8s.io`): every binary
 * message starts with its channel byte. Models staging/src/k8s.io/apimachinery/pkg/util/remotecommand
 * constants and client-go tools/remotecommand/v4.go errorDecoderV4: the error channel carries one
 * metav1.Status at the end — Success, NonZeroExitCode with an ExitCode cause, or a Failure whose
 * message kubectl prints as is.
 */
import type { ApiResponse, ExecResult, Status } from '../engine/api/client.ts';

export const CHANNEL = { stdin: 0, stdout: 1, stderr: 2, error: 3, resize: 4, close: 255 } as const;

/** Subprotocols served, most preferred first; v5 adds the close signal for stdin. */
export const SUBPROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'] as const;

export function chooseSubprotocol(offered: Iterable<string>): string | undefined {
  const set = new Set(offered);
  return SUBPROTOCOLS.find((p) => set.has(p));
}

export function encodeFrame(channel: number, data: string | Uint8Array): Buffer {
  const payload = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  return Buffer.concat([Buffer.from([channel]), payload]);
}

export type ClientFrame = { kind: 'stdin'; data: Buffer } | { kind: 'resize'; width: number; height: number } | { kind: 'close'; channel: number } | { kind: 'ignored' };

export function decodeClientFrame(message: Buffer): ClientFrame {
  if (message.length === 0) return { kind: 'ignored' };
  const channel = message[0]!;
  const data = message.subarray(1);
  switch (channel) {
    case CHANNEL.stdin:
      return { kind: 'stdin', data };
    case CHANNEL.resize: {
      try {
        const size = JSON.parse(data.toString('utf8')) as { Width?: unknown; Height?: unknown };
        return { kind: 'resize', width: Number(size.Width ?? 0), height: Number(size.Height ?? 0) };
      } catch {
        return { kind: 'ignored' };
      }
    }
    case CHANNEL.close:
      return data.length > 0 ? { kind: 'close', channel: data[0]! } : { kind: 'ignored' };
    default:
      return { kind: 'ignored' };
  }
}

/** The status written on the error channel when the command has ended (or could not start). */
export function exitStatus(result: ApiResponse<ExecResult>): Record<string, unknown> {
  if (!result.ok) return failureStatus(result.body);
  const code = result.body.exitCode;
  if (code === 0) return { metadata: {}, status: 'Success' };
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: exit status ${code}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
  };
}

function failureStatus(status: Status): Record<string, unknown> {
  return { metadata: {}, status: 'Failure', message: status.message, reason: status.reason, code: status.code };
}
