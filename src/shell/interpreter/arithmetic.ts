/**
 * Shell arithmetic (`$(( ))`, `(( ))`, `let`, array subscripts) on 64-bit integers, with bash's
 * operators and precedence, lowest first:
 *
 *   , | = *= /= %= += -= <<= >>= &= ^= |= | ?: | || | && | `|` | ^ | & | == != | < > <= >=
 *   | << >> | + - | * / % | ** | ! ~ unary + - , prefix ++ -- | postfix ++ -- | ( ) numbers names
 *
 * Numbers are decimal, 0x hex, 0 octal or BASE#DIGITS; a variable's value is itself evaluated.
 * Models bash's expr.c (expcomma … exp0) and its messages, "(error token is …)" included.
 */

/** An arithmetic expression bash refuses; the message is bash's, after its `bash: ` prefix. */
export class ArithmeticError extends Error {}

export interface ArithmeticVariables {
  get(name: string, key?: string): string | undefined;
  set(name: string, value: string, key?: string): void;
  /** True where `name[...]` keys by string (associative arrays). */
  isAssoc(name: string): boolean;
}

interface Token {
  text: string;
  at: number;
  /** A character no operator starts with. */
  unknown?: boolean;
}

const OPERATORS = ['<<=', '>>=', '**', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '*=', '/=', '%=', '+=', '-=', '&=', '^=', '|=', ...'+-*/%<>=!~&^|?:,()[]'];
const ASSIGNMENTS = new Set(['=', '*=', '/=', '%=', '+=', '-=', '<<=', '>>=', '&=', '^=', '|=']);
/** bash recurses into a variable's value; this many expressions deep it is "expression recursion level exceeded". */
const MAX_DEPTH = 1024;

const wrap = (n: bigint) => BigInt.asIntN(64, n);

/** One expression being evaluated, and where in it the variable whose value is evaluated next starts. */
interface Level {
  source: string;
  readAt: number;
}

export function evaluateArithmetic(source: string, vars: ArithmeticVariables): bigint {
  const chain: Level[] = [];
  try {
    return new Evaluation(source, vars, chain).run();
  } catch (error) {
    // A chain of distinct variables deeper than the JavaScript stack: bash would go on to its limit.
    if (!(error instanceof RangeError) || chain.length === 0) throw error;
    throw recursionExceeded(chain.at(-1)!);
  }
}

function recursionExceeded(level: Level): ArithmeticError {
  return new ArithmeticError(`${level.source}: expression recursion level exceeded (error token is "${level.source.slice(level.readAt)}")`);
}

/**
 * A variable whose value leads back to an expression already being evaluated recurses until bash's
 * limit, repeating the same expressions: the one bash reports at its limit is known without going
 * there (which would take more stack than JavaScript has).
 */
function cycleLimit(chain: Level[]): ArithmeticError | undefined {
  const depth = chain.length - 1;
  const source = chain[depth]!.source;
  for (let earlier = depth - 1; earlier >= 0; earlier--) {
    if (chain[earlier]!.source !== source) continue;
    const period = depth - earlier;
    return recursionExceeded(chain[earlier + ((MAX_DEPTH - 1 - earlier) % period)]!);
  }
  return undefined;
}

interface LValue {
  name: string;
  key?: string;
  /** Where its name starts in the expression. */
  at: number;
}

class Evaluation {
  readonly #source: string;
  readonly #tokens: Token[] = [];
  #i = 0;
  /** Inside the untaken side of && || ?: nothing is assigned and no division fails. */
  #noeval = 0;

