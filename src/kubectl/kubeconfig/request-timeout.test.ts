import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';
import { INVALID_TIMEOUT, parseTimeout } from './request-timeout.ts';

// Accepted and refused as kubectl v1.35.2 does (`kubectl api-versions --request-timeout=…`).
describe('parseTimeout', () => {
  it.each([
    { name: 'zero, no timeout', text: '0', ms: 0 },
    { name: 'integer seconds', text: '5', ms: 5_000 },
    { name: 'signed integer seconds', text: '+5', ms: 5_000 },
    { name: 'negative zero', text: '-0', ms: 0 },
    { name: 'seconds with a unit', text: '1s', ms: 1_000 },
    { name: 'a negative duration', text: '-1s', ms: -1_000 },
    { name: 'a fraction with a unit', text: '1.5s', ms: 1_500 },
    { name: 'a dot without fraction digits', text: '1.s', ms: 1_000 },
    { name: 'a fraction without integer digits', text: '.5s', ms: 500 },
    { name: 'several units', text: '1m30s', ms: 90_000 },
    { name: 'a unit twice', text: '1h1h', ms: 7_200_000 },
    { name: 'the largest hours', text: '2562047h', ms: 2562047 * 3_600_000 },
  ])('accepts $name', ({ text, ms }) => {
    expect(parseTimeout(text)).toBe(ms);
  });

  it.each([
    { name: 'a word', text: 'none' },
    { name: 'an unknown unit', text: '5x' },
    { name: 'a negative integer', text: '-1' },
    { name: 'a fraction without unit', text: '1.5' },
    { name: 'an exponent', text: '1e3' },
    { name: 'hexadecimal', text: '0x10' },
    { name: 'a leading space', text: ' 1' },
    { name: 'a lone dot', text: '.' },
    { name: 'a unit without digits', text: '.s' },
    { name: 'digits after the last unit', text: '1s1' },
    { name: 'an upper-case unit', text: '1S' },
    { name: 'a long unit name', text: '1sec' },
    { name: 'seconds past int64', text: '9223372036854775808' },
    { name: 'hours past int64 nanoseconds', text: '2562048h' },
  ])('refuses $name', ({ text }) => {
    expect(() => parseTimeout(text)).toThrow(INVALID_TIMEOUT);
  });
});

describe('kubectl --request-timeout', () => {
  it.each([
    { name: 'a word fails before any request', line: 'kubectl get pods --request-timeout=none', want: { stdout: '', stderr: `${INVALID_TIMEOUT}\n`, code: 1 } },
    { name: 'an unknown unit fails before any request', line: 'kubectl --request-timeout=5x get pods -A', want: { stdout: '', stderr: `${INVALID_TIMEOUT}\n`, code: 1 } },
    {
      name: 'a client-side dry run still builds the client',
      line: 'kubectl run x --image=nginx --dry-run=client -o name --request-timeout=none',
      want: { stdout: '', stderr: `${INVALID_TIMEOUT}\n`, code: 1 },
    },
    { name: 'version asks the server first', line: 'kubectl version --request-timeout=none', want: { stdout: '', stderr: `${INVALID_TIMEOUT}\n`, code: 1 } },
    { name: 'cluster-info prints no hint', line: 'kubectl cluster-info --request-timeout=none', want: { stdout: '', stderr: `${INVALID_TIMEOUT}\n`, code: 1 } },
    { name: 'zero means no timeout', line: 'kubectl get ns default -o name --request-timeout=0', want: { stdout: 'namespace/default\n', stderr: '', code: 0 } },
    { name: 'one second is plenty', line: 'kubectl get ns default -o name --request-timeout=1s', want: { stdout: 'namespace/default\n', stderr: '', code: 0 } },
    { name: 'an empty value is no value', line: "kubectl get ns default -o name --request-timeout=''", want: { stdout: 'namespace/default\n', stderr: '', code: 0 } },
  ])('$name', async ({ line, want }) => {
    const session = await newSession();
    expect(await runLine(session, line)).toEqual(want);
  });

  it('is not read by commands that build no client', async () => {
    const session = await newSession();
    const version = await runLine(session, 'kubectl version --client --request-timeout=none');
    expect(version).toEqual({ stdout: 'Client Version: v1.35.2\nKustomize Version: v5.7.1\n', stderr: '', code: 0 });
    expect((await runLine(session, 'kubectl config current-context --request-timeout=none')).code).toBe(0);
  });
});
