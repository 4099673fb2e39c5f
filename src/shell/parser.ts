/**
 * Recursive-descent parser for the bash subset cka-lab runs:
 *
 *   program   := line*                     (a shell reads, then runs, one line at a time)
 *   line      := and_or ((';' | '&') and_or)* [';' | '&'] (NEWLINE | end)
 *   list      := and_or ((';' | '&' | NEWLINE) and_or)*
 *   and_or    := pipeline (('&&' | '||') NEWLINE* pipeline)*
 *   pipeline  := ['!'] command ('|' NEWLINE* command)*
 *   command   := simple | '{' list '}' | '(' list ')' | if | for | while | until | case
 *                | NAME '(' ')' command                      (each compound may take redirects)
 *   simple    := (ASSIGNMENT | WORD | redirect)+
 *   redirect  := [fd] ('>' | '>>' | '<' | '>&' | '&>' | '<<' | '<<-') WORD
 *
 * Reserved words (if then elif else fi for in do done while until case esac { } !) count only in
 * command position. As in ash and dash, a list inside a compound command ends at the first word
 * that closes one (`then`, `done`, `fi`…), and the compound then says which one it wanted: so
 * `if true; then echo; done` is `"done" unexpected (expecting "fi")`. Running out of input where
 * more could follow throws IncompleteInput; anything else wrong throws ShellSyntaxError.
 */
import type { AndOr, Assignment, Command, List, Pipeline, Redirect, Word } from './ast.ts';
import { tokenize, type Token, type Tokens } from './lexer.ts';
import { ShellSyntaxError } from './syntax-failure.ts';
import { readWord } from './word-reader.ts';
import { literalText, REDIRECTIONS, TokenCursor, unquotedText } from './token-cursor.ts';

/** The whole input at once (whether it is complete, say). */
export function parse(input: string): List {
  return { items: [...parseLines(input)].flatMap((list) => list.items) };
}

/**
 * The input line by line, as a shell runs it: each line is parsed only when the one before it has
 * been taken, so the lines before a syntax error run before the error is thrown.
 */
export function parseLines(input: string): Generator<List> {
  return parseTokenLines(tokenize(input));
}

/** parseLines over tokens already read (tokenizeSliced). */
export function* parseTokenLines(lexed: Tokens): Generator<List> {
  const parser = new Parser(lexed);
  for (;;) {
    const line = parser.parseLine();
    if (!line) return;
    yield line;
  }
}

class Parser {
  readonly #at: TokenCursor;

  constructor(lexed: Tokens) {
    this.#at = new TokenCursor(lexed);
  }

