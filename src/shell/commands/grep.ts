/** GNU grep: -i -v -c -n -E -F -o -w -x -q -l -A -B -C -m -e, exit 1 when nothing matched. */
import type { Command } from '../command.ts';
import { PosixRegex, type RegexMatch } from '../../lib/regex/posix-regex.ts';
import { RegexBudgetError, RegexSyntaxError } from '../../lib/regex/regex-syntax-error.ts';
import { isWordCode } from '../../lib/regex/regex-ast.ts';
import { readInputs } from './read-inputs.ts';
import { lineSlices, linesOf } from './text-slices.ts';
import { regexBudgetMessage, regexFailureReason } from './regex-failure.ts';

/** A -F string as a basic regular expression. */
function quoteFixed(text: string): string {
  return text.replace(/[.[\\\]*^$]/g, '\\$&');
}

/**
 * The patterns grep was given (-e may repeat, a pattern may hold several lines), matched as one:
 * the leftmost match of any, the longest among those, then -w and -x as GNU grep applies them.
 */
class PatternList {
  constructor(
    readonly patterns: PosixRegex[],
    readonly words: boolean,
    readonly wholeLine: boolean,
  ) {}

  exec(line: string, from: number): RegexMatch | null {
    let best: RegexMatch | null = null;
    for (const re of this.patterns) {
      let at = from;
      for (;;) {
        const m = re.exec(line, at);
        if (!m) break;
        if (this.#accepts(line, m)) {
          if (!best || m.start < best.start || (m.start === best.start && m.end > best.end)) best = m;
          break;
        }
        if (this.wholeLine || m.start >= line.length) break;
        at = m.start + 1;
      }
    }
    return best;
  }

  #accepts(line: string, m: RegexMatch): boolean {
    if (this.wholeLine) return m.start === 0 && m.end === line.length;
    if (!this.words) return true;
    return !isWordCode(line.codePointAt(m.start - 1)) && !isWordCode(line.codePointAt(m.end)) && m.end > m.start;
  }

  test(line: string): boolean {
    if (!this.words && !this.wholeLine) return this.patterns.some((re) => re.test(line));
    return this.exec(line, 0) !== null;
  }

  *matchAll(line: string): Generator<RegexMatch> {
    let from = 0;
    while (from <= line.length) {
      const m = this.exec(line, from);
      if (!m) return;
      if (m.end > m.start) yield m;
      from = m.end > m.start ? m.end : m.end + 1;
    }
  }
}

