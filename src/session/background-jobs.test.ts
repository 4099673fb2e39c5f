import { describe, expect, it } from 'vitest';
import { newSession, runLine, runLineThenInterrupt } from '../../tests/support/session.ts';
import { playScript } from './headless-player.ts';

const FORK_MESSAGES = new Set(['bash: fork: retry: Resource temporarily unavailable', 'bash: fork: Resource temporarily unavailable']);

describe('background jobs', () => {
  it('leaves later commands their full time while a busy loop runs in the background', async () => {
    const session = await newSession();
    let transcript = '';
    await playScript(session, undefined, 'while :; do :; done &\nsleep 2; echo done\nsleep 1\necho after\n', (text) => (transcript += text));
    expect(transcript).toBe('$ while :; do :; done &\n$ sleep 2; echo done\ndone\n$ sleep 1\n$ echo after\nafter\n');
    session.close();
  });

  it('leaves later commands their full time while a pod loops without sleeping', async () => {
    const session = await newSession();
    let transcript = '';
    const script = 'kubectl run busy --image=busybox -- sh -c "while :; do :; done"\nsleep 5\nkubectl get pod busy --no-headers\nsleep 2; echo done\n';
    await playScript(session, undefined, script, (text) => (transcript += text));
    expect(transcript.replace(/ +/g, ' ')).toBe(
      '$ kubectl run busy --image=busybox -- sh -c "while :; do :; done"\npod/busy created\n$ sleep 5\n$ kubectl get pod busy --no-headers\nbusy 1/1 Running 0 5s\n$ sleep 2; echo done\ndone\n',
    );
    session.close();
  });

  it('meets the process limit in a fork bomb with bash fork failures, and the shell goes on', async () => {
    const session = await newSession();
    const bomb = await runLine(session, 'bomb(){ bomb|bomb& }; bomb');
    expect({ stdout: bomb.stdout, code: bomb.code }).toEqual({ stdout: '', code: 0 });
    expect(await runLine(session, 'sleep 30; echo done')).toEqual({ stdout: 'done\n', stderr: '', code: 0 });
    const lines = new Set(bomb.stderr.split('\n').filter(Boolean));
    expect(lines.size > 0 && [...lines].every((line) => FORK_MESSAGES.has(line))).toBe(true);
    session.close();
  });

  it('drops a recursive fork bomb with status 126 once no process slot frees up', async () => {
    const session = await newSession();
    const bomb = await runLine(session, 'f(){ f & f; }; f');
    expect({ stdout: bomb.stdout, code: bomb.code }).toEqual({ stdout: '', code: 126 });
    expect(
      bomb.stderr
        .split('\n')
        .filter(Boolean)
        .every((line) => FORK_MESSAGES.has(line)),
    ).toBe(true);
    expect(await runLine(session, 'echo $?; echo ok')).toEqual({ stdout: '126\nok\n', stderr: '', code: 0 });
    session.close();
  });

  it('lets a busybox shell that recurses without end die of its stack, as ash has no FUNCNEST', async () => {
    const session = await newSession();
    await runLine(session, 'kubectl run r --image=busybox -- sleep 3600');
    await runLine(session, 'sleep 5');
    expect(await runLine(session, "kubectl exec r -- sh -c 'f(){ f; }; f; echo after'")).toEqual({ stdout: '', stderr: 'command terminated with exit code 139\n', code: 139 });
    session.close();
  });

  it('reports a failed fork in busybox sh its own way, without retrying', async () => {
    const session = await newSession();
    await runLine(session, 'kubectl run r --image=busybox -- sleep 3600');
    await runLine(session, 'sleep 5');
    const bomb = await runLine(session, "kubectl exec r -- sh -c 'f(){ f & f; }; f'");
    const lines = bomb.stderr.split('\n').filter(Boolean);
    expect({ first: lines[0], last: lines.at(-1), code: bomb.code }).toEqual({
      first: "sh: can't fork: Resource temporarily unavailable",
      last: 'command terminated with exit code 2',
      code: 2,
    });
    session.close();
  });

  it('waits for every background job with wait', async () => {
    const session = await newSession();
    expect(await runLine(session, 'sleep 5 & (sleep 2; echo b) & wait; echo $?')).toEqual({ stdout: 'b\n0\n', stderr: '', code: 0 });
    session.close();
  });

  it('stops waiting at Ctrl-C, leaving the job running', async () => {
    const session = await newSession();
    expect(await runLineThenInterrupt(session, 'sleep 100 & wait', 1000)).toEqual({ stdout: '', stderr: '', code: 130 });
    expect(session.shell.jobCount).toBe(1);
    session.close();
  });
});
