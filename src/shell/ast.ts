/** The shell's syntax tree: what the parser builds and the interpreter walks. */

export type WordPart =
  | { type: 'literal'; text: string; quoted: boolean }
  | {
      type: 'parameter';
      name: string;
      /** `${a[i]}`: the subscript as written (`@`, `*`, an arithmetic expression or a key). */
      index?: string;
      /** `${!a[@]}`: the keys, not the values. */
      indices?: boolean;
      /** `${!prefix@}`: the names of the variables that start with `name`. */
      prefixed?: boolean;
      /** `${!name}`: the value of the variable whose name `name` holds. */
      indirect?: boolean;
      /** `op` is `:` for `${v:offset:length}`, whose word holds `offset:length`; `/` ops keep the replacement apart. */
      modifier?: { op: string; word: Word; replacement?: Word };
      length?: boolean;
      quoted: boolean;
    }
  | { type: 'command'; source: string; quoted: boolean }
  | { type: 'arithmetic'; source: string; quoted: boolean }
  /** `<(…)` (the command's output as a file to read) or `>(…)` (a file whose content feeds the command). */
  | { type: 'process'; source: string; direction: '<' | '>'; quoted: false };

export interface Word {
  parts: WordPart[];
  /** Set on the delimiter word of a here-document: its body, filled in by the lexer. */
  heredoc?: { body: string; quoted: boolean };
  /** `name=(…)` or `name+=(…)`: the elements of a compound array assignment. */
  array?: Word[];
  /** `(( expression ))` in command position: the expression, unexpanded. */
  arithmetic?: string;
}

export interface Redirect {
  /** `>`, `>>`, `<`, `>&`, `<<`, `<<-`, `&>` */
  op: string;
  fd: number;
  target: Word;
  /** Here-document body (already read), and whether its delimiter was quoted. */
  heredoc?: { body: string; quoted: boolean };
}

export interface Assignment {
  name: string;
  value: Word;
  /** `a[i]=v`: the subscript as written. */
  index?: string;
  /** `a+=v`, `a+=(…)`. */
  append?: boolean;
}

export type Command =
  | { type: 'simple'; assignments: Assignment[]; words: Word[]; redirects: Redirect[]; line: number }
  | { type: 'group'; body: List; redirects: Redirect[]; subshell: boolean }
  | { type: 'if'; clauses: { condition: List; body: List }[]; elseBody?: List; redirects: Redirect[] }
  | { type: 'for'; variable: string; items?: Word[]; body: List; redirects: Redirect[] }
  | { type: 'while'; until: boolean; condition: List; body: List; redirects: Redirect[] }
  | { type: 'case'; subject: Word; items: { patterns: Word[]; body: List }[]; redirects: Redirect[] }
  | { type: 'function'; name: string; body: Command }
  | { type: 'arithmetic'; source: string; redirects: Redirect[]; line: number }
  /** `for (( init; test; step ))`: each part an arithmetic expression, empty when left out. */
  | { type: 'arithmetic-for'; init: string; test: string; step: string; body: List; redirects: Redirect[]; line: number };

export interface Pipeline {
  negated: boolean;
  commands: Command[];
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
  background: boolean;
}

export interface List {
  items: AndOr[];
}
