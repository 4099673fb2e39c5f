import type { Schema } from './openapi-data.ts';
import type { Operation, PathItem } from './operation.ts';

export interface SplitParameters {
  /** Parameters every operation of the path takes, listed once on the path. */
  shared: Schema[];
  /** Each operation's own parameters: the body first, then by name. */
  own: Schema[][];
}

function key(p: Schema): string {
  return `${String(p['in'])}/${String(p['name'])}`;
}

function byName(a: Schema, b: Schema): number {
  return String(a['name']).localeCompare(String(b['name']));
}

/**
 * Models k8s.io/kube-openapi pkg/builder (buildOperations): parameters common to all of a
 * path's operations move up to the path item; the body never does.
 */
export function splitParameters(item: PathItem): SplitParameters {
  const ops: Operation[] = item.operations;
  const sharedKeys = new Set(ops[0]?.parameters.filter((p) => p['in'] !== 'body').map(key) ?? []);
  for (const op of ops.slice(1)) {
    const keys = new Set(op.parameters.map(key));
    for (const k of [...sharedKeys]) if (!keys.has(k)) sharedKeys.delete(k);
  }
  const shared = (ops[0]?.parameters ?? []).filter((p) => sharedKeys.has(key(p))).sort(byName);
  const own = ops.map((op) => {
    const rest = op.parameters.filter((p) => !sharedKeys.has(key(p)));
    return [...rest.filter((p) => p['in'] === 'body'), ...rest.filter((p) => p['in'] !== 'body').sort(byName)];
  });
  return { shared, own };
}
