import { describe, expect, it } from 'vitest';
import { formatGoFloat, goJsonMarshal, goJsonMarshalIndent, goQuote, goSyntax, goValueText } from './go-value-format.ts';

describe('Go value printing', () => {
  const floats: [number, string][] = [
    [3, '3'],
    [0.5, '0.5'],
    [100000, '100000'],
    [1000000, '1e+06'],
    [123456789, '1.23456789e+08'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [-2.5, '-2.5'],
  ];
  it.each(floats)('%%v of float64 %d is %s', (value, text) => {
    expect(formatGoFloat(value)).toBe(text);
  });

  it('quotes strings as strconv.Quote does', () => {
    expect(goQuote('a"b\\c\n\t\x01é')).toBe('"a\\"b\\\\c\\n\\t\\x01é"');
  });

  it('marshals JSON with sorted keys and HTML escaping', () => {
    expect(goJsonMarshal({ b: 1, a: ['<x>', true, null], c: 0.5 }, 'int64')).toBe('{"a":["\\u003cx\\u003e",true,null],"b":1,"c":0.5}');
    expect(goJsonMarshal(1e21, 'float64')).toBe('1e+21');
    expect(goJsonMarshalIndent([{ b: 1, a: '&' }])).toBe('[\n    {\n        "a": "\\u0026",\n        "b": 1\n    }\n]');
  });

  it('prints %#v and %v of decoded JSON', () => {
    const value = { s: 'x', n: 1, l: [true, null], m: {} };
    expect(goSyntax(value, 'float64')).toBe('map[string]interface {}{"l":[]interface {}{true, interface {}(nil)}, "m":map[string]interface {}{}, "n":1, "s":"x"}');
    expect(goValueText(value, 'float64')).toBe('map[l:[true <nil>] m:map[] n:1 s:x]');
  });
});
