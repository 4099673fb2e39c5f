/**
 * Recursive-descent parser for the bash subset cka-lab runs:
 *
 *   list      := and_or ((';' | '&' | NEWLINE) and_or)*
 *   and_or    := pipeline (('&&' | '||') NEWLINE* pipeline)*
 *   pipeline  := ['!'] command ('|' NEWLINE* command)*
 *   command   := simple | '{' list '}' | '(' list ')' | if | for | while | until | case
 *                | NAME '(' ')' command                      (each compound may take redirects)
 *   simple    := (ASSIGNMENT | WORD | redirect)+
 *   redirect  := [fd] ('>' | '>>' | '<' | '>&' | '&>' | '<<' | '<<-') WORD
 *
 * Reserved words (if then elif else fi for in do done while until case esac { } !) count only in
 * command position. Running out of input where more is required throws IncompleteInput.
 */
import type { AndOr, Assignment, Command, List, Pipeline, Redirect, Word } from './ast.ts';
import { IncompleteInput, ShellSyntaxError, tokenize, type Token } from './lexer.ts';

const RESERVED = new Set(['if', 'then', 'elif', 'else', 'fi', 'for', 'in', 'do', 'done', 'while', 'until', 'case', 'esac', '{', '}', '!']);

export function parse(input: string): List {
  return new Parser(tokenize(input)).parseProgram();
}

/** The plain text of a word with no expansions, or undefined. */
export function literalText(word: Word): string | undefined {
  let text = '';
  for (const part of word.parts) {
    if (part.type !== 'literal') return undefined;
    text += part.text;
  }
  return text;
}

function isUnquotedLiteral(word: Word, text: string): boolean {
  return word.parts.length === 1 && word.parts[0]!.type === 'literal' && !word.parts[0]!.quoted && word.parts[0]!.text === text;
}

class Parser {
  readonly #tokens: Token[];
  #pos = 0;

  constructor(tokens: Token[]) {
    this.#tokens = tokens;
  }

  parseProgram(): List {
    this.#skipNewlines();
    const list = this.#list(new Set());
    this.#skipNewlines();
    const next = this.#peek();
    if (next) throw this.#unexpected(next);
    return list;
  }