  constructor(
    source: string,
    readonly vars: ArithmeticVariables,
    readonly chain: Level[],
  ) {
    this.#source = source.trimStart();
    const re = /\s+|([0-9][0-9A-Za-z@_#]*)|([A-Za-z_][A-Za-z0-9_]*)/y;
    let at = 0;
    const text = this.#source;
    while (at < text.length) {
      re.lastIndex = at;
      const m = re.exec(text);
      if (m) {
        if (m[1] !== undefined || m[2] !== undefined) this.#tokens.push({ text: m[0], at });
        at = re.lastIndex;
        continue;
      }
      const op = OPERATORS.find((o) => text.startsWith(o, at));
      // bash's readtok takes any other character as a token; the parser then finds it where an
      // operand (`1 + @`) or an operator (`1 @`) should be, and says which.
      if (!op) {
        this.#tokens.push({ text: text[at]!, at, unknown: true });
        break;
      }
      this.#tokens.push({ text: op, at });
      at += op.length;
    }
  }

  run(): bigint {
    if (this.#tokens.length === 0) return 0n;
    this.chain.push({ source: this.#source, readAt: 0 });
    const value = this.#comma();
    const rest = this.#tokens[this.#i];
    if (rest) throw this.#fail('syntax error in expression', rest.at);
    this.chain.pop();
    return value;
  }

  /** Evaluates a variable's value or a subscript, one expression deeper, as bash's evalexp does. */
  #nested(source: string, at: number): bigint {
    const level = this.chain.at(-1)!;
    level.readAt = at;
    if (this.chain.length >= MAX_DEPTH) throw recursionExceeded(level);
    const nested = new Evaluation(source, this.vars, this.chain);
    if (nested.#tokens.length === 0) return 0n;
    this.chain.push({ source: nested.#source, readAt: 0 });
    const cycle = cycleLimit(this.chain);
    this.chain.pop();
    if (cycle) throw cycle;
    return nested.run();
  }

  #fail(message: string, at: number): ArithmeticError {
    return new ArithmeticError(`${this.#source}: ${message} (error token is "${this.#source.slice(at)}")`);
  }

  #peek(): string | undefined {
    return this.#tokens[this.#i]?.text;
  }

  #at(): number {
    return this.#tokens[this.#i]?.at ?? this.#source.length;
  }

  #accept(...ops: string[]): string | undefined {
    const t = this.#peek();
    if (t !== undefined && ops.includes(t)) {
      this.#i++;
      return t;
    }
    return undefined;
  }

  #comma(): bigint {
    let v = this.#assign();
    while (this.#accept(',')) v = this.#assign();
    return v;
  }

  #assign(): bigint {
    const start = this.#i;
    const target = this.#lvalue();
    if (target && ASSIGNMENTS.has(this.#peek() ?? '')) {
      const op = this.#tokens[this.#i]!;
      this.#i++;
      const rhs = this.#assign();
      const value = op.text === '=' ? rhs : this.#binary(op.text.slice(0, -1), this.#read(target), rhs, op.at);
      this.#write(target, value);
      return value;
    }
    this.#i = start;
    const value = this.#conditional();
    const next = this.#tokens[this.#i];
    if (next && ASSIGNMENTS.has(next.text)) throw this.#fail('attempted assignment to non-variable', next.at);
    return value;
  }

  #conditional(): bigint {
    const test = this.#or();
    if (!this.#accept('?')) return test;
    if (!test) this.#noeval++;
    const yes = this.#comma();
    if (!test) this.#noeval--;
    if (!this.#accept(':')) throw this.#fail("`:' expected for conditional expression", this.#at());
    if (test) this.#noeval++;
    const no = this.#conditional();
    if (test) this.#noeval--;
    return test ? yes : no;
  }

  #or(): bigint {
    let v = this.#and();
    while (this.#accept('||')) {
      if (v) this.#noeval++;
      const r = this.#and();
      if (v) this.#noeval--;
      v = v || r ? 1n : 0n;
    }
    return v;
  }

  #and(): bigint {
    let v = this.#level(0);
    while (this.#accept('&&')) {
      if (!v) this.#noeval++;
      const r = this.#level(0);
      if (!v) this.#noeval--;
      v = v && r ? 1n : 0n;
    }
    return v;
  }

  static readonly LEVELS = [['|'], ['^'], ['&'], ['==', '!='], ['<=', '>=', '<', '>'], ['<<', '>>'], ['+', '-'], ['*', '/', '%']];

  #level(n: number): bigint {
    if (n === Evaluation.LEVELS.length) return this.#power();
    let v = this.#level(n + 1);
    for (;;) {
      const token = this.#tokens[this.#i];
      if (!token || !Evaluation.LEVELS[n]!.includes(token.text)) return v;
      // `a || b` and `a && b` are read a level up; `|` here must not swallow them.
      this.#i++;
      const r = this.#level(n + 1);
      v = this.#binary(token.text, v, r, this.#tokens[this.#i - 1]?.at ?? token.at);
    }
  }

  #power(): bigint {
    const base = this.#unary();
    const op = this.#tokens[this.#i];
    if (op?.text !== '**') return base;
    this.#i++;
    const exponent = this.#power();
    if (exponent < 0n) throw this.#fail('exponent less than 0', op.at + 2);
    return this.#noeval ? 0n : wrap(base ** exponent);
  }

