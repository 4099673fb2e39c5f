import { describe, expect, it } from 'vitest';
import { createInterrupt } from '../shell/shell.ts';
import { newSession, runLine } from '../../tests/support/session.ts';
import type { Session } from './session.ts';

/** Types each line at the terminal's shell and returns what it printed, each line after `$ line`, as `script` records bash. */
async function typed(session: Session, lines: string[], interactive = true): Promise<string> {
  let transcript = '';
  const sink = { write: (text: string) => (transcript += text) };
  for (const line of lines) {
    transcript += `$ ${line}\n`;
    let done = false;
    const running = session.run(line, { stdout: sink, stderr: sink, interrupt: createInterrupt(), interactive }).finally(() => (done = true));
    await session.cluster.pump.runUntil(() => done, 30 * 60 * 1000, { wasBusy: () => session.wasBusy() });
    await running;
  }
  return transcript;
}

// Expected transcripts are bash 5.2.15's in `script -qc "bash --norc -i"`, its PIDs replaced by ours.
const CASES: { name: string; lines: string[]; interactive?: boolean; expected: string }[] = [
  {
    name: 'stops, continues and ends jobs by any signal',
    lines: [
      'sleep 50 &',
      'kill -STOP %1',
      'sleep 0.2',
      'jobs -l',
      'bg',
      'bg',
      'kill -QUIT %1',
      'sleep 0.2',
      'sleep 50 &',
      'kill -PIPE %1',
      'sleep 0.2',
      'jobs',
      'sleep 3 &',
      'kill -TTIN %1',
      'kill -CONT %1',
      'kill -WINCH %1; kill -SIGCHLD %1',
      'jobs',
      'kill -34 %1',
      'sleep 0.2',
      'sleep 2 &',
      'kill -STOP %1',
      'sleep 5',
      'fg',
    ],
    expected: `$ sleep 50 &
[1] 4001
$ kill -STOP %1
$ sleep 0.2

[1]+  Stopped                 sleep 50
$ jobs -l
[1]+  4001 Stopped                 sleep 50
$ bg
[1]+ sleep 50 &
$ bg
bash: bg: job 1 already in background
$ kill -QUIT %1
$ sleep 0.2
[1]+  Quit                    sleep 50
$ sleep 50 &
[1] 4002
$ kill -PIPE %1
$ sleep 0.2
$ jobs
$ sleep 3 &
[1] 4003
$ kill -TTIN %1
$ kill -CONT %1
$ kill -WINCH %1; kill -SIGCHLD %1
$ jobs
[1]+  Running                 sleep 3 &
$ kill -34 %1
$ sleep 0.2
[1]+  Real-time signal 0      sleep 3
$ sleep 2 &
[1] 4004
$ kill -STOP %1
$ sleep 5

[1]+  Stopped                 sleep 2
$ fg
sleep 2
`,
  },
  {
    name: 'announces jobs, lists them, reports their ends before the prompt',
    lines: ['sleep 1 &', 'sleep 3 &', '(sleep 2; exit 3) &', 'jobs', 'jobs -l', 'jobs -p', 'sleep 2.5', 'jobs'],
    expected: `$ sleep 1 &
[1] 4001
$ sleep 3 &
[2] 4002
$ (sleep 2; exit 3) &
[3] 4003
$ jobs
[1]   Running                 sleep 1 &
[2]-  Running                 sleep 3 &
[3]+  Running                 ( sleep 2; exit 3 ) &
$ jobs -l
[1]   4001 Running                 sleep 1 &
[2]-  4002 Running                 sleep 3 &
[3]+  4003 Running                 ( sleep 2; exit 3 ) &
$ jobs -p
4001
4002
4003
$ sleep 2.5
[1]   Done                    sleep 1
[3]+  Exit 3                  ( sleep 2; exit 3 )
$ jobs
[2]+  Running                 sleep 3 &
`,
  },
  {
    name: 'kills and waits by job spec',
    lines: [
      'sleep 3 &',
      'sleep 5 &',
      'kill %1',
      'sleep 1',
      'sleep 9 &',
      'jobs %sleep',
      'wait %-',
      'echo $?',
      'kill %%',
      'sleep 1',
      'jobs %9',
      'echo $!',
      'kill %1 %+',
      'wait 12',
      'wait %%',
      'jobs -z',
      'kill -9',
    ],
    expected: `$ sleep 3 &
[1] 4001
$ sleep 5 &
[2] 4002
$ kill %1
$ sleep 1
[1]-  Terminated              sleep 3
$ sleep 9 &
[3] 4003
$ jobs %sleep
bash: jobs: sleep: ambiguous job spec
bash: jobs: %sleep: no such job
$ wait %-
[2]-  Done                    sleep 5
$ echo $?
0
$ kill %%
$ sleep 1
[3]+  Terminated              sleep 9
$ jobs %9
bash: jobs: %9: no such job
$ echo $!
4003
$ kill %1 %+
bash: kill: %1: no such job
bash: kill: %+: no such job
$ wait 12
bash: wait: pid 12 is not a child of this shell
$ wait %%
bash: wait: %%: no such job
$ jobs -z
bash: jobs: -z: invalid option
jobs: usage: jobs [-lnprs] [jobspec ...] or jobs -x command [args]
$ kill -9
kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]
`,
  },
  {
    name: 'brings a job to the foreground; bg finds none stopped',
    lines: ['sleep 2 &', '(sleep 1; exit 5) &', 'fg', 'echo $?', 'bg', 'bg %1', 'fg %1', 'echo $?', 'fg', 'bg', 'fg %4'],
    expected: `$ sleep 2 &
[1] 4001
$ (sleep 1; exit 5) &
[2] 4002
$ fg
( sleep 1; exit 5 )
$ echo $?
5
$ bg
bash: bg: job 1 already in background
$ bg %1
bash: bg: job 1 already in background
$ fg %1
sleep 2
$ echo $?
0
$ fg
bash: fg: current: no such job
$ bg
bash: bg: current: no such job
$ fg %4
bash: fg: %4: no such job
`,
  },
  {
    name: 'reports a job that ended once the foreground command is reaped',
    lines: ['sleep 1 & sleep 2; fg; echo $?'],
    expected: `$ sleep 1 & sleep 2; fg; echo $?
[1] 4001
[1]+  Done                    sleep 1
bash: fg: current: no such job
1
`,
  },
];

