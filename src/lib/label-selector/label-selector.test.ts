import { describe, expect, it } from 'vitest';
import { formatLabelSelector, formatLabelSet, labelMatcher, labelSelectorAsRequirements, matchesLabels, parseLabelSelector, selectorToString } from './label-selector.ts';

const keyRegexText =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const valueRegexText =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe('parseLabelSelector', () => {
  const valid: { name: string; input: string; canonical: string }[] = [
    { name: 'empty selector', input: '', canonical: '' },
    { name: 'equality', input: 'app=nginx', canonical: 'app=nginx' },
    { name: 'double equals kept', input: 'app==nginx', canonical: 'app==nginx' },
    { name: 'inequality', input: 'app!=nginx', canonical: 'app!=nginx' },
    { name: 'sorted by key', input: 'z=1,a=2,m', canonical: 'a=2,m,z=1' },
    { name: 'set based with spaces', input: 'env in (prod, dev),tier notin (db)', canonical: 'env in (dev,prod),tier notin (db)' },
    { name: 'exists and not exists', input: '!canary,app', canonical: 'app,!canary' },
    { name: 'empty values', input: 'x=,z= ', canonical: 'x=,z=' },
    { name: 'in as a value', input: 'x in (in,notin)', canonical: 'x in (in,notin)' },
    { name: 'empty set', input: 'x in ()', canonical: 'x in ()' },
    { name: 'commas inside a set', input: 'x in (foo,,baz),y,z notin ()', canonical: 'x in (,baz,foo),y,z notin ()' },
    { name: 'greater and less than', input: 'x>1,y<10', canonical: 'x>1,y<10' },
    { name: 'prefixed key', input: 'app.kubernetes.io/name=web', canonical: 'app.kubernetes.io/name=web' },
    // apimachinery lets the binary operator override a leading "!".
    { name: 'not followed by an operator', input: '!a=b', canonical: 'a=b' },
    { name: 'whitespace everywhere', input: '  a = b ,  c  ', canonical: 'a=b,c' },
  ];
  it.each(valid)('parses $name', ({ input, canonical }) => {
    const result = parseLabelSelector(input);
    expect(result.ok && selectorToString(result.requirements)).toBe(canonical);
  });

  const invalid: { name: string; input: string; message: string }[] = [
    { name: 'missing set', input: 'x in', message: "unable to parse requirement: found '' expected: '('" },
    { name: 'unknown operator', input: 'x (', message: "unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt" },
    { name: 'unclosed set', input: 'x in (a', message: "unable to parse requirement: found '', expected: ',' or ')'" },
    { name: 'trailing comma', input: 'a=b,', message: "found '', expected: identifier after ','" },
    { name: 'leading operator', input: '=a', message: "found '=', expected: !, identifier, or 'end of string'" },
    { name: 'two words', input: 'a b', message: "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt" },
    { name: 'value followed by junk', input: 'a=b c', message: "found 'c', expected: ',' or 'end of string'" },
    { name: 'bad key', input: '-a=b', message: `unable to parse requirement: : Invalid value: "-a": ${keyRegexText}` },
    { name: 'bad value', input: 'a=-b', message: `unable to parse requirement: values[0][a]: Invalid value: "-b": ${valueRegexText}` },
    { name: 'non integer gt', input: 'a>b', message: `unable to parse requirement: values[0]: Invalid value: "b": for 'Gt', 'Lt' operators, the value must be an integer` },
    { name: 'bad special run', input: 'a=(b)', message: "unable to parse requirement: found '(', expected: identifier" },
    { name: 'empty prefix', input: '/a', message: 'unable to parse requirement: : Invalid value: "/a": prefix part must be non-empty' },
  ];
  it.each(invalid)('rejects $name', ({ input, message }) => {
    expect(parseLabelSelector(input)).toEqual({ ok: false, message });
  });
});

describe('matchesLabels', () => {
  const labels = { app: 'nginx', tier: 'web', rank: '5' };
  const cases: { selector: string; matches: boolean }[] = [
    { selector: '', matches: true },
    { selector: 'app=nginx', matches: true },
    { selector: 'app=redis', matches: false },
    { selector: 'app!=redis', matches: true },
    { selector: 'missing!=x', matches: true },
    { selector: 'app in (redis,nginx)', matches: true },
    { selector: 'app notin (nginx)', matches: false },
    { selector: 'missing notin (x)', matches: true },
    { selector: 'missing in (x)', matches: false },
    { selector: 'tier', matches: true },
    { selector: '!tier', matches: false },
    { selector: '!missing', matches: true },
    { selector: 'rank>4,rank<6', matches: true },
    { selector: 'rank>5', matches: false },
    { selector: 'app>1', matches: false },
    { selector: 'app=nginx,tier=db', matches: false },
  ];
  it.each(cases)('$selector → $matches', ({ selector, matches }) => {
    const m = labelMatcher(selector);
    expect(m.ok && m.matches(labels)).toBe(matches);
  });

  it('treats a nil selector as matching nothing', () => {
    expect(matchesLabels(null, {})).toBe(false);
  });
});

describe('metav1.LabelSelector helpers', () => {
  const cases: { name: string; selector: Parameters<typeof formatLabelSelector>[0]; text: string }[] = [
    { name: 'nil selector', selector: undefined, text: '<none>' },
    { name: 'empty selector', selector: {}, text: '<none>' },
    { name: 'match labels sorted', selector: { matchLabels: { 'pod-template-hash': '7c5ddbdf54', app: 'nginx' } }, text: 'app=nginx,pod-template-hash=7c5ddbdf54' },
    {
      name: 'expressions',
      selector: {
        matchLabels: { app: 'web' },
        matchExpressions: [
          { key: 'tier', operator: 'In', values: ['b', 'a'] },
          { key: 'canary', operator: 'DoesNotExist' },
          { key: 'env', operator: 'Exists' },
        ],
      },
      text: 'app=web,!canary,env,tier in (a,b)',
    },
    { name: 'bad operator', selector: { matchExpressions: [{ key: 'a', operator: 'Foo' }] }, text: '<error>' },
  ];
  it.each(cases)('formats $name', ({ selector, text }) => {
    expect(formatLabelSelector(selector)).toBe(text);
  });

  it('sorts requirements by key, not by kind', () => {
    const r = labelSelectorAsRequirements({ matchLabels: { b: '1' }, matchExpressions: [{ key: 'a', operator: 'Exists' }] });
    expect(r.ok && selectorToString(r.requirements)).toBe('a,b=1');
  });

  it('reports the operator error as apimachinery does', () => {
    expect(labelSelectorAsRequirements({ matchExpressions: [{ key: 'a', operator: 'Foo' }] })).toEqual({
      ok: false,
      message: '"Foo" is not a valid label selector operator',
    });
    expect(labelSelectorAsRequirements({ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] })).toEqual({
      ok: false,
      message: "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty",
    });
  });

  it('formats a label set', () => {
    expect(formatLabelSet({ run: 'x', app: 'y' })).toBe('app=y,run=x');
    expect(formatLabelSet(undefined)).toBe('');
  });
});
