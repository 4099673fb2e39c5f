/**
 * Reads one shell word: its quoting (single, double, `$'…'`, backslashes) and its expansions
 * (`$NAME`, `${…}`, `$(…)`, `$((…))`, backticks) as parts. Running out of input inside any of
 * them is Unclosed, which the lexer turns into lines for the terminal.
 */
import type { Word, WordPart } from './ast.ts';
import type { Unterminated } from './syntax-problem.ts';
import { IncompleteInput, ShellSyntaxError } from './syntax-failure.ts';

/** Thrown inside a word: what was left open, and at which offset; tokenize turns that into lines. */
export class Unclosed extends IncompleteInput {
  readonly what: Unterminated;
  readonly at: number;

  constructor(what: Unterminated, at: number) {
    super({ kind: 'unterminated', what, line: 0, endLine: 0 });
    this.what = what;
    this.at = at;
  }
}

/**
 * The word after `=~` inside `[[ ]]`: bash reads it with parentheses and `|` as part of the word,
 * and blanks too while a parenthesis is open, so `[[ $x =~ ^(a|b c)$ ]]` needs no quoting.
 */
export function readRegexWord(input: string, start: number): { word: Word; end: number } {
  const parts: WordPart[] = [];
  let depth = 0;
  let i = start;
  while (i < input.length) {
    const ch = input[i]!;
    const open = depth > 0;
    if (ch === '(' || ch === '|' || (ch === ')' && open) || ((ch === ' ' || ch === '\t') && open)) {
      if (ch === '(') depth++;
      if (ch === ')') depth--;
      parts.push({ type: 'literal', text: ch, quoted: false });
      i++;
      continue;
    }
    if (WORD_END.has(ch)) break;
    const read = readWord(input, i);
    parts.push(...read.word.parts);
    i = read.end;
  }
  return { word: { parts }, end: i };
}

