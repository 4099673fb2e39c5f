/**
 * `jobs`, `kill` and `wait` as bash's builtins (jobs.def, kill.def, wait.def): they name jobs by
 * job spec (`%1`, `%%`, `%-`, `%sleep`) or PID.
 */
import type { Interpreter } from './interpreter.ts';
import { InterruptedCommand, type Io } from './shell-state.ts';
import { JobSpecError, type Job, type JobEnd } from './job-table.ts';
import { waitForJobs } from './fork-slot.ts';
import { SIGNAL_NAMES, signalEffect, signalNumber, signalTable } from './signal-names.ts';

const JOBS_USAGE = 'jobs: usage: jobs [-lnprs] [jobspec ...] or jobs -x command [args]\n';
const KILL_USAGE = 'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n';

export function jobsBuiltin(sh: Interpreter, args: string[], io: Io, line: number): number {
  let withPid = false;
  let pidsOnly = false;
  let at = 0;
  for (; at < args.length && args[at]!.startsWith('-') && args[at] !== '-'; at++) {
    if (args[at] === '--') {
      at++;
      break;
    }
    for (const flag of args[at]!.slice(1)) {
      if (flag === 'l') withPid = true;
      else if (flag === 'p') pidsOnly = true;
      else {
        io.stderr.write(`${sh.errorPrefix(line, 'jobs')}-${flag}: invalid option\n${JOBS_USAGE}`);
        return 2;
      }
    }
  }
  const table = sh.state.jobs;
  if (!sh.state.interactive) table.forgetEnded();
  let listed: readonly Job[] = table.all;
  let status = 0;
  if (at < args.length) {
    listed = [];
    for (const spec of args.slice(at)) {
      try {
        listed = [...listed, table.find(spec)];
      } catch (error) {
        if (!(error instanceof JobSpecError)) throw error;
        io.stderr.write(`${sh.errorPrefix(line, 'jobs')}${error.message}\n`);
        // bash's jobs reports an ambiguous spec, then looks it up once more as a name that fails.
        if (error.message.endsWith('ambiguous job spec')) io.stderr.write(`${sh.errorPrefix(line, 'jobs')}${spec}: no such job\n`);
        status = 1;
      }
    }
  }
  io.stdout.write(listed.map((job) => (pidsOnly ? `${job.pid}\n` : table.line(job, withPid))).join(''));
  // A job `jobs` has shown ended is told of: no notice follows at the prompt.
  for (const job of listed) if (job.end !== undefined) table.remove(job);
  return status;
}

export function killBuiltin(sh: Interpreter, args: string[], io: Io, line: number): number {
  const prefix = sh.errorPrefix(line, 'kill');
  if (args[0] === '-l' || args[0] === '-L') return listSignals(args.slice(1), io, prefix);
  let signal = 15;
  let at = 0;
  const named = (spec: string): boolean => {
    const found = signalNumber(spec);
    if (found === undefined) {
      io.stderr.write(`${prefix}${spec}: invalid signal specification\n`);
      return false;
    }
    signal = found;
    return true;
  };
  if (args[0] === '-s' || args[0] === '-n') {
    if (args[1] === undefined) {
      io.stderr.write(`${prefix}${args[0]}: option requires an argument\n`);
      return 1;
    }
    if (!named(args[1])) return 1;
    at = 2;
  } else if (args[0] === '--') at = 1;
  else if (args[0]?.startsWith('-') && args[0].length > 1) {
    if (!named(args[0].slice(1))) return 1;
    at = 1;
  }
  if (at >= args.length) {
    io.stderr.write(KILL_USAGE);
    return 2;
  }
  let status = 0;
  for (const target of args.slice(at)) {
    const job = findTarget(sh, target, io, prefix);
    if (job === 'failed') status = 1;
    else if (job === undefined) {
      io.stderr.write(`${prefix}(${target}) - No such process\n`);
      status = 1;
    } else if (job.end === undefined) signalJob(sh, job, signal);
  }
  return status;
}

/**
 * What a signal does to a job left with the default actions: a background command of a shell
 * without job control ignores SIGINT (execute_cmd.c), and its notice, like the kernel's delivery,
 * waits for the prompt after the `kill`.
 */
function signalJob(sh: Interpreter, job: Job, number: number): void {
  const effect = signalEffect(number);
  if (effect.kind === 'stop') {
    if (!job.stopGate?.stopped) job.noticeStop = true;
    job.stopGate?.stop();
  } else if (effect.kind === 'continue') job.stopGate?.continue();
  else if (effect.kind === 'terminate' && (number !== 2 || sh.state.interactive)) {
    job.killedJustNow = true;
    job.kill({ signal: effect.text, number });
  } else return;
  job.killedJustNow = true;
}

