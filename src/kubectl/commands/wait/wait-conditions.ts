/**
 * What `kubectl wait --for=…` waits for: `create`, `delete`, `condition=NAME[=VALUE]` and
 * `jsonpath='{EXPR}'[=VALUE]`, each a check on one object.
 * Models staging/src/k8s.io/kubectl/pkg/cmd/wait/wait.go conditionFuncsFor, condition.go and json.go.
 */
import type { KubeObject } from '../../../engine/api/client.ts';
import { GoLiteral, JsonPathEvaluator } from '../../../lib/jsonpath/jsonpath-evaluator.ts';
import { parseJsonPath } from '../../../lib/jsonpath/jsonpath-parser.ts';
import { KubectlError } from '../../errors.ts';
import { relaxedJsonPathExpression } from '../../printers/sort-by.ts';

/** true: met; false: not yet; a string: kubectl's error for this object. */
export type CheckResult = boolean | string;

export type WaitCondition = { kind: 'create' } | { kind: 'delete' } | { kind: 'check'; check: (obj: KubeObject) => CheckResult };

export function parseConditions(specs: string[]): WaitCondition[] {
  if (specs.length === 0) throw new KubectlError('error: unrecognized condition: ""');
  return specs.map((spec) => {
    const lower = spec.toLowerCase();
    if (lower === 'delete') return { kind: 'delete' };
    if (lower === 'create') return { kind: 'create' };
    if (spec.startsWith('condition=')) {
      const rest = spec.slice('condition='.length);
      const eq = rest.indexOf('=');
      const name = eq < 0 ? rest : rest.slice(0, eq);
      const value = eq < 0 ? 'true' : rest.slice(eq + 1);
      return { kind: 'check', check: (obj) => isConditionMet(obj, name, value) };
    }
    if (spec.startsWith('jsonpath=')) return { kind: 'check', check: jsonPathCheck(spec.slice('jsonpath='.length)) };
    throw new KubectlError(`error: unrecognized condition: ${JSON.stringify(spec)}`);
  });
}

/** Go's strings.EqualFold for the ASCII names and values conditions use. */
const equalFold = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** A condition of that type and status, observed at the object's current generation. */
export function isConditionMet(obj: KubeObject, name: string, value: string): boolean {
  const o = obj as { metadata?: { generation?: number }; status?: { observedGeneration?: number; conditions?: unknown } };
  const conditions = o.status?.conditions;
  if (!Array.isArray(conditions)) return false;
  for (const c of conditions as { type?: unknown; status?: unknown; observedGeneration?: number }[]) {
    if (typeof c?.type !== 'string' || !equalFold(c.type, name) || typeof c.status !== 'string') continue;
    const generation = o.metadata?.generation;
    const observed = c.observedGeneration ?? o.status?.observedGeneration;
    if (generation !== undefined && observed !== undefined && observed < generation) return false;
    return equalFold(c.status, value);
  }
  return false;
}

/** `a==b` stays one piece; each single `=` splits. Models wait.go splitJSONPathInput. */
function splitJsonPathInput(input: string): string[] {
  const out: string[] = [];
  let element = '';
  for (let i = 0; i < input.length; i++) {
    if (input[i] === '=') {
      if (input[i + 1] === '=') {
        element += '==';
        i++;
        continue;
      }
      out.push(element);
      element = '';
      continue;
    }
    element += input[i];
  }
  return [...out, element];
}

function jsonPathCheck(input: string): (obj: KubeObject) => CheckResult {
  const parts = splitJsonPathInput(input);
  if (parts.length > 2) throw new KubectlError("error: jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'");
  const expression = relaxedJsonPathExpression(parts[0]!);
  const matchAny = parts.length === 1;
  const expected = matchAny ? '' : parts[1]!.replace(/^['"]+|['"]+$/g, '');
  if (!matchAny && expected === '') throw new KubectlError("error: jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3");
  if (expression === '') throw new KubectlError('error: jsonpath expression cannot be empty');
  const parsed = parseJsonPath(expression);
  if (!parsed.ok) throw new KubectlError(`error: ${parsed.message}`);
  return (obj) => {
    const results = new JsonPathEvaluator(parsed.root, { allowMissingKeys: true, numbers: 'int64' }).findResults(obj);
    if (results.length === 0 || results[0]!.length === 0) return false;
    if (results.length > 1) return 'given jsonpath expression matches more than one list';
    if (results[0]!.length > 1) return 'given jsonpath expression matches more than one value';
    if (matchAny) return true;
    const value = results[0]![0];
    const raw: unknown = value instanceof GoLiteral ? value.value : value;
    if (raw !== null && typeof raw === 'object') return 'jsonpath leads to a nested object or list which is not supported';
    return goValueString(raw).trim() === expected.trim();
  };
}

/** fmt's %v of a JSON value. */
function goValueString(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  return String(value);
}
