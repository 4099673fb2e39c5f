/**
 * Evaluates awk's statements and expressions. Both are async: a loop anywhere, a user function's
 * recursion included, passes `checkpoint`, and getline, system and close may run a command.
 */
import type { Expr, FunctionDef, LValue, Program, Stmt } from './ast.ts';
import type { AwkHost } from './host.ts';
import { AwkRuntimeError } from './host.ts';
import { callBuiltin } from './builtins.ts';
import { isNumeric, StrNum, toBoolean, toNumber, UNSET, type Value } from './values.ts';

export class Cell {
  value: Value = UNSET;
  array: Map<string, Value> | undefined;
  /** An unset parameter the callee may turn into an array: the caller's variable it stands for. */
  link: Cell | undefined;

  arrayOf(): Map<string, Value> {
    if (!this.array) {
      this.array = this.link ? this.link.arrayOf() : new Map();
    }
    return this.array;
  }
}

export class BreakSignal {}
export class ContinueSignal {}
export class NextSignal {}
export class ExitSignal {}
export class ReturnSignal {
  constructor(readonly value: Value) {}
}

const LOOP_WEIGHT = 1;

export class Interpreter {
  readonly globals = new Map<string, Cell>();
  #frames: Map<string, Cell>[] = [];
  #depth = 0;

  constructor(
    readonly program: Program,
    readonly host: AwkHost,
  ) {}

  cell(name: string): Cell {
    const local = this.#frames.at(-1)?.get(name);
    if (local) return local;
    let c = this.globals.get(name);
    if (!c) {
      c = new Cell();
      this.globals.set(name, c);
    }
    return c;
  }

  array(name: string): Map<string, Value> {
    const c = this.cell(name);
    if (!c.array && c.value !== UNSET) throw new AwkRuntimeError(`can't use scalar ${name} as array`);
    return c.arrayOf();
  }

  async runBlock(body: Stmt[]): Promise<void> {
    for (const stmt of body) await this.exec(stmt);
  }

  async exec(s: Stmt): Promise<void> {
    switch (s.type) {
      case 'expr':
        await this.eval(s.expr);
        return;
      case 'print': {
        let text: string;
        if (s.args.length === 0) text = this.host.record.text;
        else {
          const parts: string[] = [];
          for (const a of s.args) parts.push(this.host.outputText(await this.eval(a)));
          text = parts.join(this.host.ofs);
        }
        await this.host.write(text + this.host.ors, s.redirect && { op: s.redirect.op, target: this.host.toText(await this.eval(s.redirect.target)) });
        return;
      }
      case 'printf': {
        const values: Value[] = [];
        for (const a of s.args) values.push(await this.eval(a));
        const text = this.host.sprintf(values, 'printf');
        await this.host.write(text, s.redirect && { op: s.redirect.op, target: this.host.toText(await this.eval(s.redirect.target)) });
        return;
      }
      case 'block':
        await this.runBlock(s.body);
        return;
      case 'if':
        if (toBoolean(await this.eval(s.test))) await this.exec(s.then);
        else if (s.else) await this.exec(s.else);
        return;
      case 'while':
        while (toBoolean(await this.eval(s.test))) {
          await this.host.checkpoint(LOOP_WEIGHT);
          if (await this.loopBody(s.body)) break;
        }
        return;
      case 'do':
        do {
          await this.host.checkpoint(LOOP_WEIGHT);
          if (await this.loopBody(s.body)) break;
        } while (toBoolean(await this.eval(s.test)));
        return;
      case 'for':
        if (s.init) await this.eval(s.init);
        while (!s.test || toBoolean(await this.eval(s.test))) {
          await this.host.checkpoint(LOOP_WEIGHT);
          if (await this.loopBody(s.body)) break;
          if (s.update) await this.eval(s.update);
        }
        return;
      case 'forIn': {
        const keys = [...this.array(s.array).keys()];
        for (const key of keys) {
          await this.host.checkpoint(LOOP_WEIGHT);
          this.assign(s.variable, key);
          if (await this.loopBody(s.body)) break;
        }
        return;
      }
      case 'break':
        throw new BreakSignal();
      case 'continue':
        throw new ContinueSignal();
      case 'next':
        throw new NextSignal();
      case 'nextfile':
        this.host.skipFile();
        throw new NextSignal();
      case 'exit':
        if (s.value) this.host.exitStatus = Math.trunc(toNumber(await this.eval(s.value))) & 0xff;
        throw new ExitSignal();
      case 'return':
        throw new ReturnSignal(s.value ? await this.eval(s.value) : UNSET);
      case 'delete': {
        const array = this.array(s.array);
        if (!s.subscripts) array.clear();
        else array.delete(await this.subscript(s.subscripts));
        return;
      }
    }
  }

