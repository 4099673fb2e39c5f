import { describe, expect, it } from 'vitest';
import { PosixRegex, type RegexDialect } from './posix-regex.ts';
import { RegexBudgetError, RegexSyntaxError } from './regex-syntax-error.ts';

/** The match as grep -o would show it: the matched text, or null. */
function firstMatch(pattern: string, dialect: RegexDialect, text: string, ignoreCase = false): string | null {
  return PosixRegex.compile(pattern, dialect, { ignoreCase }).exec(text)?.groups[0] ?? null;
}

// Expected values follow glibc regexec (GNU grep 3.11, sed 4.9) on the same pattern and text.
describe('POSIX matching semantics', () => {
  it.each([
    { name: 'leftmost-longest alternation picks the longer branch', pattern: 'ab|abcd', dialect: 'grep-extended', text: 'xabcd', want: 'abcd' },
    { name: 'leftmost wins over longer later matches', pattern: 'b+|a', dialect: 'grep-extended', text: 'abbb', want: 'a' },
    { name: 'longest among nested alternatives', pattern: '(a|ab)(c|bcd)', dialect: 'grep-extended', text: 'abcd', want: 'abcd' },
    { name: 'BRE: bare + ? | { are ordinary', pattern: 'a+b?c|d{2}', dialect: 'grep', text: 'xa+b?c|d{2}', want: 'a+b?c|d{2}' },
    { name: 'BRE: GNU \\+ \\? \\| are operators', pattern: 'a\\+b\\?\\|z', dialect: 'grep', text: 'xaaab', want: 'aaab' },
    { name: 'BRE: \\{m,n\\} interval', pattern: 'a\\{2,3\\}', dialect: 'grep', text: 'aaaa', want: 'aaa' },
    { name: 'ERE: {,n} means {0,n}', pattern: 'a{,2}', dialect: 'grep-extended', text: 'aaa', want: 'aa' },
    { name: 'ERE: \\( is an ordinary parenthesis', pattern: '\\(x\\)', dialect: 'grep-extended', text: 'f(x)', want: '(x)' },
    { name: 'grep -E: a { that starts no interval is ordinary', pattern: 'a{1', dialect: 'grep-extended', text: 'a{1', want: 'a{1' },
    { name: 'BRE: leading * is ordinary', pattern: '*a', dialect: 'grep', text: 'b*a', want: '*a' },
    { name: 'BRE: * after ^ is ordinary', pattern: '^*a', dialect: 'grep', text: '*a', want: '*a' },
    { name: 'grep -E: leading * is skipped', pattern: '*a', dialect: 'grep-extended', text: 'ba', want: 'a' },
    { name: 'awk: leading * is ordinary', pattern: '*a', dialect: 'awk', text: 'b*a', want: '*a' },
    { name: 'BRE: ^ not at the start is ordinary', pattern: 'a^b', dialect: 'grep', text: 'a^b', want: 'a^b' },
    { name: 'BRE: $ not at the end is ordinary', pattern: 'a$b', dialect: 'grep', text: 'a$b', want: 'a$b' },
    { name: 'BRE: ^ after \\( anchors', pattern: '\\(^a\\)', dialect: 'grep', text: 'ba', want: null },
    { name: 'ERE: ^ in the middle never matches', pattern: 'a^b', dialect: 'grep-extended', text: 'a^b', want: null },
    { name: '$ anchors at the end', pattern: 'b$', dialect: 'grep', text: 'abb', want: 'b' },
    { name: 'bracket with ] first', pattern: '[]x]*', dialect: 'grep', text: ']x]a', want: ']x]' },
    { name: 'negated bracket with a range', pattern: '[^a-c]*', dialect: 'grep', text: 'xyzabc', want: 'xyz' },
    { name: 'character classes', pattern: '[[:digit:][:upper:]]\\+', dialect: 'grep', text: 'ab1C2d', want: '1C2' },
    { name: 'a dash at the end of a bracket is ordinary', pattern: '[a-]*', dialect: 'grep', text: 'a-a-b', want: 'a-a-' },
    { name: '. matches any character', pattern: 'a.c', dialect: 'grep', text: 'a+c', want: 'a+c' },
    { name: '\\w and \\W', pattern: '\\w\\+\\W', dialect: 'grep', text: '  foo_1: x', want: 'foo_1:' },
    { name: '\\s and \\S', pattern: '\\S\\s\\S', dialect: 'grep', text: 'ab\tc', want: 'b\tc' },
    { name: '\\< and \\> bound a word', pattern: '\\<in\\>', dialect: 'grep', text: 'inside in', want: 'in' },
    { name: '\\b is a word boundary', pattern: '\\bfoo', dialect: 'grep', text: 'afoo foo', want: 'foo' },
    { name: '\\B is not a boundary', pattern: 'o\\B.', dialect: 'grep', text: 'o. oo', want: 'oo' },
    { name: 'awk: \\y is the boundary', pattern: '\\yab\\y', dialect: 'awk', text: 'cab ab', want: 'ab' },
    { name: 'sed: \\t is a tab', pattern: 'a\\tb', dialect: 'sed', text: 'a\tb', want: 'a\tb' },
    { name: 'grep: \\t is a t', pattern: 'a\\tb', dialect: 'grep', text: 'atb', want: 'atb' },
    { name: 'back-reference in BRE: leftmost, even if empty', pattern: '\\([a-z]*\\) \\1', dialect: 'grep', text: 'say hello hello', want: ' ' },
    { name: 'back-reference in BRE', pattern: '\\([a-z]*\\) \\1', dialect: 'grep', text: 'hello hello', want: 'hello hello' },
    { name: 'back-reference in ERE', pattern: '(ab)+c\\1', dialect: 'grep-extended', text: 'xababcab', want: 'ababcab' },
    { name: 'back-reference, longest overall', pattern: '\\(a*\\)b\\1', dialect: 'grep', text: 'aabaaa', want: 'aabaa' },
    { name: 'an empty pattern matches the empty string', pattern: '', dialect: 'grep', text: 'abc', want: '' },
  ] as { name: string; pattern: string; dialect: RegexDialect; text: string; want: string | null }[])('$name', ({ pattern, dialect, text, want }) => {
    expect(firstMatch(pattern, dialect, text)).toBe(want);
  });

  it.each([
    { name: 'literal', pattern: 'HeLLo', text: 'say hello', want: 'hello' },
    { name: 'bracket', pattern: '[A-C]\\+', text: 'xabC', want: 'abC' },
    { name: 'back-reference', pattern: '\\(a\\)\\1', text: 'aA', want: 'aA' },
  ])('-i: $name', ({ pattern, text, want }) => {
    expect(firstMatch(pattern, 'grep', text, true)).toBe(want);
  });

  it('reports submatches, undefined for a group that took no part', () => {
    expect(PosixRegex.compile('(a)|(b)', 'sed-extended').exec('b')).toEqual({ start: 0, end: 1, groups: ['b', undefined, 'b'] });
  });

  it('walks matches as s///g does: no empty match right after a match', () => {
    const starts = [...PosixRegex.compile('x*', 'sed').matchAll('axxb')].map((m) => `${m.start}-${m.end}`);
    expect(starts).toEqual(['0-0', '1-3', '4-4']);
  });

  it('keeps ^ at the start of the text when searching from further in', () => {
    expect([...PosixRegex.compile('^a', 'sed').matchAll('aaa')].length).toBe(1);
  });
});

