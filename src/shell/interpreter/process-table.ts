/**
 * The processes a shell has started beyond itself — background jobs, subshells, command
 * substitutions, child shells — counted against a limit as the kernel counts a user's processes
 * against `ulimit -u`. A fork bomb then meets the refusal real bash prints instead of the heap's end.
 */
import type { Interrupt } from '../command.ts';
import { PipeMemory } from './pipe-buffer.ts';

/**
 * Live processes allowed at once. A real node allows thousands; each of ours holds an interpreter
 * (and up to FUNCNEST frames of it) in one tab's heap, so the limit is lower (issue 10).
 */
export const MAX_PROCESSES = 128;

/** Bash's make_child: after a failed fork it sleeps 1, 2, 4 and 8 s, retrying, before it gives up. */
export const FORK_RETRY_SLEEPS_S = [1, 2, 4, 8];

export class ProcessTable {
  #live = 0;
  // PIDs below this are the system's own processes on a node that has been up a while.
  #lastPid = 4000;
  /** What the shell's pipes hold, counted against one limit as the kernel counts pipe pages. */
  readonly pipeMemory = new PipeMemory();
  readonly #jobs = new Map<Interrupt & { fire(): void }, Promise<unknown>>();

  get live(): number {
    return this.#live;
  }

  /** A PID for a new process, counting up as Linux hands them out. */
  nextPid(): number {
    return ++this.#lastPid;
  }

  /** Takes a slot for a new process; false when the limit is reached (fork's EAGAIN). */
  tryStart(): boolean {
    if (this.#live >= MAX_PROCESSES) return false;
    this.#live++;
    return true;
  }

  end(): void {
    this.#live--;
  }

  /** Tracks a background job (its own Ctrl-C, its end) until it ends, so `wait` and `killJobs` find it. */
  addJob(interrupt: Interrupt & { fire(): void }, ended: Promise<unknown>): () => void {
    this.#jobs.set(interrupt, ended);
    return () => this.#jobs.delete(interrupt);
  }

  /** Resolves once every background job running now has ended (`wait` without arguments). */
  async allJobsEnded(): Promise<void> {
    await Promise.all([...this.#jobs.values()]);
  }

  get jobCount(): number {
    return this.#jobs.size;
  }

  /** Stops every background job, as the kernel does when the session's terminal hangs up. */
  killJobs(): void {
    for (const job of [...this.#jobs.keys()]) job.fire();
    this.#jobs.clear();
  }
}
