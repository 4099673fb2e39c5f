/**
 * Bash brace expansion on unquoted text: `{1..35}`, `{a,b,c}`, `x{1..3}y`. Like bash's
 * brace_expand, a word is its preamble, the first brace group's alternatives (each expanded in
 * turn) and the postamble (expanded on its own), joined as a product. The size of that product is
 * known before any word is built, so a runaway expansion is refused up front.
 */

/**
 * How many words one expansion may make. Bash stops only when malloc fails; this shell lives in a
 * browser tab's heap, so it refuses well before that with bash's out-of-memory message (issue 10).
 */
export const MAX_BRACE_WORDS = 1_000_000;
/** Words built between two yields to the host, so a large expansion still answers Ctrl-C. */
const WORDS_PER_CHECKPOINT = 4096;

/** Bash's own words when brace expansion runs out of memory (braces.c). */
export class BraceExpansionTooLarge extends Error {}

interface Group {
  prefix: string;
  /** The alternatives, or a sequence's terms, built only when the expansion is allowed. */
  items: () => string[];
  /** How many alternatives or terms there are, each alternative counted once. */
  alternatives?: string[];
  terms: number;
  suffix: string;
}

/** The number of words `text` expands to. */
export function countBraces(text: string): number {
  const group = firstGroup(text);
  if (!group) return 1;
  let middle = group.terms;
  if (group.alternatives) {
    middle = 0;
    for (const item of group.alternatives) middle += countBraces(item);
  }
  return middle * countBraces(group.suffix);
}

export async function expandBraces(text: string, checkpoint: () => Promise<void> = async () => undefined): Promise<string[]> {
  if (countBraces(text) > MAX_BRACE_WORDS) throw new BraceExpansionTooLarge(`brace expansion: cannot allocate memory for ${text}`);
  let built = 0;
  const due = (words: number) => {
    built += words;
    if (built < WORDS_PER_CHECKPOINT) return false;
    built = 0;
    return true;
  };
  return expand(text, due, checkpoint);
}

/** `due(n)` counts n more words built and says when it is time to yield. */
async function expand(text: string, due: (words: number) => boolean, checkpoint: () => Promise<void>): Promise<string[]> {
  const group = firstGroup(text);
  if (!group) return [text];
  const middles: string[] = [];
  for (const item of group.items()) {
    if (!item.includes('{')) middles.push(group.prefix + item);
    else for (const word of await expand(item, due, checkpoint)) middles.push(group.prefix + word);
  }
  const tails = await expand(group.suffix, due, checkpoint);
  const out: string[] = [];
  for (const middle of middles) {
    for (const tail of tails) out.push(middle + tail);
    if (due(tails.length)) await checkpoint();
  }
  return out;
}

/** The first brace group that expands, or undefined when `text` has none (`{x}` and `${x}` do not). */
function firstGroup(text: string): Group | undefined {
  for (let open = findOpen(text, 0); open >= 0; open = findOpen(text, open + 1)) {
    const close = findClose(text, open);
    if (close < 0) return undefined;
    const items = groupItems(text.slice(open + 1, close));
    if (items) return { prefix: text.slice(0, open), suffix: text.slice(close + 1), ...items };
  }
  return undefined;
}

function groupItems(inner: string): Pick<Group, 'items' | 'alternatives' | 'terms'> | undefined {
  const range = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(inner) ?? /^([a-zA-Z])\.\.([a-zA-Z])$/.exec(inner);
  if (!range) {
    const alternatives = splitTop(inner);
    return alternatives.length < 2 ? undefined : { items: () => alternatives, alternatives, terms: alternatives.length };
  }
  const numeric = /\d/.test(range[1]!);
  const from = numeric ? Number(range[1]) : range[1]!.charCodeAt(0);
  const to = numeric ? Number(range[2]) : range[2]!.charCodeAt(0);
  const step = Math.abs(Number(range[3] ?? 1)) || 1;
  const count = Math.floor(Math.abs(to - from) / step) + 1;
  if (count > MAX_BRACE_WORDS) throw new BraceExpansionTooLarge(`brace expansion: failed to allocate memory for ${count} elements`);
  const width = numeric && /^-?0\d/.test(range[1]!) ? range[1]!.length : 0;
  const items = () => {
    const terms: string[] = [];
    for (let v = from, i = 0; i < count; i++, v += from <= to ? step : -step) terms.push(numeric ? String(v).padStart(width, '0') : String.fromCharCode(v));
    return terms;
  };
  return { items, terms: count };
}

function findOpen(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (text[i] === '{' && text[i - 1] !== '$') return i;
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
