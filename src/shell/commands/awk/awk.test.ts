import { describe, expect, it } from 'vitest';
import { runToolLine } from '../../../../tests/support/run-tool-line.ts';

// Expected outputs recorded from mawk 1.3.4 20200120 (Ubuntu 22.04's awk) on the same lines, and from
// `busybox awk` (1.35) where a busybox image's awk answers otherwise (`busybox`). null: not recorded
// from busybox — Debian's build leaves out libm, which the Alpine images' busybox has, so cases using
// ^, sqrt and the like are mawk's only, as are -W (busybox ignores it and prints its usage) and a
// regex error (worded by the C library: glibc's here, musl's in the images), rand(), which
// busybox draws otherwise, and mawk's parse-time illegal references.
describe('awk answers as mawk, and in a busybox image as busybox awk', () => {
  const cases: { name: string; line: string; out: string; code?: number; busybox?: string | null }[] = [
    { name: 'BEGIN and END around the records', line: 'printf \'1\\n2\\n3\\n\' | awk \'BEGIN{print "start"} {s+=$1} END{print "sum", s}\'', out: 'start\nsum 6\n' },
    { name: 'a regex match on a field', line: "printf 'a1 x\\nb2 y\\n' | awk '$1 ~ /b/ {print $2}'", out: 'y\n' },
    { name: 'a negated match', line: "printf 'a\\nb\\n' | awk '$0 !~ /a/'", out: 'b\n' },
    { name: 'a range pattern', line: "printf 'a\\nSTART\\nb\\nEND\\nc\\n' | awk '/START/,/END/'", out: 'START\nb\nEND\n' },
    { name: 'arrays and for-in with a count', line: 'printf \'x\\ny\\nx\\n\' | awk \'{n[$1]++} END{print n["x"], n["y"], length(n)}\'', out: '2 1 2\n' },
    { name: 'printf with widths', line: 'awk \'BEGIN{printf "%-5s|%5.2f|%03d|%x|%c|%e\\n", "ab", 3.14159, 7, 255, 65, 1234.5}\'', out: 'ab   | 3.14|007|ff|A|1.234500e+03\n' },
    {
      name: 'if, else, while, do and for',
      line: 'awk \'BEGIN{for(i=0;i<3;i++) if (i%2) print i, "odd"; else print i, "even"; while (j<2) j++; do k++; while (k<5); print j, k}\'',
      out: '0 even\n1 odd\n2 even\n2 5\n',
    },
    { name: 'break and continue', line: 'awk \'BEGIN{for(i=1;i<=10;i++){ if(i==3) continue; if(i==6) break; printf "%d ", i}; print ""}\'', out: '1 2 4 5 \n' },
    { name: 'next skips the remaining rules', line: "printf 'a\\nb\\n' | awk '/a/{next} {print \"got\", $0}'", out: 'got b\n' },
    { name: 'exit runs END with the status', line: "printf 'a\\nb\\n' | awk '{print; exit 3} END{print \"end\"}'; echo $?", out: 'a\nend\n3\n' },
    { name: 'assigning a field rebuilds the record with OFS', line: 'echo \'a b c\' | awk \'BEGIN{OFS="-"} {$2="X"; print; print NF}\'', out: 'a-X-c\n3\n' },
    { name: 'assigning NF truncates the record', line: "echo 'a b c d' | awk '{NF=2; print; $5=\"e\"; print}'", out: 'a b\na b   e\n' },
    { name: 'assigning $0 splits again', line: "echo 'a b' | awk '{$0=\"x y z\"; print NF, $3}'", out: '3 z\n' },
    {
      name: 'string functions',
      line: 'awk \'BEGIN{s="Hello World"; print length(s), substr(s,7), substr(s,1,4), index(s,"o"), toupper(s), tolower(s)}\'',
      out: '11 World Hell 5 HELLO WORLD hello world\n',
    },
    { name: 'split into an array', line: 'awk \'BEGIN{n=split("a:b:c", parts, ":"); print n, parts[1], parts[3]; m=split("  x  y ", w); print m, w[2]}\'', out: '3 a c\n2 y\n' },
    { name: 'sub and gsub with &', line: 'echo \'foo bar foo\' | awk \'{gsub(/foo/, "[&]"); print; sub(/bar/, "\\\\&"); print}\'', out: '[foo] bar [foo]\n[foo] & [foo]\n' },
    {
      name: 'match sets RSTART and RLENGTH',
      line: 'awk \'BEGIN{print match("xxabbby", /ab+/), RSTART, RLENGTH; print match("x", /z/), RSTART, RLENGTH}\'',
      out: '3 3 4\n0 0 -1\n',
    },
    {
      name: 'sprintf and number output',
      line: 'awk \'BEGIN{x=sprintf("%05.1f", 2.25); print x, 1/3, 100/2, 2^31, 0.1+0.2, 1e6, 123456789}\'',
      out: '002.2 0.333333 50 2.14748e+09 0.3 1000000 123456789\n',
      busybox: null,
    },
    { name: 'OFMT and CONVFMT', line: 'awk \'BEGIN{OFMT="%.2f"; CONVFMT="%.3f"; x=3.14159; print x; y=x ""; print y; print 10}\'', out: '3.14\n3.142\n10\n' },
    { name: 'strnum comparison of fields', line: "printf '10 9\\nabc 9\\n' | awk '{print ($1 > $2)}'", out: '1\n1\n' },
    { name: 'string and number constants compare as strings', line: 'awk \'BEGIN{print ("10" < "9"), (10 < 9), ("a" < 1)}\'', out: '1 0 0\n' },
    {
      name: 'user functions with recursion and local arrays',
      line: "awk 'function fact(n) { return n <= 1 ? 1 : n * fact(n-1) } function fill(a, k) { a[k] = k * 2 } BEGIN { print fact(10); fill(arr, 3); print arr[3] }'",
      out: '3628800\n6\n',
    },
    { name: '-v and var=value operands', line: "printf 'x\\n' > f1; awk -v pre=P '{print pre, v, $0}' v=1 f1", out: 'P 1 x\n' },
    { name: 'FILENAME, FNR and NR across files', line: "printf 'a\\nb\\n' > f1; printf 'c\\n' > f2; awk '{print FILENAME, FNR, NR}' f1 f2", out: 'f1 1 1\nf1 2 2\nf2 1 3\n' },
    { name: '-F with a regex and a tab', line: "printf 'a1b22c\\n' | awk -F '[0-9]+' '{print $2, $3}'; printf 'x\\ty z\\n' | awk -F'\\t' '{print $2}'", out: 'b c\ny z\n' },
    { name: 'RS empty reads paragraphs', line: 'printf \'a\\nb\\n\\n\\nc\\n\' | awk \'BEGIN{RS=""} {print NR": "$1"/"$2}\'', out: '1: a/b\n2: c/\n' },
    {
      name: 'getline from a file and a command',
      line: 'printf \'l1\\nl2\\n\' > f1; awk \'BEGIN{while ((getline line < "f1") > 0) print "got", line; "echo hi" | getline x; print x}\'',
      out: 'got l1\ngot l2\nhi\n',
    },
    { name: 'a command read by getline streams: yes does not hang', line: 'awk \'BEGIN{"yes" | getline x; print x; "seq 3" | getline y; print y}\'', out: 'y\n1\n' },
    { name: 'plain getline reads the next record', line: "printf '1\\n2\\n3\\n' | awk '{getline; print}'", out: '2\n3\n' },
    { name: 'print to a file and close', line: 'awk \'BEGIN{print "one" > "out"; print "two" > "out"; close("out"); print "three" >> "out"}\'; cat out', out: 'one\ntwo\nthree\n' },
    { name: 'print to a pipe', line: 'printf \'b\\na\\n\' | awk \'{print | "sort"} END{close("sort"); print "done"}\'', out: 'a\nb\ndone\n' },
    { name: 'system runs a command', line: 'awk \'BEGIN{r = system("echo from system"); print r}\'', out: 'from system\n0\n' },
    {
      name: 'delete an element and a whole array',
      line: "awk 'BEGIN{a[1];a[2];a[3]; delete a[2]; print length(a), (2 in a), (1 in a); delete a; print length(a)}'",
      out: '2 0 1\n0\n',
    },
    { name: 'multi-dimensional subscripts', line: "awk 'BEGIN{a[1,2]=3; for (k in a) {split(k, p, SUBSEP); print p[1], p[2], a[k]}; print ((1,2) in a)}'", out: '1 2 3\n1\n' },
    { name: 'ENVIRON and ARGV', line: 'FOO=bar awk \'BEGIN{print ENVIRON["FOO"], ARGC, ARGV[0], ARGV[1]}\' x', out: 'bar 2 awk x\n' },
    {
      name: 'int and math',
      line: "awk 'BEGIN{print int(3.9), int(-3.9), sqrt(16), exp(0), log(1), atan2(0, -1), sin(0), cos(0)}'",
      out: '3 -3 4 1 0 3.14159 0 1\n',
      busybox: null,
    },
    { name: 'uninitialised variables', line: 'awk \'BEGIN{print x+0, "[" x "]", length(x); if (!x) print "empty"}\'', out: '0 [] 0\nempty\n' },
    { name: 'increment and assignment operators', line: "awk 'BEGIN{x=5; x+=2; x-=1; x*=3; x/=2; x%=5; x^=2; print x, x++, ++x, x--, x}'", out: '16 16 18 18 17\n', busybox: null },
    { name: 'concatenation and minus', line: 'awk \'BEGIN{a=1; b=2; print a " " b, a -b, a (-b)}\'', out: '1 2 -1 1-2\n' },
    {
      name: 'printf with too few arguments',
      line: 'awk \'BEGIN { printf "%d %d\\n", 1 }\'; echo $?',
      out: 'awk: run time error: not enough arguments passed to printf("%d %d\n")\n\tFILENAME="" FNR=0 NR=0\n1 2\n',
      busybox: '1 0\n0\n',
    },
    {
      name: 'a syntax error',
      line: "awk 'BEGIN { print 1 } }'; echo $?",
      out: "awk: line 1: extra '}'\nawk: line 1: syntax error at or near end of line\n2\n",
      busybox: 'awk: cmd. line:1: Unexpected token\n1\n',
    },
    { name: 'a missing brace', line: "echo a | awk '{print $1'; echo $?", out: 'awk: line 2: missing } near end of file\n2\n', busybox: 'awk: cmd. line:1: Unexpected token\n1\n' },
    {
      name: 'an unreadable operand',
      line: "awk '{print}' nosuch; echo $?",
      out: 'awk: cannot open nosuch (No such file or directory)\n2\n',
      busybox: 'awk: nosuch: No such file or directory\n1\n',
    },
    {
      name: '-W version',
      line: 'awk -W version',
      out: 'mawk 1.3.4 20200120\nCopyright 2008-2019,2020, Thomas E. Dickey\nCopyright 1991-1996,2014, Michael D. Brennan\n\nrandom-funcs:       srandom/random\nregex-funcs:        internal\ncompiled limits:\nsprintf buffer      8192\nmaximum-integer     2147483647\n',
      busybox: null,
    },
    { name: 'a program from -f', line: 'printf \'BEGIN { print "from file" }\\n\' > p.awk; awk -f p.awk', out: 'from file\n' },
    { name: 'printf %c of a string and %s with precision', line: 'awk \'BEGIN{printf "%c|%.2s|%5s|%-3d|\\n", "hello", "abcdef", "ab", 4}\'', out: 'h|ab|   ab|4  |\n' },
    { name: 'length without parentheses', line: "printf 'abc\\nde\\n' | awk '{print length}'", out: '3\n2\n' },
    { name: 'field beyond NF is empty', line: 'echo \'a b\' | awk \'{print "[" $5 "]", NF}\'', out: '[] 2\n' },
    { name: '$NF and $(NF-1)', line: "echo 'a b c' | awk '{print $NF, $(NF-1)}'", out: 'c b\n' },
    { name: 'the ternary and logical operators', line: 'awk \'BEGIN{print (1 && 0), (1 || 0), !1, (2 > 1 ? "yes" : "no")}\'', out: '0 1 0 yes\n' },
    { name: 'in operator on a missing key does not create it', line: 'awk \'BEGIN{if ("k" in a) print "yes"; print length(a); x = a["k"]; print length(a)}\'', out: '0\n1\n' },
    { name: 'division by zero prints inf', line: "awk 'BEGIN{print 1/0, -1/0}'", out: 'inf -inf\n', busybox: 'awk: cmd. line:1: Division by zero\n' },
    { name: 'nextfile-free uniq idiom', line: "printf 'a\\nb\\na\\n' | awk '!seen[$0]++'", out: 'a\nb\n' },
    { name: 'regex dynamic from a string', line: "printf 'abc\\nxyz\\n' | awk -v re='^x' '$0 ~ re'", out: 'xyz\n' },
    { name: 'printf to stderr', line: 'awk \'BEGIN{print "err" > "/dev/stderr"}\'', out: 'err\n' },
    {
      name: 'a built-in with the wrong number of arguments',
      line: 'awk \'BEGIN{print index("a")}\'; echo $?',
      out: 'awk: line 1: wrong number of arguments in call to index\n2\n',
      busybox: 'awk: cmd. line:1: Too few arguments\n1\n',
    },
    {
      name: 'a call to a function never defined',
      line: "awk 'BEGIN { f(1) }\nfunction g(){}'; echo $?",
      out: 'awk: line 3: function f never defined\n2\n',
      busybox: 'awk: cmd. line:1: Call to undefined function\n1\n',
    },
    { name: 'a scalar indexed later', line: "awk 'BEGIN{a=1; a[1]=2}'; echo $?", out: 'awk: line 1: illegal reference to variable a\n2\n', busybox: null },
    { name: 'an array used as a scalar', line: "awk 'BEGIN{a[1]=2; print a}'; echo $?", out: 'awk: line 1: illegal reference to array a\n2\n', busybox: null },
    { name: 'a scalar given to split', line: 'awk \'BEGIN{x=1; split("a b", x)}\'; echo $?', out: 'awk: line 1: illegal reference to variable x\n2\n', busybox: null },
    {
      name: 'a parameter used as a scalar then an array',
      line: "awk 'function f(a){a=1; a[1]=2}'; echo $?",
      out: 'awk: line 1: illegal reference to local variable a\n2\n',
      busybox: null,
    },
    {
      name: 'a parameter used as an array then a scalar',
      line: "awk 'function f(a){a[1]=1; a=2}'; echo $?",
      out: 'awk: line 1: illegal reference to local array a\n2\n',
      busybox: null,
    },
    { name: 'a for-in array assigned', line: "awk 'BEGIN{for (k in x) print; x=1}'; echo $?", out: 'awk: line 1: illegal reference to array x\n2\n', busybox: null },
    { name: 'an in array assigned', line: 'awk \'BEGIN{a["x"]; print (1 in a); a = 3}\'; echo $?', out: 'awk: line 1: illegal reference to array a\n2\n', busybox: null },
    { name: 'a function name assigned', line: "awk 'function f(){} BEGIN{f=1}'; echo $?", out: 'awk: line 1: syntax error at or near =\n2\n', busybox: null },
    {
      name: 'a function defined after its name was a variable',
      line: "awk 'BEGIN{f=1} function f(){}'; echo $?",
      out: 'awk: line 1: illegal reference to variable f\n2\n',
      busybox: null,
    },
    { name: 'length of an array split into', line: 'awk \'BEGIN{n=split("a b",a); print length(a), n}\'', out: '2 2\n' },
    {
      name: 'a runaway string',
      line: "awk 'BEGIN{print \"abc}'; echo $?",
      out: 'awk: line 1: runaway string constant "abc} ...\n2\n',
      busybox: 'awk: cmd. line:1: Unexpected end of string\n1\n',
    },
    {
      name: 'an invalid regex',
      line: "echo a | awk '/(/'; echo $?",
      out: "awk: line 1: regular expression compile failed (missing ')')\n(\n2\n",
      busybox: null,
    },
    { name: 'printf to a file then reading it back with getline', line: 'awk \'BEGIN{printf "%s-%d\\n", "a", 1 > "t"; close("t"); getline l < "t"; print l}\'', out: 'a-1\n' },
    {
      name: 'length, substr, index and match count bytes',
      line: 'awk \'BEGIN { print length("héllo"), substr("héllo", 2, 2), index("héllo", "l"); print match("héllo", /l+/), RSTART, RLENGTH }\'',
      out: '6 é 4\n4 4 2\n',
    },
    { name: '-Ft splits at the letter t', line: "echo atb | awk -Ft '{print $2}'", out: 'b\n' },
    { name: "srand(1) starts glibc random()'s sequence", line: "awk 'BEGIN{srand(1); print rand(), rand(), rand()}'", out: '0.840188 0.394383 0.783099\n', busybox: null },
    {
      name: 'srand truncates the seed and answers the previous one as given',
      line: "awk 'BEGIN{srand(1.7); print rand(); print srand(2147483648); print rand()}'",
      out: '0.840188\n1.7\n0.49624\n',
      busybox: null,
    },
    {
      name: 'srand holds a seed within a C int',
      line: "awk 'BEGIN{srand(-3e9); a = rand(); print srand(-2147483647); print (a == rand()), a}'",
      out: '-3e+09\n1 0.50376\n',
      busybox: null,
    },
    { name: 'srand of a field seeds as 0', line: "echo 12 | awk '{srand($1); print rand(), srand()}'", out: '0.840188 12\n', busybox: null },
    {
      name: 'substr rounding',
      line: 'awk \'BEGIN{print substr("hello", 2.5, 2) "|" substr("hello", -1, 3) "|" substr("hello", 1.5) "|" substr("hello", 0) "|" substr("hello", 4, 10)}\'',
      out: 'el|hell|hello|hello|lo\n',
      busybox: 'el|hel|hello|hello|lo\n',
    },
  ];
  it.each(cases)('$name', async ({ line, out, code }) => {
    expect(await runToolLine(line)).toEqual({ out, code: code ?? 0 });
  });
  it.each(cases.filter((c) => c.busybox !== null))('$name, in busybox', async ({ line, out, busybox }) => {
    expect((await runToolLine(line, { userland: 'busybox' })).out).toBe(busybox ?? out);
  });
});