  /** The next line's commands, or undefined at the end of the input. */
  parseLine(): List | undefined {
    this.#at.skipNewlines();
    if (!this.#at.peek()) return undefined;
    const items: AndOr[] = [];
    for (;;) {
      const andOr = this.#andOr();
      items.push(andOr);
      const sep = this.#at.peek();
      if (!sep) return { items };
      if (sep.kind === 'newline') {
        this.#at.advance();
        return { items };
      }
      if (!(sep.kind === 'op' && (sep.op === ';' || sep.op === '&'))) throw this.#at.unexpected(sep);
      this.#at.advance();
      if (sep.op === '&') andOr.background = true;
      const after = this.#at.peek();
      if (!after) return { items };
      if (after.kind === 'newline') {
        this.#at.advance();
        return { items };
      }
    }
  }

  /**
   * A list inside a compound command, up to (not including) the word or operator that ends it.
   * Only a case branch may be empty: elsewhere a closing word in first place is itself unexpected.
   */
  #list(allowEmpty = false): List {
    const items: AndOr[] = [];
    for (;;) {
      this.#at.skipNewlines();
      const token = this.#at.peek();
      if (!token) break;
      if ((items.length > 0 || allowEmpty) && this.#at.endsList(token)) break;
      const andOr = this.#andOr();
      items.push(andOr);
      const sep = this.#at.peek();
      if (sep?.kind === 'op' && (sep.op === ';' || sep.op === '&')) {
        this.#at.advance();
        if (sep.op === '&') andOr.background = true;
      } else if (sep?.kind !== 'newline') break;
    }
    return { items };
  }

  #andOr(): AndOr {
    const first = this.#pipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      const token = this.#at.peek();
      if (token?.kind === 'op' && (token.op === '&&' || token.op === '||')) {
        this.#at.advance();
        this.#at.skipNewlines();
        rest.push({ op: token.op, pipeline: this.#pipeline() });
      } else break;
    }
    return { first, rest, background: false };
  }

  #pipeline(): Pipeline {
    let negated = false;
    if (this.#at.isReserved(this.#at.peek(), '!')) {
      negated = true;
      this.#at.advance();
    }
    const commands = [this.#command()];
    while (this.#at.isOp(this.#at.peek(), '|')) {
      this.#at.advance();
      this.#at.skipNewlines();
      commands.push(this.#command());
    }
    return { negated, commands };
  }

  #command(): Command {
    const token = this.#at.peek();
    if (!token) throw this.#at.endOfInput();
    if (token.kind === 'op') {
      if (token.op === '(') {
        this.#at.advance();
        const body = this.#list();
        const close = this.#at.next(')');
        if (!this.#at.isOp(close, ')')) throw this.#at.unexpected(close, ')');
        return { type: 'group', body, subshell: true, redirects: this.#redirects() };
      }
      if (!REDIRECTIONS.includes(token.op)) throw this.#at.unexpected(token);
    }
    if (token.kind === 'newline') throw this.#at.unexpected(token);
    if (token.kind === 'word' && token.word.arithmetic !== undefined) {
      this.#at.advance();
      return { type: 'arithmetic', source: token.word.arithmetic, line: token.line, redirects: this.#redirects() };
    }
    if (token.kind === 'word') {
      const text = unquotedText(token);
      switch (text) {
        case '{': {
          this.#at.advance();
          const body = this.#list();
          this.#at.expectReserved('}');
          return { type: 'group', body, subshell: false, redirects: this.#redirects() };
        }
        case 'if':
          return this.#if();
        case 'for':
          return this.#for();
        case 'while':
        case 'until':
          return this.#while(text === 'until');
        case 'case':
          return this.#case();
        case 'then':
        case 'elif':
        case 'else':
        case 'fi':
        case 'do':
        case 'done':
        case 'esac':
        case '}':
          throw this.#at.unexpected(token);
      }
      if (text && /^[A-Za-z_][A-Za-z0-9_-]*$/.test(text) && this.#at.isOp(this.#at.peek(1), '(') && this.#at.isOp(this.#at.peek(2), ')')) {
        this.#at.advance(3);
        this.#at.skipNewlines();
        return { type: 'function', name: text, body: this.#command() };
      }
    }
    return this.#simple();
  }

  #simple(): Command {
    const assignments: Assignment[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    const line = this.#at.peek()?.line ?? 1;
    for (;;) {
      const token = this.#at.peek();
      if (!token) break;
      if (token.kind === 'op') {
        const redirect = this.#redirect();
        if (!redirect) break;
        redirects.push(redirect);
        continue;
      }
      if (token.kind !== 'word') break;
      const assignment = words.length === 0 ? /^([A-Za-z_][A-Za-z0-9_]*)(?:\[([^\]]*)\])?(\+)?=/.exec(token.raw) : null;
      this.#at.advance();
      if (assignment && (assignment[2] !== undefined || assignment[3] || token.word.array)) {
        assignments.push({
          name: assignment[1]!,
          value: token.word.array ? { parts: [], array: token.word.array } : readWord(token.raw, assignment[0].length).word,
          ...(assignment[2] !== undefined ? { index: assignment[2] } : {}),
          ...(assignment[3] ? { append: true } : {}),
        });
        continue;
      }
      if (assignment) {
        const first = token.word.parts[0];
        if (first?.type === 'literal' && !first.quoted && first.text.startsWith(`${assignment[1]}=`)) {
          const rest = first.text.slice(assignment[1]!.length + 1);
          const parts = [...(rest ? [{ ...first, text: rest }] : []), ...token.word.parts.slice(1)];
          assignments.push({ name: assignment[1]!, value: { parts } });
          continue;
        }
      }
      words.push(token.word);
    }
    if (assignments.length === 0 && words.length === 0 && redirects.length === 0) {
      const token = this.#at.peek();
      if (!token) throw this.#at.endOfInput();
      throw this.#at.unexpected(token);
    }
    return { type: 'simple', assignments, words, redirects, line };
  }

  #redirects(): Redirect[] {
    const out: Redirect[] = [];
    for (;;) {
      const redirect = this.#redirect();
      if (!redirect) return out;
      out.push(redirect);
    }
  }

  #redirect(): Redirect | undefined {
    const token = this.#at.peek();
    if (token?.kind !== 'op' || !REDIRECTIONS.includes(token.op)) return undefined;
    this.#at.advance();
    const target = this.#at.next(undefined, true);
    if (target.kind !== 'word') throw this.#at.unexpected(target);
    const fd = token.fd ?? (token.op.startsWith('<') ? 0 : 1);
    const redirect: Redirect = { op: token.op, fd, target: target.word };
    if (target.word.heredoc) redirect.heredoc = target.word.heredoc;
    return redirect;
  }

  #if(): Command {
    this.#at.advance();
    const clauses: { condition: List; body: List }[] = [];
    let elseBody: List | undefined;
    const condition = this.#list();
    this.#at.expectReserved('then');
    clauses.push({ condition, body: this.#list() });
    for (;;) {
      this.#at.skipNewlines();
      const token = this.#at.next('fi');
      if (this.#at.isReserved(token, 'fi')) break;
      if (this.#at.isReserved(token, 'elif')) {
        const c = this.#list();
        this.#at.expectReserved('then');
        clauses.push({ condition: c, body: this.#list() });
        continue;
      }
      if (this.#at.isReserved(token, 'else')) {
        elseBody = this.#list();
        this.#at.expectReserved('fi');
        break;
      }
      throw this.#at.unexpected(token, 'fi');
    }
    return { type: 'if', clauses, ...(elseBody ? { elseBody } : {}), redirects: this.#redirects() };
  }

  #for(): Command {
    const line = this.#at.peek()!.line;
    this.#at.advance();
    const arithmetic = this.#at.peek();
    if (arithmetic?.kind === 'word' && arithmetic.word.arithmetic !== undefined) {
      this.#at.advance();
      const parts = arithmetic.word.arithmetic.split(';');
      if (parts.length !== 3) throw new ShellSyntaxError({ kind: 'message', text: `syntax error: arithmetic expression required` });
      this.#at.skipNewlines();
      if (this.#at.isOp(this.#at.peek(), ';')) this.#at.advance();
      this.#at.skipNewlines();
      this.#at.expectReserved('do');
      const body = this.#list();
      this.#at.expectReserved('done');
      return { type: 'arithmetic-for', init: parts[0]!, test: parts[1]!, step: parts[2]!, body, line, redirects: this.#redirects() };
    }
    const nameToken = this.#at.next(undefined, true);
    const variable = nameToken.kind === 'word' ? literalText(nameToken.word) : undefined;
    if (!variable || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) throw this.#at.unexpected(nameToken);
    let items: Word[] | undefined;
    this.#at.skipNewlines();
    if (this.#at.isReserved(this.#at.peek(), 'in')) {
      this.#at.advance();
      items = [];
      // Every word up to `;` or the newline is an item, `do` too: `for i in 1 2 do` lacks its `;`.
      while (this.#at.peek()?.kind === 'word') items.push((this.#at.next() as Extract<Token, { kind: 'word' }>).word);
      const sep = this.#at.next();
      if (!this.#at.isOp(sep, ';') && sep.kind !== 'newline') throw this.#at.unexpected(sep);
    } else if (this.#at.isOp(this.#at.peek(), ';')) this.#at.advance();
    this.#at.expectReserved('do');
    const body = this.#list();
    this.#at.expectReserved('done');
    return { type: 'for', variable, ...(items ? { items } : {}), body, redirects: this.#redirects() };
  }

  #while(until: boolean): Command {
    this.#at.advance();
    const condition = this.#list();
    this.#at.expectReserved('do');
    const body = this.#list();
    this.#at.expectReserved('done');
    return { type: 'while', until, condition, body, redirects: this.#redirects() };
  }

  #case(): Command {
    this.#at.advance();
    const subjectToken = this.#at.next(undefined, true);
    if (subjectToken.kind !== 'word') throw this.#at.unexpected(subjectToken);
    this.#at.expectReserved('in');
    const items: { patterns: Word[]; body: List }[] = [];
    for (;;) {
      this.#at.skipNewlines();
      if (this.#at.isReserved(this.#at.peek(), 'esac')) {
        this.#at.advance();
        break;
      }
      if (this.#at.isOp(this.#at.peek(), '(')) this.#at.advance();
      const patterns: Word[] = [];
      for (;;) {
        const p = this.#at.next(')');
        if (p.kind !== 'word') throw this.#at.unexpected(p, ')');
        patterns.push(p.word);
        const sep = this.#at.next(')', true);
        if (this.#at.isOp(sep, ')')) break;
        if (!this.#at.isOp(sep, '|')) throw this.#at.unexpected(sep, ')');
      }
      const body = this.#list(true);
      items.push({ patterns, body });
      const end = this.#at.next(';;');
      if (this.#at.isReserved(end, 'esac')) break;
      if (!this.#at.isOp(end, ';;')) throw this.#at.unexpected(end, ';;');
    }
    return { type: 'case', subject: subjectToken.word, items, redirects: this.#redirects() };
  }
}
