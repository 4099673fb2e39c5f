/**
 * How each shell words its own errors (not its programs'): bash on the host and in images that run
 * it, busybox ash in busybox and Alpine images, dash as `sh` on Debian and Ubuntu. They differ in
 * where the line number goes and when it is there at all, so that a learner who sees
 * `sh: 1: sleeeep: not found` in `kubectl logs` can tell an Ubuntu container from a busybox one.
 * Read off bash 5.2, busybox 1.35 ash (run as `sh`) and dash 0.5.12.
 */
import { FsError } from '../../lib/file-system.ts';

export type ShellFlavour = 'bash' | 'busybox' | 'dash';

/** Where the shell reads its commands from: ash and dash number lines differently for each. */
export type ShellInput = 'terminal' | 'string' | 'stdin' | 'file';

export interface DialectState {
  flavour: ShellFlavour;
  /** `$0`: the shell's name, or the script's path when running one. */
  scriptName: string;
  input: ShellInput;
  /** Lines a shell fed piece by piece (at a prompt, or typed lines on stdin) already read before the current piece. */
  linesBefore: number;
}

/**
 * The prefix before a message the shell itself prints; `builtin` names the builtin that failed.
 *   bash:  `bash: cd: `           in a script `s.sh: line 2: cd: `
 *   ash:   `sh: cd: ` at a prompt, `sh: cd: line 0: ` in `sh -c` (counted from 0), `s.sh: cd: line 2: `;
 *          a command not found carries the line only in a script file: `s.sh: line 3: `
 *   dash:  `sh: 1: cd: `, always with the line
 */
export function shellErrorPrefix(state: DialectState, line: number | undefined, builtin?: string): string {
  const name = builtin === undefined ? '' : `${builtin}: `;
  switch (state.flavour) {
    case 'bash':
      if (state.scriptName !== 'bash' && line !== undefined) return `${state.scriptName}: line ${line}: ${name}`;
      return `${state.scriptName}: ${name}`;
    case 'busybox': {
      const numbered = line !== undefined && state.input !== 'terminal' && (builtin !== undefined || state.input === 'file');
      const shown = state.input === 'string' ? (line ?? 1) - 1 : (line ?? 0) + state.linesBefore;
      return `${state.scriptName}: ${name}${numbered ? `line ${shown}: ` : ''}`;
    }
    case 'dash':
      return `${state.scriptName}: ${(line ?? 0) + state.linesBefore}: ${name}`;
  }
}

/** `name: not found` in ash and dash, `name: command not found` in bash. */
export function commandNotFound(flavour: ShellFlavour, name: string): string {
  return flavour === 'bash' ? `${name}: command not found` : `${name}: not found`;
}

/** `cd DIR` into something that is not a directory: the message after the prefix, and the status. */
export function cdFailure(flavour: ShellFlavour, target: string, reason: string): { message: string; status: number } {
  if (flavour === 'busybox') return { message: `can't cd to ${target}: ${reason}`, status: 2 };
  if (flavour === 'dash') return { message: `can't cd to ${target}`, status: 2 };
  return { message: `${target}: ${reason}`, status: 1 };
}

/** `exit abc`. */
export function exitNotNumeric(flavour: ShellFlavour, value: string): string {
  return flavour === 'bash' ? `${value}: numeric argument required` : `Illegal number: ${value}`;
}

/** A `< file` or `> file` redirection that failed: the message after the prefix, and the status. */
export function redirectFailure(
  flavour: ShellFlavour,
  direction: 'in' | 'out',
  target: string,
  error: unknown,
  fsMessage: (error: unknown) => string,
): { message: string; status: number } {
  const missing = error instanceof FsError && (error.code === 'ENOENT' || error.code === 'ENOTDIR');
  if (flavour === 'busybox') {
    const reason = missing ? (direction === 'in' ? 'no such file' : 'nonexistent directory') : fsMessage(error);
    return { message: `${direction === 'in' ? "can't open" : "can't create"} ${target}: ${reason}`, status: 1 };
  }
  if (flavour === 'dash') {
    const reason = missing ? (direction === 'in' ? 'No such file' : 'Directory nonexistent') : fsMessage(error);
    return { message: `${direction === 'in' ? 'cannot open' : 'cannot create'} ${target}: ${reason}`, status: 2 };
  }
  return { message: `${target}: ${fsMessage(error)}`, status: 1 };
}

/** `sh FILE` for a FILE that cannot be read: the whole line, and the status. */
export function scriptUnreadable(flavour: ShellFlavour, shell: string, file: string): { message: string; status: number } {
  if (flavour === 'busybox') return { message: `${shell}: can't open '${file}': No such file or directory`, status: 2 };
  if (flavour === 'dash') return { message: `${shell}: 0: cannot open ${file}: No such file`, status: 2 };
  return { message: `${shell}: ${file}: No such file or directory`, status: 127 };
}
