/** The parsed form shared by the RE2 translation and the back-reference matcher. */

/** A POSIX character class name, as written inside `[[:name:]]`. */
export type ClassName = 'alpha' | 'digit' | 'alnum' | 'upper' | 'lower' | 'space' | 'blank' | 'punct' | 'print' | 'graph' | 'cntrl' | 'xdigit';

export const CLASS_NAMES: readonly ClassName[] = ['alpha', 'digit', 'alnum', 'upper', 'lower', 'space', 'blank', 'punct', 'print', 'graph', 'cntrl', 'xdigit'];

export type SetItem = { from: number; to: number } | { className: ClassName };

export type Assertion = 'line-start' | 'line-end' | 'word-boundary' | 'not-word-boundary' | 'word-start' | 'word-end' | 'text-start' | 'text-end';

export type RegexNode =
  | { type: 'char'; code: number }
  | { type: 'any' }
  | { type: 'set'; negated: boolean; items: SetItem[] }
  | { type: 'group'; index: number; body: RegexNode }
  | { type: 'concat'; items: RegexNode[] }
  | { type: 'alternation'; items: RegexNode[] }
  | { type: 'repeat'; body: RegexNode; min: number; max: number }
  | { type: 'assert'; kind: Assertion }
  | { type: 'backref'; index: number };

export interface ParsedRegex {
  root: RegexNode;
  groupCount: number;
  hasBackreference: boolean;
  /** What GNU grep warns of while compiling, e.g. `stray \ before d`. */
  warnings: string[];
}

/** Whether code point `code` belongs to the POSIX class in the C/UTF-8 locale, ASCII only as RE2's classes are. */
export function inClass(name: ClassName, code: number): boolean {
  const isUpper = code >= 65 && code <= 90;
  const isLower = code >= 97 && code <= 122;
  const isDigit = code >= 48 && code <= 57;
  const isGraph = code > 32 && code < 127;
  switch (name) {
    case 'alpha':
      return isUpper || isLower;
    case 'digit':
      return isDigit;
    case 'alnum':
      return isUpper || isLower || isDigit;
    case 'upper':
      return isUpper;
    case 'lower':
      return isLower;
    case 'space':
      return code === 32 || (code >= 9 && code <= 13);
    case 'blank':
      return code === 32 || code === 9;
    case 'punct':
      return isGraph && !isUpper && !isLower && !isDigit;
    case 'print':
      return isGraph || code === 32;
    case 'graph':
      return isGraph;
    case 'cntrl':
      return code < 32 || code === 127;
    case 'xdigit':
      return isDigit || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
  }
}

export function isWordCode(code: number | undefined): boolean {
  return code !== undefined && (inClass('alnum', code) || code === 95);
}