export const grep: Command = {
  name: 'grep',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    const flags = new Set<string>();
    const rest: string[] = [];
    let pattern: string | undefined;
    const expressions: string[] = [];
    let after = 0;
    let before = 0;
    let maxCount = Infinity;
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      const context = /^-([a-zA-Z]*)([ABCm])(\d*)$/.exec(a);
      if (a === '-e') expressions.push(args[++i] ?? '');
      else if (context) {
        for (const f of context[1]!) flags.add(f);
        const value = context[3] || args[++i] || '';
        if (!/^\d+$/.test(value)) {
          ctx.stderr.write(context[2] === 'm' ? `grep: invalid max count\n` : `grep: ${value}: invalid context length argument\n`);
          return 2;
        }
        if (context[2] === 'm') maxCount = Number(value);
        else {
          if (context[2] !== 'B') after = Number(value);
          if (context[2] !== 'A') before = Number(value);
        }
      } else if (/^-[a-zA-Z]+$/.test(a)) for (const f of a.slice(1)) flags.add(f);
      else if (pattern === undefined && expressions.length === 0) pattern = a;
      else rest.push(a);
    }
    if (pattern !== undefined) expressions.push(pattern);
    if (expressions.length === 0) {
      ctx.stderr.write("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
      return 2;
    }
    let re: PatternList;
    try {
      const sources = expressions.flatMap((e) => e.split('\n'));
      const compiled = sources.map((source) =>
        flags.has('F')
          ? PosixRegex.compile(quoteFixed(source), 'grep', { ignoreCase: flags.has('i') })
          : PosixRegex.compile(source, flags.has('E') ? 'grep-extended' : 'grep', { ignoreCase: flags.has('i') }),
      );
      re = new PatternList(compiled, flags.has('w'), flags.has('x'));
      // grep 3.8+ warns and goes on; busybox grep has no such check.
      if (ctx.userland === 'gnu') for (const warning of compiled.flatMap((c) => c.warnings)) ctx.stderr.write(`grep: warning: ${warning}\n`);
    } catch (error) {
      if (!(error instanceof RegexSyntaxError)) throw error;
      ctx.stderr.write(`grep: ${regexFailureReason(ctx.userland, expressions.join('\n'), error)}\n`);
      return 2;
    }
    const searchInputs = async (): Promise<number> => {
      const { texts, status } = await readInputs(ctx, 'grep', rest);
      const showName = texts.length > 1;
      const withContext = (after > 0 || before > 0) && !flags.has('o');
      const quiet = flags.has('c') || flags.has('q') || flags.has('l');
      let matched = 0;
      let printedAny = false;
      for (const { name, text } of texts) {
        let count = 0;
        let lastPrinted = -1;
        /** The lines before the current slice that -B may still print, and the number of the first. */
        let earlier: string[] = [];
        let earlierFrom = 0;
        let lines: string[] = [];
        let first = 0;
        let out: string[] = [];
        const lineAt = (i: number) => (i >= first ? lines[i - first]! : earlier[i - earlierFrom]!);
        // Context lines take `-` where matches take `:`, and `--` separates groups that do not touch.
        const print = (i: number, sep: ':' | '-') => {
          if (withContext && printedAny && lastPrinted !== i - 1) out.push('--\n');
          out.push(`${showName ? `${name}${sep}` : ''}${flags.has('n') ? `${i + 1}${sep}` : ''}${lineAt(i)}\n`);
          lastPrinted = i;
          printedAny = true;
        };
        let afterLeft = 0;
        for await (const slice of lineSlices(ctx, text)) {
          lines = linesOf(slice);
          for (let k = 0; k < lines.length; k++) {
            const i = first + k;
            const line = lines[k]!;
            // After -m matches grep stops reading, printing only the trailing context.
            if (count >= maxCount || re.test(line) === flags.has('v')) {
              if (withContext && afterLeft > 0 && !quiet) {
                afterLeft--;
                print(i, '-');
              }
              continue;
            }
            count++;
            matched++;
            if (quiet) continue;
            if (withContext) for (let j = Math.max(lastPrinted + 1, i - before); j < i; j++) print(j, '-');
            afterLeft = after;
            if (flags.has('o') && !flags.has('v')) {
              const prefix = `${showName ? `${name}:` : ''}${flags.has('n') ? `${i + 1}:` : ''}`;
              for (const m of re.matchAll(line)) out.push(`${prefix}${m.groups[0]}\n`);
            } else print(i, ':');
          }
          if (out.length) ctx.stdout.write(out.join(''));
          out = [];
          if (before > 0) {
            earlier = earlier.concat(lines).slice(-before);
            earlierFrom = first + lines.length - earlier.length;
          }
          first += lines.length;
          // Nothing more can be printed or counted: grep stops reading (-m, and -q or -l at the first match).
          if ((count >= maxCount && afterLeft === 0) || (count > 0 && (flags.has('q') || flags.has('l')) && !flags.has('c'))) break;
        }
        if (flags.has('c')) ctx.stdout.write(`${showName ? `${name}:` : ''}${count}\n`);
        if (flags.has('l') && count) ctx.stdout.write(`${name === '-' ? '(standard input)' : name}\n`);
      }
      if (status) return 2;
      return matched ? 0 : 1;
    };
    try {
      return await searchInputs();
    } catch (error) {
      if (!(error instanceof RegexBudgetError)) throw error;
      ctx.stderr.write(`${regexBudgetMessage(ctx.userland, 'grep')}\n`);
      return 2;
    }
  },
};
