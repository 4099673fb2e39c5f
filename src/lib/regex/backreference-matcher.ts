/**
 * A backtracking matcher for the patterns RE2 cannot run: those with back-references (`\(a*\)\1`),
 * which no automaton can match. It explores every way to match from a start position and keeps the
 * longest, as POSIX asks, and counts its steps: past the budget it throws RegexBudgetError, the way
 * glibc's regexec gives up with REG_ESPACE on the same patterns. Patterns without back-references
 * never come here, so no pattern can hold the shell longer than the budget allows.
 */
import { inClass, isWordCode, type ParsedRegex, type RegexNode } from './regex-ast.ts';
import { RegexBudgetError } from './regex-syntax-error.ts';

/** Steps per search; a step is one node tried at one position. Enough for every practical back-reference. */
const STEP_BUDGET = 200_000;

type Captures = readonly (readonly [number, number] | undefined)[];

/** A match as [start, end] code-unit offsets per group, group 0 the whole match. */
export type Spans = (readonly [number, number] | undefined)[];

export class BackreferenceMatcher {
  #steps = 0;
  #text = '';

  constructor(
    readonly parsed: ParsedRegex,
    readonly ignoreCase: boolean,
  ) {}

  /** The leftmost-longest match starting at or after `from`, or null. */
  exec(text: string, from: number): Spans | null {
    this.#text = text;
    this.#steps = 0;
    for (let start = from; start <= text.length; start++) {
      let best: { end: number; captures: Captures } | undefined;
      try {
        this.#match(this.parsed.root, start, new Array(this.parsed.groupCount + 1).fill(undefined), (end, captures) => {
          if (!best || end > best.end) best = { end, captures };
          return end === text.length;
        });
      } catch (error) {
        // A line long enough to exhaust the stack is past any budget too.
        if (error instanceof RangeError) throw new RegexBudgetError();
        throw error;
      }
      if (best) {
        const spans: Spans = [...best.captures];
        spans[0] = [start, best.end];
        return spans;
      }
      // Step over a whole surrogate pair, as RE2 does.
      if (isHighSurrogate(text.charCodeAt(start))) start++;
    }
    return null;
  }

  #tick(): void {
    if (++this.#steps > STEP_BUDGET) throw new RegexBudgetError();
  }

  #codeAt(pos: number): number | undefined {
    return pos < this.#text.length ? this.#text.codePointAt(pos) : undefined;
  }

  #codeBefore(pos: number): number | undefined {
    if (pos <= 0) return undefined;
    const low = this.#text.charCodeAt(pos - 1);
    return pos >= 2 && low >= 0xdc00 && low <= 0xdfff && isHighSurrogate(this.#text.charCodeAt(pos - 2)) ? this.#text.codePointAt(pos - 2) : low;
  }

  #sameChar(a: number, b: number): boolean {
    if (a === b) return true;
    if (!this.ignoreCase) return false;
    return String.fromCodePoint(a).toLowerCase() === String.fromCodePoint(b).toLowerCase();
  }

  #inSet(node: Extract<RegexNode, { type: 'set' }>, code: number): boolean {
    const variants = this.ignoreCase ? [code, ...[String.fromCodePoint(code).toLowerCase(), String.fromCodePoint(code).toUpperCase()].map((s) => s.codePointAt(0)!)] : [code];
    const hit = variants.some((c) => node.items.some((item) => ('className' in item ? inClass(item.className, c) : c >= item.from && c <= item.to)));
    return hit !== node.negated;
  }

  /** Matches `node` at `pos` and calls `next` for every way it can end; `next` returning true stops the search. */
  #match(node: RegexNode, pos: number, captures: Captures, next: (pos: number, captures: Captures) => boolean): boolean {
    this.#tick();
    switch (node.type) {
      case 'char': {
        const code = this.#codeAt(pos);
        return code !== undefined && this.#sameChar(code, node.code) && next(pos + (code > 0xffff ? 2 : 1), captures);
      }
      case 'any': {
        const code = this.#codeAt(pos);
        return code !== undefined && next(pos + (code > 0xffff ? 2 : 1), captures);
      }
      case 'set': {
        const code = this.#codeAt(pos);
        return code !== undefined && this.#inSet(node, code) && next(pos + (code > 0xffff ? 2 : 1), captures);
      }
      case 'group':
        return this.#match(node.body, pos, captures, (end, inner) => {
          const updated = [...inner];
          updated[node.index] = [pos, end];
          return next(end, updated);
        });
      case 'concat': {
        const step = (i: number, at: number, caps: Captures): boolean =>
          i === node.items.length ? next(at, caps) : this.#match(node.items[i]!, at, caps, (end, c) => step(i + 1, end, c));
        return step(0, pos, captures);
      }
      case 'alternation':
        return node.items.some((item) => this.#match(item, pos, captures, next));
      case 'repeat': {
        const iterate = (count: number, at: number, caps: Captures): boolean => {
          this.#tick();
          // An iteration that consumed nothing cannot lead anywhere new.
          const more = count < node.max && this.#match(node.body, at, caps, (end, c) => (end === at && count >= node.min ? false : iterate(count + 1, end, c)));
          return more || (count >= node.min && next(at, caps));
        };
        return iterate(0, pos, captures);
      }
      case 'assert':
        return this.#assertion(node.kind, pos) && next(pos, captures);
      case 'backref': {
        const span = captures[node.index];
        if (!span) return false;
        const wanted = this.#text.slice(span[0], span[1]);
        const found = this.#text.slice(pos, pos + wanted.length);
        const same = this.ignoreCase ? wanted.toLowerCase() === found.toLowerCase() : wanted === found;
        return same && next(pos + wanted.length, captures);
      }
    }
  }

  #assertion(kind: Extract<RegexNode, { type: 'assert' }>['kind'], pos: number): boolean {
    const before = isWordCode(this.#codeBefore(pos));
    const after = isWordCode(this.#codeAt(pos));
    switch (kind) {
      case 'line-start':
      case 'text-start':
        return pos === 0;
      case 'line-end':
      case 'text-end':
        return pos === this.#text.length;
      case 'word-boundary':
        return before !== after;
      case 'not-word-boundary':
        return before === after;
      case 'word-start':
        return !before && after;
      case 'word-end':
        return before && !after;
    }
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
