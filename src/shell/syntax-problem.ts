/**
 * What the lexer or parser found where the input stops making sense, as data: each shell words it
 * its own way (bash's `near unexpected token`, dash's `"fi" unexpected (expecting "done")`, ash's
 * `unexpected "fi"`), and that wording is chosen where the error is printed, not here.
 */

/** The token in the way: a word (reserved or not), an operator, a newline, or the end of the input. */
export type FoundToken =
  | { kind: 'word'; text: string; reserved: boolean }
  | { kind: 'op'; text: string; redirection: boolean }
  | { kind: 'newline' }
  /**
   * `midLine`: the input ended where not even a newline may come (after `>`), so a shell that sees
   * the line's newline first (bash, any shell at a prompt) names the newline instead.
   */
  | { kind: 'end'; midLine: boolean };

/** Something opened and never closed before the input ended. */
export type Unterminated = "'" | '"' | '`' | '$(' | '${';

export type SyntaxProblem =
  | {
      kind: 'unexpected';
      found: FoundToken;
      /** The one reserved word or operator that would have done there (`fi`, `done`, `)`, `;;`). */
      expected?: string;
      /** The line the token is on (the end of the input's: 1 + its newlines). */
      line: number;
    }
  | { kind: 'unterminated'; what: Unterminated; /** where it was opened */ line: number; /** where the input ends */ endLine: number }
  /** Worded the same by every shell (`${x!}: bad substitution`). */
  | { kind: 'message'; text: string };
