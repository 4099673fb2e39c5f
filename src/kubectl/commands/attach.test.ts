import { describe, expect, it } from 'vitest';
import { playScript } from '../../session/headless-player.ts';
import { newSession, runLine, runLineThenInterrupt } from '../../../tests/support/session.ts';

const NOTICE =
  'All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\n' +
  "If you don't see a command prompt, try pressing enter.\n";

async function play(lines: string[]): Promise<string> {
  const session = await newSession();
  let transcript = '';
  await playScript(session, undefined, lines.join('\n'), (text) => (transcript += text));
  return transcript;
}

// Each transcript is what kubectl v1.35.2 printed against `cka-lab serve` for the same lines.
describe('kubectl run -it', () => {
  it('with --rm --restart=Never attaches to the shell, deletes the pod, then reports its exit code', async () => {
    const transcript = await play(['kubectl run -it --rm t1 --image=busybox --restart=Never -- sh', 'echo hello', 'exit 3', 'echo "rc=$?"', 'kubectl get pods']);
    expect(transcript).toBe(`$ kubectl run -it --rm t1 --image=busybox --restart=Never -- sh
${NOTICE}/ # echo hello
hello
/ # exit 3
pod "t1" deleted from default namespace
pod default/t1 terminated (Error)
$ echo "rc=$?"
rc=3
$ kubectl get pods
No resources found in default namespace.
`);
  });

  it('with the default restart policy says how to resume, and the container starts again', async () => {
    const transcript = await play([
      'kubectl run -it t3 --image=busybox -- sh',
      'exit',
      'echo "rc=$?"',
      'sleep 5',
      "kubectl get pod t3 -o jsonpath='{.spec.restartPolicy} {.status.phase} {.spec.containers[0].stdinOnce}'",
    ]);
    expect(transcript).toBe(`$ kubectl run -it t3 --image=busybox -- sh
${NOTICE}/ # exit
Session ended, resume using 'kubectl attach t3 -c t3 -i -t' command when the pod is running
$ echo "rc=$?"
rc=0
$ sleep 5
$ kubectl get pod t3 -o jsonpath='{.spec.restartPolicy} {.status.phase} {.spec.containers[0].stdinOnce}'
Always Running true
`);
  });

  it('kubectl attach -it joins the shell again after the session ended', async () => {
    const transcript = await play(['kubectl run -it t3 --image=busybox -- sh', 'exit', 'sleep 15', 'kubectl attach -it t3', 'hostname', 'exit']);
    expect(transcript).toBe(`$ kubectl run -it t3 --image=busybox -- sh
${NOTICE}/ # exit
Session ended, resume using 'kubectl attach t3 -c t3 -i -t' command when the pod is running
$ sleep 15
$ kubectl attach -it t3
${NOTICE}/ # hostname
t3
/ # exit
Session ended, resume using 'kubectl attach t3 -c t3 -i -t' command when the pod is running
`);
  });

  it('-i --rm on a command that ends at once shows its output, then deletes the pod', async () => {
    const session = await newSession();
    expect(await runLine(session, 'kubectl run -i --rm t4 --image=busybox --restart=Never -- echo hi')).toEqual({
      stdout: 'hi\npod "t4" deleted from default namespace\n',
      stderr: '',
      code: 0,
    });
  });

  it('-i without a terminal feeds piped lines to the shell, shows what was logged before the attach, and returns the exit code', async () => {
    const session = await newSession();
    const stderr = NOTICE;
    const cases = [
      {
        line: "echo 'echo hi; hostname' | kubectl run -i --rm t5 --image=busybox --restart=Never -- sh",
        want: { stdout: 'hi\nt5\npod "t5" deleted from default namespace\n', stderr, code: 0 },
      },
      {
        line: "kubectl run -i --rm t6 --image=busybox --restart=Never -- sh -c 'sleep 2; echo late; exit 4'",
        want: { stdout: 'late\npod "t6" deleted from default namespace\n', stderr: `${NOTICE}pod default/t6 terminated (Error)\n`, code: 4 },
      },
      {
        line: "kubectl run -i --rm t7 --image=busybox --restart=Never -- sh -c 'echo early; sleep 3; echo late'",
        want: { stdout: 'early\nlate\npod "t7" deleted from default namespace\n', stderr, code: 0 },
      },
    ];
    for (const { line, want } of cases) expect({ line, ...(await runLine(session, line)) }).toEqual({ line, ...want });
  });

  it('refuses flag combinations as kubectl does', async () => {
    const session = await newSession();
    const usage = (line: string) => ({ stdout: '', stderr: `error: ${line}\nSee 'kubectl run -h' for help and examples\n`, code: 1 });
    const cases = [
      { line: 'kubectl run --rm t6 --image=busybox -- echo hi', want: usage('--rm should only be used for attached containers') },
      { line: 'kubectl run -t t6 --image=busybox -- echo hi', want: usage('-i/--stdin is required for containers with -t/--tty=true') },
      {
        line: 'kubectl run -it --dry-run=client t6 --image=busybox -- echo hi',
        want: usage("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)"),
      },
    ];
    for (const { line, want } of cases) expect({ line, ...(await runLine(session, line)) }).toEqual({ line, ...want });
  });
});

describe('kubectl attach', () => {
  it('shows what the main process writes until Ctrl-C, and words every refusal as kubectl does', async () => {
    const session = await newSession();
    await runLine(session, "kubectl run ticker --image=busybox -- sh -c 'while true; do echo tick; sleep 2; done'");
    await runLine(session, 'sleep 9');
    const attached = await runLineThenInterrupt(session, 'kubectl attach ticker', 5_000);
    expect(attached).toEqual({ stdout: 'tick\ntick\n', stderr: NOTICE, code: 130 });
    const cases = [
      { line: 'kubectl attach', want: { stdout: '', stderr: 'error: at least 1 argument is required for attach\n', code: 1 } },
      { line: 'kubectl attach a b c', want: { stdout: '', stderr: 'error: expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw 3: [a b c]\n', code: 1 } },
      { line: 'kubectl attach nope', want: { stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', code: 1 } },
      { line: 'kubectl attach ticker -c nope', want: { stdout: '', stderr: 'error: cannot attach to the container: container nope not found in pod ticker\n', code: 1 } },
    ];
    for (const { line, want } of cases) expect({ line, ...(await runLine(session, line)) }).toEqual({ line, ...want });
  });
});
