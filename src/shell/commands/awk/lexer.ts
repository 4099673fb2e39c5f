/**
 * awk's tokens (POSIX awk grammar, "Lexical Conventions"). A `/` starts a regex only where an
 * operand may begin, so the lexer asks the parser's last token; newlines are tokens because they end
 * statements, but one after `{ && || , do else ;` and the like is skipped, as the grammar's
 * `newline_opt` allows.
 */

export type TokenKind = 'number' | 'string' | 'regex' | 'name' | 'funcName' | 'builtin' | 'keyword' | 'op' | 'newline' | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  line: number;
  /** A number's value, a string's or regex's decoded text. */
  value?: number | string;
}

export class AwkSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly near: string,
    readonly kind: 'syntax' | 'missing-brace' | 'extra-brace' | 'message' | 'semantic' = 'syntax',
  ) {
    super(near);
  }
}

const KEYWORDS = new Set([
  'BEGIN',
  'END',
  'function',
  'func',
  'if',
  'else',
  'while',
  'for',
  'do',
  'break',
  'continue',
  'next',
  'nextfile',
  'exit',
  'return',
  'delete',
  'in',
  'getline',
  'print',
  'printf',
]);
export const BUILTINS = new Set([
  'length',
  'substr',
  'index',
  'split',
  'sub',
  'gsub',
  'match',
  'sprintf',
  'tolower',
  'toupper',
  'int',
  'sqrt',
  'exp',
  'log',
  'sin',
  'cos',
  'atan2',
  'rand',
  'srand',
  'system',
  'close',
  'fflush',
]);
const OPERATORS = [
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '^=',
  '**=',
  '==',
  '<=',
  '>=',
  '!=',
  '++',
  '--',
  '&&',
  '||',
  '>>',
  '**',
  '!~',
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ';',
  ',',
  '+',
  '-',
  '*',
  '/',
  '%',
  '^',
  '!',
  '>',
  '<',
  '|',
  '?',
  ':',
  '~',
  '$',
  '=',
];
/** After these a newline is layout, not a statement end. */
const CONTINUES = new Set(['{', '&&', '||', ',', 'do', 'else', ';', '(']);
/** After these an operand has ended, so `/` divides. */
const ENDS_OPERAND = new Set([')', ']', '++', '--']);

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', '/': '/', a: '\x07', b: '\b', f: '\f', v: '\v' };

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  const last = () => tokens.at(-1);
  const push = (kind: TokenKind, text: string, value?: number | string) => tokens.push(value === undefined ? { kind, text, line } : { kind, text, line, value });
  while (i < source.length) {
    const c = source[i]!;
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\\' && source[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    if (c === '#') {
      while (i < source.length && source[i] !== '\n') i++;
      continue;
    }
    if (c === '\n') {
      const prev = last();
      if (prev && prev.kind !== 'newline' && !(CONTINUES.has(prev.text) && prev.kind !== 'string' && prev.kind !== 'regex')) push('newline', '\n');
      line++;
      i++;
      continue;
    }
    if (/[0-9.]/.test(c) && (c !== '.' || /[0-9]/.test(source[i + 1] ?? ''))) {
      const m = /^(?:0[xX][0-9a-fA-F]+|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)/.exec(source.slice(i, i + 400))!;
      push('number', m[0], Number(m[0]));
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i, i + 400))!;
      const word = m[0];
      i += word.length;
      if (KEYWORDS.has(word)) push('keyword', word === 'func' ? 'function' : word);
      else if (BUILTINS.has(word)) push('builtin', word);
      else push(source[i] === '(' ? 'funcName' : 'name', word);
      continue;
    }
    if (c === '"') {
      let value = '';
      let j = i + 1;
      for (; j < source.length && source[j] !== '"'; j++) {
        if (source[j] === '\n') throw new AwkSyntaxError(line, 'runaway string constant "' + source.slice(i + 1, j), 'message');
        if (source[j] !== '\\') {
          value += source[j];
          continue;
        }
        const [text, length] = decodeEscape(source, j + 1);
        value += text;
        j += length;
      }
      if (j >= source.length) throw new AwkSyntaxError(line, 'runaway string constant "' + source.slice(i + 1, j), 'message');
      push('string', source.slice(i, j + 1), value);
      i = j + 1;
      continue;
    }
    const prev = last();
    const operandEnded =
      prev !== undefined &&
      (prev.kind === 'number' ||
        prev.kind === 'string' ||
        prev.kind === 'regex' ||
        prev.kind === 'name' ||
        prev.kind === 'builtin' ||
        (prev.kind === 'op' && ENDS_OPERAND.has(prev.text)));
    if (c === '/' && !operandEnded) {
      let j = i + 1;
      let inBracket = false;
      for (; j < source.length; j++) {
        const d = source[j]!;
        if (d === '\n') throw new AwkSyntaxError(line, 'runaway regular expression /' + source.slice(i + 1, j), 'message');
        if (d === '\\') j++;
        else if (d === '[' && !inBracket) {
          inBracket = true;
          if (source[j + 1] === '^') j++;
          if (source[j + 1] === ']') j++;
        } else if (d === ']' && inBracket) inBracket = false;
        else if (d === '/' && !inBracket) break;
      }
      if (j >= source.length) throw new AwkSyntaxError(line, 'runaway regular expression /' + source.slice(i + 1, j), 'message');
      // `\/` is a slash; every other escape is the regex compiler's to read.
      push('regex', source.slice(i, j + 1), source.slice(i + 1, j).replace(/\\\//g, '/'));
      i = j + 1;
      continue;
    }
    const op = OPERATORS.find((o) => source.startsWith(o, i));
    if (!op) throw new AwkSyntaxError(line, c);
    push('op', op === '**' ? '^' : op === '**=' ? '^=' : op);
    i += op.length;
  }
  push('eof', '');
  return tokens;
}

/** One escape after a backslash in a string: its text and how many source characters it took. */
export function decodeEscape(source: string, at: number): [string, number] {
  const e = source[at];
  if (e === undefined) return ['\\', 0];
  if (e in ESCAPES) return [ESCAPES[e]!, 1];
  const octal = /^[0-7]{1,3}/.exec(source.slice(at, at + 3));
  if (octal) return [String.fromCharCode(parseInt(octal[0], 8) & 0xff), octal[0].length];
  return ['\\' + e, 1];
}
