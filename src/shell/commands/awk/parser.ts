/**
 * awk's grammar (POSIX awk, "Grammar"), by recursive descent:
 *
 *   program   : item (terminator item)*
 *   item      : 'function' NAME '(' params ')' block | pattern block? | block
 *   pattern   : 'BEGIN' | 'END' | expr (',' expr)?
 *   statement : block | if | while | do | for | for-in | simple (';' | newline)
 *   simple    : print/printf list redirect? | delete | next | exit expr? | return expr? | expr
 *   expr      : ternary with assignment at the bottom, then || && in ~ !~ relational,
 *               concatenation, + -, * / %, unary ! + -, ^, ++ --, $, primary
 *
 * In a print's unparenthesised list `>` redirects instead of comparing.
 */
import type { Expr, FunctionDef, LValue, Pattern, Program, Redirect, Rule, Stmt } from './ast.ts';
import { AwkSyntaxError, tokenize, type Token } from './lexer.ts';

export function parseProgram(source: string): Program {
  return new Parser(tokenize(source)).program();
}

const STATEMENT_END = new Set([';', '}', '\n', '']);

class Parser {
  #at = 0;
  /** Inside a print list: `>` is a redirection. */
  #noGt = false;
  /** Inside a for's parenthesis: `in` belongs to the loop. */
  #noIn = false;
  readonly #regexes: string[] = [];

  constructor(private readonly tokens: Token[]) {}

