import { describe, expect, it } from 'vitest';
import { runToolLine } from '../../../tests/support/run-tool-line.ts';
import type { Userland } from '../command.ts';

const run = (line: string, userland: Userland = 'gnu') => runToolLine(line, { userland });

const poison = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!';

// Each of these took JavaScript's backtracking RegExp minutes (issue 10); GNU answers at once.
describe('patterns that used to hang the shell', () => {
  it.each([
    { name: 'grep -E', line: `echo ${poison} | grep -E '(a+)+$'; echo $?`, out: '1\n' },
    { name: 'grep BRE', line: `echo ${poison} | grep '\\(a\\+\\)\\+$'; echo $?`, out: '1\n' },
    { name: 'grep -c over many lines', line: `for i in 1 2 3 4 5 6 7 8; do echo ${poison}; done | grep -cE '(a|aa)+$'; echo $?`, out: '0\n1\n' },
    { name: 'awk', line: `echo ${poison} | awk '/(a+)+$/'; echo $?`, out: '0\n' },
    { name: 'sed -E', line: `echo ${poison} | sed -E 's/(a+)+$/x/'`, out: `${poison}\n` },
    { name: 'sed -E when it matches', line: "echo aaaa | sed -E 's/(a+)+$/x/'", out: 'x\n' },
    { name: 'case', line: `case ${poison} in *a*a*a*a*a*a*a*a*a*b) echo y;; *) echo n;; esac`, out: 'n\n' },
    { name: '[[ == ]]', line: `[[ ${poison} == *a*a*a*a*a*a*a*a*a*b ]]; echo $?`, out: '1\n' },
    { name: '[[ =~ ]]', line: `[[ ${poison} =~ (a+)+$ ]]; echo $?`, out: '1\n' },
    { name: '${v%%pattern}', line: `v=${poison}; echo "\${v%%*a*a*a*a*a*b}"`, out: `${poison}\n` },
  ])('$name', async ({ line, out }) => {
    const started = Date.now();
    expect(await run(line)).toEqual({ out, code: 0 });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

// Recorded from GNU grep 3.11, sed 4.9, gawk 5.2 and bash 5.2; busybox wording from libbb's
// xregcomp around musl's regerror.
describe('invalid regular expressions', () => {
  it.each([
    { line: "echo a | grep -E '('", gnu: 'grep: Unmatched ( or \\(\n', busybox: "grep: bad regex '(': Missing ')'\n", code: 2 },
    { line: "echo a | grep 'a\\{1'", gnu: 'grep: Unmatched \\{\n', busybox: "grep: bad regex 'a\\{1': Missing '}'\n", code: 2 },
    { line: "echo a | grep '[[:alpah:]]'", gnu: 'grep: Invalid character class name\n', busybox: "grep: bad regex '[[:alpah:]]': Unknown character class name\n", code: 2 },
    { line: "echo a | sed 's/\\(/x/'", gnu: 'sed: -e expression #1, char 7: Unmatched ( or \\(\n', busybox: "sed: bad regex '\\(': Missing ')'\n", code: 1 },
    { line: "echo a | sed -E 's/a/b/;s/(/x/'", gnu: 'sed: -e expression #1, char 13: Unmatched ( or \\(\n', busybox: "sed: bad regex '(': Missing ')'\n", code: 1 },
    { line: "echo a | sed -e p -e 's/[a/x/'", gnu: 'sed: -e expression #2, char 7: Unmatched [, [^, [:, [., or [=\n', busybox: "sed: bad regex '[a': Missing ']'\n", code: 1 },
    // The host's awk is mawk 1.3.4, whose own regex compiler words it so.
    { line: "echo a | awk '/(/'", gnu: "awk: line 1: regular expression compile failed (missing ')')\n(\n", busybox: "awk: bad regex '(': Missing ')'\n", code: -1 },
  ])('$line', async ({ line, gnu, busybox, code }) => {
    expect(await run(line, 'gnu')).toEqual({ out: gnu, code: code < 0 ? 2 : code });
    expect(await run(line, 'busybox')).toEqual({ out: busybox, code: code < 0 ? 1 : code });
  });

  it.each([
    { line: "echo 'a1' | grep '\\d'", out: 'grep: warning: stray \\ before d\n' },
    { line: "echo 'a/b' | grep 'a\\/b'", out: 'grep: warning: stray \\ before /\na/b\n' },
    { line: "echo 'a b' | grep -E 'a\\ b'", out: 'grep: warning: stray \\ before white space\na b\n' },
    { line: "echo 'a.b' | grep -E '\\.\\(\\{\\}'; echo $?", out: '1\n' },
  ])('GNU grep warns of a stray backslash: $line', async ({ line, out }) => {
    expect((await run(line)).out).toBe(out);
  });

  it('does not stop the loop around the command', async () => {
    expect(await run('for p in \'(\' a; do echo a | grep -E "$p"; echo "status $?"; done')).toEqual({
      out: 'grep: Unmatched ( or \\(\nstatus 2\na\nstatus 0\n',
      code: 0,
    });
  });

  it('[[ =~ ]] with an invalid regex returns 2 and prints nothing', async () => {
    expect(await run("re='('; [[ a =~ $re ]]; echo $?")).toEqual({ out: '2\n', code: 0 });
  });
});

describe('POSIX semantics through the tools', () => {
  it.each([
    { name: 'grep -o takes the longest alternative', line: "echo abcd | grep -oE 'ab|abcd'", out: 'abcd\n' },
    { name: 'grep -o walks every match', line: "echo 'a1b22c333' | grep -o '[0-9]\\+'", out: '1\n22\n333\n' },
    { name: 'grep BRE keeps + literal', line: "printf 'a+b\\naab\\n' | grep 'a+b'", out: 'a+b\n' },
    { name: 'grep -w', line: "printf 'foo\\nfoobar\\nx foo-y\\n' | grep -w foo", out: 'foo\nx foo-y\n' },
    { name: 'grep -x', line: "printf 'ab\\nabc\\n' | grep -x 'ab\\|abc'", out: 'ab\nabc\n' },
    { name: 'grep -F', line: "printf 'a.b\\naxb\\n' | grep -F a.b", out: 'a.b\n' },
    { name: 'grep -e twice', line: "printf 'a\\nb\\nc\\n' | grep -e a -e c", out: 'a\nc\n' },
    { name: 'grep -i with a class', line: "printf 'ABC\\nxyz\\n' | grep -i '^[a-c]*$'", out: 'ABC\n' },
    { name: 'grep back-reference', line: "printf 'abab\\nabba\\n' | grep '\\(ab\\)\\1'", out: 'abab\n' },
    { name: 'sed s///g with an empty match', line: "echo abc | sed 's/x*/-/g'", out: '-a-b-c-\n' },
    { name: 'sed ^ with g replaces once', line: "echo aaa | sed 's/^a/x/g'", out: 'xaa\n' },
    { name: 'sed s///2', line: "echo 'hello world' | sed 's/o/0/2'", out: 'hello w0rld\n' },
    { name: 'sed groups and &', line: "echo 'key=value' | sed 's/\\([a-z]*\\)=\\(.*\\)/\\2 [&]/'", out: 'value [key=value]\n' },
    { name: 'sed s with an escaped backslash before the delimiter', line: "printf '%s\\n' 'a\\b/' | sed 's/\\\\/-/;s/b\\//c/'", out: 'a-c\n' },
    { name: 'sed address with an escaped slash', line: "printf 'a/b\\nab\\n' | sed -n '/a\\/b/p'", out: 'a/b\n' },
    { name: 'sed \\< \\>', line: "echo 'cat concat' | sed 's/\\<cat\\>/dog/g'", out: 'dog concat\n' },
    { name: 'awk with a class', line: "printf 'a1\\nbb\\n' | awk '/[[:digit:]]/'", out: 'a1\n' },
    { name: 'awk -F regex', line: "echo 'a1b22c' | awk -F '[0-9]+' '{print $2, $3}'", out: 'b c\n' },
    { name: '[[ =~ ]] with groups', line: '[[ v1.35 =~ ^v([0-9]+)\\.([0-9]+)$ ]]; echo $?', out: '0\n' },
    { name: '[[ =~ ]] sets BASH_REMATCH', line: '[[ "image: nginx:1.27" =~ [0-9.]+$ ]] && echo $BASH_REMATCH', out: '1.27\n' },
    { name: '[ = ] compares strings', line: "[ abc = 'a*' ]; echo $?; [ 'a*' == 'a*' ]; echo $?", out: '1\n0\n' },
    { name: '[ has no =~', line: '[ a =~ a ]; echo $?', out: 'bash: [: =~: binary operator expected\n2\n' },
    { name: '[[ == ]] and [[ != ]] match patterns', line: '[[ abc == a* ]]; echo $?; [[ abc != a* ]]; echo $?; [[ abc != b* ]]; echo $?', out: '0\n1\n0\n' },
    { name: 'trimming patterns', line: 'v=a/b/c; echo ${v#*/} ${v##*/} ${v%/*} ${v%%/*}', out: 'b/c c a/b a\n' },
  ])('$name', async ({ line, out }) => {
    expect((await run(line)).out).toBe(out);
  });
});