describe('invalid patterns', () => {
  it.each([
    { pattern: '(', dialect: 'grep-extended', gnu: 'Unmatched ( or \\(', musl: "Missing ')'" },
    { pattern: '\\(', dialect: 'grep', gnu: 'Unmatched ( or \\(', musl: "Missing ')'" },
    { pattern: ')', dialect: 'grep-extended', gnu: 'Unmatched ) or \\)', musl: "Missing ')'" },
    { pattern: '\\)', dialect: 'sed', gnu: 'Unmatched ) or \\)', musl: "Missing ')'" },
    { pattern: '[a', dialect: 'grep', gnu: 'Unmatched [, [^, [:, [., or [=', musl: "Missing ']'" },
    { pattern: '[[:alpah:]]', dialect: 'grep', gnu: 'Invalid character class name', musl: 'Unknown character class name' },
    { pattern: '[:space:]', dialect: 'grep', gnu: 'character class syntax is [[:space:]], not [:space:]', musl: 'character class syntax is [[:space:]], not [:space:]' },
    { pattern: 'a\\', dialect: 'grep', gnu: 'Trailing backslash', musl: 'Trailing backslash' },
    { pattern: '\\(a\\)\\2', dialect: 'grep', gnu: 'Invalid back reference', musl: 'Invalid back reference' },
    { pattern: '[z-a]', dialect: 'grep', gnu: 'Invalid range end', musl: 'Invalid character range' },
    { pattern: 'a\\{1', dialect: 'sed', gnu: 'Unmatched \\{', musl: "Missing '}'" },
    { pattern: 'a\\{x\\}', dialect: 'sed', gnu: 'Invalid content of \\{\\}', musl: 'Invalid contents of {}' },
    { pattern: 'a{2,1}', dialect: 'sed-extended', gnu: 'Invalid content of \\{\\}', musl: 'Invalid contents of {}' },
    { pattern: '*a', dialect: 'sed-extended', gnu: 'Invalid preceding regular expression', musl: 'Repetition not preceded by valid expression' },
    { pattern: 'a{40000}', dialect: 'grep-extended', gnu: 'Regular expression too big', musl: 'Out of memory' },
  ] as { pattern: string; dialect: RegexDialect; gnu: string; musl: string }[])('$dialect $pattern', ({ pattern, dialect, gnu, musl }) => {
    let caught: unknown;
    try {
      PosixRegex.compile(pattern, dialect);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RegexSyntaxError);
    expect([(caught as RegexSyntaxError).gnuMessage, (caught as RegexSyntaxError).muslMessage]).toEqual([gnu, musl]);
  });

  it('bash leaves an unmatched ) ordinary', () => {
    expect(PosixRegex.compile('a)', 'bash').test('a)')).toBe(true);
  });
});

describe('patterns that backtracking engines take exponential time on', () => {
  const line = `${'a'.repeat(32)}!`;
  it.each([
    { pattern: '(a+)+$', dialect: 'grep-extended' },
    { pattern: '^(a|a)*$', dialect: 'grep-extended' },
    { pattern: '(a*)*b', dialect: 'awk' },
    { pattern: '\\(a\\+\\)\\+$', dialect: 'grep' },
    { pattern: '(.*a){20}$', dialect: 'sed-extended' },
  ] as { pattern: string; dialect: RegexDialect }[])('$pattern answers at once', ({ pattern, dialect }) => {
    const re = PosixRegex.compile(pattern, dialect);
    const started = Date.now();
    expect(re.test(line.repeat(100))).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('a back-reference pattern that explodes stops at the step budget', () => {
    const re = PosixRegex.compile('\\(a*\\)*b\\1', 'grep');
    const started = Date.now();
    expect(() => re.test('a'.repeat(40))).toThrow(RegexBudgetError);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
