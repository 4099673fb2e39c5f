/**
 * What stops the lexer or parser: input that more lines could complete (the terminal asks for
 * another line, a script ends in an error), or input no more lines can mend.
 */
import type { SyntaxProblem } from './syntax-problem.ts';

/** More input could complete it: the terminal asks for another line, a script ends in an error. */
export class IncompleteInput extends Error {
  readonly problem: SyntaxProblem;

  constructor(problem: SyntaxProblem) {
    super('incomplete input');
    this.problem = problem;
  }
}

/** No more input can mend it. */
export class ShellSyntaxError extends Error {
  readonly problem: SyntaxProblem;

  constructor(problem: SyntaxProblem) {
    super(problem.kind === 'message' ? problem.text : 'syntax error');
    this.problem = problem;
  }
}

/** Input that ends inside a here-document's body: only a line equal to `delimiter` can complete it. */
export class IncompleteHeredoc extends IncompleteInput {
  readonly delimiter: string;
  /** `<<-`: the delimiter line may start with tabs. */
  readonly stripTabs: boolean;

  constructor(problem: SyntaxProblem, delimiter: string, stripTabs: boolean) {
    super(problem);
    this.delimiter = delimiter;
    this.stripTabs = stripTabs;
  }
}

export type SyntaxFailure = IncompleteInput | ShellSyntaxError;
