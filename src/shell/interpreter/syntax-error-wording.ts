/**
 * A syntax error as each shell prints it. The parser says what it found and what it wanted; the
 * three shells word that, and number its line, differently:
 *
 *   bash -c:  bash: -c: line 1: syntax error near unexpected token `fi'
 *             bash: -c: line 1: `echo a; fi'                 (the line itself, unless at a prompt)
 *   dash:     sh: 1: Syntax error: "fi" unexpected (expecting "done")
 *   ash:      sh: syntax error: unexpected "fi" (expecting "done")     (a line number only in a file)
 *
 * Read off bash 5.2, dash 0.5.12 and busybox 1.35 ash (see syntax-error-wording.test.ts).
 */
import type { FoundToken, SyntaxProblem } from '../syntax-problem.ts';
import { shellErrorPrefix, type DialectState } from './shell-dialect.ts';

/** The whole of what the shell prints on standard error for `problem` in `source`. */
export function syntaxErrorText(state: DialectState, problem: SyntaxProblem, source: string): string {
  if (problem.kind === 'message') return `${shellErrorPrefix(state, undefined)}${problem.text}\n`;
  switch (state.flavour) {
    case 'bash':
      return bashText(state, problem, source);
    case 'dash':
      return `${shellErrorPrefix(state, ashLine(state, problem))}Syntax error: ${ashMessage(state, problem, 'dash')}\n`;
    case 'busybox':
      return `${shellErrorPrefix(state, ashLine(state, problem))}syntax error: ${ashMessage(state, problem, 'busybox')}\n`;
  }
}

type Problem = Exclude<SyntaxProblem, { kind: 'message' }>;

/**
 * bash reads a newline at the end of every input, so it ends a line where the input stopped
 * halfway through one, and counts the line after the last when it finds the end of the input.
 */
function bashText(state: DialectState, problem: Problem, source: string): string {
  const where = (line: number) => {
    if (state.input === 'terminal') return `${state.scriptName}: `;
    return `${state.scriptName}: ${state.input === 'string' ? '-c: ' : ''}line ${line}: `;
  };
  const endLine = (line: number) => (source.endsWith('\n') ? line : line + 1);
  if (problem.kind === 'unterminated') {
    const closer = problem.what === '$(' ? ')' : problem.what === '${' ? '}' : problem.what;
    // A quote is blamed on the line it opened on; a `$(` on the end of the input.
    const line = problem.what === '$(' ? endLine(problem.endLine) : problem.line;
    return `${where(line)}unexpected EOF while looking for matching \`${closer}'\n`;
  }
  const { found } = problem;
  if (found.kind === 'end' && !found.midLine) return `${where(endLine(problem.line))}syntax error: unexpected end of file\n`;
  const token = found.kind === 'end' || found.kind === 'newline' ? 'newline' : found.text;
  const message = `${where(problem.line)}syntax error near unexpected token \`${token}'\n`;
  if (state.input === 'terminal') return message;
  const text = source.split('\n')[problem.line - 1] ?? '';
  return `${message}${where(problem.line)}\`${text}'\n`;
}

/**
 * ash and dash number a syntax error with the line they had read up to: the end of the input for
 * an unclosed quote, the line after a newline they did not expect.
 */
function ashLine(state: DialectState, problem: Problem): number {
  if (problem.kind === 'unterminated') return problem.what === '${' ? problem.line : problem.endLine;
  if (problem.found.kind === 'newline' || (problem.found.kind === 'end' && problem.found.midLine && state.input === 'terminal')) return problem.line + 1;
  return problem.line;
}

function ashMessage(state: DialectState, problem: Problem, flavour: 'dash' | 'busybox'): string {
  if (problem.kind === 'unterminated') {
    switch (problem.what) {
      case "'":
      case '"':
        return flavour === 'dash' ? 'Unterminated quoted string' : 'unterminated quoted string';
      case '`':
        return 'EOF in backquote substitution';
      case '${':
        return flavour === 'dash' ? "Missing '}'" : "missing '}'";
      case '$(':
        return unexpected({ kind: 'end', midLine: false }, ')', state, flavour);
    }
  }
  return unexpected(problem.found, problem.expected, state, flavour);
}

/** dash: `"fi" unexpected (expecting "done")`; ash: `unexpected "fi" (expecting "done")`. */
function unexpected(found: FoundToken, expected: string | undefined, state: DialectState, flavour: 'dash' | 'busybox'): string {
  const name = tokenName(found, state);
  const expecting = expected === undefined ? '' : ` (expecting "${expected}")`;
  return flavour === 'dash' ? `${name} unexpected${expecting}` : `unexpected ${name}${expecting}`;
}

/** ash's and dash's token names: keywords and operators in quotes, the rest by kind. */
function tokenName(found: FoundToken, state: DialectState): string {
  switch (found.kind) {
    case 'end':
      // At a prompt the line's newline came before any end of input.
      return found.midLine && state.input === 'terminal' ? 'newline' : 'end of file';
    case 'newline':
      return 'newline';
    case 'op':
      return found.redirection ? 'redirection' : `"${found.text}"`;
    case 'word':
      return found.reserved ? `"${found.text}"` : 'word';
  }
}
