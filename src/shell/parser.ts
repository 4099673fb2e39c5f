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
import { IncompleteInput, ShellSyntaxError } from './syntax-failure.ts';

const RESERVED = new Set(['if', 'then', 'elif', 'else', 'fi', 'for', 'in', 'do', 'done', 'while', 'until', 'case', 'esac', '{', '}', '!']);
/** Words that end a list in a compound command (ash's and dash's `tokendlist`), with `)` and `;;`. */
const LIST_END = new Set(['then', 'do', 'done', 'elif', 'else', 'fi', 'esac', '}']);
const REDIRECTIONS = ['<', '>', '>>', '<<', '<<-', '>&', '&>', '<&'];

/** The whole input at once (whether it is complete, say). */
export function parse(input: string): List {
  return { items: [...parseLines(input)].flatMap((list) => list.items) };
}

/**
 * The input line by line, as a shell runs it: each line is parsed only when the one before it has
 * been taken, so the lines before a syntax error run before the error is thrown.
 */
export function* parseLines(input: string): Generator<List> {
  const parser = new Parser(tokenize(input));
  for (;;) {
    const line = parser.parseLine();
    if (!line) return;
    yield line;
  }
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

function unquotedText(token: Token | undefined): string | undefined {
  if (token?.kind !== 'word') return undefined;
  const text = literalText(token.word);
  return text !== undefined && isUnquotedLiteral(token.word, text) ? text : undefined;
}

class Parser {
  readonly #tokens: Token[];
  readonly #lexed: Tokens;
  #pos = 0;

  constructor(lexed: Tokens) {
    this.#lexed = lexed;
    this.#tokens = lexed.tokens;
  }

  /** The next line's commands, or undefined at the end of the input. */
  parseLine(): List | undefined {
    this.#skipNewlines();
    if (!this.#peek()) return undefined;
    const items: AndOr[] = [];
    for (;;) {
      const andOr = this.#andOr();
      items.push(andOr);
      const sep = this.#peek();
      if (!sep) return { items };
      if (sep.kind === 'newline') {
        this.#pos++;
        return { items };
      }
      if (!(sep.kind === 'op' && (sep.op === ';' || sep.op === '&'))) throw this.#unexpected(sep);
      this.#pos++;
      if (sep.op === '&') andOr.background = true;
      const after = this.#peek();
      if (!after) return { items };
      if (after.kind === 'newline') {
        this.#pos++;
        return { items };
      }
    }
  }

  /** The token at `offset`; where the lexer stopped short, what stopped it. */
  #peek(offset = 0): Token | undefined {
    const at = this.#pos + offset;
    if (at >= this.#tokens.length && this.#lexed.failure) throw this.#lexed.failure;
    return this.#tokens[at];
  }

  /** The next token; at the end of the input, `expected` is what would have done there. */
  #next(expected?: string, midLine = false): Token {
    const token = this.#peek();
    if (!token) throw this.#endOfInput(expected, midLine);
    this.#pos++;
    return token;
  }

  #isReserved(token: Token | undefined, word: string): boolean {
    return unquotedText(token) === word;
  }

  #isOp(token: Token | undefined, op: string): boolean {
    return token?.kind === 'op' && token.op === op;
  }

  #skipNewlines(): void {
    while (this.#peek()?.kind === 'newline') this.#pos++;
  }

  #unexpected(token: Token, expected?: string): ShellSyntaxError {
    const found =
      token.kind === 'newline'
        ? ({ kind: 'newline' } as const)
        : token.kind === 'op'
          ? ({ kind: 'op', text: token.op, redirection: REDIRECTIONS.includes(token.op) } as const)
          : ({ kind: 'word', text: literalText(token.word) ?? token.raw, reserved: RESERVED.has(unquotedText(token) ?? '') } as const);
    return new ShellSyntaxError({ kind: 'unexpected', found, ...(expected ? { expected } : {}), line: token.line });
  }

  /**
   * The input ended. Where a newline would have been just as wrong (after `>`), no further line can
   * mend it; elsewhere (after `|`, inside `if`) the terminal asks for one.
   */
  #endOfInput(expected?: string, midLine = false): IncompleteInput | ShellSyntaxError {
    const problem = { kind: 'unexpected', found: { kind: 'end', midLine }, ...(expected ? { expected } : {}), line: this.#lexed.endLine } as const;
    return midLine ? new ShellSyntaxError(problem) : new IncompleteInput(problem);
  }

  #expectReserved(word: string): void {
    this.#skipNewlines();
    const token = this.#next(word);
    if (!this.#isReserved(token, word)) throw this.#unexpected(token, word);
  }

  #endsList(token: Token): boolean {
    return this.#isOp(token, ')') || this.#isOp(token, ';;') || LIST_END.has(unquotedText(token) ?? '');
  }

  /**
   * A list inside a compound command, up to (not including) the word or operator that ends it.
   * Only a case branch may be empty: elsewhere a closing word in first place is itself unexpected.
   */
  #list(allowEmpty = false): List {
    const items: AndOr[] = [];
    for (;;) {
      this.#skipNewlines();
      const token = this.#peek();
      if (!token) break;
      if ((items.length > 0 || allowEmpty) && this.#endsList(token)) break;
      const andOr = this.#andOr();
      items.push(andOr);
      const sep = this.#peek();
      if (sep?.kind === 'op' && (sep.op === ';' || sep.op === '&')) {
        this.#pos++;
        if (sep.op === '&') andOr.background = true;
      } else if (sep?.kind !== 'newline') break;
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
      commands.push(this.#command());
    }
    return { negated, commands };
  }

  #command(): Command {
    const token = this.#peek();
    if (!token) throw this.#endOfInput();
    if (token.kind === 'op') {
      if (token.op === '(') {
        this.#pos++;
        const body = this.#list();
        const close = this.#next(')');
        if (!this.#isOp(close, ')')) throw this.#unexpected(close, ')');
        return { type: 'group', body, subshell: true, redirects: this.#redirects() };
      }
      if (!REDIRECTIONS.includes(token.op)) throw this.#unexpected(token);
    }
    if (token.kind === 'newline') throw this.#unexpected(token);
    if (token.kind === 'word') {
      const text = unquotedText(token);
      switch (text) {
        case '{': {
          this.#pos++;
          const body = this.#list();
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
      if (!token) throw this.#endOfInput();
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
    if (token?.kind !== 'op' || !REDIRECTIONS.includes(token.op)) return undefined;
    this.#pos++;
    const target = this.#next(undefined, true);
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
    const condition = this.#list();
    this.#expectReserved('then');
    clauses.push({ condition, body: this.#list() });
    for (;;) {
      this.#skipNewlines();
      const token = this.#next('fi');
      if (this.#isReserved(token, 'fi')) break;
      if (this.#isReserved(token, 'elif')) {
        const c = this.#list();
        this.#expectReserved('then');
        clauses.push({ condition: c, body: this.#list() });
        continue;
      }
      if (this.#isReserved(token, 'else')) {
        elseBody = this.#list();
        this.#expectReserved('fi');
        break;
      }
      throw this.#unexpected(token, 'fi');
    }
    return { type: 'if', clauses, ...(elseBody ? { elseBody } : {}), redirects: this.#redirects() };
  }

  #for(): Command {
    this.#pos++;
    const nameToken = this.#next(undefined, true);
    const variable = nameToken.kind === 'word' ? literalText(nameToken.word) : undefined;
    if (!variable || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) throw this.#unexpected(nameToken);
    let items: Word[] | undefined;
    this.#skipNewlines();
    if (this.#isReserved(this.#peek(), 'in')) {
      this.#pos++;
      items = [];
      // Every word up to `;` or the newline is an item, `do` too: `for i in 1 2 do` lacks its `;`.
      while (this.#peek()?.kind === 'word') items.push((this.#next() as Extract<Token, { kind: 'word' }>).word);
      const sep = this.#next();
      if (!this.#isOp(sep, ';') && sep.kind !== 'newline') throw this.#unexpected(sep);
    } else if (this.#isOp(this.#peek(), ';')) this.#pos++;
    this.#expectReserved('do');
    const body = this.#list();
    this.#expectReserved('done');
    return { type: 'for', variable, ...(items ? { items } : {}), body, redirects: this.#redirects() };
  }

  #while(until: boolean): Command {
    this.#pos++;
    const condition = this.#list();
    this.#expectReserved('do');
    const body = this.#list();
    this.#expectReserved('done');
    return { type: 'while', until, condition, body, redirects: this.#redirects() };
  }

  #case(): Command {
    this.#pos++;
    const subjectToken = this.#next(undefined, true);
    if (subjectToken.kind !== 'word') throw this.#unexpected(subjectToken);
    this.#expectReserved('in');
    const items: { patterns: Word[]; body: List }[] = [];
    for (;;) {
      this.#skipNewlines();
      if (this.#isReserved(this.#peek(), 'esac')) {
        this.#pos++;
        break;
      }
      if (this.#isOp(this.#peek(), '(')) this.#pos++;
      const patterns: Word[] = [];
      for (;;) {
        const p = this.#next(')');
        if (p.kind !== 'word') throw this.#unexpected(p, ')');
        patterns.push(p.word);
        const sep = this.#next(')', true);
        if (this.#isOp(sep, ')')) break;
        if (!this.#isOp(sep, '|')) throw this.#unexpected(sep, ')');
      }
      const body = this.#list(true);
      items.push({ patterns, body });
      const end = this.#next(';;');
      if (this.#isReserved(end, 'esac')) break;
      if (!this.#isOp(end, ';;')) throw this.#unexpected(end, ';;');
    }
    return { type: 'case', subject: subjectToken.word, items, redirects: this.#redirects() };
  }
}
