/** Bash brace expansion on unquoted text: `{1..35}`, `{a,b,c}`, `x{1..3}y`. */
export function expandBraces(text: string): string[] {
  const open = findOpen(text);
  if (open < 0) return [text];
  const close = findClose(text, open);
  if (close < 0) return [text];
  const inner = text.slice(open + 1, close);
  const prefix = text.slice(0, open);
  const suffix = text.slice(close + 1);
  const range = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(inner) ?? /^([a-zA-Z])\.\.([a-zA-Z])$/.exec(inner);
  let items: string[];
  if (range) {
    items = [];
    const numeric = /\d/.test(range[1]!);
    const from = numeric ? Number(range[1]) : range[1]!.charCodeAt(0);
    const to = numeric ? Number(range[2]) : range[2]!.charCodeAt(0);
    const step = Math.abs(Number(range[3] ?? 1)) || 1;
    const width = numeric && /^-?0\d/.test(range[1]!) ? range[1]!.length : 0;
    for (let v = from; from <= to ? v <= to : v >= to; v += from <= to ? step : -step) {
      items.push(numeric ? String(v).padStart(width, '0') : String.fromCharCode(v));
      if (items.length > 100_000) break;
    }
  } else {
    const alternatives = splitTop(inner);
    if (alternatives.length < 2) return [text];
    items = alternatives;
  }
  return items.flatMap((item) => expandBraces(prefix + item + suffix));
}

function findOpen(text: string): number {
  for (let i = 0; i < text.length; i++) if (text[i] === '{' && text[i - 1] !== '$') return i;
  return -1;
}

function findClose(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function splitTop(inner: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of inner) {
    if (ch === '{') depth++;
    if (ch === '}') depth--;
    if (ch === ',' && depth === 0) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}
