/**
 * `kubectl get --sort-by`: Models pkg/cmd/get/sorter.go (kubectl v1.35). Rows or items are ordered
 * by the first value the JSONPath finds in each object, with Go's sort.Sort — not stable, so equal
 * keys end where Go's pdqsort leaves them, which `lib/go-sort` reproduces.
 */
import { goSortArray } from '../../lib/go-sort/go-sort.ts';
import { JsonPathEvaluator } from '../../lib/jsonpath/jsonpath-evaluator.ts';
import { parseJsonPath } from '../../lib/jsonpath/jsonpath-parser.ts';
import { compareQuantities, parseQuantity } from '../../lib/quantity/quantity.ts';
import { KubectlError } from '../errors.ts';

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** RelaxedJSONPathExpression: `a.b`, `.a.b`, `{a.b}` and `{.a.b}` all become `{.a.b}`. */
export function relaxedJsonPathExpression(expression: string): string {
  if (expression === '') return expression;
  const match = RELAXED.exec(expression);
  if (!match) throw new KubectlError("error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  return `{.${match[1] || match[2]}}`;
}

/** isLess on the values of unstructured objects: numbers, strings (as quantities when both parse), null first. */
function isLess(a: unknown, b: unknown, field: string): boolean {
  if (a === null && b === null) return false;
  if (a === null) return true;
  if (b === null) return false;
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'string' && typeof b === 'string') {
    const qa = parseQuantity(a);
    const qb = parseQuantity(b);
    if (qa.ok && qb.ok) return compareQuantities(qa.quantity, qb.quantity) < 0;
    return a < b;
  }
  throw new KubectlError(`error: Field ${field} is an unsortable type: ${goKind(a)}`);
}

function goKind(value: unknown): string {
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return '[]interface {}';
  if (typeof value === 'object') return 'map[string]interface {}';
  return typeof value;
}

/**
 * Sorts `items` in place by `sortBy` as kubectl does, `objectOf` giving each item's object (a
 * Table row's, or the item itself). Fails as kubectl does when no object has the field.
 */
export function sortByField<T>(items: T[], objectOf: (item: T) => unknown, sortBy: string): T[] {
  let field: string;
  try {
    field = relaxedJsonPathExpression(sortBy);
  } catch {
    field = sortBy;
  }
  const parsed = parseJsonPath(field);
  if (!parsed.ok) throw new KubectlError(`error: sorting error: ${parsed.message}`);
  const evaluator = new JsonPathEvaluator(parsed.root, { allowMissingKeys: true, numbers: 'int64' });
  const keyed = items.map((item) => {
    const results = evaluator.findResults(objectOf(item));
    const first = results[0];
    return { item, found: first !== undefined && first.length > 0, key: first?.[0] };
  });
  if (keyed.length > 0 && !keyed.some((k) => k.found)) throw new KubectlError(`error: couldn't find any field with path "${field}" in the list of objects`);
  // Upstream's Less: an object without the field sorts before anything, even another without it.
  goSortArray(keyed, (a, b) => (!a.found ? true : !b.found ? false : isLess(a.key, b.key, field)));
  keyed.forEach((k, i) => (items[i] = k.item));
  return items;
}
