/**
 * The parser's view of the lexer's tokens: where it stands, what reserved words and operators
 * look like, and the syntax errors a token in the wrong place (or the input's end) raises.
 */
import type { Word } from './ast.ts';
import type { Token, Tokens } from './lexer.ts';
import { IncompleteInput, ShellSyntaxError } from './syntax-failure.ts';

const RESERVED = new Set(['if', 'then', 'elif', 'else', 'fi', 'for', 'in', 'do', 'done', 'while', 'until', 'case', 'esac', '{', '}', '!']);
/** Words that end a list in a compound command (ash's and dash's `tokendlist`), with `)` and `;;`. */
const LIST_END = new Set(['then', 'do', 'done', 'elif', 'else', 'fi', 'esac', '}']);
export const REDIRECTIONS = ['<', '>', '>>', '<<<', '<<', '<<-', '>&', '&>', '<&'];

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

export function unquotedText(token: Token | undefined): string | undefined {
  if (token?.kind !== 'word') return undefined;
  const text = literalText(token.word);
  return text !== undefined && isUnquotedLiteral(token.word, text) ? text : undefined;
}

export class TokenCursor {
  readonly #tokens: Token[];
  readonly #lexed: Tokens;
  #pos = 0;

  constructor(lexed: Tokens) {
    this.#lexed = lexed;
    this.#tokens = lexed.tokens;
  }

  /** Steps past `count` tokens already looked at. */
  advance(count = 1): void {
    this.#pos += count;
  }

  /** The token at `offset`; where the lexer stopped short, what stopped it. */
  peek(offset = 0): Token | undefined {
    const at = this.#pos + offset;
    if (at >= this.#tokens.length && this.#lexed.failure) throw this.#lexed.failure;
    return this.#tokens[at];
  }

  /** The next token; at the end of the input, `expected` is what would have done there. */
  next(expected?: string, midLine = false): Token {
    const token = this.peek();
    if (!token) throw this.endOfInput(expected, midLine);
    this.#pos++;
    return token;
  }

  isReserved(token: Token | undefined, word: string): boolean {
    return unquotedText(token) === word;
  }

  isOp(token: Token | undefined, op: string): boolean {
    return token?.kind === 'op' && token.op === op;
  }

  skipNewlines(): void {
    while (this.peek()?.kind === 'newline') this.#pos++;
  }

  unexpected(token: Token, expected?: string): ShellSyntaxError {
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
  endOfInput(expected?: string, midLine = false): IncompleteInput | ShellSyntaxError {
    const problem = { kind: 'unexpected', found: { kind: 'end', midLine }, ...(expected ? { expected } : {}), line: this.#lexed.endLine } as const;
    return midLine ? new ShellSyntaxError(problem) : new IncompleteInput(problem);
  }

  expectReserved(word: string): void {
    this.skipNewlines();
    const token = this.next(word);
    if (!this.isReserved(token, word)) throw this.unexpected(token, word);
  }

  endsList(token: Token): boolean {
    return this.isOp(token, ')') || this.isOp(token, ';;') || LIST_END.has(unquotedText(token) ?? '');
  }
}
