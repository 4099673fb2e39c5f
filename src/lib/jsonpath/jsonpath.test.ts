import { describe, expect, it } from 'vitest';
import { evaluateJsonPath, queryJsonPath } from './jsonpath.ts';

const podList = {
  kind: 'List',
  items: [
    { metadata: { name: 'a', labels: { app: 'web' } }, spec: { containers: [{ name: 'c', ports: [{ containerPort: 80 }] }] }, status: { phase: 'Running' } },
    { metadata: { name: 'b' }, spec: { containers: [{ name: 'd', ports: [{ containerPort: 8080 }] }] }, status: { phase: 'Pending' } },
  ],
};

describe('evaluateJsonPath over server objects (int64 numbers)', () => {
  const cases: { name: string; template: string; text: string }[] = [
    { name: 'names of all items', template: '{.items[*].metadata.name}', text: 'a b' },
    { name: 'range with newline', template: '{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}', text: 'a\tRunning\nb\tPending\n' },
    { name: 'integer filter matches int64 data', template: '{.items[?(@.spec.containers[0].ports[0].containerPort==80)].metadata.name}', text: 'a' },
    { name: 'greater than', template: '{.items[?(@.spec.containers[0].ports[0].containerPort>100)].metadata.name}', text: 'b' },
    { name: 'string filter', template: '{.items[?(@.status.phase!="Running")].metadata.name}', text: 'b' },
    { name: 'exists filter', template: '{.items[?(@.metadata.labels.app)].metadata.name}', text: 'a' },
    { name: 'large integers print in full', template: '{.n}', text: '1000000' },
    { name: 'missing keys print nothing', template: '{.items[*].metadata.labels.app}', text: 'web' },
    { name: 'last element', template: '{.items[-1:].metadata.name}', text: 'b' },
    { name: 'maps print as JSON with sorted keys', template: '{.items[0].metadata}', text: '{"labels":{"app":"web"},"name":"a"}' },
    { name: 'text outside actions is literal', template: 'count: {.kind}', text: 'count: List' },
  ];
  it.each(cases)('$name', ({ template, text }) => {
    expect(evaluateJsonPath(template, { ...podList, n: 1000000 })).toEqual({ ok: true, text });
  });

  it('prints float64 numbers as Go does for typed objects', () => {
    expect(evaluateJsonPath('{.a} {.b} {.c}', { a: 1000000, b: 0.5, c: 3 }, { numbers: 'float64' })).toEqual({
      ok: true,
      text: '1e+06 0.5 3',
    });
  });

  it('reports a missing key with the debugging dump when keys must exist', () => {
    expect(evaluateJsonPath('{.foo}', { a: 'x', b: [1, null], c: { d: true } }, { allowMissingKeys: false })).toEqual({
      ok: false,
      message:
        'error executing jsonpath "{.foo}": Error executing template: foo is not found. Printing more information for debugging the template:\n' +
        '\ttemplate was:\n\t\t{.foo}\n' +
        '\tobject given to jsonpath engine was:\n' +
        '\t\tmap[string]interface {}{"a":"x", "b":[]interface {}{1, interface {}(nil)}, "c":map[string]interface {}{"d":true}}\n\n\n',
    });
  });

  const syntaxErrors: [template: string, message: string][] = [
    ['{.foo', 'unclosed action'],
    ['{.a[}', 'unterminated array'],
    ['{#}', "unrecognized character in action: U+0023 '#'"],
    ['{.a[x]}', 'invalid array index x'],
    ['{"a}', 'unterminated quoted string'],
    ['{.a[?(@.b==1)}', 'unclosed array expect ]'],
    ['{....a}', 'invalid multiple recursive descent'],
  ];
  it.each(syntaxErrors)('rejects %s', (template, message) => {
    expect(evaluateJsonPath(template, {})).toEqual({ ok: false, message: `error parsing jsonpath ${template}, ${message}\n` });
  });
});

describe('queryJsonPath', () => {
  it('returns the selected values with or without braces', () => {
    expect(queryJsonPath('.items[*].metadata.name', podList)).toEqual(['a', 'b']);
    expect(queryJsonPath('{.items[0].spec.containers[0].ports[0].containerPort}', podList)).toEqual([80]);
    expect(queryJsonPath('.items[*].metadata.labels', podList)).toEqual([{ app: 'web' }]);
    expect(queryJsonPath('.nothing.here', podList)).toEqual([]);
  });

  it('throws on a malformed expression', () => {
    expect(() => queryJsonPath('.a[', podList)).toThrow('invalid jsonpath .a[: unterminated array');
  });
});
