/**
 * Linux x86-64's signal names by number as bash's `kill -l` lists them: 32 and 33 are glibc's own
 * real-time signals, so the list skips from SIGSYS to SIGRTMIN.
 */
const STANDARD = 'HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM STKFLT CHLD CONT STOP TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH IO PWR SYS'.split(' ');

export const SIGNAL_NAMES: ReadonlyMap<number, string> = new Map([
  ...STANDARD.map((name, i) => [i + 1, name] as const),
  ...Array.from({ length: 31 }, (_, i) => [34 + i, i === 0 ? 'RTMIN' : i === 30 ? 'RTMAX' : i <= 15 ? `RTMIN+${i}` : `RTMAX-${30 - i}`] as const),
]);

/** `kill -l`: five to a line, tab-separated. */
export function signalTable(): string {
  let text = '';
  let column = 0;
  for (const [number, name] of SIGNAL_NAMES) {
    text += `${String(number).padStart(2)}) SIG${name}${++column % 5 === 0 ? '\n' : '\t'}`;
  }
  return column % 5 === 0 ? text : `${text}\n`;
}

/** glibc's strsignal texts, which bash prints for a job a signal ended (its sys_siglist). */
const DESCRIPTIONS: Record<string, string> = {
  HUP: 'Hangup',
  INT: 'Interrupt',
  QUIT: 'Quit',
  ILL: 'Illegal instruction',
  TRAP: 'Trace/breakpoint trap',
  ABRT: 'Aborted',
  BUS: 'Bus error',
  FPE: 'Floating point exception',
  KILL: 'Killed',
  USR1: 'User defined signal 1',
  SEGV: 'Segmentation fault',
  USR2: 'User defined signal 2',
  PIPE: 'Broken pipe',
  ALRM: 'Alarm clock',
  TERM: 'Terminated',
  STKFLT: 'Stack fault',
  XCPU: 'CPU time limit exceeded',
  XFSZ: 'File size limit exceeded',
  VTALRM: 'Virtual timer expired',
  PROF: 'Profiling timer expired',
  IO: 'I/O possible',
  PWR: 'Power failure',
  SYS: 'Bad system call',
};

/** What a signal's default action does to a process that has not changed it (signal(7)). */
export type SignalEffect = { kind: 'none' } | { kind: 'ignore' } | { kind: 'stop' } | { kind: 'continue' } | { kind: 'terminate'; text: string };

export function signalEffect(number: number): SignalEffect {
  if (number === 0) return { kind: 'none' };
  const name = SIGNAL_NAMES.get(number);
  if (name === 'CHLD' || name === 'URG' || name === 'WINCH') return { kind: 'ignore' };
  if (name === 'CONT') return { kind: 'continue' };
  if (name === 'STOP' || name === 'TSTP' || name === 'TTIN' || name === 'TTOU') return { kind: 'stop' };
  return { kind: 'terminate', text: DESCRIPTIONS[name ?? ''] ?? `Real-time signal ${number - 34}` };
}

/** A signal's number for `name` (`TERM`, `SIGTERM`, `term`) or for its number; undefined if there is none. */
export function signalNumber(spec: string): number | undefined {
  if (/^\d+$/.test(spec)) {
    const number = Number(spec);
    return number === 0 || SIGNAL_NAMES.has(number) ? number : undefined;
  }
  const name = spec.toUpperCase().replace(/^SIG/, '');
  if (name === 'EXIT') return 0;
  return [...SIGNAL_NAMES].find(([, n]) => n === name)?.[0];
}
