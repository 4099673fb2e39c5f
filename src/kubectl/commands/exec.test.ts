import { describe, expect, it } from 'vitest';
import { playScript } from '../../session/headless-player.ts';
import { newSession, runLine, runLineThenInterrupt, typingInto } from '../../../tests/support/session.ts';

const TWO_CONTAINERS = `apiVersion: v1
kind: Pod
metadata:
  name: blue
spec:
  containers:
  - name: teal
    image: busybox
    command: ['sleep', '4500']
  - name: navy
    image: busybox
    command: ['sleep', '4500']
`;

const out = (stdout: string) => ({ stdout, stderr: '', code: 0 });
const fail = (stderr: string, code = 1) => ({ stdout: '', stderr, code });

describe('kubectl exec', () => {
  it('runs commands in a running container and words every refusal as kubectl v1.32', async () => {
    const session = await newSession();
    session.fs.writeFile('/root/blue.yaml', TWO_CONTAINERS);
    for (const line of [
      'kubectl run box --image=busybox --command -- sleep 3600',
      'kubectl create -f blue.yaml',
      'kubectl run done --image=busybox --restart=Never -- true',
      'sleep 10',
    ])
      await runLine(session, line);
    const cases = [
      { line: 'kubectl exec box -- echo hello', want: out('hello\n') },
      { line: "kubectl exec box -- sh -c 'echo to stderr >&2; exit 3'", want: fail('to stderr\ncommand terminated with exit code 3\n', 3) },
      { line: 'kubectl exec blue -- echo hi', want: { stdout: 'hi\n', stderr: 'Defaulted container "teal" out of: teal, navy\n', code: 0 } },
      { line: 'kubectl exec -q blue -- echo hi', want: out('hi\n') },
      { line: 'kubectl exec blue -c navy -- hostname', want: out('blue\n') },
      { line: "echo 'echo from stdin' | kubectl exec -i box -- sh", want: out('from stdin\n') },
      { line: 'echo hi | kubectl exec -i box -- cat', want: out('hi\n') },
      { line: 'kubectl exec -i box -- cat < blue.yaml', want: out(TWO_CONTAINERS) },
      { line: 'kubectl exec -i box -- wc -l < blue.yaml', want: out('12\n') },
      // Without -i kubectl keeps its stdin to itself.
      { line: 'echo hi | kubectl exec box -- cat', want: out('') },
      { line: 'kubectl exec box -- cat < blue.yaml', want: out('') },
      {
        line: "echo 'echo from stdin' | kubectl exec -it box -- sh",
        want: { stdout: 'from stdin\n', stderr: 'Unable to use a TTY - input is not a terminal or the right kind of file\n', code: 0 },
      },
      {
        line: 'kubectl exec box ls',
        want: fail("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n"),
      },
      { line: 'kubectl exec box', want: fail('error: you must specify at least one command for the container\n') },
      { line: 'kubectl exec box --', want: fail('error: you must specify at least one command for the container\n') },
      { line: 'kubectl exec -- ls', want: fail('error: pod, type/name or --filename must be specified\n') },
      { line: 'kubectl exec nope -- ls', want: fail('Error from server (NotFound): pods "nope" not found\n') },
      { line: 'kubectl exec box -c nope -- ls', want: fail('Error from server (BadRequest): container nope is not valid for pod box\n') },
      { line: 'kubectl exec done -- ls', want: fail('error: cannot exec into a container in a completed pod; current phase is Succeeded\n') },
    ];
    for (const { line, want } of cases) expect(await runLine(session, line), line).toEqual(want);
  });

  it('says the runtime could not start a command the image does not have', async () => {
    const session = await newSession();
    await runLine(session, 'kubectl run box --image=busybox --command -- sleep 3600');
    await runLine(session, 'sleep 10');
    const missing = await runLine(session, 'kubectl exec box -- bash');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in \$PATH: unknown\n$/,
    );
    const byPath = await runLine(session, 'kubectl exec box -- /usr/bin/bash');
    expect(byPath.stderr).toMatch(/exec: "\/usr\/bin\/bash": stat \/usr\/bin\/bash: no such file or directory: unknown\n$/);
  });

  it('cannot reach a container that is not running yet', async () => {
    const session = await newSession();
    await runLine(session, 'kubectl run web --image=busybox --command -- sleep 3600');
    expect(await runLine(session, 'kubectl exec web -- ls')).toEqual(fail('error: unable to upgrade connection: container not found ("web")\n'));
  });

  it('opens an interactive shell with -it that reads the lines typed until exit', async () => {
    const session = await newSession();
    const script = [
      'kubectl run box --image=busybox --command -- sleep 3600',
      'kubectl run ub --image=ubuntu --command -- sleep 3600',
      'sleep 10',
      'kubectl exec -it box -- sh',
      'cd /tmp',
      'echo hello > note; cat note',
      'false',
      'exit',
      'echo "back with $?"',
      'kubectl exec -it ub -- bash',
      'cd /root',
      'exit 4',
      'kubectl exec -it box -- sh',
      'echo left with end of input',
    ].join('\n');
    let transcript = '';
    await playScript(session, undefined, script, (text) => (transcript += text));
    expect(transcript).toBe(`$ kubectl run box --image=busybox --command -- sleep 3600
pod/box created
$ kubectl run ub --image=ubuntu --command -- sleep 3600
pod/ub created
$ sleep 10
$ kubectl exec -it box -- sh
/ # cd /tmp
/tmp # echo hello > note; cat note
hello
/tmp # false
/tmp # exit
command terminated with exit code 1
$ echo "back with $?"
back with 1
$ kubectl exec -it ub -- bash
root@ub:/# cd /root
root@ub:~# exit 4
exit
command terminated with exit code 4
$ kubectl exec -it box -- sh
/ # echo left with end of input
left with end of input
/ # 
`);
  });

  it("with -it, Ctrl-C stops the command in the container and the shell prompts again; a bare command ends with 130 (the ^C echoed by the container's TTY, no newline)", async () => {
    const session = await newSession();
    const script = [
      'kubectl run box --image=busybox --command -- sleep 3600',
      'sleep 10',
      'kubectl exec -it box -- sh',
      'sleep 100000',
      'echo still inside',
      'exit',
      'kubectl exec -it box -- sleep 100000',
      'echo "exec ended with $?"',
    ].join('\n');
    let transcript = '';
    await playScript(session, undefined, script, (text) => (transcript += text), 60_000);
    expect(transcript).toBe(`$ kubectl run box --image=busybox --command -- sleep 3600
pod/box created
$ sleep 10
$ kubectl exec -it box -- sh
/ # sleep 100000
^C
/ # echo still inside
still inside
/ # exit
$ kubectl exec -it box -- sleep 100000
^Ccommand terminated with exit code 130
$ echo "exec ended with $?"
exec ended with 130
`);
  });

  it('with -it, cat copies each line the user types until Ctrl-D; Ctrl-C kills it, and the exec ends with 130', async () => {
    const session = await newSession();
    for (const line of ['kubectl run box --image=busybox --command -- sleep 3600', 'sleep 10']) await runLine(session, line);
    const untilEnd = typingInto(session, 'kubectl exec -it box -- cat');
    expect(await untilEnd.settle()).toEqual({ stdout: '', stderr: '', waiting: true });
    expect(await untilEnd.type('hello')).toEqual({ stdout: 'hello\n', stderr: '', waiting: true });
    expect(await untilEnd.type('USER5 Failed to Login')).toEqual({ stdout: 'hello\nUSER5 Failed to Login\n', stderr: '', waiting: true });
    await untilEnd.ctrlD();
    expect(await untilEnd.finished()).toEqual({ stdout: 'hello\nUSER5 Failed to Login\n', stderr: '', code: 0 });

    const killed = typingInto(session, 'kubectl exec -it box -- cat -n');
    await killed.settle();
    expect(await killed.type('one')).toEqual({ stdout: '     1\tone\n', stderr: '', waiting: true });
    expect(await killed.ctrlC()).toMatchObject({ waiting: false });
    expect(await killed.finished()).toEqual({ stdout: '     1\tone\n', stderr: 'command terminated with exit code 130\n', code: 130 });
  });

  it('with -i at the terminal and no -t, cat copies each typed line until Ctrl-D; nothing prompts', async () => {
    const session = await newSession();
    for (const line of ['kubectl run box --image=busybox --command -- sleep 3600', 'sleep 10']) await runLine(session, line);
    const copied = typingInto(session, 'kubectl exec -i box -- cat');
    expect(await copied.settle()).toEqual({ stdout: '', stderr: '', waiting: true });
    expect(session.inputPrompt).toBe('');
    expect(await copied.type('hello')).toEqual({ stdout: 'hello\n', stderr: '', waiting: true });
    expect(await copied.type('USER5 Failed to Login')).toEqual({ stdout: 'hello\nUSER5 Failed to Login\n', stderr: '', waiting: true });
    await copied.ctrlD();
    expect(await copied.finished()).toEqual({ stdout: 'hello\nUSER5 Failed to Login\n', stderr: '', code: 0 });
    // A program that does not read its stdin ends by itself, and lists as it does into a pipe.
    expect(await runLine(session, 'kubectl exec -i box -- ls /etc/hostname /etc/hosts')).toEqual(out('/etc/hostname\n/etc/hosts\n'));
  });

  it('with -i and no -t, sh runs each typed line without a prompt, keeps stderr apart, and ends at exit with its status', async () => {
    const session = await newSession();
    for (const line of ['kubectl run box --image=busybox --command -- sleep 3600', 'sleep 10']) await runLine(session, line);
    const shell = typingInto(session, 'kubectl exec -i box -- sh');
    expect(await shell.settle()).toEqual({ stdout: '', stderr: '', waiting: true });
    expect(session.inputPrompt).toBe('');
    expect(await shell.type('echo hi')).toEqual({ stdout: 'hi\n', stderr: '', waiting: true });
    expect(await shell.type('echo oops >&2')).toEqual({ stdout: 'hi\n', stderr: 'oops\n', waiting: true });
    // A command spread over lines runs once its last line comes.
    await shell.type('if true; then');
    expect(await shell.type('echo inside')).toEqual({ stdout: 'hi\n', stderr: 'oops\n', waiting: true });
    expect(await shell.type('fi')).toEqual({ stdout: 'hi\ninside\n', stderr: 'oops\n', waiting: true });
    await shell.type('exit 3');
    expect(await shell.finished()).toEqual({ stdout: 'hi\ninside\n', stderr: 'oops\ncommand terminated with exit code 3\n', code: 3 });

    // At end of input the shell ends quietly with its last command's status.
    const ended = typingInto(session, 'kubectl exec -i box -- sh');
    await ended.settle();
    await ended.type('false');
    await ended.ctrlD();
    expect(await ended.finished()).toEqual({ stdout: '', stderr: 'command terminated with exit code 1\n', code: 1 });
  });

  it('with -i and no -t, Ctrl-C is SIGINT for kubectl: it restores the terminal and exits 1 without a word; without -i the signal kills it (130)', async () => {
    const session = await newSession();
    for (const line of ['kubectl run box --image=busybox --command -- sleep 3600', 'sleep 10']) await runLine(session, line);
    const copied = typingInto(session, 'kubectl exec -i box -- cat');
    await copied.settle();
    await copied.type('one');
    expect(await copied.ctrlC()).toEqual({ stdout: 'one\n', stderr: '', waiting: false });
    expect(await copied.finished()).toEqual({ stdout: 'one\n', stderr: '', code: 1 });
    // The container's cat no longer reads the terminal: the next line is the host shell's.
    expect(session.inputPrompt).toBeUndefined();
    expect(await runLine(session, 'echo back')).toEqual(out('back\n'));

    const shell = typingInto(session, 'kubectl exec -i box -- sh');
    await shell.settle();
    await shell.type('sleep 100000');
    await shell.ctrlC();
    expect(await shell.finished()).toEqual({ stdout: '', stderr: '', code: 1 });

    expect(await runLineThenInterrupt(session, 'kubectl exec box -- sleep 100000', 2000)).toEqual({ stdout: '', stderr: '', code: 130 });
    expect(await runLineThenInterrupt(session, 'echo | kubectl exec -i box -- sleep 100000', 2000)).toEqual({ stdout: '', stderr: '', code: 130 });
  });

  it('the headless player types the script lines into kubectl exec -i, as a learner would', async () => {
    const session = await newSession();
    const script = [
      'kubectl run box --image=busybox --command -- sleep 3600',
      'sleep 10',
      'kubectl exec -i box -- sh',
      'echo hi',
      'cd /nope',
      'exit 3',
      'echo "back with $?"',
      'kubectl exec -i box -- cat',
      'hello',
    ].join('\n');
    let transcript = '';
    await playScript(session, undefined, script, (text) => (transcript += text));
    // ash reading a script from its stdin numbers its own errors by the lines read so far.
    expect(transcript).toBe(`$ kubectl run box --image=busybox --command -- sleep 3600
pod/box created
$ sleep 10
$ kubectl exec -i box -- sh
echo hi
hi
cd /nope
sh: cd: line 2: can't cd to /nope: No such file or directory
exit 3
command terminated with exit code 3
$ echo "back with $?"
back with 3
$ kubectl exec -i box -- cat
hello
hello
`);
  });

  it('inside an interactive shell, Ctrl-C stops cat or tail -f and the shell prompts again; at the prompt it drops the line; only exit or Ctrl-D ends the exec', async () => {
    const session = await newSession();
    for (const line of ['kubectl run box --image=busybox --command -- sleep 3600', 'sleep 10']) await runLine(session, line);
    const shell = typingInto(session, 'kubectl exec -it box -- sh');
    expect((await shell.settle()).waiting).toBe(true);
    expect(session.inputPrompt).toBe('/ # ');
    await shell.type('cat');
    expect(session.inputPrompt).toBe('');
    expect((await shell.type('typed')).stdout).toBe('typed\n');
    expect(await shell.ctrlC()).toEqual({ stdout: 'typed\n\n', stderr: '', waiting: true });
    expect(session.inputPrompt).toBe('/ # ');
    await shell.type('echo $?');
    expect((await shell.ctrlC()).stdout).toBe('typed\n\n130\n\n');
    expect(session.inputPrompt).toBe('/ # ');
    await shell.type('sleep 100000');
    expect((await shell.ctrlC()).waiting).toBe(true);
    expect(session.inputPrompt).toBe('/ # ');
    // tail -f never ends by itself: it goes on printing what is appended until Ctrl-C.
    await shell.type('(sleep 5; echo appended >> /tmp/log) & echo first > /tmp/log; tail -f /tmp/log');
    await session.cluster.pump.advance(10_000);
    expect(session.inputPrompt).toBeUndefined();
    expect((await shell.ctrlC()).stdout).toBe('typed\n\n130\n\n\nfirst\nappended\n\n');
    expect(session.inputPrompt).toBe('/ # ');
    // ash ends at end of input with the status of its last command: the interrupted tail's,
    // and moves off the line its prompt is on.
    await shell.ctrlD();
    expect(await shell.finished()).toEqual({ stdout: 'typed\n\n130\n\n\nfirst\nappended\n\n\n', stderr: 'command terminated with exit code 130\n', code: 130 });
  });
});