  #unary(): bigint {
    const op = this.#accept('!', '~', '-', '+', '++', '--');
    if (op === '!') return this.#unary() ? 0n : 1n;
    if (op === '~') return wrap(~this.#unary());
    if (op === '-') return wrap(-this.#unary());
    if (op === '+') return this.#unary();
    if (op === '++' || op === '--') {
      const at = this.#at();
      const target = this.#lvalue();
      if (!target) throw this.#fail('syntax error: operand expected', at);
      const value = wrap(this.#read(target) + (op === '++' ? 1n : -1n));
      this.#write(target, value);
      return value;
    }
    return this.#primary();
  }

  #primary(): bigint {
    const value = this.#operand();
    const next = this.#tokens[this.#i];
    if (next?.unknown) throw this.#fail('syntax error: invalid arithmetic operator', next.at);
    return value;
  }

  #operand(): bigint {
    const token = this.#tokens[this.#i];
    if (token?.unknown) throw this.#fail('syntax error: operand expected', token.at);
    if (!token || [')', ']', ':', '?', ','].includes(token.text) || OPERATORS.includes(token.text))
      if (token?.text !== '(') throw this.#fail('syntax error: operand expected', token?.at ?? this.#tokens.at(-1)?.at ?? 0);
    if (this.#accept('(')) {
      const v = this.#comma();
      if (!this.#accept(')')) throw this.#fail("missing `)'", this.#at());
      return v;
    }
    if (/^[0-9]/.test(token!.text)) {
      this.#i++;
      return this.#number(token!);
    }
    const target = this.#lvalue()!;
    const post = this.#accept('++', '--');
    const value = this.#read(target);
    if (post) this.#write(target, wrap(value + (post === '++' ? 1n : -1n)));
    return value;
  }

  #lvalue(): LValue | undefined {
    const token = this.#tokens[this.#i];
    if (!token || !/^[A-Za-z_]/.test(token.text)) return undefined;
    this.#i++;
    if (this.#peek() !== '[') return { name: token.text, at: token.at };
    this.#i++;
    const open = this.#tokens[this.#i - 1]!;
    let depth = 1;
    let j = this.#i;
    for (; j < this.#tokens.length; j++) {
      if (this.#tokens[j]!.text === '[') depth++;
      if (this.#tokens[j]!.text === ']' && --depth === 0) break;
    }
    if (j === this.#tokens.length) throw this.#fail('bad array subscript', open.at);
    const inner = this.#source.slice(open.at + 1, this.#tokens[j]!.at);
    this.#i = j + 1;
    const key = this.vars.isAssoc(token.text) ? inner : String(this.#nested(inner, open.at + 1));
    return { name: token.text, key, at: token.at };
  }

  #read(target: LValue): bigint {
    const text = this.vars.get(target.name, target.key) ?? '';
    if (text.trim() === '') return 0n;
    if (/^\s*-?[0-9]+\s*$/.test(text)) return wrap(BigInt(text.trim()));
    return this.#nested(text, target.at);
  }

  #write(target: LValue, value: bigint): void {
    if (!this.#noeval) this.vars.set(target.name, String(value), target.key);
  }

  #binary(op: string, a: bigint, b: bigint, at: number): bigint {
    if (this.#noeval) return 0n;
    switch (op) {
      case '|':
        return a | b;
      case '^':
        return a ^ b;
      case '&':
        return a & b;
      case '==':
        return a === b ? 1n : 0n;
      case '!=':
        return a !== b ? 1n : 0n;
      case '<':
        return a < b ? 1n : 0n;
      case '>':
        return a > b ? 1n : 0n;
      case '<=':
        return a <= b ? 1n : 0n;
      case '>=':
        return a >= b ? 1n : 0n;
      case '<<':
        return wrap(a << (b & 63n));
      case '>>':
        return a >> (b & 63n);
      case '+':
        return wrap(a + b);
      case '-':
        return wrap(a - b);
      case '*':
        return wrap(a * b);
      case '/':
      case '%':
        if (b === 0n) throw this.#fail('division by 0', at);
        return wrap(op === '/' ? a / b : a % b);
    }
    return 0n;
  }

  /** Models expr.c strlong: 0x hex, leading-0 octal, BASE#DIGITS with digits 0-9 a-z A-Z @ _. */
  #number(token: Token): bigint {
    const text = token.text;
    let base = 10n;
    let digits = text;
    const hash = text.indexOf('#');
    if (hash >= 0) {
      base = BigInt(text.slice(0, hash));
      digits = text.slice(hash + 1);
      if (base < 2n || base > 64n) throw this.#fail('invalid arithmetic base', token.at);
      if (digits === '') throw this.#fail('invalid integer constant', token.at);
    } else if (/^0[xX]/.test(text)) {
      base = 16n;
      digits = text.slice(2);
    } else if (text.length > 1 && text.startsWith('0')) base = 8n;
    let value = 0n;
    for (const ch of digits) {
      const d = digitValue(ch, base);
      if (d === undefined || d >= base) throw this.#fail('value too great for base', token.at);
      value = wrap(value * base + d);
    }
    return value;
  }
}

function digitValue(ch: string, base: bigint): bigint | undefined {
  if (/[0-9]/.test(ch)) return BigInt(ch.charCodeAt(0) - 48);
  if (/[a-z]/.test(ch)) return BigInt(ch.charCodeAt(0) - 97 + 10);
  // Up to base 36 upper case is lower case; above, A-Z are 36-61.
  if (/[A-Z]/.test(ch)) return BigInt(ch.charCodeAt(0) - 65 + (base <= 36n ? 10 : 36));
  if (ch === '@') return 62n;
  if (ch === '_') return 63n;
  return undefined;
}
