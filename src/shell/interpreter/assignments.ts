/**
 * Assignments before a command or standing alone: `v=x`, `v+=x`, `a[i]=x`, `a=(x [k]=y …)`,
 * `a+=(…)`. Models bash's arrayfunc.c assign_array_var_from_string and assign_array_element.
 */
import type { Assignment, Word } from '../ast.ts';
import { expandWord, expandWordToString, subscriptKey } from './expansion.ts';
import type { Interpreter } from './interpreter.ts';
import type { Io } from './shell-state.ts';
import { arrayKeys, elementValue, nextIndex, scalarValue, setElement, setScalar, unsetVariable, type ShellArray } from './variables.ts';

/** 0, or 1 when a subscript was refused (bash goes on with the line). */
export async function assignVariable(sh: Interpreter, assignment: Assignment, io: Io, line?: number): Promise<number> {
  const state = sh.state;
  const { name } = assignment;
  if (assignment.value.array) {
    if (assignment.index !== undefined) {
      io.stderr.write(`${sh.errorPrefix(line)}${name}[${assignment.index}]: cannot assign list to array member\n`);
      return 1;
    }
    // The elements expand before the array changes: `w=("${w[@]:0:2}")` reads the old `w`.
    const array = { assoc: state.arrays.get(name)?.assoc ?? false, values: new Map(assignment.append ? arrayEntries(state, name) : []) };
    const status = await assignElements(sh, name, array, assignment.value.array, io, line);
    unsetVariable(state, name);
    state.arrays.set(name, array);
    return status;
  }
  const value = await expandWordToString(sh, assignment.value, io);
  if (assignment.index !== undefined) {
    const key = await checkedKey(sh, name, assignment.index, io, line);
    if (key === undefined) return 1;
    setElement(state, name, key, assignment.append ? (elementValue(state, name, key) ?? '') + value : value);
    return 0;
  }
  setScalar(state, name, assignment.append ? (scalarValue(state, name) ?? '') + value : value);
  return 0;
}

function arrayEntries(state: Interpreter['state'], name: string): [string, string][] {
  return arrayKeys(state, name).map((key) => [key, elementValue(state, name, key) ?? '']);
}

/** `(x [k]=y …)`: words expand and split as command arguments do; `[k]=v` sets that key. */
export async function assignElements(sh: Interpreter, name: string, array: ShellArray, elements: Word[], io: Io, line?: number): Promise<number> {
  let status = 0;
  let next = nextIndex(array);
  for (const element of elements) {
    const first = element.parts[0];
    const keyed = first?.type === 'literal' && !first.quoted ? /^\[([^\]]*)\]=/.exec(first.text) : null;
    if (keyed && first?.type === 'literal') {
      const key = await checkedKey(sh, name, keyed[1]!, io, line);
      if (key === undefined) {
        status = 1;
        continue;
      }
      const rest: Word = { parts: [{ ...first, text: first.text.slice(keyed[0].length) }, ...element.parts.slice(1)] };
      array.values.set(key, await expandWordToString(sh, rest, io));
      if (!array.assoc) next = Number(key) + 1;
      continue;
    }
    if (array.assoc) {
      io.stderr.write(`${sh.errorPrefix(line)}${name}: ${await expandWordToString(sh, element, io)}: must use subscript when assigning associative array\n`);
      continue;
    }
    for (const field of await expandWord(sh, element, io)) array.values.set(String(next++), field);
  }
  return status;
}

/** A subscript as bash checks it: an empty one, or a negative index past the start, is "bad array subscript". */
async function checkedKey(sh: Interpreter, name: string, subscript: string, io: Io, line?: number): Promise<string | undefined> {
  const key = subscript === '' ? '' : await subscriptKey(sh, name, subscript, io);
  if (key === '' || (!sh.state.arrays.get(name)?.assoc && Number(key) < 0)) {
    io.stderr.write(`${sh.errorPrefix(line)}${name}[${subscript}]: bad array subscript\n`);
    return undefined;
  }
  return key;
}