describe('job control at the terminal', () => {
  it.each(CASES)('$name', async ({ lines, interactive, expected }) => {
    const session = await newSession();
    expect(await typed(session, lines, interactive)).toBe(expected);
    session.close();
  });
});

// Expected outputs are bash 5.2.15's for `bash -c SCRIPT x`, its PIDs replaced by ours.
const SCRIPT_CASES: { name: string; script: string; expected: { stdout: string; stderr: string; code: number } }[] = [
  {
    name: 'lists jobs without announcing or reporting them',
    script: 'sleep 1 & jobs; sleep 2; jobs',
    expected: { stdout: '[1]+  Running                 sleep 1 &\n', stderr: '', code: 0 },
  },
  {
    name: 'waits by job spec and by PID, after the job ended too',
    script: 'sleep 1 & kill %1; wait %1; echo $?; (exit 4) & wait %1; echo $?; wait $!; echo $?',
    expected: { stdout: '143\n4\n4\n', stderr: '', code: 0 },
  },
  {
    name: 'reports a job killed by SIGKILL and refuses bad kill arguments',
    script: 'sleep 5 & kill -s KILL $!; wait $!; echo $?; kill -FOO 1; kill abc; kill 99999',
    expected: {
      stdout: '137\n',
      stderr:
        'x: line 1:  4001 Killed                  sleep 5\nx: line 1: kill: FOO: invalid signal specification\nx: line 1: kill: abc: arguments must be process or job IDs\nx: line 1: kill: (99999) - No such process\n',
      code: 1,
    },
  },
  {
    name: 'has no job control',
    script: 'fg; bg; sleep 1 & fg; echo $?',
    expected: { stdout: '1\n', stderr: 'x: line 1: fg: no job control\nx: line 1: bg: no job control\nx: line 1: fg: no job control\n', code: 0 },
  },
  {
    name: 'names signals',
    script: 'kill -l 9 KILL 137 sigterm 200 0 FOO; echo $?',
    expected: {
      stdout: 'KILL\n9\nKILL\n15\nEXIT\n1\n',
      stderr: 'x: line 1: kill: 200: invalid signal specification\nx: line 1: kill: FOO: invalid signal specification\n',
      code: 0,
    },
  },
  {
    name: 'lists signals',
    script: 'kill -l',
    expected: {
      stdout:
        ' 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 4) SIGILL\t 5) SIGTRAP\n 6) SIGABRT\t 7) SIGBUS\t 8) SIGFPE\t 9) SIGKILL\t10) SIGUSR1\n11) SIGSEGV\t12) SIGUSR2\t13) SIGPIPE\t14) SIGALRM\t15) SIGTERM\n16) SIGSTKFLT\t17) SIGCHLD\t18) SIGCONT\t19) SIGSTOP\t20) SIGTSTP\n21) SIGTTIN\t22) SIGTTOU\t23) SIGURG\t24) SIGXCPU\t25) SIGXFSZ\n26) SIGVTALRM\t27) SIGPROF\t28) SIGWINCH\t29) SIGIO\t30) SIGPWR\n31) SIGSYS\t34) SIGRTMIN\t35) SIGRTMIN+1\t36) SIGRTMIN+2\t37) SIGRTMIN+3\n38) SIGRTMIN+4\t39) SIGRTMIN+5\t40) SIGRTMIN+6\t41) SIGRTMIN+7\t42) SIGRTMIN+8\n43) SIGRTMIN+9\t44) SIGRTMIN+10\t45) SIGRTMIN+11\t46) SIGRTMIN+12\t47) SIGRTMIN+13\n48) SIGRTMIN+14\t49) SIGRTMIN+15\t50) SIGRTMAX-14\t51) SIGRTMAX-13\t52) SIGRTMAX-12\n53) SIGRTMAX-11\t54) SIGRTMAX-10\t55) SIGRTMAX-9\t56) SIGRTMAX-8\t57) SIGRTMAX-7\n58) SIGRTMAX-6\t59) SIGRTMAX-5\t60) SIGRTMAX-4\t61) SIGRTMAX-3\t62) SIGRTMAX-2\n63) SIGRTMAX-1\t64) SIGRTMAX\t\n',
      stderr: '',
      code: 0,
    },
  },
  {
    name: 'names a job by text it contains',
    script: 'sleep 5 & sleep 6 & jobs -l %?6; wait abc',
    expected: { stdout: '[2]+  4002 Running                 sleep 6 &\n', stderr: "x: line 1: wait: `abc': not a pid or valid job spec\n", code: 1 },
  },
];