  #peek(offset = 0): Token | undefined {
    return this.#tokens[this.#pos + offset];
  }

  #next(): Token {
    const token = this.#tokens[this.#pos++];
    if (!token) throw new IncompleteInput();
    return token;
  }

  #isReserved(token: Token | undefined, word: string): boolean {
    return token?.kind === 'word' && isUnquotedLiteral(token.word, word);
  }

  #isOp(token: Token | undefined, op: string): boolean {
    return token?.kind === 'op' && token.op === op;
  }

  #skipNewlines(): void {
    while (this.#peek()?.kind === 'newline') this.#pos++;
  }

  #unexpected(token: Token): ShellSyntaxError {
    const text = token.kind === 'newline' ? 'newline' : token.kind === 'op' ? token.op : (literalText(token.word) ?? token.raw);
    return new ShellSyntaxError(`syntax error near unexpected token \`${text}'`);
  }

  #expectReserved(word: string): void {
    this.#skipNewlines();
    const token = this.#next();
    if (!this.#isReserved(token, word)) throw this.#unexpected(token);
  }

  /** A list up to (not including) one of the `stops` reserved words or `)`. */
  #list(stops: Set<string>): List {
    const items: AndOr[] = [];
    for (;;) {
      this.#skipNewlines();
      const token = this.#peek();
      if (!token) break;
      if (token.kind === 'word' && [...stops].some((s) => isUnquotedLiteral(token.word, s))) break;
      if (this.#isOp(token, ')') || this.#isOp(token, ';;')) break;
      const andOr = this.#andOr();
      items.push(andOr);
      const sep = this.#peek();
      if (sep?.kind === 'op' && (sep.op === ';' || sep.op === '&')) {
        this.#pos++;
        if (sep.op === '&') andOr.background = true;
      } else if (sep?.kind === 'newline') {
        this.#pos++;
      } else if (sep && !(sep.kind === 'op' && (sep.op === ')' || sep.op === ';;')) && !(sep.kind === 'word' && [...stops].some((s) => isUnquotedLiteral(sep.word, s)))) {
        throw this.#unexpected(sep);
      }
    }
    return { items };
  }

  #andOr(): AndOr {
    const first = this.#pipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      const token = this.#peek();
      if (token?.kind === 'op' && (token.op === '&&' || token.op === '||')) {
        this.#pos++;
        this.#skipNewlines();
        if (!this.#peek()) throw new IncompleteInput();
        rest.push({ op: token.op, pipeline: this.#pipeline() });
      } else break;
    }
    return { first, rest, background: false };
  }

  #pipeline(): Pipeline {
    let negated = false;
    if (this.#isReserved(this.#peek(), '!')) {
      negated = true;
      this.#pos++;
    }
    const commands = [this.#command()];
    while (this.#isOp(this.#peek(), '|')) {
      this.#pos++;
      this.#skipNewlines();
      if (!this.#peek()) throw new IncompleteInput();
      commands.push(this.#command());
    }
    return { negated, commands };
  }

  #command(): Command {
    const token = this.#peek();
    if (!token) throw new IncompleteInput();
    if (token.kind === 'op') {
      if (token.op === '(') {
        this.#pos++;
        const body = this.#list(new Set());
        const close = this.#next();
        if (!this.#isOp(close, ')')) throw this.#unexpected(close);
        return { type: 'group', body, subshell: true, redirects: this.#redirects() };
      }
      if (!['<', '>', '>>', '<<', '<<-', '>&', '&>', '<&'].includes(token.op)) throw this.#unexpected(token);
    }
    if (token.kind === 'newline') throw this.#unexpected(token);
    if (token.kind === 'word') {
      const text = isUnquotedLiteral(token.word, literalText(token.word) ?? '') ? literalText(token.word) : undefined;
      switch (text) {
        case '{': {
          this.#pos++;
          const body = this.#list(new Set(['}']));
          this.#expectReserved('}');
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
          throw this.#unexpected(token);
      }
      if (text && /^[A-Za-z_][A-Za-z0-9_-]*$/.test(text) && this.#isOp(this.#peek(1), '(') && this.#isOp(this.#peek(2), ')')) {
        this.#pos += 3;
        this.#skipNewlines();
        return { type: 'function', name: text, body: this.#command() };
      }
    }
    return this.#simple();
  }

  #simple(): Command {
    const assignments: Assignment[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    const line = this.#peek()?.line ?? 1;
    for (;;) {
      const token = this.#peek();
      if (!token) break;
      if (token.kind === 'op') {
        const redirect = this.#redirect();
        if (!redirect) break;
        redirects.push(redirect);
        continue;
      }
      if (token.kind !== 'word') break;
      const assignment = words.length === 0 ? /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(token.raw) : null;
      this.#pos++;
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
      const token = this.#peek();
      if (!token) throw new IncompleteInput();
      throw this.#unexpected(token);
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
    const token = this.#peek();
    if (token?.kind !== 'op' || !['<', '>', '>>', '<<', '<<-', '>&', '&>', '<&'].includes(token.op)) return undefined;
    this.#pos++;
    const target = this.#next();
    if (target.kind !== 'word') throw this.#unexpected(target);
    const fd = token.fd ?? (token.op.startsWith('<') ? 0 : 1);
    const redirect: Redirect = { op: token.op, fd, target: target.word };
    if (target.word.heredoc) redirect.heredoc = target.word.heredoc;
    return redirect;
  }

  #if(): Command {
    this.#pos++;
    const clauses: { condition: List; body: List }[] = [];
    let elseBody: List | undefined;
    const condition = this.#list(new Set(['then']));
    this.#expectReserved('then');
    clauses.push({ condition, body: this.#list(new Set(['elif', 'else', 'fi'])) });
    for (;;) {
      this.#skipNewlines();
      const token = this.#next();
      if (this.#isReserved(token, 'fi')) break;
      if (this.#isReserved(token, 'elif')) {
        const c = this.#list(new Set(['then']));
        this.#expectReserved('then');
        clauses.push({ condition: c, body: this.#list(new Set(['elif', 'else', 'fi'])) });
        continue;
      }
      if (this.#isReserved(token, 'else')) {
        elseBody = this.#list(new Set(['fi']));
        this.#expectReserved('fi');
        break;
      }
      throw this.#unexpected(token);
    }
    return { type: 'if', clauses, ...(elseBody ? { elseBody } : {}), redirects: this.#redirects() };
  }

  #for(): Command {
    this.#pos++;
    const nameToken = this.#next();
    const variable = nameToken.kind === 'word' ? literalText(nameToken.word) : undefined;
    if (!variable || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) throw this.#unexpected(nameToken);
    let items: Word[] | undefined;
    this.#skipNewlines();
    if (this.#isReserved(this.#peek(), 'in')) {
      this.#pos++;
      items = [];
      while (this.#peek()?.kind === 'word' && !this.#isReserved(this.#peek(), 'do')) items.push((this.#next() as Extract<Token, { kind: 'word' }>).word);
      const sep = this.#peek();
      if (this.#isOp(sep, ';') || sep?.kind === 'newline') this.#pos++;
    } else if (this.#isOp(this.#peek(), ';')) this.#pos++;
    this.#expectReserved('do');
    const body = this.#list(new Set(['done']));
    this.#expectReserved('done');
    return { type: 'for', variable, ...(items ? { items } : {}), body, redirects: this.#redirects() };
  }

  #while(until: boolean): Command {
    this.#pos++;
    const condition = this.#list(new Set(['do']));
    this.#expectReserved('do');
    const body = this.#list(new Set(['done']));
    this.#expectReserved('done');
    return { type: 'while', until, condition, body, redirects: this.#redirects() };
  }

  #case(): Command {
    this.#pos++;
    const subjectToken = this.#next();
    if (subjectToken.kind !== 'word') throw this.#unexpected(subjectToken);
    this.#expectReserved('in');
    const items: { patterns: Word[]; body: List }[] = [];
    for (;;) {
      this.#skipNewlines();
      const token = this.#peek();
      if (!token) throw new IncompleteInput();
      if (this.#isReserved(token, 'esac')) {
        this.#pos++;
        break;
      }
      if (this.#isOp(token, '(')) this.#pos++;
      const patterns: Word[] = [];
      for (;;) {
        const p = this.#next();
        if (p.kind !== 'word') throw this.#unexpected(p);
        patterns.push(p.word);
        const sep = this.#next();
        if (this.#isOp(sep, ')')) break;
        if (!this.#isOp(sep, '|')) throw this.#unexpected(sep);
      }
      const body = this.#list(new Set(['esac']));
      items.push({ patterns, body });
      if (this.#isOp(this.#peek(), ';;')) this.#pos++;
    }
    return { type: 'case', subject: subjectToken.word, items, redirects: this.#redirects() };
  }
}
