/** What a program run by the shell is given: its argv, streams, exported variables, cwd and clock. */
import type { CommandContext } from '../command.ts';
import type { Interpreter } from './interpreter.ts';
import type { Io } from './shell-state.ts';
import type { Interrupt } from '../command.ts';
import { createInterrupt } from '../interrupt.ts';

/** Fires when either fires. */
function eitherInterrupt(a: Interrupt, b: Interrupt): Interrupt {
  const both = createInterrupt();
  a.onInterrupt(() => both.fire());
  b.onInterrupt(() => both.fire());
  return both;
}

export function commandContextFor(shell: Interpreter, argv: string[], io: Io): CommandContext {
  const { state, env: host } = shell;
  const env = new Map<string, string>();
  for (const name of state.exported) {
    const value = state.vars.get(name);
    if (value !== undefined) env.set(name, value);
  }
  return {
    argv,
    stdin: io.stdin,
    stdinIsTerminal: io.stdinIsTerminal,
    stdout: io.stdout,
    // Unknown (left out) where no line was typed at a terminal: a script, the headless player.
    ...(host.terminalOut !== undefined ? { stdoutIsTerminal: io.stdout === host.terminalOut } : {}),
    stderr: io.stderr,
    env,
    cwd: state.cwd,
    fs: host.fs,
    // A program asleep (`sleep 1000`) wakes on Ctrl-C rather than when its time is up.
    time: {
      now: () => host.time.now(),
      sleep: (ms, interrupt) => host.time.sleep(ms, interrupt ? eitherInterrupt(interrupt, host.interrupt) : host.interrupt),
      ...(host.time.settle ? { settle: host.time.settle } : {}),
    },
    interrupt: host.interrupt,
    terminal: host.terminal,
    userland: state.userland,
    // `interrupt` stops the script as Ctrl-C would (timeout's deadline).
    runScript: (source, options) =>
      (options?.interrupt ? shell.fork({ ...host, interrupt: eitherInterrupt(options.interrupt, host.interrupt) }) : shell).runScript(
        source,
        { ...(options?.args ? { args: options.args } : {}), ...(options?.scriptName ? { scriptName: options.scriptName } : {}) },
        { ...io, stdin: options?.stdin ?? io.stdin, stdout: options?.stdout ?? io.stdout, stderr: options?.stderr ?? io.stderr },
      ),
    checkpoint: (weight) => shell.checkpoint(weight),
  };
}
