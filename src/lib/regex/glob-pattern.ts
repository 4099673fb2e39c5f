/**
 * Shell patterns (`case`, `[[ == ]]`, `${var#pat}`, pathname expansion) on RE2, so that a pattern
 * like `*a*a*a*a*b` costs time linear in the subject. Follows bash's pattern matching: `*`, `?`,
 * bracket expressions with `!` or `^` and `[:class:]`, a backslash quoting the next character, and
 * a `[` with no closing `]` standing for itself.
 */
import { RE2JS } from 're2js';
import { CLASS_NAMES } from './regex-ast.ts';
import { LruCache } from '../lru-cache.ts';

function literal(c: string): string {
  return /^[0-9A-Za-z_]$/.test(c) ? c : `\\x{${c.codePointAt(0)!.toString(16)}}`;
}

/** The bracket expression opening at chars[open], in RE2 syntax, and the index after it; undefined when it never closes. */
function bracket(chars: string[], open: number): { source: string; next: number } | undefined {
  let i = open + 1;
  let negated = false;
  if (chars[i] === '!' || chars[i] === '^') {
    negated = true;
    i++;
  }
  const items: string[] = [];
  let empty = false;
  let first = true;
  for (;;) {
    const c = chars[i];
    if (c === undefined) return undefined;
    if (c === ']' && !first) break;
    first = false;
    if (c === '[' && chars[i + 1] === ':') {
      const end = chars.indexOf(':', i + 2);
      const name = end > 0 && chars[end + 1] === ']' ? chars.slice(i + 2, end).join('') : '';
      if ((CLASS_NAMES as readonly string[]).includes(name)) {
        items.push(`[:${name}:]`);
        i = end + 2;
        continue;
      }
    }
    let from = c;
    i++;
    if (from === '\\' && chars[i] !== undefined) from = chars[i++]!;
    if (chars[i] === '-' && chars[i + 1] !== undefined && chars[i + 1] !== ']') {
      let to = chars[i + 1]!;
      i += 2;
      if (to === '\\' && chars[i] !== undefined) to = chars[i++]!;
      // bash: a reversed range matches nothing.
      if (to.codePointAt(0)! < from.codePointAt(0)!) empty = true;
      else items.push(`${literal(from)}-${literal(to)}`);
    } else items.push(literal(from));
  }
  const next = i + 1;
  if (items.length === 0 && empty) return { source: negated ? '.' : '[^\\x{0}-\\x{10ffff}]', next };
  return { source: `[${negated ? '^' : ''}${items.join('')}]`, next };
}

/** The RE2 source matching what the shell pattern matches, unanchored. */
export function globToRe2Source(pattern: string): string {
  const chars = Array.from(pattern);
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '*') {
      if (!out.endsWith('.*')) out += '.*';
    } else if (c === '?') out += '.';
    else if (c === '\\') out += i + 1 < chars.length ? literal(chars[++i]!) : literal('\\');
    else if (c === '[') {
      const set = bracket(chars, i);
      if (set) {
        out += set.source;
        i = set.next - 1;
      } else out += literal('[');
    } else out += literal(c);
  }
  return out;
}

/** Compiled patterns by flags and source: a loop that globs `*` at every word compiles it once (about 1 ms each). */
const compiled = new LruCache<string, RE2JS>(256);

function compileOnce(source: string, flags: number): RE2JS {
  const key = `${flags}:${source}`;
  const re = compiled.get(key) ?? RE2JS.compile(source, flags);
  compiled.set(key, re);
  return re;
}

export class GlobPattern {
  readonly #whole: RE2JS;
  readonly #source: string;
  #anywhere: RE2JS | undefined;

  constructor(readonly pattern: string) {
    this.#source = globToRe2Source(pattern);
    this.#whole = compileOnce(`^(?:${this.#source})$`, RE2JS.DOTALL);
  }

  /** Whether the whole of `text` matches, as `case` and `[[ == ]]` test. */
  matches(text: string): boolean {
    return this.#whole.test(text);
  }

  /** Length of the shortest (or longest) prefix of `text` the pattern matches, for `${v#p}` / `${v##p}`; -1 if none. */
  prefixLength(text: string, longest: boolean): number {
    for (let n = longest ? text.length : 0; longest ? n >= 0 : n <= text.length; n += longest ? -1 : 1) {
      if (this.#whole.test(text.slice(0, n))) return n;
    }
    return -1;
  }

  /** Length of the shortest (or longest) suffix of `text` the pattern matches, for `${v%p}` / `${v%%p}`; -1 if none. */
  suffixLength(text: string, longest: boolean): number {
    for (let n = longest ? text.length : 0; longest ? n >= 0 : n <= text.length; n += longest ? -1 : 1) {
      if (this.#whole.test(text.slice(text.length - n))) return n;
    }
    return -1;
  }

  /** The leftmost, then longest, non-empty match at or after `from`, for `${v/p/r}`. */
  findLongest(text: string, from: number): { start: number; end: number } | undefined {
    this.#anywhere ??= compileOnce(`(?:${this.#source})`, RE2JS.DOTALL | RE2JS.LONGEST_MATCH);
    const matcher = this.#anywhere.matcher(text);
    for (let at = from; at <= text.length && matcher.find(at); at = matcher.start() + 1) {
      if (matcher.end() > matcher.start()) return { start: matcher.start(), end: matcher.end() };
    }
    return undefined;
  }
}
