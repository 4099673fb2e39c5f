/**
 * Writes a parsed POSIX regex in RE2 syntax. Every character is spelled `\x{…}` unless it is a
 * letter, digit or `_`, so no POSIX literal can turn into an RE2 operator. GNU's `\<` and `\>`
 * have no RE2 form; a word boundary with a look-behind pins the side the word is on.
 */
import type { Assertion, RegexNode, SetItem } from './regex-ast.ts';

const WORD = '[0-9A-Za-z_]';

const ASSERTIONS: Record<Assertion, string> = {
  'line-start': '^',
  'line-end': '$',
  'word-boundary': '\\b',
  'not-word-boundary': '\\B',
  'word-start': `\\b(?<!${WORD})`,
  'word-end': `\\b(?<=${WORD})`,
  'text-start': '\\A',
  'text-end': '\\z',
};

function literal(code: number): string {
  const c = String.fromCodePoint(code);
  return /^[0-9A-Za-z_]$/.test(c) ? c : `\\x{${code.toString(16)}}`;
}

function setItem(item: SetItem): string {
  if ('className' in item) return `[:${item.className}:]`;
  return item.from === item.to ? literal(item.from) : `${literal(item.from)}-${literal(item.to)}`;
}

export function toRe2Source(node: RegexNode): string {
  switch (node.type) {
    case 'char':
      return literal(node.code);
    case 'any':
      return '.';
    case 'set':
      return `[${node.negated ? '^' : ''}${node.items.map(setItem).join('')}]`;
    case 'group':
      return `(${toRe2Source(node.body)})`;
    case 'concat':
      return node.items.map(toRe2Source).join('');
    case 'alternation':
      return `(?:${node.items.map(toRe2Source).join('|')})`;
    case 'repeat': {
      const body = `(?:${toRe2Source(node.body)})`;
      if (node.min === 0 && node.max === Infinity) return `${body}*`;
      if (node.min === 1 && node.max === Infinity) return `${body}+`;
      if (node.min === 0 && node.max === 1) return `${body}?`;
      return `${body}{${node.min},${node.max === Infinity ? '' : node.max}}`;
    }
    case 'assert':
      return ASSERTIONS[node.kind];
    case 'backref':
      throw new Error('back-references have no RE2 form');
  }
}