  private get peek(): Token {
    return this.tokens[this.#at]!;
  }
  private next(): Token {
    return this.tokens[this.#at++]!;
  }
  private is(text: string, kind?: Token['kind']): boolean {
    const t = this.peek;
    return t.text === text && (kind ? t.kind === kind : t.kind === 'op' || t.kind === 'keyword' || t.kind === 'newline' || t.kind === 'eof');
  }
  private accept(text: string): boolean {
    if (!this.is(text)) return false;
    this.#at++;
    return true;
  }
  private expect(text: string): Token {
    if (!this.is(text)) this.fail();
    return this.next();
  }
  private fail(): never {
    const t = this.peek;
    if (t.kind === 'eof') {
      const open = this.tokens.filter((x) => x.kind === 'op' && x.text === '{').length - this.tokens.filter((x) => x.kind === 'op' && x.text === '}').length;
      throw new AwkSyntaxError(t.line, 'end of file', open > 0 ? 'missing-brace' : 'syntax');
    }
    throw new AwkSyntaxError(t.line, t.kind === 'newline' ? 'end of line' : t.text);
  }
  private skipNewlines(): void {
    while (this.peek.kind === 'newline') this.#at++;
  }
  private skipTerminators(): void {
    while (this.peek.kind === 'newline' || this.is(';')) this.#at++;
  }

  program(): Program {
    const rules: Rule[] = [];
    const functions = new Map<string, FunctionDef>();
    this.skipTerminators();
    while (this.peek.kind !== 'eof') {
      if (this.is('}')) throw new AwkSyntaxError(this.peek.line, '}', 'extra-brace');
      if (this.is('function')) {
        const fn = this.functionDef();
        functions.set(fn.name, fn);
      } else rules.push(this.rule());
      this.skipTerminators();
    }
    return { rules, functions, regexes: this.#regexes };
  }

  private functionDef(): FunctionDef {
    this.next();
    const nameToken = this.next();
    if (nameToken.kind !== 'name' && nameToken.kind !== 'funcName') {
      this.#at--;
      this.fail();
    }
    this.expect('(');
    const params: string[] = [];
    while (!this.is(')')) {
      const p = this.next();
      if (p.kind !== 'name') {
        this.#at--;
        this.fail();
      }
      params.push(p.text);
      if (!this.accept(',')) break;
      this.skipNewlines();
    }
    this.expect(')');
    this.skipNewlines();
    return { name: nameToken.text, params, body: this.block() };
  }

  private rule(): Rule {
    let pattern: Pattern;
    if (this.accept('BEGIN')) pattern = { type: 'begin' };
    else if (this.accept('END')) pattern = { type: 'end' };
    else if (this.is('{')) pattern = { type: 'all' };
    else {
      const from = this.expr();
      if (this.accept(',')) {
        this.skipNewlines();
        pattern = { type: 'range', from, to: this.expr() };
      } else pattern = { type: 'expr', expr: from };
    }
    if ((pattern.type === 'begin' || pattern.type === 'end') && !this.is('{')) this.fail();
    if (!this.is('{')) return { pattern };
    return { pattern, action: this.block() };
  }

  private block(): Stmt[] {
    this.expect('{');
    const body: Stmt[] = [];
    this.skipTerminators();
    while (!this.is('}')) {
      body.push(this.statement());
      this.skipTerminators();
    }
    this.next();
    return body;
  }

  private statement(): Stmt {
    const t = this.peek;
    if (t.kind === 'keyword' || t.kind === 'op') {
      switch (t.text) {
        case '{':
          return { type: 'block', body: this.block() };
        case 'if': {
          this.next();
          this.expect('(');
          const test = this.expr();
          this.expect(')');
          const then = this.bodyStatement();
          const save = this.#at;
          this.skipTerminators();
          if (this.accept('else')) return { type: 'if', test, then, else: this.bodyStatement() };
          this.#at = save;
          return { type: 'if', test, then };
        }
        case 'while': {
          this.next();
          this.expect('(');
          const test = this.expr();
          this.expect(')');
          if (this.is(';')) {
            this.next();
            return { type: 'while', test, body: { type: 'block', body: [] } };
          }
          return { type: 'while', test, body: this.bodyStatement() };
        }
        case 'do': {
          this.next();
          const body = this.bodyStatement();
          this.skipTerminators();
          this.expect('while');
          this.expect('(');
          const test = this.expr();
          this.expect(')');
          this.endSimple();
          return { type: 'do', body, test };
        }
        case 'for':
          return this.forStatement();
        case ';':
          this.next();
          return { type: 'block', body: [] };
      }
    }
    const stmt = this.simpleStatement();
    this.endSimple();
    return stmt;
  }

  /** The body of if/while/for: a statement after optional newlines. */
  private bodyStatement(): Stmt {
    this.skipNewlines();
    if (this.is(';')) {
      this.next();
      return { type: 'block', body: [] };
    }
    return this.statement();
  }

  private endSimple(): void {
    if (this.is(';') || this.peek.kind === 'newline') {
      this.next();
      return;
    }
    if (this.is('}') || this.peek.kind === 'eof') return;
    this.fail();
  }

  private forStatement(): Stmt {
    this.next();
    this.expect('(');
    const t = this.tokens;
    const a = this.#at;
    if (t[a]?.kind === 'name' && t[a + 1]?.text === 'in' && t[a + 2]?.kind === 'name' && t[a + 3]?.text === ')') {
      this.#at += 4;
      return { type: 'forIn', variable: { type: 'var', name: t[a]!.text }, array: t[a + 2]!.text, body: this.bodyStatement() };
    }
    const init = this.is(';') ? undefined : this.expr();
    this.expect(';');
    this.skipNewlines();
    const test = this.is(';') ? undefined : this.expr();
    this.expect(';');
    this.skipNewlines();
    const update = this.is(')') ? undefined : this.expr();
    this.expect(')');
    const loop: Stmt = { type: 'for', body: this.bodyStatement() };
    if (init) loop.init = init;
    if (test) loop.test = test;
    if (update) loop.update = update;
    return loop;
  }

  private simpleStatement(): Stmt {
    const t = this.peek;
    if (t.kind === 'keyword') {
      switch (t.text) {
        case 'print':
        case 'printf':
          return this.printStatement();
        case 'next':
        case 'nextfile':
        case 'break':
        case 'continue':
          this.next();
          return { type: t.text };
        case 'exit':
        case 'return': {
          this.next();
          if (STATEMENT_END.has(this.peek.text) && this.peek.kind !== 'string') return { type: t.text };
          return { type: t.text, value: this.expr() };
        }
        case 'delete': {
          this.next();
          const name = this.next();
          if (name.kind !== 'name') {
            this.#at--;
            this.fail();
          }
          if (!this.accept('[')) return { type: 'delete', array: name.text };
          const subscripts = this.exprList(']');
          return { type: 'delete', array: name.text, subscripts };
        }
      }
    }
    return { type: 'expr', expr: this.expr() };
  }

  private printStatement(): Stmt {
    const kind = this.next().text as 'print' | 'printf';
    let args: Expr[] | undefined;
    if (this.is('(')) {
      const save = this.#at;
      this.next();
      const list = this.exprList(')');
      if ((STATEMENT_END.has(this.peek.text) && this.peek.kind !== 'string') || this.is('>') || this.is('>>') || this.is('|')) args = list;
      else this.#at = save;
    }
    if (!args) {
      args = [];
      const saved = this.#noGt;
      this.#noGt = true;
      if (!(STATEMENT_END.has(this.peek.text) && this.peek.kind !== 'string') && !this.is('>') && !this.is('>>') && !this.is('|')) {
        args.push(this.expr());
        while (this.accept(',')) {
          this.skipNewlines();
          args.push(this.expr());
        }
      }
      this.#noGt = saved;
    }
    if (kind === 'printf' && args.length === 0) this.fail();
    let redirect: Redirect | undefined;
    if (this.is('>') || this.is('>>') || this.is('|')) {
      const op = this.next().text as Redirect['op'];
      const saved = this.#noGt;
      this.#noGt = true;
      redirect = { op, target: this.concatenation() };
      this.#noGt = saved;
    }
    return redirect ? { type: kind, args, redirect } : { type: kind, args };
  }

  private exprList(close: string): Expr[] {
    const saved = [this.#noGt, this.#noIn];
    this.#noGt = false;
    this.#noIn = false;
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
    [this.#noGt, this.#noIn] = saved as [boolean, boolean];
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
    while (!this.#noIn && this.is('in')) {
      this.next();
      const name = this.next();
      if (name.kind !== 'name') {
        this.#at--;
        this.fail();
      }
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
    if (t.kind === 'op' && ['<', '<=', '!=', '==', '>=', '>'].includes(t.text) && !(this.#noGt && t.text === '>')) {
      this.next();
      left = { type: 'compare', op: t.text, left, right: this.pipeGetline() };
    }
    return left;
  }

  /** `cmd | getline [var]`, which binds looser than concatenation. */
  private pipeGetline(): Expr {
    let left = this.concatenation();
    while (this.is('|') && this.tokens[this.#at + 1]?.text === 'getline') {
      this.#at += 2;
      left = { type: 'getline', source: 'command', from: left, target: this.optionalLValue() };
    }
    return left;
  }

  private concatenation(): Expr {
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
        this.#regexes.push(t.value as string);
        return { type: 'regex', source: t.value as string };
      case 'funcName': {
        this.expect('(');
        return { type: 'call', name: t.text, args: this.exprList(')') };
      }
      case 'name':
        if (this.accept('[')) return { type: 'index', name: t.text, subscripts: this.exprList(']') };
        return { type: 'var', name: t.text };
      case 'builtin': {
        if (!this.is('(')) {
          if (t.text === 'length') return { type: 'builtin', name: 'length', args: [] };
          this.#at--;
          this.fail();
        }
        this.next();
        return { type: 'builtin', name: t.text, args: this.exprList(')') };
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
              this.#at--;
              this.fail();
            }
            return { type: 'in', subscripts: list, array: name.text };
          }
          this.#at--;
          this.fail();
        }
        if (t.text === '-' || t.text === '+' || t.text === '!') return { type: 'unary', op: t.text, operand: this.unary() };
        break;
    }
    this.#at--;
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

  private optionalLValue(): LValue | undefined {
    const t = this.peek;
    if (t.kind === 'op' && t.text === '$') {
      this.next();
      return { type: 'field', index: this.fieldIndex() };
    }
    if (t.kind !== 'name') return undefined;
    this.next();
    if (this.accept('[')) return { type: 'index', name: t.text, subscripts: this.exprList(']') };
    return { type: 'var', name: t.text };
  }
}

function isLValue(e: Expr): e is LValue {
  return e.type === 'var' || e.type === 'field' || e.type === 'index';
}
