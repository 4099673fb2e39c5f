import { describe, expect, it } from 'vitest';
import { fieldLabelNotSupportedMessage, fieldSelectorToString, findUnsupportedField, matchesFields, parseFieldSelector } from './field-selector.ts';

describe('parseFieldSelector', () => {
  const valid: { name: string; input: string; canonical: string }[] = [
    { name: 'empty', input: '', canonical: '' },
    { name: 'single term', input: 'metadata.name=x', canonical: 'metadata.name=x' },
    { name: 'double equals reads as equals', input: 'metadata.name==x', canonical: 'metadata.name=x' },
    { name: 'terms sorted', input: 'status.phase!=Running,metadata.name=x', canonical: 'metadata.name=x,status.phase!=Running' },
    { name: 'empty terms skipped', input: 'a=b,,', canonical: 'a=b' },
    { name: 'escaped comma in value', input: 'a=x\\,y', canonical: 'a=x\\,y' },
    { name: 'empty value', input: 'spec.nodeName=', canonical: 'spec.nodeName=' },
  ];
  it.each(valid)('parses $name', ({ input, canonical }) => {
    const r = parseFieldSelector(input);
    expect(r.ok && fieldSelectorToString(r.requirements)).toBe(canonical);
  });

  const invalid: { name: string; input: string; message: string }[] = [
    { name: 'no operator', input: 'metadata.name', message: "invalid selector: 'metadata.name'; can't understand 'metadata.name'" },
    { name: 'no operator in second term', input: 'a=b,c', message: "invalid selector: 'a=b,c'; can't understand 'c'" },
    { name: 'unescaped equals in value', input: 'a=b=c', message: 'invalid field selector: unescaped character in value: 61' },
    { name: 'bad escape', input: 'a=b\\x', message: 'invalid field selector: invalid escape sequence: \\x' },
  ];
  it.each(invalid)('rejects $name', ({ input, message }) => {
    expect(parseFieldSelector(input)).toEqual({ ok: false, message });
  });
});

describe('matchesFields', () => {
  const fields = { 'metadata.name': 'web-1', 'status.phase': 'Running', 'spec.nodeName': '' };
  const cases: { selector: string; matches: boolean }[] = [
    { selector: '', matches: true },
    { selector: 'metadata.name=web-1', matches: true },
    { selector: 'metadata.name=web-2', matches: false },
    { selector: 'status.phase!=Running', matches: false },
    { selector: 'status.phase!=Pending,metadata.name=web-1', matches: true },
    { selector: 'spec.nodeName=', matches: true },
    { selector: 'spec.unknown=', matches: true },
    { selector: 'spec.unknown!=', matches: false },
  ];
  it.each(cases)('$selector → $matches', ({ selector, matches }) => {
    const r = parseFieldSelector(selector);
    expect(r.ok && matchesFields(r.requirements, fields)).toBe(matches);
  });
});

describe('unsupported fields', () => {
  it('names the first unsupported field as the server does', () => {
    const r = parseFieldSelector('metadata.name=a,spec.foo=b');
    const field = r.ok ? findUnsupportedField(r.requirements, new Set(['metadata.name'])) : undefined;
    expect(field && fieldLabelNotSupportedMessage(field)).toBe('field label not supported: spec.foo');
  });
});
