/** What a program run by the shell is given: its argv, streams, exported variables, cwd and clock. */
import type { CommandContext } from '../command.ts';
import type { Interpreter } from './interpreter.ts';
import type { Io } from './shell-state.ts';

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
    stderr: io.stderr,
    env,
    cwd: state.cwd,
    fs: host.fs,
    // A program asleep (`sleep 1000`) wakes on Ctrl-C rather than when its time is up.
    time: { now: () => host.time.now(), sleep: (ms) => host.time.sleep(ms, host.interrupt), ...(host.time.settle ? { settle: host.time.settle } : {}) },
    interrupt: host.interrupt,
    terminal: host.terminal,
    userland: state.userland,
    runScript: (source, options) =>
      shell.runScript(
        source,
        { ...(options?.args ? { args: options.args } : {}), ...(options?.scriptName ? { scriptName: options.scriptName } : {}) },
        { ...io, stdin: options?.stdin ?? io.stdin },
      ),
    checkpoint: () => shell.checkpoint(),
  };
}
