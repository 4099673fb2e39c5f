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
import type { Expr, FunctionDef, Pattern, Program, Redirect, Rule, Stmt } from './ast.ts';
import { ExpressionParser } from './expression-parser.ts';
import { AwkSyntaxError, tokenize } from './lexer.ts';

export function parseProgram(source: string): Program {
  return new Parser(tokenize(source)).program();
}

const STATEMENT_END = new Set([';', '}', '\n', '']);

class Parser extends ExpressionParser {
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
    this.symbols.check();
    const undefinedCall = this.calls.find((name) => !functions.has(name));
    // mawk finds these once the program has been read, so it names the line after the last.
    if (undefinedCall !== undefined) throw new AwkSyntaxError(this.peek.line + 1, `function ${undefinedCall} never defined`, 'semantic');
    return { rules, functions, regexes: this.regexes };
  }

  private functionDef(): FunctionDef {
    this.next();
    const nameToken = this.next();
    if (nameToken.kind !== 'name' && nameToken.kind !== 'funcName') {
      this.at--;
      this.fail();
    }
    this.expect('(');
    const params: string[] = [];
    while (!this.is(')')) {
      const p = this.next();
      if (p.kind !== 'name') {
        this.at--;
        this.fail();
      }
      params.push(p.text);
      if (!this.accept(',')) break;
      this.skipNewlines();
    }
    this.expect(')');
    this.skipNewlines();
    this.symbols.use(nameToken.text, 'function', nameToken.line, undefined);
    this.defined.add(nameToken.text);
    this.locals = new Set(params);
    const body = this.block();
    this.locals = undefined;
    return { name: nameToken.text, params, body };
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
          const save = this.at;
          this.skipTerminators();
          if (this.accept('else')) return { type: 'if', test, then, else: this.bodyStatement() };
          this.at = save;
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
    const a = this.at;
    if (t[a]?.kind === 'name' && t[a + 1]?.text === 'in' && t[a + 2]?.kind === 'name' && t[a + 3]?.text === ')') {
      this.at += 4;
      this.symbols.use(t[a]!.text, 'variable', t[a]!.line, this.locals);
      this.symbols.use(t[a + 2]!.text, 'array', t[a + 2]!.line, this.locals);
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
            this.at--;
            this.fail();
          }
          this.symbols.use(name.text, 'array', name.line, this.locals);
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
      const save = this.at;
      this.next();
      const list = this.exprList(')');
      if ((STATEMENT_END.has(this.peek.text) && this.peek.kind !== 'string') || this.is('>') || this.is('>>') || this.is('|')) args = list;
      else this.at = save;
    }
    if (!args) {
      args = [];
      const saved = this.noGt;
      this.noGt = true;
      if (!(STATEMENT_END.has(this.peek.text) && this.peek.kind !== 'string') && !this.is('>') && !this.is('>>') && !this.is('|')) {
        args.push(this.expr());
        while (this.accept(',')) {
          this.skipNewlines();
          args.push(this.expr());
        }
      }
      this.noGt = saved;
    }
    if (kind === 'printf' && args.length === 0) this.fail();
    let redirect: Redirect | undefined;
    if (this.is('>') || this.is('>>') || this.is('|')) {
      const op = this.next().text as Redirect['op'];
      const saved = this.noGt;
      this.noGt = true;
      redirect = { op, target: this.concatenation() };
      this.noGt = saved;
    }
    return redirect ? { type: kind, args, redirect } : { type: kind, args };
  }
}
