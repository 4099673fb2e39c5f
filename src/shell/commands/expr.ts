/**
 * expr: GNU coreutils expr on the host, busybox's applet in images. Models coreutils src/expr.c:
 * eval (|) → eval1 (&) → eval2 (comparisons) → eval3 (+ -) → eval4 (* / %) → eval5 (:) →
 * eval6 (match, substr, index, length, + token) → eval7 (parentheses, a token). Integers are
 * arbitrary precision as with GMP; busybox's are 64-bit and wrap.
 */
import type { Command, Userland } from '../command.ts';
import { PosixRegex } from '../../lib/regex/posix-regex.ts';
import { RegexBudgetError, RegexSyntaxError } from '../../lib/regex/regex-syntax-error.ts';

type Value = bigint | string;

class ExprError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const INTEGER = /^-?[0-9]+$/;

/** GNU quotes an argument in its messages with quote(): curly quotes in a UTF-8 locale. */
const quote = (text: string) => `\u2018${text}\u2019`;

class ExprParser {
  #at = 0;
  constructor(
    private readonly args: string[],
    private readonly userland: Userland,
  ) {}

  private get busybox(): boolean {
    return this.userland === 'busybox';
  }

  private syntax(gnuDetail: string): never {
    throw new ExprError(this.busybox ? 'syntax error' : `syntax error: ${gnuDetail}`, 2);
  }

