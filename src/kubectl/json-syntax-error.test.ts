import { describe, expect, it } from 'vitest';
import { scanJsonStream, scanJsonStreamSliced } from './json-syntax-error.ts';

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

  // Issue 10 §2: a file of megabytes is scanned a slice at a time (fuzz: FUZZ_SEED=50006
  // FUZZ_PATH=18, an 8 MB List whose last line is `---`), the offset of its error counted in UTF-8 bytes too.
  // kubectl v1.35.2 said so of the second (`create -f`): offset 1200016 is in bytes, each é two.
  const big = `{"items": [${'{"name": "é", "value": "v"}, '.repeat(40_000)}{}]`;
  const sliced: { name: string; input: string; scan: ReturnType<typeof scanJsonStream>; pauses: number }[] = [
    { name: 'a well-formed stream of 1 MB', input: `${big}}\n`, scan: { ends: [big.length + 1] }, pauses: 15 },
    { name: 'an error after 1 MB', input: `${big}\n---\n}`, scan: { error: "json: offset 1200016: invalid character '-' after object key:value pair" }, pauses: 30 },
  ];
  it.each(sliced)('scans $name a slice at a time', async ({ input, scan, pauses }) => {
    let paused = 0;
    expect(await scanJsonStreamSliced(input, async () => void paused++)).toEqual(scan);
    expect(scanJsonStream(input)).toEqual(scan);
    expect(paused).toBeGreaterThanOrEqual(pauses);
  });
});
