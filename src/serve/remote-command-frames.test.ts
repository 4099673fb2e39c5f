import { describe, expect, it } from 'vitest';
import { chooseSubprotocol, decodeClientFrame, encodeFrame, exitStatus } from './remote-command-frames.ts';

describe('remotecommand frames', () => {
  it('prefixes output with its channel byte', () => {
    expect([...encodeFrame(1, 'hi\n')]).toEqual([1, 0x68, 0x69, 0x0a]);
    expect([...encodeFrame(3, '{}')]).toEqual([3, 0x7b, 0x7d]);
  });

  const cases = [
    { name: 'stdin', message: [0, 0x6c, 0x73], want: { kind: 'stdin', data: Buffer.from('ls') } },
    { name: 'a terminal resize', message: [4, ...Buffer.from('{"Width":120,"Height":40}')], want: { kind: 'resize', width: 120, height: 40 } },
    { name: 'v5 closes stdin', message: [255, 0], want: { kind: 'close', channel: 0 } },
    { name: 'an empty message', message: [], want: { kind: 'ignored' } },
    { name: 'a channel the client may not write', message: [1, 0x61], want: { kind: 'ignored' } },
  ];
  it.each(cases)('decodes $name', ({ message, want }) => {
    expect(decodeClientFrame(Buffer.from(message))).toEqual(want);
  });

  it('prefers v5 and falls back to v4', () => {
    expect(chooseSubprotocol(['v4.channel.k8s.io', 'v5.channel.k8s.io'])).toBe('v5.channel.k8s.io');
    expect(chooseSubprotocol(['channel.k8s.io', 'v4.channel.k8s.io'])).toBe('v4.channel.k8s.io');
    expect(chooseSubprotocol(['base64.channel.k8s.io'])).toBeUndefined();
  });
});

describe('exitStatus', () => {
  // Models client-go tools/remotecommand/v4.go errorDecoderV4: what kubectl makes of each status.
  const cases = [
    { name: 'exit 0 is Success', result: { ok: true as const, code: 200, body: { exitCode: 0 } }, want: { metadata: {}, status: 'Success' } },
    {
      name: 'a non-zero exit carries its code as the ExitCode cause',
      result: { ok: true as const, code: 200, body: { exitCode: 3 } },
      want: {
        metadata: {},
        status: 'Failure',
        message: 'command terminated with non-zero exit code: exit status 3',
        reason: 'NonZeroExitCode',
        details: { causes: [{ reason: 'ExitCode', message: '3' }] },
      },
    },
    {
      name: 'a failure to start keeps the message kubectl prints',
      result: {
        ok: false as const,
        code: 500,
        body: {
          kind: 'Status' as const,
          apiVersion: 'v1' as const,
          metadata: {},
          status: 'Failure' as const,
          message: 'Internal error occurred: error executing command in container',
          reason: 'InternalError' as const,
          code: 500,
        },
      },
      want: { metadata: {}, status: 'Failure', message: 'Internal error occurred: error executing command in container', reason: 'InternalError', code: 500 },
    },
  ];
  it.each(cases)('$name', ({ result, want }) => {
    expect(exitStatus(result)).toEqual(want);
  });
});
