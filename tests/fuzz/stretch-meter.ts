/**
 * How long the host was kept from answering (Ctrl-C, output, the clock): the longest stretch of
 * CPU time between two host turns.
 *
 * A stretch is one macrotask with the microtasks it drains. It cannot be seen ending (JavaScript
 * has no "microtask queue empty" hook), only the next one starting, so the meter marks every start
 * it can see: each turn the host hands back (`turn()`, called first thing in the macrotask a yield
 * resumes in), the start of a measured line (`reset()`) and its end (`finish()`). The time between
 * two marks holds the stretch between them, whatever ran in it (the line's own work right after it
 * asked for a yield, other promise chains, the pump), so a line that never yields reads as long as
 * it ran.
 *
 * Time is the thread's CPU time: on a learner's idle machine that is real time, while on a
 * shared test machine real time also counts the turns other processes take. Reading the CPU clock
 * is a system call costing more than a host turn, so a mark reads it only once
 * RESOLUTION_MS of real time has passed since the last read, and real time is read at every mark.
 * Since a stretch's CPU time never exceeds its real time, the window read then holds the stretch
 * that ended at the mark and at most RESOLUTION_MS before it: the meter never reads less than the
 * longest stretch, and at most RESOLUTION_MS more.
 */
import { Buffer } from 'node:buffer';
import { openSync, readSync } from 'node:fs';

/** CPU time a line may keep the host from answering Ctrl-C: between two host turns, or from Ctrl-C to its end. */
export const CTRL_C_REAL_MS = Number(process.env.FUZZ_CTRL_C_MS ?? 100);

export class StretchMeter {
  static readonly RESOLUTION_MS = 1;
  #longest = 0;
  #cpuAt = cpuNowMs();
  #cpuReadAtReal = realNowMs();

  /** A host turn starts: the stretch before it has ended. */
  turn(): void {
    const real = realNowMs();
    if (real - this.#cpuReadAtReal < StretchMeter.RESOLUTION_MS) return;
    const cpu = cpuNowMs();
    this.#longest = Math.max(this.#longest, cpu - this.#cpuAt);
    this.#cpuAt = cpu;
    this.#cpuReadAtReal = real;
  }

  /** The measured work has ended: its last stretch too. */
  finish(): void {
    this.#cpuReadAtReal = -Infinity;
    this.turn();
  }

  /** The longest stretch since the last reset, in ms of CPU time. */
  longest(): number {
    return this.#longest;
  }

  /** Starts measuring afresh: the current macrotask's stretch starts here. */
  reset(): void {
    this.#longest = 0;
    this.#cpuAt = cpuNowMs();
    this.#cpuReadAtReal = realNowMs();
  }

  /** `yieldToHost` that hands the host a turn (a Node macrotask) and marks its start. */
  yieldToHost(schedule: (callback: () => void) => void): () => Promise<void> {
    return () =>
      new Promise((resolve) =>
        schedule(() => {
          this.turn();
          resolve();
        }),
      );
  }
}

/**
 * The calling thread's CPU time, in ms: Linux's schedstat (ns, read with one pread), else the
 * process's (user + system). Only this thread's time keeps the host from answering; the process's
 * also counts the garbage collector's helper threads, which mark while the thread runs on.
 */
export function cpuNowMs(): number {
  if (schedstat !== undefined) {
    const read = readSync(schedstat, SCHEDSTAT_BUFFER, 0, SCHEDSTAT_BUFFER.length, 0);
    const text = SCHEDSTAT_BUFFER.toString('latin1', 0, read);
    return Number(text.slice(0, text.indexOf(' '))) / 1e6;
  }
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

const SCHEDSTAT_BUFFER = Buffer.alloc(128);
const schedstat = openThreadSchedstat();

function openThreadSchedstat(): number | undefined {
  try {
    return openSync('/proc/thread-self/schedstat', 'r');
  } catch {
    return undefined;
  }
}

function realNowMs(): number {
  return performance.now();
}
