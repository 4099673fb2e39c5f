import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';

// Each line and what GNU bash 5.2 prints for it (stdout then stderr), recorded with `bash` on the same line.
const cases: { name: string; line: string; output: string }[] = [
  { name: 'an indexed array, sparse', line: 'a=(x y); a[3]=z; echo "${a[@]}" ${#a[@]} ${!a[@]}', output: 'x y z 3 0 1 3\n' },
  { name: 'a slice, a negative index and an element length', line: 'a=(x y z w); echo ${a[@]:1:2}; echo ${a[-1]} ${#a[1]}', output: 'y z\nw 1\n' },
  { name: '+= appends elements, quoted ones whole', line: 'a=(x); a+=(y "p q"); printf \'<%s>\' "${a[@]}"; echo', output: '<x><y><p q>\n' },
  { name: '"${a[*]}" joins with IFS', line: 'a=(x y); (IFS=,; echo "${a[*]}")', output: 'x,y\n' },
  { name: 'unset of one element', line: "a=(1 2 3); unset 'a[1]'; declare -p a", output: 'declare -a a=([0]="1" [2]="3")\n' },
  { name: 'an associative array', line: 'declare -A m=([k]=v); m[j]=w; echo ${m[k]} ${#m[@]} ${m[j]}', output: 'v 2 w\n' },
  { name: 'local arrays and scalars end with their function', line: 'f() { local -a q=(1 2); local v=in; echo ${q[1]} $v; }; v=out; f; echo $v', output: '2 in\nout\n' },
  { name: 'read -a splits at IFS', line: 'read -ra parts <<<"a b  c"; echo ${#parts[@]} ${parts[2]}', output: '3 c\n' },
  { name: 'mapfile -t takes lines', line: "mapfile -t lines <<<$'l1\\nl2'; declare -p lines", output: 'declare -a lines=([0]="l1" [1]="l2")\n' },
  {
    name: 'every base and operator',
    line: 'echo $((16#ff)) $((2#101)) $((0x10)) $((010)) $((5>3?1:0)) $((1,2)) $((7%3)) $((2**10)) $((~0)) $((1<<4))',
    output: '255 5 16 8 1 2 1 1024 -1 16\n',
  },
  { name: '++, += and -- on a variable', line: 'x=5; ((x++)); ((x+=2)); echo $x $((x--)) $x', output: '8 8 7\n' },
  { name: 'let evaluates each argument', line: 'let "y=3*4" "y++"; echo $y', output: '13\n' },
  { name: 'an arithmetic for loop', line: "for ((i=0; i<3; i++)); do printf '%s ' $i; done; echo", output: '0 1 2 \n' },
  { name: '[[ =~ ]] fills BASH_REMATCH', line: '[[ abc123 =~ ([a-z]+)([0-9]+) ]] && echo ${BASH_REMATCH[0]}', output: 'abc123\n' },
  { name: 'compgen -W filters by the word', line: 'compgen -W "pods poddisruptionbudgets services" -- po', output: 'pods\npoddisruptionbudgets\n' },
  { name: 'type -t names the kind', line: 'type -t compopt echo if', output: 'builtin\nbuiltin\nkeyword\n' },
  { name: 'printf -v with %q', line: "printf -v out '%q' 'a b'; echo \"$out\"", output: 'a\\ b\n' },
  { name: 'division by zero', line: 'echo $((1/0))', output: 'bash: 1/0: division by 0 (error token is "0")\n' },
  { name: 'a missing operand', line: 'echo $((1+))', output: 'bash: 1+: syntax error: operand expected (error token is "+")\n' },
  { name: 'a negative index past the start', line: 'a[-9]=1', output: 'bash: a[-9]: bad array subscript\n' },
  { name: 'compopt outside a completion function', line: 'compopt -o nospace', output: 'bash: compopt: not currently executing completion function\n' },
  { name: 'substrings and case transforms', line: 's=hello; echo ${s:1:3} ${s: -2} ${s@U}', output: 'ell lo HELLO\n' },
];

describe('arrays and arithmetic', () => {
  it.each(cases)('$name', async ({ line, output }) => {
    const session = await newSession();
    const { stdout, stderr } = await runLine(session, line);
    expect(stdout + stderr).toBe(output);
  });
});
