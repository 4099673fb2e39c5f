/**
 * The kernel's limits on what execve passes a program (fs/exec.c): one argument or variable of at
 * most MAX_ARG_STRLEN bytes, and all of them, with their pointers, within a quarter of the 8 MiB
 * stack limit. Past either, execve fails with E2BIG and bash prints "Argument list too long".
 * Builtins and functions never exec, so they take any length (`echo $huge` works).
 */

/** 32 pages of 4 KiB: the longest single argument or `NAME=value`, its NUL included. */
export const MAX_ARG_STRLEN = 32 * 4096;
/** `getconf ARG_MAX` with the default 8 MiB stack. */
export const ARG_MAX = 2 * 1024 * 1024;
const POINTER_BYTES = 8;
/** UTF-8 length; only counted exactly when the text might be near a limit. */
function byteLength(text: string): number {
  if (text.length * 3 < MAX_ARG_STRLEN) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function argumentListTooLong(argv: readonly string[], env: ReadonlyMap<string, string>): boolean {
  let total = (argv.length + env.size) * POINTER_BYTES;
  const strings = [...argv, ...[...env].map(([name, value]) => `${name}=${value}`)];
  for (const text of strings) {
    const bytes = byteLength(text) + 1;
    if (bytes > MAX_ARG_STRLEN) return true;
    total += bytes;
    if (total > ARG_MAX) return true;
  }
  return false;
}