  /** Runs one round of a loop; true when it broke out. */
  private async loopBody(body: Stmt): Promise<boolean> {
    try {
      await this.exec(body);
    } catch (signal) {
      if (signal instanceof BreakSignal) return true;
      if (signal instanceof ContinueSignal) return false;
      throw signal;
    }
    return false;
  }

  async subscript(subscripts: Expr[]): Promise<string> {
    const parts: string[] = [];
    for (const e of subscripts) parts.push(this.host.toText(await this.eval(e)));
    return parts.join(this.host.subsep);
  }

  async eval(e: Expr): Promise<Value> {
    switch (e.type) {
      case 'num':
        return e.value;
      case 'str':
        return e.value;
      case 'regex':
        return this.host.regex(e.source).test(this.host.record.text) ? 1 : 0;
      case 'var':
        return this.readVar(e.name);
      case 'field':
        return this.host.record.field(this.fieldIndex(await this.eval(e.index)));
      case 'index': {
        const key = await this.subscript(e.subscripts);
        const array = this.array(e.name);
        const v = array.get(key);
        if (v !== undefined) return v;
        array.set(key, UNSET);
        return UNSET;
      }
      case 'group':
        return this.eval(e.expr);
      case 'assign':
        return this.assignment(e.op, e.target, e.value);
      case 'cond':
        return toBoolean(await this.eval(e.test)) ? this.eval(e.then) : this.eval(e.else);
      case 'and':
        return toBoolean(await this.eval(e.left)) && toBoolean(await this.eval(e.right)) ? 1 : 0;
      case 'or':
        return toBoolean(await this.eval(e.left)) || toBoolean(await this.eval(e.right)) ? 1 : 0;
      case 'in':
        return this.array(e.array).has(await this.subscript(e.subscripts)) ? 1 : 0;
      case 'match': {
        const text = this.host.toText(await this.eval(e.left));
        const matched = (await this.regexOf(e.right)).test(text);
        return matched !== e.negate ? 1 : 0;
      }
      case 'compare':
        return compareValues(e.op, await this.eval(e.left), await this.eval(e.right), (v) => this.host.toText(v)) ? 1 : 0;
      case 'concat':
        return this.host.toText(await this.eval(e.left)) + this.host.toText(await this.eval(e.right));
      case 'binary':
        return this.arithmetic(e.op, toNumber(await this.eval(e.left)), toNumber(await this.eval(e.right)));
      case 'unary': {
        const v = await this.eval(e.operand);
        if (e.op === '!') return toBoolean(v) ? 0 : 1;
        return e.op === '-' ? -toNumber(v) : toNumber(v);
      }
      case 'incdec': {
        const old = toNumber(await this.read(e.target));
        const updated = e.op === '++' ? old + 1 : old - 1;
        await this.store(e.target, updated);
        return e.prefix ? updated : old;
      }
      case 'call':
        return this.call(e.name, e.args);
      case 'builtin':
        return callBuiltin(this, e.name, e.args);
      case 'getline':
        return this.host.getline(this, e);
    }
  }

  async regexOf(e: Expr) {
    return this.host.regex(e.type === 'regex' ? e.source : this.host.toText(await this.eval(e)));
  }

  private fieldIndex(v: Value): number {
    const n = Math.trunc(toNumber(v));
    if (n < 0) throw new AwkRuntimeError(`negative field index $${n}`);
    return n;
  }

