/**
 * The shell's variables beyond plain strings: indexed and associative arrays, and the scopes
 * `local` opens in a function. A name holds either a string (in `vars`) or an array (in `arrays`);
 * `$a` of an array is its element 0, and `a=v` on one sets that element, as bash does.
 * Models bash's variables.c/arrayfunc.c: sparse indexed arrays, keys listed in index order.
 */
import type { ArithmeticVariables } from './arithmetic.ts';
import type { ShellState } from './shell-state.ts';

export interface ShellArray {
  assoc: boolean;
  /** Indexed arrays key their elements by the decimal index. */
  values: Map<string, string>;
}

/** What a `local` saved of a name, restored when the function returns. */
export type SavedVariable = { kind: 'unset' } | { kind: 'scalar'; value: string; exported: boolean } | { kind: 'array'; array: ShellArray };

export function isArray(state: ShellState, name: string): boolean {
  return state.arrays.has(name);
}

/** The value `$name` expands to. */
export function scalarValue(state: ShellState, name: string): string | undefined {
  const array = state.arrays.get(name);
  return array ? array.values.get('0') : state.vars.get(name);
}

/** The elements' keys in bash's order: ascending indices, or an associative array's insertion order. */
export function arrayKeys(state: ShellState, name: string): string[] {
  const array = state.arrays.get(name);
  if (!array) return state.vars.has(name) ? ['0'] : [];
  const keys = [...array.values.keys()];
  return array.assoc ? keys : keys.sort((a, b) => Number(a) - Number(b));
}

export function arrayValues(state: ShellState, name: string): string[] {
  const array = state.arrays.get(name);
  if (!array) {
    const value = state.vars.get(name);
    return value === undefined ? [] : [value];
  }
  return arrayKeys(state, name).map((key) => array.values.get(key)!);
}

export function elementValue(state: ShellState, name: string, key: string): string | undefined {
  const array = state.arrays.get(name);
  if (array) return array.values.get(key);
  return key === '0' ? state.vars.get(name) : undefined;
}

/** Makes `name` an array (keeping a string value as element 0), unless it is one already. */
export function toArray(state: ShellState, name: string, assoc = false): ShellArray {
  let array = state.arrays.get(name);
  if (!array) {
    const value = state.vars.get(name);
    array = { assoc, values: new Map(value === undefined ? [] : [['0', value]]) };
    state.vars.delete(name);
    state.arrays.set(name, array);
  }
  return array;
}

export function setScalar(state: ShellState, name: string, value: string): void {
  const array = state.arrays.get(name);
  if (array) array.values.set('0', value);
  else state.vars.set(name, value);
}

export function setElement(state: ShellState, name: string, key: string, value: string): void {
  toArray(state, name).values.set(key, value);
}

/** The index `a+=(x)` appends at: one past the highest. */
export function nextIndex(array: ShellArray): number {
  let next = 0;
  for (const key of array.values.keys()) next = Math.max(next, Number(key) + 1);
  return next;
}

export function unsetVariable(state: ShellState, name: string): void {
  state.vars.delete(name);
  state.arrays.delete(name);
  state.exported.delete(name);
}

/** `local name`: remembers the caller's value in the innermost function scope (once per scope). */
export function declareLocal(state: ShellState, name: string): void {
  const scope = state.scopes.at(-1);
  if (!scope || scope.has(name)) return;
  const array = state.arrays.get(name);
  const value = state.vars.get(name);
  scope.set(
    name,
    array
      ? { kind: 'array', array: { assoc: array.assoc, values: new Map(array.values) } }
      : value !== undefined
        ? { kind: 'scalar', value, exported: state.exported.has(name) }
        : { kind: 'unset' },
  );
  unsetVariable(state, name);
}

/** A function returned: its locals give back the caller's values. */
export function restoreScope(state: ShellState, scope: Map<string, SavedVariable>): void {
  for (const [name, saved] of scope) {
    unsetVariable(state, name);
    if (saved.kind === 'scalar') {
      state.vars.set(name, saved.value);
      if (saved.exported) state.exported.add(name);
    } else if (saved.kind === 'array') state.arrays.set(name, saved.array);
  }
}

/** The variables as arithmetic reads and assigns them (`a[i]` included). */
export function arithmeticVariables(state: ShellState): ArithmeticVariables {
  return {
    get: (name, key) => (key === undefined ? scalarValue(state, name) : elementValue(state, name, key)),
    set: (name, value, key) => (key === undefined ? setScalar(state, name, value) : setElement(state, name, key, value)),
    isAssoc: (name) => state.arrays.get(name)?.assoc === true,
  };
}