describe('jobs in a script', () => {
  it.each(SCRIPT_CASES)('$name', async ({ script, expected }) => {
    const session = await newSession();
    const quoted = `'${script.replace(/'/g, `'\\''`)}'`;
    expect(await runLine(session, `bash -c ${quoted} x`)).toEqual(expected);
    session.close();
  });
});

// bash 5.2.15 -i: `sleep 5 &`, `fg`, Ctrl-C after 1 s prints the command, `echo $?` says 130, `jobs` nothing.
describe('fg and Ctrl-C', () => {
  it('ends the job brought to the foreground with status 130', async () => {
    const session = await newSession();
    let transcript = '';
    const sink = { write: (text: string) => (transcript += text) };
    await typed(session, ['sleep 5 &']);
    const interrupt = createInterrupt();
    let done = false;
    const running = session.run('fg', { stdout: sink, stderr: sink, interrupt, interactive: true }).finally(() => (done = true));
    await session.cluster.pump.runUntil(() => done, 1000, { wasBusy: () => session.wasBusy() });
    interrupt.fire();
    await session.cluster.pump.runUntil(() => done, 60_000, { wasBusy: () => session.wasBusy() });
    expect([transcript, await running, await typed(session, ['jobs'])]).toEqual(['sleep 5\n', 130, '$ jobs\n']);
    session.close();
  });
});
