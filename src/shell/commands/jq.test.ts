import { describe, expect, it } from 'vitest';
import { runToolLine } from '../../../tests/support/run-tool-line.ts';

const POD =
  '{"kind":"Pod","metadata":{"name":"web","labels":{"app":"web","tier":"fe"}},"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"},{"name":"side","image":"busybox"}]}}\n';
const files = { '/root/pod.json': POD };

// Expected outputs recorded from jq on Debian; the error wordings are jq 1.7.1's.
describe('jq', () => {
  const cases: { name: string; line: string; out: string; code?: number }[] = [
    { name: 'a field', line: 'jq .metadata.name pod.json', out: '"web"\n' },
    { name: 'iterates an array', line: "jq '.spec.containers[].image' pod.json", out: '"nginx:1.27"\n"busybox"\n' },
    { name: 'keys, pretty printed', line: "jq '.metadata.labels|keys' pod.json", out: '[\n  "app",\n  "tier"\n]\n' },
    { name: 'select inside an array', line: 'jq \'[.spec.containers[]|select(.name=="side")|.image]\' pod.json', out: '[\n  "busybox"\n]\n' },
    { name: '-r prints raw strings', line: "cat pod.json | jq -r '.spec.containers[].name'", out: 'nginx\nside\n' },
    { name: '-c prints compact', line: 'jq -c .metadata pod.json', out: '{"name":"web","labels":{"app":"web","tier":"fe"}}\n' },
    { name: '--arg binds a variable', line: "jq --arg n web '.metadata.name==$n' pod.json", out: 'true\n' },
    { name: 'no filter from a pipe means .', line: 'echo \'{"a":1}\' | jq', out: '{\n  "a": 1\n}\n' },
    { name: 'a missing key is null', line: 'jq .a.b pod.json', out: 'null\n' },
    { name: '-e fails on null', line: "echo '[1,2]' | jq -e '.[5]'", out: 'null\n', code: 1 },
    { name: 'indexing a number', line: 'echo \'{"a":1}\' | jq .a.b', out: 'jq: error (at <stdin>:1): Cannot index number with string "b"\n', code: 5 },
    {
      name: 'a compile error',
      line: "jq '.[' pod.json",
      out: 'jq: error: syntax error, unexpected end of file (Unix shell quoting issues?) at <top-level>, line 1:\n.[ \njq: 1 compile error\n',
      code: 3,
    },
    { name: 'a missing file', line: 'jq . nofile', out: 'jq: error: Could not open file nofile: No such file or directory\n', code: 2 },
  ];
  it.each(cases)('$name', async ({ line, out, code = 0 }) => {
    expect(await runToolLine(`cd /root; ${line}`, { files })).toEqual({ out, code });
  });
});
