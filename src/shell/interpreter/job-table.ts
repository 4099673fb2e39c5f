/**
 * A shell's jobs (`cmd &`) as bash's jobs.c keeps them: numbered from 1 past the highest in use,
 * `+` on the newest and `-` on the one before, listed by `jobs` and reported when they end.
 */

import type { StopGate } from './stop-gate.ts';

/** How a job ended: its exit status, or the signal that killed it (bash's strsignal text and number). */
export type JobEnd = { status: number } | { signal: string; number: number };

export interface Job {
  readonly number: number;
  readonly pid: number;
  /** The command as bash prints it (make_command_string). */
  readonly command: string;
  end?: JobEnd;
  /** Killed by the line just run: the kernel ends it after bash's prompt is back, so its notice waits a prompt. */
  killedJustNow?: boolean;
  /** Where SIGSTOP holds it and SIGCONT lets it go on. */
  readonly stopGate?: StopGate;
  /** Stopped since the last prompt: bash tells of it, after a blank line, once a foreground child is reaped. */
  noticeStop?: boolean;
  /** Ends it by a signal (`kill %1`). */
  readonly kill: (signal: { signal: string; number: number }) => void;
  readonly ended: Promise<unknown>;
}

/** A job spec's failure, worded as bash words it after `builtin: `. */
export class JobSpecError extends Error {}

/** How many ended jobs' statuses a shell keeps for `wait PID` (bash's bgpids, bounded by CHILD_MAX). */
const REMEMBERED_ENDS = 256;

export class JobTable {
  readonly #jobs: Job[] = [];
  readonly #ends = new Map<number, JobEnd>();

  add(job: Omit<Job, 'number'>): Job {
    const added: Job = { ...job, number: (this.#jobs.at(-1)?.number ?? 0) + 1 };
    this.#jobs.push(added);
    return added;
  }

  get all(): readonly Job[] {
    return this.#jobs;
  }

  byPid(pid: number): Job | undefined {
    return this.#jobs.find((j) => j.pid === pid);
  }

  /** Takes a job out of the table; once ended, its status stays for `wait PID`. */
  remove(job: Job): void {
    const at = this.#jobs.indexOf(job);
    if (at >= 0) this.#jobs.splice(at, 1);
    if (job.end === undefined) return;
    this.#ends.set(job.pid, job.end);
    if (this.#ends.size > REMEMBERED_ENDS) this.#ends.delete(this.#ends.keys().next().value!);
  }

  /** The status of an ended job no longer in the table. */
  endOf(pid: number): JobEnd | undefined {
    return this.#ends.get(pid);
  }

  /** Models jobs.c get_job_spec: `%N`, `%%`, `%+`, `%`, `%-`, `%name` (prefix), `%?text` (anywhere). */
  find(spec: string): Job {
    const body = spec.startsWith('%') ? spec.slice(1) : spec;
    if (body === '' || body === '%' || body === '+') return this.#marked('+', spec);
    if (body === '-') return this.#marked('-', spec);
    if (/^\d+$/.test(body)) {
      const job = this.#jobs.find((j) => j.number === Number(body));
      if (!job) throw new JobSpecError(`${spec}: no such job`);
      return job;
    }
    const contains = body.startsWith('?');
    const text = contains ? body.slice(1) : body;
    const matches = this.#jobs.filter((j) => (contains ? j.command.includes(text) : j.command.startsWith(text)));
    if (matches.length > 1) throw new JobSpecError(`${text}: ambiguous job spec`);
    if (matches.length === 0) throw new JobSpecError(`${spec}: no such job`);
    return matches[0]!;
  }

  #marked(mark: '+' | '-', spec: string): Job {
    const job = this.#jobs.find((j) => this.mark(j) === mark);
    if (!job) throw new JobSpecError(`${spec}: no such job`);
    return job;
  }

  mark(job: Job): '+' | '-' | ' ' {
    const at = this.#jobs.indexOf(job);
    if (at === this.#jobs.length - 1) return '+';
    return at === this.#jobs.length - 2 ? '-' : ' ';
  }

  /** A line of `jobs` (`withPid` for `jobs -l`), also the notice when a job has ended. */
  line(job: Job, withPid = false): string {
    const running = job.end === undefined && !job.stopGate?.stopped;
    const state = running ? 'Running' : job.end === undefined ? 'Stopped' : 'signal' in job.end ? job.end.signal : job.end.status === 0 ? 'Done' : `Exit ${job.end.status}`;
    const pid = withPid ? ` ${String(job.pid).padStart(5)} ` : '  ';
    return `[${job.number}]${this.mark(job)}${pid}${state.padEnd(24)}${job.command}${running ? ' &' : ''}\n`;
  }

  /** Drops the ended jobs unannounced, as a shell without a terminal cleans up its dead jobs. */
  forgetEnded(): void {
    for (const job of this.#jobs.filter((j) => j.end !== undefined)) this.remove(job);
  }

  /** The notices of jobs that ended since the last prompt, which leave the table once told. */
  takeNotices(): string {
    let text = '';
    const ended: Job[] = [];
    for (const job of this.#jobs) {
      if (job.killedJustNow) job.killedJustNow = false;
      else if (job.end !== undefined) {
        ended.push(job);
        // jobs.c notify_of_job_status tells of no death by SIGPIPE: a pipeline's writers die so every day.
        if (!('signal' in job.end && job.end.number === 13)) text += this.line(job);
      } else if (job.noticeStop && job.stopGate?.stopped) {
        job.noticeStop = false;
        text += `\n${this.line(job)}`;
      }
    }
    for (const job of ended) this.remove(job);
    return text;
  }
}