const QUOTED_RUN = /[^"\\$`]+/y;
const PLAIN_RUN = /[^ \t\n;&|()<>\\'"$`]+/y;
const WORD_END = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>']);

/** Reads one word starting at `start`; returns its parts and where it ends. */
export function readWord(input: string, start: number): { word: Word; end: number } {
  const parts: WordPart[] = [];
  let literal = '';
  let i = start;
  const flush = (quoted: boolean) => {
    if (literal) parts.push({ type: 'literal', text: literal, quoted });
    literal = '';
  };
  while (i < input.length) {
    // Ordinary characters go in as one run: a pasted 2 MB word is read in one step, not per character.
    PLAIN_RUN.lastIndex = i;
    const run = PLAIN_RUN.exec(input)?.[0];
    if (run) {
      literal += run;
      i += run.length;
      continue;
    }
    const ch = input[i]!;
    if ((ch === '<' || ch === '>') && input[i + 1] === '(') {
      // Models bash's parse_comsub for process substitution: `<(…)` may start a word or sit inside one.
      flush(false);
      const end = matchingParen(input, i + 2);
      parts.push({ type: 'process', source: input.slice(i + 2, end), direction: ch, quoted: false });
      i = end + 1;
      continue;
    }
    if (WORD_END.has(ch)) break;
    if (ch === '\\') {
      flush(false);
      // A backslash that ends the input stands for itself (`sh -c 'echo a \'` prints `a \`).
      parts.push({ type: 'literal', text: input[i + 1] ?? '\\', quoted: true });
      i += 2;
      continue;
    }
    if (ch === "'") {
      flush(false);
      const close = input.indexOf("'", i + 1);
      if (close < 0) throw new Unclosed("'", i);
      parts.push({ type: 'literal', text: input.slice(i + 1, close), quoted: true });
      i = close + 1;
      continue;
    }
    if (ch === '$' && input[i + 1] === "'") {
      flush(false);
      let j = i + 2;
      let text = '';
      while (j < input.length && input[j] !== "'") {
        if (input[j] === '\\' && j + 1 < input.length) {
          const e = input[j + 1]!;
          text += ({ n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', e: '\x1b', a: '\x07' } as Record<string, string>)[e] ?? `\\${e}`;
          j += 2;
        } else text += input[j++];
      }
      if (j >= input.length) throw new Unclosed("'", i);
      parts.push({ type: 'literal', text, quoted: true });
      i = j + 1;
      continue;
    }
    if (ch === '"') {
      flush(false);
      i = readDoubleQuoted(input, i + 1, parts);
      continue;
    }
    if (ch === '$' || ch === '`') {
      const expansion = readExpansion(input, i, false);
      if (expansion) {
        flush(false);
        parts.push(expansion.part);
        i = expansion.end;
        continue;
      }
    }
    literal += ch;
    i++;
  }
  flush(false);
  return { word: { parts }, end: i };
}

function readDoubleQuoted(input: string, start: number, parts: WordPart[]): number {
  let i = start;
  let text = '';
  let sawAny = false;
  const flush = () => {
    if (text || !sawAny) parts.push({ type: 'literal', text, quoted: true });
    sawAny = true;
    text = '';
  };
  while (i < input.length) {
    QUOTED_RUN.lastIndex = i;
    const run = QUOTED_RUN.exec(input)?.[0];
    if (run) {
      text += run;
      i += run.length;
      continue;
    }
    const ch = input[i]!;
    if (ch === '"') {
      if (text || !sawAny) flush();
      return i + 1;
    }
    if (ch === '\\' && i + 1 < input.length && '$`"\\\n'.includes(input[i + 1]!)) {
      if (input[i + 1] !== '\n') text += input[i + 1];
      i += 2;
      continue;
    }
    if (ch === '$' || ch === '`') {
      const expansion = readExpansion(input, i, true);
      if (expansion) {
        if (text) flush();
        sawAny = true;
        parts.push(expansion.part);
        i = expansion.end;
        continue;
      }
    }
    text += ch;
    i++;
  }
  throw new Unclosed('"', start - 1);
}

/** Text read as between double quotes (an arithmetic expression before it is evaluated). */
export function readAsDoubleQuoted(text: string): Word {
  const parts: WordPart[] = [];
  readDoubleQuoted(`${withoutOwnDoubleQuotes(text)}"`, 0, parts);
  return { parts };
}

/** Drops the text's double quotes (bash removes them from an arithmetic expression) but keeps those inside its `$( )`, `${ }` and backticks. */
function withoutOwnDoubleQuotes(text: string): string {
  let kept = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\\') {
      kept += text.slice(i, i + 2);
      i += 2;
      continue;
    }
    const expansion = ch === '$' || ch === '`' ? readExpansion(text, i, true) : undefined;
    if (expansion) {
      kept += text.slice(i, expansion.end);
      i = expansion.end;
      continue;
    }
    if (ch !== '"') kept += ch;
    i++;
  }
  return kept;
}

/** `$NAME`, `${…}`, `$(…)`, `$((…))`, or backticks at `start`; undefined for a lone `$`. */
function readExpansion(input: string, start: number, quoted: boolean): { part: WordPart; end: number } | undefined {
  const ch = input[start];
  if (ch === '`') {
    let j = start + 1;
    let source = '';
    while (j < input.length && input[j] !== '`') {
      if (input[j] === '\\' && j + 1 < input.length && '$`\\'.includes(input[j + 1]!)) {
        source += input[j + 1];
        j += 2;
      } else source += input[j++];
    }
    if (j >= input.length) throw new Unclosed('`', start);
    return { part: { type: 'command', source, quoted }, end: j + 1 };
  }
  const next = input[start + 1];
  if (next === '(' && input[start + 2] === '(') {
    // Models bash's subst.c param_expand: `$((` is arithmetic only when the text up to the
    // `))` ending the whole `$( … )` has balanced parentheses (chk_arithsub); otherwise it is
    // a command substitution starting with a subshell, as in `$( (echo a) | cat)`.
    const end = matchingParen(input, start + 2);
    const source = input.slice(start + 3, end - 1);
    if (input[end - 1] === ')' && end - 1 >= start + 3 && hasBalancedParens(source)) return { part: { type: 'arithmetic', source, quoted }, end: end + 1 };
    return { part: { type: 'command', source: input.slice(start + 2, end), quoted }, end: end + 1 };
  }
  if (next === '(') {
    const end = matchingParen(input, start + 2);
    return { part: { type: 'command', source: input.slice(start + 2, end), quoted }, end: end + 1 };
  }
  if (next === '{') {
    const close = matchingBrace(input, start + 2);
    const body = input.slice(start + 2, close);
    const counted = /^#([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*])(?:\[([^\]]*)\])?$/.exec(body);
    if (counted) return { part: { type: 'parameter', name: counted[1]!, ...(counted[2] !== undefined ? { index: counted[2] } : {}), length: true, quoted }, end: close + 1 };
    const keys = /^!([A-Za-z_][A-Za-z0-9_]*)\[([@*])\]$/.exec(body);
    if (keys) return { part: { type: 'parameter', name: keys[1]!, index: keys[2]!, indices: true, quoted }, end: close + 1 };
    const prefixed = /^!([A-Za-z_][A-Za-z0-9_]*)([@*])$/.exec(body);
    if (prefixed) return { part: { type: 'parameter', name: prefixed[1]!, index: prefixed[2]!, prefixed: true, quoted }, end: close + 1 };
    const indirect = /^!([A-Za-z_][A-Za-z0-9_]*|[0-9]+)$/.exec(body);
    if (indirect) return { part: { type: 'parameter', name: indirect[1]!, indirect: true, quoted }, end: close + 1 };
    const m = splitSubscript(body);
    const modifier = m ? /^(:?[-=+?]|##|#|%%|%|\/[/#%]?|\^\^?|,,?|~~?|:|@(?=[QEPAaKkUuL]$))([\s\S]*)$/.exec(m[3]!) : null;
    if (!m || (m[3] !== '' && !modifier)) throw new ShellSyntaxError({ kind: 'message', text: `\${${body}}: bad substitution` });
    const part: WordPart = { type: 'parameter', name: m[1]!, ...(m[2] !== undefined ? { index: m[2] } : {}), quoted };
    if (modifier) {
      const op = modifier[1]!;
      // `${v/pattern/replacement}`: the first unescaped `/` ends the pattern.
      const [pattern, replacement] = op.startsWith('/') ? splitAtSlash(modifier[2]!) : [modifier[2]!, undefined];
      // An offset is arithmetic, so `(-2)` is not a subshell.
      const word = op === ':' ? readAsDoubleQuoted(pattern) : operandWord(pattern);
      part.modifier = { op, word, ...(replacement !== undefined ? { replacement: operandWord(replacement) } : {}) };
    }
    return { part, end: close + 1 };
  }
  const name = /^([A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])/.exec(input.slice(start + 1));
  if (!name) return undefined;
  return { part: { type: 'parameter', name: name[1]!, quoted }, end: start + 1 + name[1]!.length };
}

/** Characters that end a word at the command line but are plain text inside `${…}` (outside `$(…)`). */
const OPERATORS = '&;|<>';
const HIDDEN = 0xe000;

/** An operand of `${…}` read as a word, its blanks and operator characters kept as text. */
function operandWord(text: string): Word {
  let hidden = '';
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '$' && text[i + 1] === '(') {
      depth++;
      hidden += '$(';
      i++;
      continue;
    }
    if (depth > 0 && c === '(') depth++;
    if (depth > 0 && c === ')') depth--;
    hidden += depth === 0 && (c === ' ' || c === '\t') ? `\\${c}` : depth === 0 && OPERATORS.includes(c) ? String.fromCharCode(HIDDEN + OPERATORS.indexOf(c)) : c;
  }
  const word = readWord(hidden, 0).word;
  for (const part of word.parts) {
    if (part.type === 'literal') part.text = part.text.replace(/[\ue000-\ue004]/g, (c) => OPERATORS[c.charCodeAt(0) - HIDDEN]!);
  }
  return word;
}

/** `pattern/replacement` split at the first `/` outside quotes, escapes and nested `${…}`. */
function splitAtSlash(text: string): [string, string | undefined] {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\') i++;
    else if (ch === "'") i = Math.max(text.indexOf("'", i + 1), i);
    else if (ch === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (ch === '}' && depth > 0) depth--;
    else if (ch === '/' && depth === 0) return [text.slice(0, i), text.slice(i + 1)];
  }
  return [text, undefined];
}

/** `name[subscript]rest` with the subscript's own brackets matched (`w[$((${#w[@]}-1))]`). */
function splitSubscript(body: string): [string, string, string | undefined, string] | null {
  const name = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!-])/.exec(body)?.[1];
  if (name === undefined) return null;
  if (body[name.length] !== '[' || !/^[A-Za-z_]/.test(name)) return [body, name, undefined, body.slice(name.length)];
  let depth = 0;
  for (let i = name.length; i < body.length; i++) {
    if (body[i] === '[') depth++;
    if (body[i] === ']' && --depth === 0) return [body, name, body.slice(name.length + 1, i), body.slice(i + 1)];
  }
  return null;
}

function matchingParen(input: string, from: number): number {
  let depth = 1;
  let i = from;
  while (i < input.length) {
    const ch = input[i]!;
    if (ch === "'") {
      const close = input.indexOf("'", i + 1);
      if (close < 0) throw new Unclosed("'", i);
      i = close + 1;
      continue;
    }
    if (ch === '"') {
      i = readDoubleQuoted(input, i + 1, []);
      continue;
    }
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === '(') depth++;
    if (ch === ')' && --depth === 0) return i;
    i++;
  }
  throw new Unclosed('$(', from - 2);
}

/** Parentheses outside quotes never close more than they opened and all close (bash's chk_arithsub). */
function hasBalancedParens(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\') i++;
    else if (ch === "'" || ch === '"') {
      const close = text.indexOf(ch, i + 1);
      if (close < 0) return false;
      i = close;
    } else if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

function matchingBrace(input: string, from: number): number {
  let depth = 1;
  for (let i = from; i < input.length; i++) {
    if (input[i] === '{') depth++;
    if (input[i] === '}' && --depth === 0) return i;
  }
  throw new Unclosed('${', from - 2);
}
