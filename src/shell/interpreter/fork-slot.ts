/**
 * How a shell takes a process slot for a fork, and waits for its background jobs.
 */
import type { Interpreter } from './interpreter.ts';
import { FORK_RETRY_SLEEPS_S } from './process-table.ts';
import { InterruptedCommand, type Environment, type Io } from './shell-state.ts';
import { DiscardSignal } from './signals.ts';

/**
 * Takes a process slot for a fork, retrying as bash's make_child does while the limit is
 * reached; when none frees up, bash reports the failed fork and drops the command line.
 */
export async function takeForkSlot(shell: Interpreter, io: Io): Promise<void> {
  const { processes, time, interrupt } = shell.env;
  if (shell.state.flavour !== 'bash') {
    // ash and dash try once: busybox's forkshell and dash's forkchild report and abort the command.
    if (processes.tryStart()) return;
    io.stderr.write(`${shell.errorPrefix()}${shell.state.flavour === 'dash' ? 'Cannot fork' : "can't fork: Resource temporarily unavailable"}\n`);
    throw new DiscardSignal(2);
  }
  for (const seconds of FORK_RETRY_SLEEPS_S) {
    if (processes.tryStart()) return;
    io.stderr.write(`${shell.errorPrefix()}fork: retry: Resource temporarily unavailable\n`);
    await time.sleep(seconds * 1000, interrupt);
  }
  if (processes.tryStart()) return;
  io.stderr.write(`${shell.errorPrefix()}fork: Resource temporarily unavailable\n`);
  throw new DiscardSignal(126);
}

/** `wait`: until every background job has ended, or Ctrl-C. */
export async function waitForJobs(env: Environment): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    const stop = env.interrupt.onInterrupt(() => reject(new InterruptedCommand()));
    void env.processes.allJobsEnded().then(() => {
      stop();
      resolve();
    });
  });
  return 0;
}
