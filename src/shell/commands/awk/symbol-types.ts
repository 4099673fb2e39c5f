/**
 * mawk types every name at its first reference, in the order the program is read: a name first
 * used as a scalar can never index, and an array never stands alone. A function's parameters are
 * typed on their own. A bare name passed to a user function takes the type the function gives it,
 * so it types nothing here; split's second argument is an array. A function defined after its
 * name was used as a variable is refused at its definition.
 * Models mawk's parse-time "illegal reference to [local] array|variable NAME".
 */
import type { Expr } from './ast.ts';
import { AwkSyntaxError } from './lexer.ts';

type SymbolType = 'variable' | 'array' | 'function';

interface Use {
  name: string;
  type: SymbolType;
  line: number;
  locals: ReadonlySet<string> | undefined;
  node: Expr | undefined;
}

export class SymbolTypes {
  readonly #uses: Use[] = [];

  /** A reference to `name` as a scalar or an array, inside a function with these parameters. */
  use(name: string, type: SymbolType, line: number, locals: ReadonlySet<string> | undefined, node?: Expr): void {
    this.#uses.push({ name, type, line, locals, node });
  }

  /** A bare name that turned out to be a user function's argument: untyped. */
  untype(node: Expr): void {
    const i = this.#uses.findIndex((u) => u.node === node);
    if (i >= 0) this.#uses.splice(i, 1);
  }

  /** A bare name that turned out to be split's array. */
  retype(node: Expr, type: SymbolType): void {
    const use = this.#uses.find((u) => u.node === node);
    if (use) use.type = type;
  }

  /** Throws mawk's error for the first reference that contradicts the name's type. */
  check(): void {
    const globals = new Map<string, SymbolType>();
    const locals = new Map<ReadonlySet<string>, Map<string, SymbolType>>();
    for (const use of this.#uses) {
      const isLocal = use.locals?.has(use.name) === true;
      const scope = isLocal ? (locals.get(use.locals!) ?? locals.set(use.locals!, new Map()).get(use.locals!)!) : globals;
      const known = scope.get(use.name);
      if (known === undefined) scope.set(use.name, use.type);
      else if (known !== use.type) throw new AwkSyntaxError(use.line, `illegal reference to ${isLocal ? 'local ' : ''}${known} ${use.name}`, 'semantic');
    }
  }
}
