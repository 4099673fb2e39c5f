import { describe, expect, it } from 'vitest';
import { runToolLine } from '../../../tests/support/run-tool-line.ts';

const run = (line: string) => runToolLine(line);

// Expected outputs recorded from GNU sed 4.9, mawk 1.3.4 and findutils xargs on Debian.
describe('sed, awk, xargs and yes', () => {
  const cases: { name: string; line: string; out: string; code?: number }[] = [
    { name: 'sed substitutes the first match', line: "printf 'a b\\nc d\\n' | sed 's/a/X/'", out: 'X b\nc d\n' },
    { name: 'sed keeps a ; inside the regex and splits commands at the others', line: "printf 'sleeeep 2;\\nx\\n' | sed 's/sleeeep 2;/sleep 2/; s/x/y/'", out: 'sleep 2\ny\n' },
    { name: 'sed keeps a ; that is the regex', line: "printf 'a;b\\n' | sed -e 's/;/-/g' -e '/b/s/a/A/'", out: 'A-b\n' },
    { name: 'sed -n prints matching lines', line: "printf 'aa\\nbb\\n' | sed -n '/b/p'", out: 'bb\n' },
    { name: 'sed -E keeps groups', line: "printf 'foo bar\\n' | sed -E 's/(o+) (b)/[\\2\\1]/g'", out: 'f[boo]ar\n' },
    { name: 'sed deletes a line by number', line: "printf 'l1\\nl2\\nl3\\n' | sed 2d", out: 'l1\nl3\n' },
    { name: 'sed -i edits a file in place', line: "echo 'image: v1' > f; sed -i 's/v1/v2/' f; cat f", out: 'image: v2\n' },
    { name: 'awk prints fields with -F', line: "printf 'a:b:c\\nd:e:f\\n' | awk -F: '{print $2, $NF}'", out: 'b c\ne f\n' },
    { name: 'awk splits on runs of blanks', line: "printf ' x  y\\n' | awk '{print $2}'", out: 'y\n' },
    { name: 'awk selects a record by NR', line: "printf 'a\\nb\\nc\\n' | awk 'NR==2'", out: 'b\n' },
    { name: 'xargs -n 1 runs once per word', line: 'echo a b c | xargs -n 1 echo', out: 'a\nb\nc\n' },
    // findutils' command buffer is 131,072 bytes: each argument and its NUL, the command's own included.
    { name: 'xargs fills a 128 KiB command line per run', line: "seq 100000 | xargs echo | awk '{print NF}'", out: '23695\n21844\n21844\n21844\n10773\n' },
    {
      name: 'xargs runs again one byte past the buffer',
      line: "(for i in $(seq 13106); do echo aaaaaaaaa; done; echo bbbbbbb) | xargs echo | awk '{print NF}'",
      out: '13106\n1\n',
    },
    { name: 'xargs counts UTF-8 bytes', line: "printf 'é %.0s' $(seq 70000) | xargs echo | awk '{print NF}'", out: '43689\n26311\n' },
    { name: 'yes feeds head', line: 'yes | head -n 2', out: 'y\ny\n' },
  ];
  // The xargs lines run a loop of 13,106 iterations or pipe 70,000 words: seconds on a busy machine.
  it.each(cases)(
    '$name',
    async ({ line, out, code }) => {
      expect(await run(line)).toEqual({ out, code: code ?? 0 });
    },
    60_000,
  );
});

// Expected outputs recorded from GNU grep 3.11.
describe('grep context lines and -m', () => {
  const text = "printf 'a\\nCommand:\\n  sleep\\n  4800\\nState: x\\nb\\nCommand:\\nc\\nd\\ne\\nf\\nCommand:\\n'";
  const cases: { name: string; line: string; out: string; code?: number }[] = [
    {
      name: '-A2 prints two lines after each match and -- between groups',
      line: `${text} | grep -A2 Command`,
      out: 'Command:\n  sleep\n  4800\n--\nCommand:\nc\nd\n--\nCommand:\n',
    },
    { name: '-A 1 -n marks context lines with -', line: `${text} | grep -A 1 -n Command`, out: '2:Command:\n3-  sleep\n--\n7:Command:\n8-c\n--\n12:Command:\n' },
    { name: '-B1 prints the line before', line: `${text} | grep -B1 State`, out: '  4800\nState: x\n' },
    { name: '-C1 prints both sides', line: `${text} | grep -C1 b`, out: 'State: x\nb\nCommand:\n' },
    { name: '-c ignores context', line: `${text} | grep -c -A1 Command`, out: '3\n' },
    { name: '-m 2 stops after two matches', line: "printf 'a\\nLogin 1\\nb\\nLogin 2\\nc\\nLogin 3\\n' | grep -m 2 Login", out: 'Login 1\nLogin 2\n' },
    { name: '-m1 -A1 still prints the trailing context', line: "printf 'a\\nLogin 1\\nb\\nLogin 2\\n' | grep -m1 -A1 Login", out: 'Login 1\nb\n' },
    { name: '-c -m2 counts at most two', line: "printf 'Login 1\\nLogin 2\\nLogin 3\\n' | grep -c -m2 Login", out: '2\n' },
    { name: 'a context length that is not a number', line: `${text} | grep -A x Command`, out: 'grep: x: invalid context length argument\n', code: 2 },
  ];
  it.each(cases)('$name', async ({ line, out, code }) => {
    expect(await run(line)).toEqual({ out, code: code ?? 0 });
  });
});

// Expected outputs recorded from GNU coreutils 9.1 base64.
describe('base64 wrapping', () => {
  const cases: { name: string; line: string; out: string }[] = [
    { name: 'empty input prints nothing', line: "printf '' | base64 | wc -c", out: '0\n' },
    { name: 'wrapped output ends with a newline', line: 'printf abcdefgh | base64 -w 4', out: 'YWJj\nZGVm\nZ2g=\n' },
    { name: '-w0 prints no newline', line: 'printf a | base64 -w0; echo .', out: 'YQ==.\n' },
    { name: '--wrap=2', line: 'printf abc | base64 --wrap=2', out: 'YW\nJj\n' },
  ];
  it.each(cases)('$name', async ({ line, out }) => {
    expect(await run(line)).toEqual({ out, code: 0 });
  });
});
