/**
 * POSIX regular expressions with GNU semantics on a matcher that cannot backtrack: patterns are
 * parsed here (so errors carry the C library's wording and BRE/ERE rules hold exactly), written in
 * RE2 syntax and run by re2js in leftmost-longest mode, in time linear in the input. Only patterns
 * with back-references, which no automaton can match, go to the budgeted BackreferenceMatcher.
 *
 * Deliberate deviation: submatch boundaries follow RE2's leftmost-longest rules rather than
 * POSIX's subexpression-by-subexpression maximisation; they differ only for ambiguous groups such
 * as `\(a*\)*`.
 */
import { RE2JS } from 're2js';
import { BackreferenceMatcher, type Spans } from './backreference-matcher.ts';
import { parsePosixRegex, type RegexSyntax } from './posix-parser.ts';
import type { ParsedRegex } from './regex-ast.ts';
import { toRe2Source } from './re2-translation.ts';
import { RegexSyntaxError } from './regex-syntax-error.ts';

/** Which program's regex syntax: each sets glibc's syntax bits as the program does. */
export type RegexDialect = 'grep' | 'grep-extended' | 'sed' | 'sed-extended' | 'awk' | 'bash';

// Models grep's RE_SYNTAX_GREP / RE_SYNTAX_EGREP, sed's RE_SYNTAX_POSIX_BASIC / _EXTENDED,
// gawk's RE_SYNTAX_GNU_AWK and bash's regcomp(REG_EXTENDED).
const SYNTAX: Record<RegexDialect, RegexSyntax> = {
  grep: {
    extended: false,
    leadingRepeat: 'literal',
    invalidIntervalIsLiteral: false,
    unmatchedRightParenIsLiteral: false,
    rejectBareClass: true,
    warnStrayBackslash: true,
    escapes: 'none',
  },
  'grep-extended': {
    extended: true,
    leadingRepeat: 'ignore',
    invalidIntervalIsLiteral: true,
    unmatchedRightParenIsLiteral: false,
    rejectBareClass: true,
    warnStrayBackslash: true,
    escapes: 'none',
  },
  sed: {
    extended: false,
    leadingRepeat: 'literal',
    invalidIntervalIsLiteral: false,
    unmatchedRightParenIsLiteral: false,
    rejectBareClass: true,
    warnStrayBackslash: false,
    escapes: 'sed',
  },
  'sed-extended': {
    extended: true,
    leadingRepeat: 'error',
    invalidIntervalIsLiteral: false,
    unmatchedRightParenIsLiteral: false,
    rejectBareClass: true,
    warnStrayBackslash: false,
    escapes: 'sed',
  },
  awk: {
    extended: true,
    leadingRepeat: 'literal',
    invalidIntervalIsLiteral: true,
    unmatchedRightParenIsLiteral: false,
    rejectBareClass: false,
    warnStrayBackslash: false,
    escapes: 'awk',
  },
  bash: {
    extended: true,
    leadingRepeat: 'error',
    invalidIntervalIsLiteral: false,
    unmatchedRightParenIsLiteral: true,
    rejectBareClass: false,
    warnStrayBackslash: false,
    escapes: 'none',
  },
};

export interface RegexMatch {
  start: number;
  end: number;
  /** Group 0 is the whole match; a group that took no part is undefined. */
  groups: (string | undefined)[];
}

export interface PosixRegexOptions {
  ignoreCase?: boolean;
}

export class PosixRegex {
  readonly groupCount: number;
  /** Warnings GNU grep prints while compiling the pattern (`stray \ before d`). */
  readonly warnings: readonly string[];
  #re2: RE2JS | undefined;
  #source = '';
  #flags = 0;
  /** The same program without longest-match mode: whether there is a match does not depend on it. */
  readonly #re2Test: RE2JS | undefined;
  readonly #backtracking: BackreferenceMatcher | undefined;

  private constructor(parsed: ParsedRegex, ignoreCase: boolean) {
    this.groupCount = parsed.groupCount;
    this.warnings = parsed.warnings;
    if (parsed.hasBackreference) {
      this.#backtracking = new BackreferenceMatcher(parsed, ignoreCase);
      return;
    }
    const source = toRe2Source(parsed.root);
    // Look-behinds (only `\<` and `\>` need them) and longest-match mode each slow re2js down.
    const flags = RE2JS.DOTALL | (source.includes('(?<') ? RE2JS.LOOKBEHINDS : 0) | (ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
    this.#source = source;
    this.#flags = flags;
    try {
      this.#re2Test = RE2JS.compile(source, flags);
    } catch {
      // RE2 caps a repeat count at 1000 and a program's size; glibc stops at 32767.
      throw new RegexSyntaxError('ESIZE');
    }
  }

  /** Compiles `pattern`; throws RegexSyntaxError with the C library's reason when it is not valid. */
  static compile(pattern: string, dialect: RegexDialect, options: PosixRegexOptions = {}): PosixRegex {
    return new PosixRegex(parsePosixRegex(pattern, SYNTAX[dialect]), options.ignoreCase ?? false);
  }

  /** The leftmost-longest match starting at or after `from`; `^` and `\<` still see the text before it. */
  exec(text: string, from = 0): RegexMatch | null {
    if (from > text.length) return null;
    let spans: Spans | null;
    if (this.#backtracking) spans = this.#backtracking.exec(text, from);
    else {
      // Most lines hold no match at all, and the plain program says so fastest.
      if (from === 0 && !this.#re2Test!.test(text)) return null;
      // Compiled on first use: tests alone never need the longest-match program.
      this.#re2 ??= RE2JS.compile(this.#source, this.#flags | RE2JS.LONGEST_MATCH);
      const matcher = this.#re2.matcher(text);
      if (!matcher.find(from)) return null;
      spans = [];
      for (let g = 0; g <= this.groupCount; g++) {
        const start = matcher.start(g);
        spans.push(start < 0 ? undefined : [start, matcher.end(g)]);
      }
    }
    if (!spans) return null;
    const [start, end] = spans[0]!;
    return { start, end, groups: spans.map((span) => (span ? text.slice(span[0], span[1]) : undefined)) };
  }

  test(text: string): boolean {
    return this.#re2Test ? this.#re2Test.test(text) : this.exec(text) !== null;
  }

  /**
   * Every match left to right, as `s///g` and `grep -o` walk them: after a match the search resumes
   * at its end, and an empty match right where the previous one ended does not count.
   */
  *matchAll(text: string): Generator<RegexMatch> {
    let from = 0;
    let previousEnd = -1;
    while (from <= text.length) {
      const match = this.exec(text, from);
      if (!match) return;
      if (match.start === match.end && match.start === previousEnd) {
        from = match.start + 1;
        continue;
      }
      yield match;
      previousEnd = match.end;
      from = match.end > match.start ? match.end : match.end + 1;
    }
  }
}
