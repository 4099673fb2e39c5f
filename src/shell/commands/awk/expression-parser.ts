/**
 * awk's expressions, by recursive descent from the loosest binding: assignment, ?:, ||, &&, in,
 * ~ !~, comparisons (`>` redirects instead inside a print list), `cmd | getline`, concatenation,
 * + -, * / %, unary ! + -, ^, ++ --, $, primaries. ExpressionParser also holds the token cursor.
 */
import { SymbolTypes } from './symbol-types.ts';
import type { Expr, LValue } from './ast.ts';
import { AwkSyntaxError, type Token } from './lexer.ts';

/** How many arguments each built-in takes, as mawk checks while parsing. */
const BUILTIN_ARITY: Partial<Record<string, [number, number]>> = {
  length: [0, 1],
  substr: [2, 3],
  index: [2, 2],
  split: [2, 3],
  sub: [2, 3],
  gsub: [2, 3],
  match: [2, 2],
  sprintf: [1, Infinity],
  tolower: [1, 1],
  toupper: [1, 1],
  int: [1, 1],
  sqrt: [1, 1],
  exp: [1, 1],
  log: [1, 1],
  sin: [1, 1],
  cos: [1, 1],
  atan2: [2, 2],
  rand: [0, 0],
  srand: [0, 1],
  system: [1, 1],
  close: [1, 1],
  fflush: [0, 1],
};

export class ExpressionParser {
  protected at = 0;
  /** Inside a print list: `>` is a redirection. */
  protected noGt = false;
  /** Inside a for's parenthesis: `in` belongs to the loop. */
  protected noIn = false;
  protected readonly regexes: string[] = [];
  /** The user functions called, checked against those defined once the whole program is read. */
  protected readonly calls: string[] = [];
  protected readonly symbols = new SymbolTypes();
  /** The parameters of the function being read. */
  protected locals: ReadonlySet<string> | undefined;
  /** The functions defined so far: mawk reads such a name as a function from then on. */
  protected readonly defined = new Set<string>();

  constructor(protected readonly tokens: Token[]) {}

  protected get peek(): Token {
    return this.tokens[this.at]!;
  }
  protected next(): Token {
    return this.tokens[this.at++]!;
  }
  protected is(text: string, kind?: Token['kind']): boolean {
    const t = this.peek;
    return t.text === text && (kind ? t.kind === kind : t.kind === 'op' || t.kind === 'keyword' || t.kind === 'newline' || t.kind === 'eof');
  }
  protected accept(text: string): boolean {
    if (!this.is(text)) return false;
    this.at++;
    return true;
  }
  protected expect(text: string): Token {
    if (!this.is(text)) this.fail();
    return this.next();
  }
  protected fail(): never {
    const t = this.peek;
    if (t.kind === 'eof') {
      const open = this.tokens.filter((x) => x.kind === 'op' && x.text === '{').length - this.tokens.filter((x) => x.kind === 'op' && x.text === '}').length;
      throw new AwkSyntaxError(t.line, 'end of file', open > 0 ? 'missing-brace' : 'syntax');
    }
    throw new AwkSyntaxError(t.line, t.kind === 'newline' ? 'end of line' : t.text);
  }
  protected skipNewlines(): void {
    while (this.peek.kind === 'newline') this.at++;
  }
  protected skipTerminators(): void {
    while (this.peek.kind === 'newline' || this.is(';')) this.at++;
  }

  protected exprList(close: string): Expr[] {
    const saved = [this.noGt, this.noIn];
    this.noGt = false;
    this.noIn = false;
    const list: Expr[] = [];
    this.skipNewlines();
    if (!this.is(close)) {
      list.push(this.expr());
      while (this.accept(',')) {
        this.skipNewlines();
        list.push(this.expr());
      }
    }
    this.skipNewlines();
    this.expect(close);
    [this.noGt, this.noIn] = saved as [boolean, boolean];
    return list;
  }

  expr(): Expr {
    const left = this.ternary();
    const t = this.peek;
    if (t.kind === 'op' && /^(?:[-+*/%^]?=)$/.test(t.text)) {
      if (!isLValue(left)) this.fail();
      this.next();
      this.skipNewlines();
      return { type: 'assign', op: t.text, target: left, value: this.expr() };
    }
    return left;
  }

