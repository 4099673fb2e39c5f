/**
 * `${v/pattern/replacement}` and its anchored and global forms, and the case operators `${v^}`,
 * `${v^^}`, `${v,}`, `${v,,}`, `${v~}`, `${v~~}` with their optional pattern.
 * Models bash's subst.c pat_subst (leftmost-longest matches; `&` in the replacement stands for
 * the match, bash 5.2's patsub_replacement) and casemod.c sh_modcase.
 */
import { GlobPattern } from '../../lib/regex/glob-pattern.ts';

/** Stands for an unquoted `&` of the replacement until the match is known. */
export const MATCH_MARK = '\u0000';

export function substitutePattern(text: string, op: string, pattern: string, replacement: string): string {
  const glob = new GlobPattern(pattern);
  const fill = (match: string) => replacement.replaceAll(MATCH_MARK, match);
  if (op === '/#') {
    const length = glob.prefixLength(text, true);
    return length < 0 ? text : fill(text.slice(0, length)) + text.slice(length);
  }
  if (op === '/%') {
    const length = glob.suffixLength(text, true);
    return length < 0 ? text : text.slice(0, text.length - length) + fill(text.slice(text.length - length));
  }
  if (pattern === '') return text;
  let out = '';
  let at = 0;
  for (;;) {
    const match = glob.findLongest(text, at);
    if (!match) break;
    out += text.slice(at, match.start) + fill(text.slice(match.start, match.end));
    at = match.end;
    if (op !== '//') break;
  }
  return out + text.slice(at);
}

/** `^`/`,`/`~` change the first character, doubled they change every one; only characters the pattern matches change. */
export function modifyCase(text: string, op: string, pattern: string): string {
  const glob = pattern === '' ? undefined : new GlobPattern(pattern);
  const change = (c: string) => {
    if (glob && !glob.matches(c)) return c;
    if (op.startsWith('^')) return c.toUpperCase();
    if (op.startsWith(',')) return c.toLowerCase();
    return c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase();
  };
  const chars = [...text];
  if (chars.length === 0) return text;
  return op.length === 2 ? chars.map(change).join('') : change(chars[0]!) + chars.slice(1).join('');
}
