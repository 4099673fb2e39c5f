/**
 * What a program says when its standard output is a file on a full disk (ENOSPC), as recorded from
 * GNU coreutils 9.1, grep 3.8, sed 4.9, gawk 5.2 and bash 5.2 writing to /dev/full. A program not
 * listed here (kubectl, among others) ignores the failed write, as Go's fmt.Fprint callers do.
 */
import type { OutputStream } from '../command.ts';

const NO_SPACE = 'No space left on device';

const WRITE_ERRORS: Record<string, { message: string; status: number }> = {
  cat: { message: `write error: ${NO_SPACE}`, status: 1 },
  yes: { message: `standard output: ${NO_SPACE}`, status: 1 },
  seq: { message: `write error: ${NO_SPACE}`, status: 1 },
  sort: { message: `fflush failed: 'standard output': ${NO_SPACE}\nsort: write error`, status: 2 },
  head: { message: `write error: ${NO_SPACE}`, status: 1 },
  tail: { message: `write error: ${NO_SPACE}`, status: 1 },
  tr: { message: `write error: ${NO_SPACE}`, status: 1 },
  wc: { message: 'write error', status: 1 },
  uniq: { message: `write error: ${NO_SPACE}`, status: 1 },
  base64: { message: `write error: ${NO_SPACE}`, status: 1 },
  cut: { message: `write error: ${NO_SPACE}`, status: 1 },
  ls: { message: `write error: ${NO_SPACE}`, status: 2 },
  date: { message: `write error: ${NO_SPACE}`, status: 1 },
  env: { message: `write error: ${NO_SPACE}`, status: 125 },
  basename: { message: `write error: ${NO_SPACE}`, status: 1 },
  dirname: { message: `write error: ${NO_SPACE}`, status: 1 },
  grep: { message: `write error: ${NO_SPACE}`, status: 2 },
  sed: { message: `couldn't flush stdout: ${NO_SPACE}`, status: 4 },
  awk: { message: `close failed on file /dev/stdout (${NO_SPACE})`, status: 2 },
  tee: { message: `'standard output': ${NO_SPACE}`, status: 1 },
};

/** Bash's builtins that report a failed write (builtins/common.c sh_wrerror). */
const BUILTINS_REPORTING = new Set(['echo', 'printf']);

/** A stream to a file that counts the writes the full disk refused. */
export interface FileOutputStream extends OutputStream {
  readonly refusedWrites: number;
}

export function refusedWrites(stream: OutputStream): number {
  return (stream as Partial<FileOutputStream>).refusedWrites ?? 0;
}

/**
 * The status of `name` after it ran with `status` while `refusedSince` of its writes were refused:
 * its own report on stderr and its exit status, or `status` unchanged.
 */
export function afterRefusedWrites(name: string, status: number, refusedSince: number, stderr: OutputStream, shellPrefix: string): number {
  if (refusedSince === 0) return status;
  if (BUILTINS_REPORTING.has(name)) {
    stderr.write(`${shellPrefix}${name}: write error: ${NO_SPACE}\n`);
    return 1;
  }
  const known = WRITE_ERRORS[name];
  if (!known) return status;
  stderr.write(`${name}: ${known.message}\n`);
  return known.status;
}
