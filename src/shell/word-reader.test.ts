import { describe, expect, it } from 'vitest';
import { runToolLine } from '../../tests/support/run-tool-line.ts';

// Each answer is bash 5.2.15's for the same line.
const cases: { name: string; line: string; out: string; code: number }[] = [
  { name: 'a subshell piped inside $( )', line: 'x=$(( echo "a b" ) | cat); echo "[$x]"', out: '[a b]\n', code: 0 },
  { name: 'subshells ending in ))', line: 'echo $((echo a) | (cat))', out: 'a\n', code: 0 },
  { name: 'a subshell whose ) is quoted', line: 'x=$(( echo ")" ) ); echo "[$x]"', out: '[)]\n', code: 0 },
  { name: 'a quoted subshell substitution', line: 'echo "$(( echo "a" ) )"', out: 'a\n', code: 0 },
  { name: 'arithmetic with nested parentheses', line: 'echo $((1+(2*3))) $(( (1+2) ))', out: '7 3\n', code: 0 },
  { name: 'arithmetic with quoted operands', line: 'echo $(( "1" + 2 ))', out: '3\n', code: 0 },
  { name: 'an unclosed arithmetic expansion', line: 'echo $((1)) $((2', out: "bash: unexpected EOF while looking for matching `)'\n", code: 2 },
];

describe('$(( read as arithmetic or as a command substitution', () => {
  it.each(cases)('reads $name', async ({ line, out, code }) => {
    expect(await runToolLine(line)).toEqual({ out, code });
  });

  // The fuzz's shell-lines seed 7002 input 553 held such a line; quotes of a nested $( ) once escaped as "bash: internal error".
  it('keeps the quotes of a command substitution inside arithmetic', async () => {
    expect(await runToolLine(`echo $(( $(echo "'") ))`)).toEqual({ out: `bash: ' : syntax error: operand expected (error token is "' ")\n`, code: 1 });
  });
});
