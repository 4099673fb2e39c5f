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
