import { describe, expect, it } from 'vitest';
import { newSession, runLine, runLineThenInterrupt } from '../../tests/support/session.ts';

describe('Ctrl-C on the host shell', () => {
  it.each([
    { line: 'sleep 1000', stdout: '' },
    { line: 'echo before; sleep 1000; echo after', stdout: 'before\n' },
    { line: 'while true; do sleep 500; done', stdout: '' },
  ])('"$line" stops at once, with status 130', async ({ line, stdout }) => {
    const session = await newSession();
    const startedAt = session.cluster.clock.now();
    expect(await runLineThenInterrupt(session, line, 2000)).toEqual({ stdout, stderr: '', code: 130 });
    expect(session.cluster.clock.now() - startedAt).toBeLessThan(5000);
    expect((await runLine(session, 'echo $?')).stdout).toBe('130\n');
  });
});
