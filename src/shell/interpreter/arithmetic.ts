/** An arithmetic expression bash refuses: its words after the shell's prefix; the line is abandoned. */
export class ArithmeticError extends Error {}

/** `$(( … ))`: integer arithmetic with variables, + - * / % ** comparisons, && || ! and parentheses. */
export function evaluateArithmetic(source: string, lookup: (name: string) => string): number {
  const tokens = source.match(/\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*|<=|>=|==|!=|&&|\|\||[-+*/%()<>!]/g) ?? [];
  let i = 0;
  const peek = () => tokens[i];
  const value = (name: string): number => {
    const v = lookup(name);
    const n = parseInt(v, 10);
    return Number.isNaN(n) ? 0 : n;
  };
  const primary = (): number => {
    const t = tokens[i++];
    if (t === undefined) throw new ArithmeticError('syntax error: operand expected');
    if (t === '(') {
      const v = or();
      i++;
      return v;
    }
    if (t === '-') return -primary();
    if (t === '+') return primary();
    if (t === '!') return primary() ? 0 : 1;
    if (/^\d+$/.test(t)) return parseInt(t, 10);
    return value(t);
  };
  const power = (): number => {
    const base = primary();
    if (peek() === '**') {
      i++;
      return base ** power();
    }
    return base;
  };
  const mul = (): number => {
    let v = power();
    while (['*', '/', '%'].includes(peek() ?? '')) {
      const op = tokens[i++];
      const r = power();
      if ((op === '/' || op === '%') && r === 0) throw new ArithmeticError('division by 0');
      v = op === '*' ? v * r : op === '/' ? Math.trunc(v / r) : v % r;
    }
    return v;
  };
  const add = (): number => {
    let v = mul();
    while (peek() === '+' || peek() === '-') v = tokens[i++] === '+' ? v + mul() : v - mul();
    return v;
  };
  const cmp = (): number => {
    let v = add();
    while (['<', '>', '<=', '>=', '==', '!='].includes(peek() ?? '')) {
      const op = tokens[i++];
      const r = add();
      v = Number(op === '<' ? v < r : op === '>' ? v > r : op === '<=' ? v <= r : op === '>=' ? v >= r : op === '==' ? v === r : v !== r);
    }
    return v;
  };
  const and = (): number => {
    let v = cmp();
    while (peek() === '&&') {
      i++;
      const r = cmp();
      v = Number(Boolean(v) && Boolean(r));
    }
    return v;
  };
  const or = (): number => {
    let v = and();
    while (peek() === '||') {
      i++;
      const r = and();
      v = Number(Boolean(v) || Boolean(r));
    }
    return v;
  };
  if (tokens.length === 0) return 0;
  return or();
}