  private peekIs(token: string): boolean {
    return this.args[this.#at] === token;
  }

  private take(): string {
    const token = this.args[this.#at];
    if (token === undefined) this.syntax(`missing argument after ${quote(this.args[this.#at - 1] ?? '')}`);
    this.#at++;
    return token;
  }

  run(): Value {
    const value = this.eval();
    if (this.#at < this.args.length) this.syntax(`unexpected argument ${quote(this.args[this.#at]!)}`);
    return value;
  }

  private eval(): Value {
    let left = this.eval1();
    while (this.peekIs('|')) {
      this.#at++;
      const right = this.eval1();
      if (this.isNull(left)) left = this.isNull(right) ? 0n : right;
    }
    return left;
  }

  private eval1(): Value {
    let left = this.eval2();
    while (this.peekIs('&')) {
      this.#at++;
      const right = this.eval2();
      if (this.isNull(left) || this.isNull(right)) left = 0n;
    }
    return left;
  }

  private eval2(): Value {
    let left = this.eval3();
    for (;;) {
      const op = this.args[this.#at];
      if (op === undefined || !['<', '<=', '=', '==', '!=', '>=', '>'].includes(op)) return left;
      this.#at++;
      const right = this.eval3();
      const a = toText(left);
      const b = toText(right);
      const c = INTEGER.test(a) && INTEGER.test(b) ? compareBig(BigInt(a), BigInt(b)) : a < b ? -1 : a > b ? 1 : 0;
      const holds = op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '=' || op === '==' ? c === 0 : op === '!=' ? c !== 0 : op === '>=' ? c >= 0 : c > 0;
      left = holds ? 1n : 0n;
    }
  }

  private eval3(): Value {
    let left = this.eval4();
    while (this.peekIs('+') || this.peekIs('-')) {
      const op = this.args[this.#at++];
      const right = this.eval4();
      left = this.wrap(op === '+' ? this.integer(left) + this.integer(right) : this.integer(left) - this.integer(right));
    }
    return left;
  }

  private eval4(): Value {
    let left = this.eval5();
    while (this.peekIs('*') || this.peekIs('/') || this.peekIs('%')) {
      const op = this.args[this.#at++];
      const right = this.eval5();
      const a = this.integer(left);
      const b = this.integer(right);
      if (op !== '*' && b === 0n) throw new ExprError('division by zero', 2);
      left = this.wrap(op === '*' ? a * b : op === '/' ? a / b : a % b);
    }
    return left;
  }

  private eval5(): Value {
    let left = this.eval6();
    while (this.peekIs(':')) {
      this.#at++;
      left = this.match(toText(left), toText(this.eval6()));
    }
    return left;
  }

  private eval6(): Value {
    const token = this.args[this.#at];
    if (token === '+' && !this.busybox) {
      this.#at++;
      return this.take();
    }
    switch (token) {
      case 'length':
        this.#at++;
        return BigInt([...toText(this.operand())].length);
      case 'match': {
        this.#at++;
        const s = toText(this.operand());
        return this.match(s, toText(this.operand()));
      }
      case 'index': {
        this.#at++;
        const s = [...toText(this.operand())];
        const chars = new Set(toText(this.operand()));
        const at = s.findIndex((c) => chars.has(c));
        return BigInt(at + 1);
      }
      case 'substr': {
        this.#at++;
        const s = [...toText(this.operand())];
        const pos = toText(this.operand());
        const len = toText(this.operand());
        if (!INTEGER.test(pos) || !INTEGER.test(len)) return '';
        const p = BigInt(pos);
        const l = BigInt(len);
        if (p < 1n || l < 1n || p > BigInt(s.length)) return '';
        return s.slice(Number(p) - 1, Number(p) - 1 + Number(l > BigInt(s.length) ? BigInt(s.length) : l)).join('');
      }
    }
    return this.eval7();
  }

  /** An argument of match/substr/index/length: a whole eval6 in GNU's grammar. */
  private operand(): Value {
    if (this.#at >= this.args.length) this.take();
    return this.eval6();
  }

  private eval7(): Value {
    const token = this.take();
    if (token === '(') {
      const value = this.eval();
      const close = this.args[this.#at];
      if (close === undefined) this.syntax(`expecting ')' after ${quote(this.args[this.#at - 1]!)}`);
      if (close !== ')') this.syntax(`expecting ')' instead of ${quote(close)}`);
      this.#at++;
      return value;
    }
    if (token === ')') this.syntax("unexpected ')'");
    return token;
  }

  private integer(v: Value): bigint {
    if (typeof v === 'bigint') return v;
    if (!INTEGER.test(v)) throw new ExprError(this.busybox ? 'non-numeric argument' : 'non-integer argument', 2);
    return this.wrap(BigInt(v));
  }

  private wrap(n: bigint): bigint {
    return this.busybox ? BigInt.asIntN(64, n) : n;
  }

  /** GNU: the empty string and any spelling of integer zero are null; busybox: "" and 0 only. */
  isNull(v: Value): boolean {
    if (typeof v === 'bigint') return v === 0n;
    return this.busybox ? v === '' || v === '0' : v === '' || /^-?0+$/.test(v);
  }

  /** `:` — a BRE anchored at the start: the first group's text, else how many characters matched. */
  private match(text: string, pattern: string): Value {
    let regex: PosixRegex;
    try {
      regex = PosixRegex.compile(pattern, 'sed');
    } catch (error) {
      if (!(error instanceof RegexSyntaxError)) throw error;
      throw new ExprError(this.busybox ? `bad regex '${pattern}': ${error.muslMessage}` : error.gnuMessage, 2);
    }
    const m = regex.exec(text);
    const anchored = m && m.start === 0 ? m : null;
    if (regex.groupCount > 0) return anchored?.groups[1] ?? '';
    return BigInt(anchored ? [...text.slice(0, anchored.end)].length : 0);
  }
}

function compareBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function toText(v: Value): string {
  return typeof v === 'bigint' ? v.toString() : v;
}

export const expr: Command = {
  name: 'expr',
  async run(ctx) {
    let args = ctx.argv.slice(1);
    const busybox = ctx.userland === 'busybox';
    if (!busybox && args[0] === '--') args = args.slice(1);
    if (args.length === 0) {
      ctx.stderr.write(busybox ? 'expr: too few arguments\n' : "expr: missing operand\nTry 'expr --help' for more information.\n");
      return 2;
    }
    const parser = new ExprParser(args, ctx.userland);
    try {
      const value = parser.run();
      ctx.stdout.write(`${toText(value)}\n`);
      return parser.isNull(value) ? 1 : 0;
    } catch (error) {
      if (error instanceof RegexBudgetError) {
        ctx.stderr.write(busybox ? 'expr: out of memory\n' : 'expr: memory exhausted\n');
        return 3;
      }
      if (!(error instanceof ExprError)) throw error;
      ctx.stderr.write(`expr: ${error.message}\n`);
      return error.status;
    }
  },
};
