import { describe, expect, it } from 'vitest';
import { newSession, runLine, runLineThenInterrupt, typingInto } from '../../tests/support/session.ts';

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

describe('a program reading the terminal on the host', () => {
  it('cat copies each line typed until Ctrl-D, and Ctrl-C ends it with 130', async () => {
    const session = await newSession();
    const copied = typingInto(session, 'cat');
    await copied.settle();
    expect(await copied.type('one')).toEqual({ stdout: 'one\n', stderr: '', waiting: true });
    await copied.ctrlD();
    expect(await copied.finished()).toEqual({ stdout: 'one\n', stderr: '', code: 0 });

    const killed = typingInto(session, 'cat | wc -l');
    await killed.settle();
    await killed.type('a');
    expect(await killed.ctrlC()).toMatchObject({ waiting: false });
    expect((await killed.finished()).code).toBe(130);
  });

  it('tail -f prints what is appended until Ctrl-C', async () => {
    const session = await newSession();
    expect(await runLineThenInterrupt(session, 'echo x > /tmp/f; (sleep 3; echo y >> /tmp/f) & tail -f /tmp/f', 10_000)).toEqual({ stdout: 'x\ny\n', stderr: '', code: 130 });
  });
});
