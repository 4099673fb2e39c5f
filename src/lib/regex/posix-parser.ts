/**
 * Parses POSIX basic and extended regular expressions with the GNU extensions, following glibc's
 * posix/regcomp.c (parse_reg_exp, parse_branch, parse_expression, parse_dup_op, parse_bracket_exp):
 *
 *   regexp     := branch ( '|' branch )*            BRE: '\|'
 *   branch     := expression*
 *   expression := atom dup*
 *   atom       := char | '.' | bracket | '(' regexp ')' | anchor | '\' escape      BRE: '\(' '\)'
 *   dup        := '*' | '+' | '?' | '{' m [ ',' [ n ] ] '}'                        BRE: '\+' '\?' '\{' '\}'
 *
 * In a BRE `^` is an anchor only where an expression may start and `$` only where one may end;
 * elsewhere they, and a repetition operator with nothing before it, are ordinary characters.
 */
import { CLASS_NAMES, type ClassName, type ParsedRegex, type RegexNode, type SetItem } from './regex-ast.ts';
import { RegexSyntaxError } from './regex-syntax-error.ts';

export interface RegexSyntax {
  extended: boolean;
  /**
   * A repetition operator where an expression starts: an ordinary character (BRE, gawk), skipped
   * (GNU grep -E, whose syntax lacks RE_CONTEXT_INVALID_OPS) or an error (POSIX ERE: sed -E, bash).
   */
  leadingRepeat: 'literal' | 'ignore' | 'error';
  /** `{` that starts no valid interval is an ordinary character (RE_INVALID_INTERVAL_ORD: grep -E, gawk). */
  invalidIntervalIsLiteral: boolean;
  /** A `)` with no `(` is an ordinary character (RE_UNMATCHED_RIGHT_PAREN_ORD: bash). */
  unmatchedRightParenIsLiteral: boolean;
  /** `[:space:]` outside a bracket expression is refused (GNU dfa.c: grep, sed). */
  rejectBareClass: boolean;
  /** GNU grep 3.8+ (dfa.c's DFA_STRAY_BACKSLASH_WARN) warns of a backslash before a character it gives no meaning. */
  warnStrayBackslash: boolean;
  /** Escapes the tool turns into characters first: sed's `\n` `\t`, awk's string escapes (`\b` is backspace, `\y` the boundary). */
  escapes: 'none' | 'sed' | 'awk';
}

/** RE_DUP_MAX in glibc. */
const DUP_MAX = 0x7fff;

const CHAR_ESCAPES: Record<string, number> = { n: 10, t: 9, r: 13, f: 12, v: 11, a: 7 };

/** The characters dfa.c's lexer has a case for after a backslash; any other draws the stray warning. */
const DFA_ESCAPABLE = "\\^$123456789`'<>bB?*+{|()sSwW[]}.\n";

export function parsePosixRegex(pattern: string, syntax: RegexSyntax): ParsedRegex {
  return new Parser(pattern, syntax).parse();
}

class Parser {
  readonly #chars: string[];
  #pos = 0;
  #groupCount = 0;
  #closedGroups = new Set<number>();
  #openGroups = 0;
  #hasBackreference = false;
  readonly #warnings: string[] = [];

  constructor(
    pattern: string,
    readonly syntax: RegexSyntax,
  ) {
    this.#chars = Array.from(pattern);
  }

  parse(): ParsedRegex {
    const root = this.#alternation();
    if (this.#pos < this.#chars.length) throw new RegexSyntaxError('ERPAREN');
    return { root, groupCount: this.#groupCount, hasBackreference: this.#hasBackreference, warnings: this.#warnings };
  }

  #peek(offset = 0): string | undefined {
    return this.#chars[this.#pos + offset];
  }

  /** The operator at the cursor, or undefined for an ordinary character; BRE operators are backslashed. */
  #operator(): string | undefined {
    const c = this.#peek();
    if (c === undefined) return undefined;
    const ops = this.syntax.extended ? '|()*+?{' : '*';
    if (c !== '\\') return ops.includes(c) ? c : undefined;
    const n = this.#peek(1);
    if (!this.syntax.extended && n !== undefined && '|()+?{'.includes(n)) return n;
    return undefined;
  }

