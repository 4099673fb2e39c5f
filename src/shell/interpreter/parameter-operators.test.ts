import { describe, expect, it } from 'vitest';
import { newSession, runLine } from '../../../tests/support/session.ts';

// Each line and what GNU bash 5.2 prints for it, recorded with `bash -c` on the same line.
const cases: { name: string; line: string; output: string }[] = [
  { name: 'replaces the first match', line: 'v="hello world hello"; echo "${v/hello/bye}"', output: 'bye world hello\n' },
  { name: 'replaces every match', line: 'v="hello world hello"; echo "${v//hello/bye}"', output: 'bye world bye\n' },
  { name: 'anchors the pattern at the start', line: 'v="hello world hello"; echo "${v/#hello/X}" "${v/#world/Z}"', output: 'X world hello hello world hello\n' },
  { name: 'anchors the pattern at the end', line: 'v="hello world hello"; echo "${v/%hello/Y}"', output: 'hello world Y\n' },
  { name: 'matches the longest text at the leftmost place', line: 'v="hello world hello"; echo "${v/l*o/_}" "${v//l?/_}"', output: 'he_ he_o wor_ he_o\n' },
  { name: 'deletes with an empty or missing replacement', line: 'v="hello world"; echo "${v//[eo]/}" "${v/hello}"', output: 'hll wrld  world\n' },
  { name: 'escapes a slash in the pattern', line: 'v=/a/b/c.txt; echo "${v//\\//_}"', output: '_a_b_c.txt\n' },
  { name: 'prepends and appends with an empty anchored pattern', line: 'v=abc; echo "${v/#/P}" "${v/%/S}"', output: 'Pabc abcS\n' },
  { name: 'puts the match where an unquoted & stands', line: 'v=abc; echo "${v/b/[&]}" "${v/b/\\&}"', output: 'a[b]c a&c\n' },
  { name: 'replaces in every element of an array', line: 'a=(one two three); echo "${a[@]/o/0}"', output: '0ne tw0 three\n' },
  { name: 'upper-cases the first or every character', line: 'w="abc DEF"; echo "${w^}|${w^^}|${w^^[a-b]}"', output: 'Abc DEF|ABC DEF|ABc DEF\n' },
  { name: 'lower-cases the first or every character', line: 'w="ABC def"; echo "${w,}|${w,,}|${w,,[AB]}"', output: 'aBC def|abc def|abC def\n' },
  { name: 'toggles case', line: 'v=Hello; echo "${v~~}|${v~}"', output: 'hELLO|hello\n' },
  { name: 'changes case in every element', line: 'a=(one two); echo "${a[@]^}" "${a[@]^^}"', output: 'One Two ONE TWO\n' },
  {
    name: 'takes substrings with negative offsets and lengths',
    line: 's=0123456789; echo "${s:3}|${s:3:2}|${s: -3}|${s: -3:2}|${s:2:-2}|${s: -4:-1}|${s:(-2)}"',
    output: '3456789|34|789|78|234567|678|89\n',
  },
  { name: 'gives nothing past the end', line: 's=Hello; echo "${s:1:100}|${s:10}|${s: -10}|"', output: 'ello|||\n' },
  { name: 'counts and slices an array', line: 'a=(x y z); echo "${#a[@]}|${#a[*]}|${a[@]:1}|${a[@]: -1}|${#a[1]}"', output: '3|3|y z|z|1\n' },
  {
    name: 'lists the names with a prefix',
    line: 'abc1=1 abc2=2 abd=3; echo "${!abc*}|${!abc@}"; for x in "${!abc@}"; do echo "[$x]"; done',
    output: 'abc1 abc2|abc1 abc2\n[abc1]\n[abc2]\n',
  },
  { name: 'expands a name indirectly', line: 'y=x; x=5; echo "${!y}"', output: '5\n' },
  { name: 'splits at a non-white IFS, keeping empty fields', line: 'IFS=:; x="a:b::c"; for i in $x; do echo "<$i>"; done', output: '<a>\n<b>\n<>\n<c>\n' },
  { name: 'merges white IFS around a non-white one', line: 'IFS=\' :\'; x=" a : b  ::c "; for i in $x; do echo "<$i>"; done', output: '<a>\n<b>\n<>\n<c>\n' },
  { name: 'keeps a leading empty field but not a trailing one', line: 'IFS=:; x=":a::"; set -- $x; echo "$#:$1:$2:$3"', output: '3::a:\n' },
  { name: 'joins split text to the word around it', line: 'IFS=:; x="a:"; set -- $x"b"; echo "$#:$1:$2"; set -- "q"$x; echo "$#:$1"', output: '2:a:b\n1:qa\n' },
  { name: 'does not split with an empty IFS', line: 'IFS=; x="p q"; set -- $x; echo "$#:$1"', output: '1:p q\n' },
  { name: 'splits at newlines only', line: "IFS=$'\\n'; x=$'l1 a\\nl2 b'; for i in $x; do echo \"<$i>\"; done", output: '<l1 a>\n<l2 b>\n' },
  { name: 'drops an expansion of only white space', line: 'x="  "; set -- $x; echo "$#"; set -- ""$x""; echo "$#"', output: '0\n2\n' },
  { name: 'reads fields at a custom IFS, the last taking the rest', line: 'IFS=, read -r a b c <<< "1,2,3,4"; echo "$a|$b|$c"', output: '1|2|3,4\n' },
  { name: 'reads the rest with its inner white space', line: 'read -r a b c <<< "  1  2  3 4  "; echo "$a|$b|$c|"', output: '1|2|3 4|\n' },
  {
    name: 'drops one trailing delimiter of the last field',
    line: 'for s in "1,2," "1,2,," "1,2 ," "1,2,3," "1, 2 , "; do IFS=, read -r a b <<< "$s"; echo "[$a][$b]"; IFS=\' ,\' read -r a b <<< "$s"; echo "w[$a][$b]"; done',
    output: '[1][2]\nw[1][2]\n[1][2,,]\nw[1][2,,]\n[1][2 ]\nw[1][2]\n[1][2,3,]\nw[1][2,3,]\n[1][ 2 , ]\nw[1][2]\n',
  },
  { name: 'keeps operator characters of an operand as text', line: 'v=abc; echo ${v/b/<&>} "${u:-a;b}" "${u:-$(echo hi | tr h H)}"', output: 'a<b>c a;b Hi\n' },
  {
    name: 'set takes operands after its options',
    line: 'set -euo pipefail; echo "$#"; set -o errexit a b; echo "$#:$1"; set - x y; echo "$#:$1"; set +e -- q; echo "$#:$1"',
    output: '0\n2:a\n2:x\n1:q\n',
  },
  { name: 'an indirect name that is unset', line: 'unset x; echo "${!x}"', output: 'bash: x: invalid indirect expansion\n' },
];

describe('parameter operators and field splitting', () => {
  it.each(cases)('$name', async ({ line, output }) => {
    const session = await newSession();
    const { stdout, stderr } = await runLine(session, line);
    expect(stdout + stderr).toBe(output);
  });
});
