/**
 * `(( expression ))`, `for (( init; test; step ))` and `let`: arithmetic as commands. Status 0
 * when the value is non-zero; a refused expression prints bash's message and gives 1.
 */
import type { Command, List } from '../ast.ts';
import { ArithmeticError } from './arithmetic.ts';
import { evaluateArithmeticText } from './expansion.ts';
import type { Interpreter } from './interpreter.ts';
import type { Io } from './shell-state.ts';

/** The value of `source`, or undefined once bash's message for a refused one is printed as `((` (or `let`) reports it. */
async function evaluateAs(sh: Interpreter, who: string, source: string, io: Io, line?: number): Promise<bigint | undefined> {
  try {
    return await evaluateArithmeticText(sh, source, io);
  } catch (error) {
    if (!(error instanceof ArithmeticError)) throw error;
    io.stderr.write(`${sh.errorPrefix(line, who)}${error.message}\n`);
    return undefined;
  }
}

export async function runArithmeticCommand(sh: Interpreter, command: Extract<Command, { type: 'arithmetic' }>, io: Io): Promise<number> {
  const value = await evaluateAs(sh, '((', command.source, io, command.line);
  return value === undefined ? 1 : value !== 0n ? 0 : 1;
}

export async function runArithmeticFor(
  sh: Interpreter,
  command: Extract<Command, { type: 'arithmetic-for' }>,
  io: Io,
  loopBody: (body: List, io: Io) => Promise<number | 'break' | 'continue'>,
): Promise<number> {
  if ((await evaluateAs(sh, '((', command.init, io, command.line)) === undefined) return 1;
  let status = 0;
  for (;;) {
    await sh.checkpoint();
    // An empty test is true, as in C.
    const test = command.test.trim() === '' ? 1n : await evaluateAs(sh, '((', command.test, io, command.line);
    if (test === undefined) return 1;
    if (test === 0n) break;
    const outcome = await loopBody(command.body, io);
    if (outcome === 'break') break;
    if (outcome !== 'continue') status = outcome;
    if ((await evaluateAs(sh, '((', command.step, io, command.line)) === undefined) return 1;
  }
  return status;
}

/** `let expr…`: each argument evaluated in turn; the status follows the last. */
export async function letBuiltin(sh: Interpreter, args: string[], io: Io, line: number): Promise<number> {
  if (args.length === 0) {
    io.stderr.write(`${sh.errorPrefix(line, 'let')}expression expected\n`);
    return 1;
  }
  let last = 0n;
  for (const arg of args) {
    const value = await evaluateAs(sh, 'let', arg, io, line);
    if (value === undefined) return 1;
    last = value;
  }
  return last !== 0n ? 0 : 1;
}
