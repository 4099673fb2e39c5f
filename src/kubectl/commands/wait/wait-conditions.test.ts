import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../engine/api/client.ts';
import { KubectlError } from '../../errors.ts';
import { parseConditions } from './wait-conditions.ts';

const pod = (extra: Record<string, unknown>): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'foo', generation: 2 }, ...extra }) as KubeObject;

/** What one `--for` makes of an object: met, not yet, or its error. */
function check(spec: string, obj: KubeObject): unknown {
  try {
    const [condition] = parseConditions([spec]);
    return condition!.kind === 'check' ? condition!.check(obj) : condition!.kind;
  } catch (error) {
    if (error instanceof KubectlError) return error.message;
    throw error;
  }
}

// Names from pkg/cmd/wait/wait_test.go TestWaitForCondition and TestWaitForJSONPathCondition.
describe('condition checks', () => {
  const ready = { status: { observedGeneration: 2, conditions: [{ type: 'Ready', status: 'True' }] } };
  const cases = [
    { name: 'present on get', spec: 'condition=Ready', obj: pod(ready), want: true },
    { name: 'condition with value', spec: 'condition=ready=false', obj: pod(ready), want: false },
    {
      name: 'times out due to stale .status.conditions[0].observedGeneration',
      spec: 'condition=Ready',
      obj: pod({ status: { conditions: [{ type: 'Ready', status: 'True', observedGeneration: 1 }] } }),
      want: false,
    },
    {
      name: 'times out due to stale .status.observedGeneration',
      spec: 'condition=Ready',
      obj: pod({ status: { observedGeneration: 1, conditions: [{ type: 'Ready', status: 'True' }] } }),
      want: false,
    },
    { name: 'JSONPath entry not exist', spec: 'jsonpath={.status.foo}=bar', obj: pod({ status: {} }), want: false },
    { name: 'compare boolean JSONPath entry', spec: 'jsonpath={.spec.hostNetwork}=true', obj: pod({ spec: { hostNetwork: true } }), want: true },
    { name: 'compare boolean JSONPath entry wrong value', spec: 'jsonpath={.spec.hostNetwork}=false', obj: pod({ spec: { hostNetwork: true } }), want: false },
    { name: 'compare integer JSONPath entry', spec: 'jsonpath={.spec.priority}=1', obj: pod({ spec: { priority: 1 } }), want: true },
    { name: 'compare integer JSONPath entry wrong value', spec: 'jsonpath={.spec.priority}=2', obj: pod({ spec: { priority: 1 } }), want: false },
    { name: 'compare string JSONPath entry', spec: "jsonpath={.status.phase}='Running'", obj: pod({ status: { phase: 'Running' } }), want: true },
    { name: 'matches literal value of JSONPath entry without value condition', spec: 'jsonpath={.status.phase}', obj: pod({ status: { phase: 'Running' } }), want: true },
    { name: 'matches complex types map[string]interface{} without value condition', spec: 'jsonpath={.spec}', obj: pod({ spec: { a: 1 } }), want: true },
    { name: 'compare string JSONPath entry wrong value', spec: 'jsonpath={.status.phase}=Pending', obj: pod({ status: { phase: 'Running' } }), want: false },
    {
      name: 'matches more than one value',
      spec: 'jsonpath={.spec.containers[*].name}=a',
      obj: pod({ spec: { containers: [{ name: 'a' }, { name: 'b' }] } }),
      want: 'given jsonpath expression matches more than one value',
    },
    {
      name: 'unsupported type []interface{}',
      spec: 'jsonpath={.spec.containers}=x',
      obj: pod({ spec: { containers: [{ name: 'a' }] } }),
      want: 'jsonpath leads to a nested object or list which is not supported',
    },
    {
      name: 'unsupported type map[string]interface{}',
      spec: 'jsonpath={.spec}=x',
      obj: pod({ spec: { a: 1 } }),
      want: 'jsonpath leads to a nested object or list which is not supported',
    },
  ];
  it.each(cases)('$name', ({ spec, obj, want }) => expect(check(spec, obj)).toEqual(want));
});

// Names from pkg/cmd/wait/wait_test.go TestWaitForDifferentJSONPathExpression and TestConditionFuncFor.
describe('parseConditions', () => {
  const cases = [
    { name: 'jsonpath missing JSONPath expression', spec: 'jsonpath=', want: 'error: jsonpath expression cannot be empty' },
    { name: 'jsonpath check for expression and value relaxed parsing', spec: 'jsonpath=.status.phase=Running', want: true },
    {
      name: "jsonpath invalid expression with repeated '='",
      spec: 'jsonpath={.a}={.b}={.c}',
      want: "error: jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'",
    },
    {
      name: "jsonpath undefined value after '='",
      spec: 'jsonpath={.a}=',
      want: "error: jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3",
    },
    {
      name: 'jsonpath invalid expression',
      spec: 'jsonpath={.a',
      want: "error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    },
    { name: 'condition delete', spec: 'delete', want: 'delete' },
    { name: 'condition create', spec: 'CREATE', want: 'create' },
    { name: 'unrecognized condition', spec: 'cond=invalid', want: 'error: unrecognized condition: "cond=invalid"' },
  ];
  it.each(cases)('$name', ({ spec, want }) => expect(check(spec, pod({ status: { phase: 'Running' } }))).toEqual(want));

  it('refuses a missing --for as an empty condition', () => {
    expect(() => parseConditions([])).toThrow('error: unrecognized condition: ""');
  });
});
