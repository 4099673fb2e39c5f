/** `test` / `[` / `[[`: file tests, string and integer comparisons, !, -a, -o, && and ||. */
import { resolvePath } from '../../lib/resolve-path.ts';
import { unsetVariable } from './variables.ts';
import type { Interpreter } from './interpreter.ts';
import type { Io } from './shell-state.ts';
import { GlobPattern } from '../../lib/regex/glob-pattern.ts';
import { PosixRegex } from '../../lib/regex/posix-regex.ts';
import { RegexBudgetError, RegexSyntaxError } from '../../lib/regex/regex-syntax-error.ts';
import { reportInternalFault } from '../../lib/internal-fault/internal-fault.ts';

/** `[[ s =~ re ]]` with a regex regcomp refuses (or regexec gives up on): bash returns 2 and says nothing. */
class InvalidRegex {}

/** A malformed test expression: bash's words for it, after the prefix. */
class TestSyntaxError extends Error {}

/**
 * `conditional` is `[[ ]]`, where `==` and `!=` match a shell pattern and `=~` a regex; in `test`
 * and `[` they compare strings and `=~` is no operator.
 */
export function evaluateTest(args: string[], sh: Interpreter, io: Io, conditional = false, name = 'test'): number {
  try {
    return evaluate(args, sh, conditional) ? 0 : 1;
  } catch (error) {
    if (error instanceof InvalidRegex) return 2;
    io.stderr.write(`${sh.errorPrefix(undefined, name)}${error instanceof TestSyntaxError ? error.message : reportInternalFault(name, error)}\n`);
    return 2;
  }
}

function evaluate(args: string[], sh: Interpreter, conditional: boolean): boolean {
  const orIndex = args.findIndex((a) => a === '-o' || a === '||');
  if (orIndex > 0) return evaluate(args.slice(0, orIndex), sh, conditional) || evaluate(args.slice(orIndex + 1), sh, conditional);
  const andIndex = args.findIndex((a) => a === '-a' || a === '&&');
  if (andIndex > 0) return evaluate(args.slice(0, andIndex), sh, conditional) && evaluate(args.slice(andIndex + 1), sh, conditional);
  if (args[0] === '!') return !evaluate(args.slice(1), sh, conditional);
  if (args[0] === '(' && args.at(-1) === ')') return evaluate(args.slice(1, -1), sh, conditional);
  if (args.length === 0) return false;
  if (args.length === 1) return args[0] !== '';
  const fs = sh.env.fs;
  if (args.length === 2) {
    const [op, operand] = args as [string, string];
    const path = resolvePath(sh.state.cwd, operand);
    switch (op) {
      case '-z':
        return operand === '';
      case '-n':
        return operand !== '';
      case '-e':
        return fs.exists(path);
      case '-f':
        return fs.exists(path) && fs.stat(path).kind === 'file' && !fs.stat(path).device;
      case '-c':
        return fs.exists(path) && fs.stat(path).device !== undefined;
      case '-d':
        return fs.exists(path) && fs.stat(path).kind === 'directory';
      case '-s':
        return fs.exists(path) && fs.stat(path).size > 0;
      case '-x':
        return fs.exists(path) && (fs.stat(path).mode & 0o111) !== 0;
      case '-r':
      case '-w':
        return fs.exists(path);
      default:
        throw new TestSyntaxError(`${op}: unary operator expected`);
    }
  }
  const [left, op, right] = args as [string, string, string];
  const int = (v: string) => {
    if (!/^\s*-?\d+\s*$/.test(v)) throw new TestSyntaxError(`${v}: integer expression expected`);
    return Number(v);
  };
  switch (op) {
    case '=':
    case '==':
      return conditional ? matchesPattern(left, right) : left === right;
    case '!=':
      return conditional ? !matchesPattern(left, right) : left !== right;
    case '=~':
      if (!conditional) throw new TestSyntaxError(`${op}: binary operator expected`);
      return matchesRegex(left, right, sh);
    case '<':
      return left < right;
    case '>':
      return left > right;
    case '-eq':
      return int(left) === int(right);
    case '-ne':
      return int(left) !== int(right);
    case '-lt':
      return int(left) < int(right);
    case '-le':
      return int(left) <= int(right);
    case '-gt':
      return int(left) > int(right);
    case '-ge':
      return int(left) >= int(right);
    default:
      throw new TestSyntaxError(`${op}: binary operator expected`);
  }
}

/** The words arrive expanded, their quoting gone: a pattern equal to the subject matches whatever it holds. */
function matchesPattern(subject: string, pattern: string): boolean {
  return subject === pattern || new GlobPattern(pattern).matches(subject);
}

/** Sets BASH_REMATCH: the match, then each group's text (empty for one that took no part). */
function matchesRegex(subject: string, pattern: string, sh: Interpreter): boolean {
  try {
    const match = PosixRegex.compile(pattern, 'bash').exec(subject);
    unsetVariable(sh.state, 'BASH_REMATCH');
    sh.state.arrays.set('BASH_REMATCH', { assoc: false, values: new Map((match?.groups ?? []).map((group, i) => [String(i), group ?? ''])) });
    return match !== null;
  } catch (error) {
    // glibc's regexec giving up (REG_ESPACE) also makes bash return 2.
    if (error instanceof RegexSyntaxError || error instanceof RegexBudgetError) throw new InvalidRegex();
    throw error;
  }
}
