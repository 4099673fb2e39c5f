import { describe, expect, it } from 'vitest';
import { runToolLine } from '../../../tests/support/run-tool-line.ts';

// Recorded from GNU coreutils 9.1 expr (LANG=C.UTF-8) and busybox 1.35 expr; busybox's regex
// reason is musl's, as in the Alpine images (regex-failure.ts).
describe('expr', () => {
  const cases: { name: string; line: string; gnu: string; busybox: string }[] = [
    { name: 'adds', line: 'expr 1 + 2', gnu: '3\n', busybox: '3\n' },
    { name: 'multiplies before adding', line: 'expr 2 + 3 \\* 4', gnu: '14\n', busybox: '14\n' },
    { name: 'groups with parentheses', line: 'expr \\( 2 + 3 \\) \\* 4', gnu: '20\n', busybox: '20\n' },
    { name: "divides toward zero and keeps the dividend's sign in %", line: 'expr -7 / 2; expr -5 % 3', gnu: '-3\n-2\n', busybox: '-3\n-2\n' },
    { name: 'counts characters with length', line: 'expr length hello', gnu: '5\n', busybox: '5\n' },
    { name: 'takes a substring', line: 'expr substr hello 2 3', gnu: 'ell\n', busybox: 'ell\n' },
    { name: 'a substring starting at 0 is empty', line: 'expr substr hello 0 2; echo $?', gnu: '\n1\n', busybox: '\n1\n' },
    { name: 'finds the first of a set of characters', line: 'expr index hello lo', gnu: '3\n', busybox: '3\n' },
    { name: 'matches a BRE anchored at the start', line: "expr abcdef : 'ab.*'; expr abcdef : 'b'; echo $?", gnu: '6\n0\n1\n', busybox: '6\n0\n1\n' },
    { name: 'returns the first group of a match', line: "expr kube-proxy-x7 : '\\(.*\\)-[a-z0-9]*$'", gnu: 'kube-proxy\n', busybox: 'kube-proxy\n' },
    { name: 'match keyword', line: 'expr match abc a.c', gnu: '3\n', busybox: '3\n' },
    { name: 'compares integers numerically and strings as text', line: 'expr 3 \\< 10; expr a \\< b; expr 10 = 010', gnu: '1\n1\n1\n', busybox: '1\n1\n1\n' },
    { name: '| returns the first non-null', line: "expr 0 \\| 5; expr '' \\| 0; echo $?", gnu: '5\n0\n1\n', busybox: '5\n0\n1\n' },
    { name: '& returns the left when both are non-null', line: 'expr 4 \\& 5; expr 1 \\& 0; echo $?', gnu: '4\n0\n1\n', busybox: '4\n0\n1\n' },
    { name: 'integers are arbitrary precision', line: 'expr 9223372036854775807 + 1', gnu: '9223372036854775808\n', busybox: '-9223372036854775808\n' },
    { name: '+ quotes a keyword', line: 'expr + length', gnu: 'length\n', busybox: 'expr: syntax error\n' },
    { name: 'a null result exits 1', line: 'expr 00; echo $?', gnu: '00\n1\n', busybox: '00\n0\n' },
    { name: 'a non-integer argument', line: 'expr a + 1; echo $?', gnu: 'expr: non-integer argument\n2\n', busybox: 'expr: non-numeric argument\n2\n' },
    { name: 'division by zero', line: 'expr 5 / 0; echo $?', gnu: 'expr: division by zero\n2\n', busybox: 'expr: division by zero\n2\n' },
    { name: 'a missing argument', line: 'expr 1 +; echo $?', gnu: 'expr: syntax error: missing argument after \u2018+\u2019\n2\n', busybox: 'expr: syntax error\n2\n' },
    { name: 'an unexpected argument', line: 'expr 1 2; echo $?', gnu: 'expr: syntax error: unexpected argument \u20182\u2019\n2\n', busybox: 'expr: syntax error\n2\n' },
    { name: 'an unclosed parenthesis', line: 'expr \\( 1; echo $?', gnu: "expr: syntax error: expecting ')' after \u20181\u2019\n2\n", busybox: 'expr: syntax error\n2\n' },
    { name: 'a parenthesis where a value belongs', line: 'expr \\); echo $?', gnu: "expr: syntax error: unexpected ')'\n2\n", busybox: 'expr: syntax error\n2\n' },
    { name: 'no operand', line: 'expr; echo $?', gnu: "expr: missing operand\nTry 'expr --help' for more information.\n2\n", busybox: 'expr: too few arguments\n2\n' },
    { name: 'an invalid regex', line: "expr abc : '\\('; echo $?", gnu: 'expr: Unmatched ( or \\(\n2\n', busybox: "expr: bad regex '\\(': Missing ')'\n2\n" },
    { name: '-- ends the options', line: 'expr -- 5', gnu: '5\n', busybox: 'expr: syntax error\n' },
  ];
  it.each(cases)('$name', async ({ line, gnu, busybox }) => {
    expect((await runToolLine(line)).out).toBe(gnu);
    expect((await runToolLine(line, { userland: 'busybox' })).out).toBe(busybox);
  });
});