  #skipOperator(): void {
    this.#pos += this.#peek() === '\\' ? 2 : 1;
  }

  #alternation(): RegexNode {
    const items = [this.#branch()];
    while (this.#operator() === '|') {
      this.#skipOperator();
      items.push(this.#branch());
    }
    return items.length === 1 ? items[0]! : { type: 'alternation', items };
  }

  #atBranchEnd(): boolean {
    const op = this.#operator();
    if (this.#pos >= this.#chars.length || op === '|') return true;
    return op === ')' && (this.#openGroups > 0 || !this.syntax.unmatchedRightParenIsLiteral);
  }

  #branch(): RegexNode {
    const items: RegexNode[] = [];
    let expressionStart = true;
    while (!this.#atBranchEnd()) {
      const op = this.#operator();
      if (op !== undefined && '*+?{'.includes(op) && expressionStart) {
        if (op === '{' && this.syntax.extended && this.syntax.invalidIntervalIsLiteral && !this.#intervalAhead()) {
          // An ordinary `{`, handled below as an atom.
        } else if (this.syntax.leadingRepeat === 'error') throw new RegexSyntaxError('BADRPT');
        else if (this.syntax.leadingRepeat === 'ignore') {
          this.#skipOperator();
          continue;
        } else {
          this.#skipOperator();
          items.push(this.#repeats({ type: 'char', code: op.codePointAt(0)! }));
          expressionStart = false;
          continue;
        }
      }
      const atom = this.#atom(items.length === 0);
      if (atom.type === 'assert') {
        items.push(atom);
        expressionStart = true;
        continue;
      }
      items.push(this.#repeats(atom));
      expressionStart = false;
    }
    return items.length === 1 ? items[0]! : { type: 'concat', items };
  }

  #repeats(atom: RegexNode): RegexNode {
    let node = atom;
    for (;;) {
      const op = this.#operator();
      if (op === '*' || op === '+' || op === '?') {
        this.#skipOperator();
        node = { type: 'repeat', body: node, min: op === '+' ? 1 : 0, max: op === '?' ? 1 : Infinity };
      } else if (op === '{') {
        const interval = this.#interval();
        if (!interval) return node;
        node = { type: 'repeat', body: node, ...interval };
      } else return node;
    }
  }

  /** Whether a well-formed `{m}`, `{m,}`, `{,n}` or `{m,n}` starts at the cursor (ERE only). */
  #intervalAhead(): boolean {
    let i = this.#pos + 1;
    let digits = 0;
    while (/\d/.test(this.#chars[i] ?? '')) (i++, digits++);
    if (this.#chars[i] === ',') {
      i++;
      while (/\d/.test(this.#chars[i] ?? '')) (i++, digits++);
    }
    return digits > 0 && this.#chars[i] === '}';
  }

  #interval(): { min: number; max: number } | undefined {
    if (this.syntax.extended && this.syntax.invalidIntervalIsLiteral && !this.#intervalAhead()) return undefined;
    const start = this.#pos;
    this.#skipOperator();
    const number = (): number | undefined => {
      let text = '';
      while (/\d/.test(this.#peek() ?? '')) text += this.#chars[this.#pos++];
      return text === '' ? undefined : Number(text);
    };
    const min = number();
    let max = min;
    if (this.#peek() === ',') {
      this.#pos++;
      max = number() ?? Infinity;
    }
    const close = this.syntax.extended ? this.#peek() === '}' : this.#peek() === '\\' && this.#peek(1) === '}';
    if (!close) {
      if (this.#pos >= this.#chars.length || (!this.syntax.extended && this.#pos + 1 >= this.#chars.length && this.#peek() === '\\')) {
        throw new RegexSyntaxError('EBRACE');
      }
      this.#pos = start;
      throw new RegexSyntaxError('BADBR');
    }
    this.#pos += this.syntax.extended ? 1 : 2;
    if (max === undefined) throw new RegexSyntaxError('BADBR');
    const lower = min ?? 0;
    if (lower > max) throw new RegexSyntaxError('BADBR');
    if ((max !== Infinity && max > DUP_MAX) || lower > DUP_MAX) throw new RegexSyntaxError('ESIZE');
    return { min: lower, max };
  }

  #atom(atBranchStart: boolean): RegexNode {
    const op = this.#operator();
    if (op === '(') {
      this.#skipOperator();
      const index = ++this.#groupCount;
      this.#openGroups++;
      const body = this.#alternation();
      if (this.#operator() !== ')') throw new RegexSyntaxError('EPAREN');
      this.#skipOperator();
      this.#openGroups--;
      this.#closedGroups.add(index);
      return { type: 'group', index, body };
    }
    if (op === ')') {
      // Reached only for an unmatched `)` the syntax treats as an ordinary character.
      this.#skipOperator();
      return { type: 'char', code: 41 };
    }
    if (op === '{') {
      // An ERE `{` that starts no interval.
      this.#pos++;
      return { type: 'char', code: 123 };
    }
    const c = this.#chars[this.#pos++]!;
    switch (c) {
      case '.':
        return { type: 'any' };
      case '[':
        return this.#bracket();
      case '^':
        if (this.syntax.extended || atBranchStart) return { type: 'assert', kind: 'line-start' };
        return { type: 'char', code: 94 };
      case '$':
        if (this.syntax.extended || this.#atBranchEnd()) return { type: 'assert', kind: 'line-end' };
        return { type: 'char', code: 36 };
      case '\\':
        return this.#escape();
      default:
        return { type: 'char', code: c.codePointAt(0)! };
    }
  }

  #escape(): RegexNode {
    const c = this.#chars[this.#pos++];
    if (c === undefined) throw new RegexSyntaxError('EESCAPE');
    if (this.syntax.warnStrayBackslash && !DFA_ESCAPABLE.includes(c)) {
      const code = c.codePointAt(0)!;
      this.#warnings.push(`stray \\ before ${code < 32 || code === 127 ? 'unprintable character' : /\s/.test(c) ? 'white space' : c}`);
    }
    if (/[1-9]/.test(c) && this.syntax.escapes !== 'awk') {
      const index = Number(c);
      if (!this.#closedGroups.has(index)) throw new RegexSyntaxError('ESUBREG');
      this.#hasBackreference = true;
      return { type: 'backref', index };
    }
    const escapes = this.syntax.escapes;
    if (escapes !== 'none' && c in CHAR_ESCAPES && (escapes === 'awk' || c === 'n' || c === 't')) return { type: 'char', code: CHAR_ESCAPES[c]! };
    switch (c) {
      case 'w':
      case 'W':
        return { type: 'set', negated: c === 'W', items: [{ className: 'alnum' }, { from: 95, to: 95 }] };
      case 's':
      case 'S':
        return { type: 'set', negated: c === 'S', items: [{ className: 'space' }] };
      case 'b':
        return escapes === 'awk' ? { type: 'char', code: 8 } : { type: 'assert', kind: 'word-boundary' };
      case 'y':
        return escapes === 'awk' ? { type: 'assert', kind: 'word-boundary' } : { type: 'char', code: 121 };
      case 'B':
        return { type: 'assert', kind: 'not-word-boundary' };
      case '<':
        return { type: 'assert', kind: 'word-start' };
      case '>':
        return { type: 'assert', kind: 'word-end' };
      case '`':
        return { type: 'assert', kind: 'text-start' };
      case "'":
        return { type: 'assert', kind: 'text-end' };
      default:
        return { type: 'char', code: c.codePointAt(0)! };
    }
  }

  #bracket(): RegexNode {
    const open = this.#pos - 1;
    const unmatched = () => new RegexSyntaxError('EBRACK');
    let negated = false;
    if (this.#peek() === '^') {
      negated = true;
      this.#pos++;
    }
    const items: SetItem[] = [];
    let first = true;
    /** One endpoint of a range, or a class; undefined at the closing `]`. */
    const element = (): { code: number } | { className: ClassName } | undefined => {
      const c = this.#chars[this.#pos];
      if (c === undefined) throw unmatched();
      if (c === ']' && !first) return undefined;
      this.#pos++;
      if (c === '[' && ':=.'.includes(this.#peek() ?? '\u0000')) {
        const kind = this.#peek()!;
        const end = this.#chars.indexOf(kind, this.#pos + 1);
        if (end < 0 || this.#chars[end + 1] !== ']') throw unmatched();
        const name = this.#chars.slice(this.#pos + 1, end).join('');
        this.#pos = end + 2;
        if (kind === ':') {
          if (!(CLASS_NAMES as readonly string[]).includes(name)) throw new RegexSyntaxError('ECTYPE');
          return { className: name as ClassName };
        }
        if (Array.from(name).length !== 1) throw new RegexSyntaxError('ECOLLATE');
        return { code: name.codePointAt(0)! };
      }
      if (c === '\\' && this.syntax.escapes === 'awk') {
        const n = this.#chars[this.#pos++];
        if (n === undefined) throw unmatched();
        return { code: n in CHAR_ESCAPES ? CHAR_ESCAPES[n]! : n === 'b' ? 8 : n.codePointAt(0)! };
      }
      return { code: c.codePointAt(0)! };
    };
    for (;;) {
      const from = element();
      first = false;
      if (from === undefined) break;
      if ('className' in from) {
        items.push(from);
        continue;
      }
      if (this.#peek() === '-' && this.#peek(1) !== ']' && this.#peek(1) !== undefined) {
        this.#pos++;
        const to = element();
        if (to === undefined || 'className' in to) throw new RegexSyntaxError('ERANGE');
        if (to.code < from.code) throw new RegexSyntaxError('ERANGE');
        items.push({ from: from.code, to: to.code });
      } else items.push({ from: from.code, to: from.code });
    }
    this.#pos++;
    if (this.syntax.rejectBareClass) {
      // GNU dfa.c refuses `[:alpha:]` where `[[:alpha:]]` was surely meant.
      const text = this.#chars.slice(open, this.#pos).join('');
      const bare = /^\[:([a-z]+):\]$/.exec(text);
      if (bare && (CLASS_NAMES as readonly string[]).includes(bare[1]!)) throw new RegexSyntaxError('CLASS_SYNTAX', bare[1]);
    }
    return { type: 'set', negated, items };
  }
}
