/** The awk program tree the parser builds and the interpreter walks. */

export type Expr =
  | { type: 'num'; value: number }
  | { type: 'str'; value: string }
  | { type: 'regex'; source: string }
  | { type: 'var'; name: string }
  | { type: 'field'; index: Expr }
  | { type: 'index'; name: string; subscripts: Expr[] }
  | { type: 'assign'; op: string; target: LValue; value: Expr }
  | { type: 'cond'; test: Expr; then: Expr; else: Expr }
  | { type: 'and' | 'or'; left: Expr; right: Expr }
  | { type: 'in'; subscripts: Expr[]; array: string }
  | { type: 'match'; negate: boolean; left: Expr; right: Expr }
  | { type: 'compare'; op: string; left: Expr; right: Expr }
  | { type: 'concat'; left: Expr; right: Expr }
  | { type: 'binary'; op: string; left: Expr; right: Expr }
  | { type: 'unary'; op: string; operand: Expr }
  | { type: 'incdec'; op: '++' | '--'; prefix: boolean; target: LValue }
  | { type: 'group'; expr: Expr }
  | { type: 'call'; name: string; args: Expr[] }
  | { type: 'builtin'; name: string; args: Expr[] }
  | { type: 'getline'; target: LValue | undefined; source: 'input' | 'file' | 'command'; from?: Expr };

export type LValue = Extract<Expr, { type: 'var' | 'field' | 'index' }>;

export interface Redirect {
  op: '>' | '>>' | '|';
  target: Expr;
}

export type Stmt =
  | { type: 'expr'; expr: Expr }
  | { type: 'print' | 'printf'; args: Expr[]; redirect?: Redirect }
  | { type: 'block'; body: Stmt[] }
  | { type: 'if'; test: Expr; then: Stmt; else?: Stmt }
  | { type: 'while'; test: Expr; body: Stmt }
  | { type: 'do'; body: Stmt; test: Expr }
  | { type: 'for'; init?: Expr; test?: Expr; update?: Expr; body: Stmt }
  | { type: 'forIn'; variable: LValue; array: string; body: Stmt }
  | { type: 'break' | 'continue' | 'next' | 'nextfile' }
  | { type: 'exit' | 'return'; value?: Expr }
  | { type: 'delete'; array: string; subscripts?: Expr[] };

export type Pattern = { type: 'begin' } | { type: 'end' } | { type: 'expr'; expr: Expr } | { type: 'range'; from: Expr; to: Expr } | { type: 'all' };

export interface Rule {
  pattern: Pattern;
  /** Left out: print the record. */
  action?: Stmt[];
}

export interface FunctionDef {
  name: string;
  params: string[];
  body: Stmt[];
}

export interface Program {
  rules: Rule[];
  /** Every /…/ literal, compiled before the program runs. */
  regexes: string[];
  functions: Map<string, FunctionDef>;
}
