/**
 * `cmd &`: a process of its own with its own Ctrl-C (the terminal's goes to the foreground job
 * only), still running when the command line that started it has ended.
 */
import type { AndOr } from '../ast.ts';
import { createInterrupt } from '../interrupt.ts';
import { takeForkSlot } from './fork-slot.ts';
import type { Interpreter } from './interpreter.ts';
import { jobCommandText } from './job-command-text.ts';
import { StopGate } from './stop-gate.ts';
import type { Io } from './shell-state.ts';
import { DiscardSignal, ExitSignal } from './signals.ts';

/** Forks `shell` for `item` and files the job; `run` runs the item in the child. */
export async function startBackgroundJob(shell: Interpreter, item: AndOr, io: Io, run: (child: Interpreter, io: Io) => Promise<number>): Promise<void> {
  await takeForkSlot(shell, io);
  const interrupt = createInterrupt();
  const stopGate = new StopGate();
  const child = shell.fork({ ...shell.env, interrupt, yieldToHost: shell.env.backgroundYield, stopGate });
  let untrack: () => void = () => undefined;
  const { jobs, interactive } = shell.state;
  const first = item.first.commands[0];
  const firstLine = first?.type === 'simple' ? first.line : undefined;
  let killedBy: { signal: string; number: number } | undefined;
  const ended = run(child, { ...io, stdinIsTerminal: false, stdin: '' })
    // A stopped process ends only once continued: its last command returned, not the process.
    .finally(() => stopGate.untilContinued())
    .then(
      (status) => killedBy ?? { status },
      (error: unknown) => killedBy ?? { status: error instanceof ExitSignal ? error.code : error instanceof DiscardSignal ? error.status : 1 },
    )
    .then((end) => {
      job.end = end;
      // A shell that reads no terminal tells of no ended job, but of a death by a signal other
      // than SIGTERM (jobs.c notify_of_job_status); it forgets the job at its next `&` or `jobs`.
      if (!interactive && 'signal' in end && end.number !== 15)
        io.stderr.write(`${shell.errorPrefix(firstLine)}${String(job.pid).padStart(5)} ${end.signal.padEnd(24)}${job.command}\n`);
    })
    .finally(() => {
      untrack();
      shell.env.processes.end();
    });
  const kill = (signal: { signal: string; number: number }) => {
    killedBy = signal;
    interrupt.fire();
    // bash's kill sends SIGCONT after the signal to a stopped job, so that it can die.
    stopGate.continue();
  };
  if (!interactive) jobs.forgetEnded();
  const job = jobs.add({ pid: shell.env.processes.nextPid(), command: jobCommandText(item), kill, ended, stopGate });
  shell.state.lastBackgroundPid = String(job.pid);
  if (interactive) io.stderr.write(`[${job.number}] ${job.pid}\n`);
  untrack = shell.env.processes.addJob(interrupt, ended);
}
