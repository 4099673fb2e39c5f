import { describe, expect, it } from 'vitest';
import { runToolLine } from '../../../tests/support/run-tool-line.ts';

// bash 5.2.15's answers: a variable's value is evaluated one expression deeper (expr.c evalexp), and
// the 1025th expression is refused, naming the 1024th and where its variable starts.
const cases: { name: string; line: string; out: string }[] = [
  { name: 'a variable naming itself', line: 'x=x; echo $((x+1))', out: 'bash: x: expression recursion level exceeded (error token is "x")\n' },
  { name: 'two variables naming each other', line: 'y=z z=y; echo $((y))', out: 'bash: z: expression recursion level exceeded (error token is "z")\n' },
  { name: 'a cycle of three sums', line: "a='b+1' b='c+1' c='a+1'; echo $((a))", out: 'bash: a+1: expression recursion level exceeded (error token is "a+1")\n' },
  { name: 'a cycle entered from a longer expression', line: "a=b b='c*2' c=a; echo $((a+3))", out: 'bash: a: expression recursion level exceeded (error token is "a")\n' },
  { name: 'the variable inside parentheses', line: "x='(x)'; echo $((x))", out: 'bash: (x): expression recursion level exceeded (error token is "x)")\n' },
  { name: 'through an array element', line: "i='j[1]' j[1]=i; echo $((i))", out: 'bash: j[1]: expression recursion level exceeded (error token is "j[1]")\n' },
  { name: 'in an arithmetic command', line: "x='1+x'; ((x)); echo $?", out: 'bash: ((: 1+x: expression recursion level exceeded (error token is "x")\n1\n' },
  { name: 'a chain that ends in a number', line: 'p=q q=r r=5; echo $((p+1))', out: '6\n' },
];

describe('arithmetic recursion through variables', () => {
  it.each(cases)('answers $name as bash does', async ({ line, out }) => {
    expect((await runToolLine(line)).out).toBe(out);
  });

  it('refuses a chain of distinct variables past the limit without a JavaScript error', async () => {
    const chain = Array.from({ length: 1100 }, (_, i) => `v${i}=v${i + 1}`).join(' ');
    const { out } = await runToolLine(`${chain}; echo $((v0))`);
    expect(out).toMatch(/^bash: v\d+: expression recursion level exceeded \(error token is "v\d+"\)\n$/);
  });
});
