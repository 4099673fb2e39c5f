import { describe, expect, it } from 'vitest';
import { scanJsonStream } from './json-syntax-error.ts';

// The errors kubectl v1.35.2 printed after `error parsing j.yaml: ` for `create -f j.yaml` of each
// input (a file starting with `{` that YAML cannot read either).
describe('scanJsonStream', () => {
  const errors: { name: string; input: string; error: string }[] = [
    { name: 'block YAML after a brace', input: '{\napiVersion: v1\n', error: "json: offset 3: invalid character 'a' looking for beginning of object key string" },
    { name: 'a bare key', input: '{a', error: "json: offset 2: invalid character 'a' looking for beginning of object key string" },
    { name: 'a missing colon', input: '{"a" 1}', error: "json: offset 6: invalid character '1' after object key" },
    { name: 'the input ends inside a string', input: '{"a": "x', error: 'unexpected EOF' },
    { name: 'an unknown escape', input: '{"a": "\\q"}', error: "json: offset 9: invalid character 'q' in string escape code" },
  ];
  it.each(errors)('$name', ({ input, error }) => {
    expect(scanJsonStream(input)).toEqual({ error });
  });

  it('finds where each value of a stream ends', () => {
    const text = '  {"kind": "ConfigMap"} {"kind": "Secret", "data": {"a": [1, 2.5e3, true, null]}}\n';
    expect(scanJsonStream(text)).toEqual({ ends: [23, 81] });
  });

  it('reads any depth without recursion, up to the decoder limit', () => {
    expect(scanJsonStream(`${'['.repeat(5000)}${']'.repeat(5000)}`)).toEqual({ ends: [10000] });
    expect(scanJsonStream('['.repeat(20000))).toEqual({ error: "json: offset 10001: invalid character '[' exceeded max depth" });
  });
});
