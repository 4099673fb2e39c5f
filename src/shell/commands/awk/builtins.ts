/** awk's built-in functions (POSIX awk "Functions"), with mawk's readings where POSIX leaves room. */
import type { Expr } from './ast.ts';
import { AwkRuntimeError } from './host.ts';
import type { Interpreter } from './interpreter.ts';
import { byteLength, byteSlice, bytesBefore } from './bytes.ts';
import { splitByRegex } from './record.ts';
import { inputValue, toNumber, UNSET, type Value } from './values.ts';

export async function callBuiltin(interp: Interpreter, name: string, args: Expr[]): Promise<Value> {
  const host = interp.host;
  const text = async (i: number): Promise<string> => host.toText(await interp.eval(args[i]!));
  const num = async (i: number): Promise<number> => toNumber(await interp.eval(args[i]!));
  const arity = (min: number, max: number) => {
    if (args.length < min || args.length > max) throw new AwkRuntimeError(`wrong number of arguments in call to ${name}`);
  };
  switch (name) {
    case 'length': {
      arity(0, 1);
      if (args.length === 0) return byteLength(host.record.text);
      const a = args[0]!;
      if (a.type === 'var' && interp.cell(a.name).array) return interp.cell(a.name).array!.size;
      return byteLength(await text(0));
    }
    case 'substr': {
      arity(2, 3);
      return substr(await text(0), await num(1), args.length === 3 ? await num(2) : undefined, host.ctx.userland === 'busybox');
    }
    case 'index': {
      arity(2, 2);
      const s = await text(0);
      const at = s.indexOf(await text(1));
      return at < 0 ? 0 : bytesBefore(s, at) + 1;
    }
    case 'split': {
      arity(2, 3);
      const s = await text(0);
      const target = args[1]!;
      if (target.type !== 'var') throw new AwkRuntimeError('split: second argument is not an array');
      let parts: string[];
      if (args.length === 3) {
        const sep = args[2]!;
        const fs = sep.type === 'regex' ? undefined : await text(2);
        if (fs === ' ') parts = s.split(/[ \t\n]+/).filter((f) => f !== '');
        else if (fs !== undefined && fs.length === 1) parts = s === '' ? [] : s.split(fs);
        else if (fs === '') parts = [...s];
        else parts = s === '' ? [] : splitByRegex(s, await interp.regexOf(sep));
      } else parts = host.splitWithFs(s);
      const array = interp.array(target.name);
      array.clear();
      parts.forEach((p, i) => array.set(String(i + 1), inputValue(p)));
      return parts.length;
    }
    case 'sub':
    case 'gsub': {
      arity(2, 3);
      const regex = await interp.regexOf(args[0]!);
      const replacement = await text(1);
      const target = args[2] ?? ({ type: 'field', index: { type: 'num', value: 0 } } as const);
      if (target.type !== 'var' && target.type !== 'field' && target.type !== 'index') throw new AwkRuntimeError(`${name}: third argument is not a variable`);
      const subject = host.toText(await interp.read(target));
      let count = 0;
      let out = '';
      let last = 0;
      for (const m of regex.matchAll(subject)) {
        out += subject.slice(last, m.start) + expandReplacement(replacement, subject.slice(m.start, m.end));
        last = m.end;
        count++;
        if (name === 'sub') break;
      }
      if (count === 0) return 0;
      await interp.store(target, out + subject.slice(last));
      return count;
    }
    case 'match': {
      arity(2, 2);
      const s = await text(0);
      const m = (await interp.regexOf(args[1]!)).exec(s);
      const start = m ? bytesBefore(s, m.start) + 1 : 0;
      const length = m ? byteLength(s.slice(m.start, m.end)) : -1;
      host.setVar('RSTART', start);
      host.setVar('RLENGTH', length);
      return start;
    }
    case 'sprintf': {
      if (args.length === 0) throw new AwkRuntimeError(`wrong number of arguments in call to sprintf`);
      const values: Value[] = [];
      for (const a of args) values.push(await interp.eval(a));
      return host.sprintf(values, 'sprintf');
    }
    case 'tolower':
      arity(1, 1);
      return (await text(0)).replace(/[A-Z]+/g, (c) => c.toLowerCase());
    case 'toupper':
      arity(1, 1);
      return (await text(0)).replace(/[a-z]+/g, (c) => c.toUpperCase());
    case 'int':
      arity(1, 1);
      return Math.trunc(await num(0));
    case 'sqrt':
      arity(1, 1);
      return Math.sqrt(await num(0));
    case 'exp':
      arity(1, 1);
      return Math.exp(await num(0));
    case 'log':
      arity(1, 1);
      return Math.log(await num(0));
    case 'sin':
      arity(1, 1);
      return Math.sin(await num(0));
    case 'cos':
      arity(1, 1);
      return Math.cos(await num(0));
    case 'atan2':
      arity(2, 2);
      return Math.atan2(await num(0), await num(1));
    case 'rand':
      arity(0, 0);
      return host.random.rand();
    case 'srand':
      arity(0, 1);
      return host.random.srand(args.length ? await interp.eval(args[0]!) : Math.trunc(host.ctx.time.now() / 1000));
    case 'system':
      arity(1, 1);
      return host.system(await text(0));
    case 'close':
      arity(1, 1);
      return host.close(await text(0));
    case 'fflush':
      host.flush();
      return 0;
  }
  void UNSET;
  throw new AwkRuntimeError(`function ${name} never defined`);
}

/**
 * substr as mawk 1.3.4 20200120 computes it, measured: the start is truncated, and a start before
 * 1 lengthens the piece taken from 1 by as much (`substr("hello", -1, 3)` is "hell").
 */
function substr(text: string, m: number, n: number | undefined, busybox: boolean): string {
  if (Number.isNaN(m) || (n !== undefined && Number.isNaN(n))) return '';
  const start = Math.trunc(m);
  let count = n === undefined ? Infinity : Math.trunc(n);
  // busybox awk instead moves a start before 1 up to 1 and keeps the length.
  if (start < 1 && !busybox) count -= start;
  const from = Math.max(start, 1);
  if (count <= 0) return '';
  const length = byteLength(text);
  return byteSlice(text, from - 1, from - 1 + Math.min(count, length));
}

/** `&` is the matched text, `\&` a literal ampersand, `\\` a backslash. */
function expandReplacement(replacement: string, matched: string): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i]!;
    if (c === '\\' && (replacement[i + 1] === '&' || replacement[i + 1] === '\\')) {
      out += replacement[++i];
    } else if (c === '&') out += matched;
    else out += c;
  }
  return out;
}