  private ternary(): Expr {
    const test = this.or();
    if (!this.accept('?')) return test;
    this.skipNewlines();
    const then = this.expr();
    this.skipNewlines();
    this.expect(':');
    this.skipNewlines();
    return { type: 'cond', test, then, else: this.expr() };
  }

  private or(): Expr {
    let left = this.and();
    while (this.accept('||')) {
      this.skipNewlines();
      left = { type: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): Expr {
    let left = this.inExpr();
    while (this.accept('&&')) {
      this.skipNewlines();
      left = { type: 'and', left, right: this.inExpr() };
    }
    return left;
  }

  private inExpr(): Expr {
    let left = this.matchExpr();
    while (!this.noIn && this.is('in')) {
      this.next();
      const name = this.next();
      if (name.kind !== 'name') {
        this.at--;
        this.fail();
      }
      this.symbols.use(name.text, 'array', name.line, this.locals);
      left = { type: 'in', subscripts: [left], array: name.text };
    }
    return left;
  }

  private matchExpr(): Expr {
    let left = this.comparison();
    while (this.is('~') || this.is('!~')) {
      const negate = this.next().text === '!~';
      left = { type: 'match', negate, left, right: this.comparison() };
    }
    return left;
  }

  private comparison(): Expr {
    let left = this.pipeGetline();
    const t = this.peek;
    if (t.kind === 'op' && ['<', '<=', '!=', '==', '>=', '>'].includes(t.text) && !(this.noGt && t.text === '>')) {
      this.next();
      left = { type: 'compare', op: t.text, left, right: this.pipeGetline() };
    }
    return left;
  }

  /** `cmd | getline [var]`, which binds looser than concatenation. */
  private pipeGetline(): Expr {
    let left = this.concatenation();
    while (this.is('|') && this.tokens[this.at + 1]?.text === 'getline') {
      this.at += 2;
      left = { type: 'getline', source: 'command', from: left, target: this.optionalLValue() };
    }
    return left;
  }

  protected concatenation(): Expr {
    let left = this.additive();
    while (this.startsConcatOperand()) left = { type: 'concat', left, right: this.additive() };
    return left;
  }

  private startsConcatOperand(): boolean {
    const t = this.peek;
    switch (t.kind) {
      case 'number':
      case 'string':
      case 'regex':
      case 'name':
      case 'funcName':
      case 'builtin':
        return true;
      case 'keyword':
        return t.text === 'getline';
      case 'op':
        return t.text === '$' || t.text === '!' || t.text === '(' || t.text === '++' || t.text === '--';
      default:
        return false;
    }
  }

  private additive(): Expr {
    let left = this.multiplicative();
    while (this.is('+') || this.is('-')) {
      const op = this.next().text;
      left = { type: 'binary', op, left, right: this.multiplicative() };
    }
    return left;
  }

  private multiplicative(): Expr {
    let left = this.unary();
    while (this.is('*') || this.is('/') || this.is('%')) {
      const op = this.next().text;
      left = { type: 'binary', op, left, right: this.unary() };
    }
    return left;
  }

  private unary(): Expr {
    if (this.is('!') || this.is('-') || this.is('+')) {
      const op = this.next().text;
      return { type: 'unary', op, operand: this.unary() };
    }
    return this.power();
  }

  private power(): Expr {
    const base = this.postfix();
    if (!this.accept('^')) return base;
    // Right-associative, and binds tighter than a unary minus on its left but not on its right.
    const exponent = this.is('-') || this.is('+') || this.is('!') ? this.unary() : this.power();
    return { type: 'binary', op: '^', left: base, right: exponent };
  }

  private postfix(): Expr {
    if (this.is('++') || this.is('--')) {
      const op = this.next().text as '++' | '--';
      const target = this.postfix();
      if (!isLValue(target)) this.fail();
      return { type: 'incdec', op, prefix: true, target };
    }
    const operand = this.primary();
    if (isLValue(operand) && (this.is('++') || this.is('--'))) return { type: 'incdec', op: this.next().text as '++' | '--', prefix: false, target: operand };
    return operand;
  }

  private primary(): Expr {
    const t = this.next();
    switch (t.kind) {
      case 'number':
        return { type: 'num', value: t.value as number };
      case 'string':
        return { type: 'str', value: t.value as string };
      case 'regex':
        this.regexes.push(t.value as string);
        return { type: 'regex', source: t.value as string };
      case 'funcName': {
        this.calls.push(t.text);
        this.expect('(');
        const args = this.exprList(')');
        for (const arg of args) if (arg.type === 'var') this.symbols.untype(arg);
        return { type: 'call', name: t.text, args };
      }
      case 'name':
        return this.nameReference(t);
      case 'builtin': {
        if (!this.is('(')) {
          if (t.text === 'length') return { type: 'builtin', name: 'length', args: [] };
          this.at--;
          this.fail();
        }
        this.next();
        const args = this.exprList(')');
        const [min, max] = BUILTIN_ARITY[t.text] ?? [0, Infinity];
        if (args.length < min || args.length > max) throw new AwkSyntaxError(t.line, `wrong number of arguments in call to ${t.text}`, 'semantic');
        if (t.text === 'split' && args[1]?.type === 'var') this.symbols.retype(args[1], 'array');
        // length takes an array as well as a string: its bare name types nothing here.
        if (t.text === 'length' && args[0]?.type === 'var') this.symbols.untype(args[0]);
        return { type: 'builtin', name: t.text, args };
      }
      case 'keyword':
        if (t.text === 'getline') {
          const target = this.optionalLValue();
          if (this.accept('<')) return { type: 'getline', source: 'file', from: this.postfix(), target };
          return { type: 'getline', source: 'input', target };
        }
        break;
      case 'op':
        if (t.text === '$') return { type: 'field', index: this.fieldIndex() };
        if (t.text === '(') {
          const list = this.exprList(')');
          if (list.length === 1) return { type: 'group', expr: list[0]! };
          if (list.length > 1 && this.is('in')) {
            this.next();
            const name = this.next();
            if (name.kind !== 'name') {
              this.at--;
              this.fail();
            }
            this.symbols.use(name.text, 'array', name.line, this.locals);
            return { type: 'in', subscripts: list, array: name.text };
          }
          this.at--;
          this.fail();
        }
        if (t.text === '-' || t.text === '+' || t.text === '!') return { type: 'unary', op: t.text, operand: this.unary() };
        break;
    }
    this.at--;
    this.fail();
  }

  /** `$` takes a primary with ++/-- (`$NF`, `$i++` is `($i)++`, `$-1`), never a concatenation. */
  private fieldIndex(): Expr {
    if (this.is('-') || this.is('+') || this.is('!')) {
      const op = this.next().text;
      return { type: 'unary', op, operand: this.fieldIndex() };
    }
    if (this.is('++') || this.is('--')) return this.postfix();
    return this.primary();
  }

  protected optionalLValue(): LValue | undefined {
    const t = this.peek;
    if (t.kind === 'op' && t.text === '$') {
      this.next();
      return { type: 'field', index: this.fieldIndex() };
    }
    if (t.kind !== 'name') return undefined;
    this.next();
    return this.nameReference(t);
  }

  /** `NAME` or `NAME[…]`, typed as mawk types it (symbol-types.ts). */
  protected nameReference(t: Token): LValue {
    // Not a variable any more: what follows the name is a syntax error (`f=1`: at or near =).
    if (this.defined.has(t.text) && !this.locals?.has(t.text)) this.fail();
    if (this.accept('[')) {
      this.symbols.use(t.text, 'array', t.line, this.locals);
      return { type: 'index', name: t.text, subscripts: this.exprList(']') };
    }
    const node: LValue = { type: 'var', name: t.text };
    this.symbols.use(t.text, 'variable', t.line, this.locals, node);
    return node;
  }
}

export function isLValue(e: Expr): e is LValue {
  return e.type === 'var' || e.type === 'field' || e.type === 'index';
}
