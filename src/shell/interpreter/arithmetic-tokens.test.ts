import { describe, expect, it } from 'vitest';
import { runToolLine } from '../../../tests/support/run-tool-line.ts';

// bash 5.2.15's answers: a character no operator starts with is an operand missing or an operator
// unknown, by where the parser meets it (expr.c readtok and its callers).
const cases: { name: string; line: string; out: string }[] = [
  { name: 'alone', line: 'echo $(( @ ))', out: 'bash: @ : syntax error: operand expected (error token is "@ ")\n' },
  { name: 'after a binary operator', line: 'echo $(( 1 + @ ))', out: 'bash: 1 + @ : syntax error: operand expected (error token is "@ ")\n' },
  { name: 'after ++', line: 'echo $(( ++@ ))', out: 'bash: ++@ : syntax error: operand expected (error token is "@ ")\n' },
  { name: 'after a number', line: 'echo $(( 1 @ ))', out: 'bash: 1 @ : syntax error: invalid arithmetic operator (error token is "@ ")\n' },
  { name: 'after a variable', line: 'echo $(( x @ 1 ))', out: 'bash: x @ 1 : syntax error: invalid arithmetic operator (error token is "@ 1 ")\n' },
  { name: 'after x++', line: 'echo $(( x++ @ ))', out: 'bash: x++ @ : syntax error: invalid arithmetic operator (error token is "@ ")\n' },
  { name: 'inside parentheses', line: 'echo $(( (1 @) ))', out: 'bash: (1 @) : syntax error: invalid arithmetic operator (error token is "@) ")\n' },
  { name: 'a quote from a substitution', line: `echo $(( $(echo "'") ))`, out: `bash: ' : syntax error: operand expected (error token is "' ")\n` },
];

describe('arithmetic with a character that is no operator', () => {
  it.each(cases)('reports it $name', async ({ line, out }) => {
    expect(await runToolLine(line)).toEqual({ out, code: 1 });
  });
});