/** `kill -l [sigspec]`: the table, or a signal's name for its number (or exit status) and its number for its name. */
function listSignals(specs: string[], io: Io, prefix: string): number {
  if (specs.length === 0) {
    io.stdout.write(signalTable());
    return 0;
  }
  let status = 0;
  for (const spec of specs) {
    const number = /^\d+$/.test(spec) ? Number(spec) : undefined;
    const name = spec.toUpperCase().replace(/^SIG/, '');
    // Signal 0 is no signal: bash names it EXIT, after the trap.
    const names = new Map([[0, 'EXIT'], ...SIGNAL_NAMES]);
    const found = number !== undefined ? names.get(number > 128 ? number - 128 : number) : [...names].find(([, n]) => n === name)?.[0];
    if (found === undefined) {
      io.stderr.write(`${prefix}${spec}: invalid signal specification\n`);
      status = 1;
    } else io.stdout.write(`${found}\n`);
  }
  return status;
}

export async function waitBuiltin(sh: Interpreter, args: string[], io: Io, line: number): Promise<number> {
  if (args.length === 0) {
    // The ended jobs stay in the table: the terminal's shell still reports them at the prompt.
    return waitForJobs(sh.env);
  }
  const prefix = sh.errorPrefix(line, 'wait');
  let status = 0;
  for (const target of args) {
    if (!target.startsWith('%') && !/^\d+$/.test(target)) {
      io.stderr.write(`${prefix}\`${target}': not a pid or valid job spec\n`);
      status = 1;
      continue;
    }
    const job = findTarget(sh, target, io, prefix);
    const remembered = job === undefined ? sh.state.jobs.endOf(Number(target)) : undefined;
    if (job === 'failed') status = 127;
    else if (remembered) status = exitStatus(remembered);
    else if (job === undefined) {
      io.stderr.write(`${prefix}pid ${target} is not a child of this shell\n`);
      status = 127;
    } else {
      // The job stays in the table: the terminal's shell still reports its end at the prompt.
      await untilEnded(sh, job);
      status = exitStatus(job.end!);
    }
  }
  return status;
}

/** The job a `kill` or `wait` argument names; 'failed' once a bad job spec is reported. */
function exitStatus(end: JobEnd): number {
  return 'signal' in end ? 128 + end.number : end.status;
}

function findTarget(sh: Interpreter, target: string, io: Io, prefix: string): Job | undefined | 'failed' {
  if (target.startsWith('%')) {
    try {
      return sh.state.jobs.find(target);
    } catch (error) {
      if (!(error instanceof JobSpecError)) throw error;
      io.stderr.write(`${prefix}${error.message}\n`);
      return 'failed';
    }
  }
  if (!/^\d+$/.test(target)) {
    io.stderr.write(`${prefix}${target}: arguments must be process or job IDs\n`);
    return 'failed';
  }
  return sh.state.jobs.byPid(Number(target));
}

async function untilEnded(sh: Interpreter, job: Job): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const stop = sh.env.interrupt.onInterrupt(() => reject(new InterruptedCommand()));
    void job.ended.then(() => {
      stop();
      resolve();
    });
  });
}

/** `fg`: the job runs in the foreground again — bash prints it, waits for it, and Ctrl-C ends it. */
export async function fgBuiltin(sh: Interpreter, args: string[], io: Io, line: number): Promise<number> {
  const job = jobControlTarget(sh, args, io, line, 'fg');
  if (!job) return 1;
  io.stdout.write(`${job.command}\n`);
  job.stopGate?.continue();
  const stop = sh.env.interrupt.onInterrupt(() => job.kill({ signal: 'Interrupt', number: 2 }));
  try {
    await job.ended;
  } finally {
    stop();
  }
  sh.state.jobs.remove(job);
  return exitStatus(job.end!);
}

/** `bg`: a stopped job goes on in the background; a running one is already there. */
export function bgBuiltin(sh: Interpreter, args: string[], io: Io, line: number): number {
  const job = jobControlTarget(sh, args, io, line, 'bg');
  if (!job) return 1;
  if (job.stopGate?.stopped && job.end === undefined) {
    job.stopGate.continue();
    io.stdout.write(`[${job.number}]${sh.state.jobs.mark(job)} ${job.command} &\n`);
    return 0;
  }
  io.stderr.write(`${sh.errorPrefix(line, 'bg')}job ${job.number} already in background\n`);
  return 1;
}

function jobControlTarget(sh: Interpreter, args: string[], io: Io, line: number, builtin: 'fg' | 'bg'): Job | undefined {
  const prefix = sh.errorPrefix(line, builtin);
  if (!sh.state.interactive) {
    io.stderr.write(`${prefix}no job control\n`);
    return undefined;
  }
  const spec = args[0] ?? '%+';
  try {
    return sh.state.jobs.find(spec);
  } catch (error) {
    if (!(error instanceof JobSpecError)) throw error;
    io.stderr.write(`${prefix}${args[0] === undefined ? 'current: no such job' : error.message}\n`);
    return undefined;
  }
}
