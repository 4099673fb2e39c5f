/**
 * `local`, `declare`/`typeset` and `unset`, which make, scope and remove variables and arrays.
 * Models bash's builtins/declare.def (-a -A -F -f -g -p -x) and unset.def (`unset 'a[1]'`, -f, -v).
 */
import type { Word } from '../ast.ts';
import { assignElements } from './assignments.ts';
import { subscriptKey } from './expansion.ts';
import type { Interpreter } from './interpreter.ts';
import type { Io } from './shell-state.ts';
import { arrayKeys, declareLocal, scalarValue, setScalar, toArray, unsetVariable } from './variables.ts';

type Builtin = (sh: Interpreter, args: string[], io: Io, line: number) => Promise<number>;

/** Marks an argument written `name=(…)`: its elements wait in `arrayArguments` under the number after the mark. */
export const ARRAY_ARGUMENT = '\u0000array:';

/** The words of each `name=(…)` argument of a declaration command, until its builtin takes them. */
export const arrayArguments = new Map<number, Word[]>();
let nextArrayArgument = 0;

/** Keeps `words` for the builtin and returns the argument that stands for them. */
export function arrayArgument(prefix: string, words: Word[]): string {
  arrayArguments.set(nextArrayArgument, words);
  return `${prefix}${ARRAY_ARGUMENT}${nextArrayArgument++}`;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

async function declare(sh: Interpreter, args: string[], io: Io, line: number, who: string): Promise<number> {
  const state = sh.state;
  const options = new Set<string>();
  let i = 0;
  for (; i < args.length && /^[-+][a-zA-Z]+$/.test(args[i]!); i++) for (const flag of args[i]!.slice(1)) options.add(flag);
  const names = args.slice(i);
  if (who === 'local' && state.scopes.length === 0) {
    io.stderr.write(`${sh.errorPrefix(line, who)}can only be used in a function\n`);
    return 1;
  }
  if (options.has('F') || options.has('f')) {
    let status = 0;
    for (const name of names) {
      if (state.functions.has(name)) io.stdout.write(`${name}\n`);
      else status = 1;
    }
    if (names.length === 0) for (const name of [...state.functions.keys()].sort()) io.stdout.write(`declare -f ${name}\n`);
    return status;
  }
  if (options.has('p')) return printDeclarations(sh, names, io, line, who);
  let status = 0;
  // `declare` outside a function, and `declare -g`, set globals; `local` and `declare` inside one make locals.
  const makeLocal = who === 'local' || (state.scopes.length > 0 && !options.has('g'));
  for (const arg of names) {
    const marked = arg.indexOf(ARRAY_ARGUMENT);
    const eq = marked >= 0 ? marked - 1 : arg.indexOf('=');
    const target = eq < 0 ? arg : arg.slice(0, eq).replace(/\+$/, '');
    const name = target.replace(/\[.*\]$/, '');
    if (!NAME.test(name)) {
      io.stderr.write(`${sh.errorPrefix(line, who)}\`${arg.replace(/\u0000array:\d+$/, '(…)')}': not a valid identifier\n`);
      status = 1;
      continue;
    }
    if (makeLocal) declareLocal(state, name);
    if (options.has('a') || options.has('A')) {
      const existing = state.arrays.get(name);
      if (existing && existing.assoc !== options.has('A')) {
        io.stderr.write(
          `${sh.errorPrefix(line, who)}${name}: cannot convert ${existing.assoc ? 'associative' : 'indexed'} to ${existing.assoc ? 'indexed' : 'associative'} array\n`,
        );
        status = 1;
        continue;
      }
      toArray(state, name, options.has('A'));
    }
    if (options.has('x')) state.exported.add(name);
    if (marked >= 0) {
      const array = toArray(state, name, options.has('A'));
      if (!arg.slice(0, eq).endsWith('+')) array.values.clear();
      const id = Number(arg.slice(marked + ARRAY_ARGUMENT.length));
      const words = arrayArguments.get(id) ?? [];
      arrayArguments.delete(id);
      status |= await assignElements(sh, name, array, words, io, line);
    } else if (eq >= 0) {
      const value = arg.slice(eq + 1);
      if (target !== name) toArray(state, name).values.set(await subscriptKey(sh, name, target.slice(name.length + 1, -1), io), value);
      else setScalar(state, name, arg.slice(eq - 1, eq) === '+' ? (scalarValue(state, name) ?? '') + value : value);
    }
  }
  return status;
}

function printDeclarations(sh: Interpreter, names: string[], io: Io, line: number, who: string): number {
  const state = sh.state;
  let status = 0;
  const chosen = names.length > 0 ? names : [...new Set([...state.vars.keys(), ...state.arrays.keys()])].sort();
  for (const name of chosen) {
    const array = state.arrays.get(name);
    const exported = state.exported.has(name) ? 'x' : '';
    if (array) {
      const elements = arrayKeys(state, name).map((key) => `[${key}]=${quoteValue(array.values.get(key)!)}`);
      // bash leaves a space before an associative array's closing parenthesis.
      io.stdout.write(`declare -${array.assoc ? 'A' : 'a'}${exported} ${name}=(${elements.join(' ')}${array.assoc && elements.length > 0 ? ' ' : ''})\n`);
    } else if (state.vars.has(name)) io.stdout.write(`declare -${exported || '-'} ${name}=${quoteValue(state.vars.get(name)!)}\n`);
    else {
      io.stderr.write(`${sh.errorPrefix(line, who)}${name}: not found\n`);
      status = 1;
    }
  }
  return status;
}

function quoteValue(value: string): string {
  return `"${value.replace(/(["\\$`])/g, '\\$1')}"`;
}

async function unset(sh: Interpreter, args: string[], io: Io, line: number): Promise<number> {
  const state = sh.state;
  let mode: 'both' | 'v' | 'f' = 'both';
  let i = 0;
  for (; i < args.length && /^-[fv]+$/.test(args[i]!); i++) mode = args[i]!.includes('f') ? 'f' : 'v';
  let status = 0;
  for (const arg of args.slice(i)) {
    const element = /^([A-Za-z_][A-Za-z0-9_]*)\[(.*)\]$/.exec(arg);
    if (element && mode !== 'f') {
      const [, name, subscript] = element as unknown as [string, string, string];
      if (subscript === '@' || subscript === '*') unsetVariable(state, name);
      else if (state.arrays.has(name) || state.vars.has(name)) {
        const key = subscript === '' ? '' : await subscriptKey(sh, name, subscript, io);
        if (key === '' || (!state.arrays.get(name)?.assoc && Number(key) < 0)) {
          io.stderr.write(`${sh.errorPrefix(line, 'unset')}${arg}: bad array subscript\n`);
          status = 1;
          continue;
        }
        if (state.arrays.has(name)) state.arrays.get(name)!.values.delete(key);
        else if (key === '0') unsetVariable(state, name);
      }
      continue;
    }
    if (!NAME.test(arg)) {
      io.stderr.write(`${sh.errorPrefix(line, 'unset')}\`${arg}': not a valid identifier\n`);
      status = 1;
      continue;
    }
    if (mode !== 'f' && (state.vars.has(arg) || state.arrays.has(arg))) unsetVariable(state, arg);
    else if (mode !== 'v') state.functions.delete(arg);
  }
  return status;
}

export const DECLARATION_BUILTINS: Record<string, Builtin> = {
  local: (sh, args, io, line) => declare(sh, args, io, line, 'local'),
  declare: (sh, args, io, line) => declare(sh, args, io, line, 'declare'),
  typeset: (sh, args, io, line) => declare(sh, args, io, line, 'typeset'),
  unset,
};
