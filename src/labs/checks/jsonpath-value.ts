/** One JSONPath value as text, the way `kubectl get -o jsonpath` would print it. */
import { queryJsonPath } from '../../lib/jsonpath/jsonpath.ts';

export function jsonPathValues(path: string, obj: unknown): string[] {
  return queryJsonPath(path, obj).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
}
