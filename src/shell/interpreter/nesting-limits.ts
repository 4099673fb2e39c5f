/**
 * How deep a shell has nested functions, `eval` and `source`, against bash's FUNCNEST (as KodeKloud's
 * nodes would need it set), EVALNEST_MAX and SOURCENEST_MAX: past a limit bash reports it and drops
 * the command line (execute_cmd.c execute_function, evalstring.c parse_and_execute). ash and dash
 * have no such limit, so their stack overflows and the kernel ends the shell with SIGSEGV (139).
 */
import { EVALNEST_MAX, FUNCNEST_MAX, SOURCENEST_MAX, type Io } from './shell-state.ts';
import type { Interpreter } from './interpreter.ts';
import { DiscardSignal, ExitSignal } from './signals.ts';

export interface Nesting {
  functions: number;
  evals: number;
  sources: number;
}

const LIMITS: Nesting = { functions: FUNCNEST_MAX, evals: EVALNEST_MAX, sources: SOURCENEST_MAX };

/** Runs `body` one level deeper in `kind`; `what` words the refusal past the limit, given the depth. */
export async function nested<T>(sh: Interpreter, kind: keyof Nesting, io: Io, what: (depth: number) => string, body: () => Promise<T>): Promise<T> {
  if (sh.nesting[kind] >= LIMITS[kind]) {
    if (sh.state.flavour !== 'bash') throw new ExitSignal(139);
    io.stderr.write(`${what(sh.nesting[kind])}\n`);
    throw new DiscardSignal(1);
  }
  sh.nesting[kind]++;
  try {
    return await body();
  } finally {
    sh.nesting[kind]--;
  }
}