  readVar(name: string): Value {
    if (name === 'NF' && !this.#frames.at(-1)?.has(name)) return this.host.record.nf;
    const c = this.cell(name);
    if (c.array) throw new AwkRuntimeError(`can't use array ${name} in scalar context`);
    return c.value;
  }

  async read(target: LValue): Promise<Value> {
    return this.eval(target);
  }

  async store(target: LValue, value: Value): Promise<void> {
    switch (target.type) {
      case 'var':
        this.assign(target, value);
        return;
      case 'field':
        this.host.record.setField(this.fieldIndex(await this.eval(target.index)), value);
        return;
      case 'index':
        this.array(target.name).set(await this.subscript(target.subscripts), value);
        return;
    }
  }

  /** Stores into a plain variable; the special ones take effect at once. */
  assign(target: LValue, value: Value): void {
    if (target.type !== 'var') throw new AwkRuntimeError('internal: assign to non-variable');
    const name = target.name;
    const c = this.cell(name);
    if (c.array) throw new AwkRuntimeError(`can't assign to ${name}; it's an array name.`);
    if (name === 'NF' && this.globals.get(name) === c) {
      this.host.record.nf = Math.max(0, Math.trunc(toNumber(value)));
      return;
    }
    c.value = value;
    if (this.globals.get(name) === c) this.host.specialChanged(name);
  }

  private async assignment(op: string, target: LValue, valueExpr: Expr): Promise<Value> {
    let value: Value;
    if (op === '=') {
      value = await this.eval(valueExpr);
    } else {
      const right = toNumber(await this.eval(valueExpr));
      const left = toNumber(await this.read(target));
      value = this.arithmetic(op.slice(0, -1), left, right);
    }
    await this.store(target, value);
    return value;
  }

  /** mawk divides as C doubles do (1/0 is inf); busybox awk refuses. */
  private arithmetic(op: string, a: number, b: number): number {
    if ((op === '/' || op === '%') && b === 0 && this.host.ctx.userland === 'busybox') throw new AwkRuntimeError('Division by zero');
    return arithmetic(op, a, b);
  }

  private async call(name: string, args: Expr[]): Promise<Value> {
    const fn: FunctionDef | undefined = this.program.functions.get(name);
    if (!fn) throw new AwkRuntimeError(`function ${name} never defined`);
    if (args.length > fn.params.length) throw new AwkRuntimeError(`too many arguments in call to ${name}`);
    const frame = new Map<string, Cell>();
    for (let i = 0; i < fn.params.length; i++) {
      const local = new Cell();
      const arg = args[i];
      if (arg?.type === 'var') {
        const outer = this.cell(arg.name);
        if (outer.array) local.array = outer.array;
        else if (outer.value === UNSET && !(arg.name === 'NF')) local.link = outer;
        else local.value = this.readVar(arg.name);
      } else if (arg) local.value = await this.eval(arg);
      frame.set(fn.params[i]!, local);
    }
    if (++this.#depth > 10_000) throw new AwkRuntimeError('function call nesting too deep');
    this.#frames.push(frame);
    try {
      await this.host.checkpoint(LOOP_WEIGHT);
      await this.runBlock(fn.body);
      return UNSET;
    } catch (signal) {
      if (signal instanceof ReturnSignal) return signal.value;
      throw signal;
    } finally {
      this.#frames.pop();
      this.#depth--;
    }
  }
}

export function compareValues(op: string, a: Value, b: Value, toText: (v: Value) => string): boolean {
  let c: number;
  if (isNumeric(a) && isNumeric(b)) {
    const x = toNumber(a);
    const y = toNumber(b);
    c = x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN;
  } else {
    const x = toText(a);
    const y = toText(b);
    c = x < y ? -1 : x > y ? 1 : 0;
  }
  switch (op) {
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
    case '==':
      return c === 0;
    default:
      return c !== 0;
  }
}

function arithmetic(op: string, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '%':
      return a % b;
    default:
      return Math.pow(a, b);
  }
}
