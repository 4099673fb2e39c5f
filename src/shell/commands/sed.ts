/**
 * sed: the common one-liners — `s/re/rep/[gip]`, `-n` with `p`, `d`, `a\\`, `i\\`, `c\\`; addresses by line, `$`, /re/,
 * `first~step` and ranges (`a,b`, `a,+N`, `a,~N`), negated with `!`; `-i`, `-e`, `-E`.
 */
import type { Command } from '../command.ts';
import { resolvePath } from '../../lib/resolve-path.ts';
import { PosixRegex } from '../../lib/regex/posix-regex.ts';
import { RegexBudgetError, RegexSyntaxError } from '../../lib/regex/regex-syntax-error.ts';
import type { Userland } from '../command.ts';
import { readInputs } from './read-inputs.ts';
import { countLines, lineSlices, linesOf } from './text-slices.ts';
import { regexBudgetMessage, regexFailureReason } from './regex-failure.ts';

type Address = { line: number } | { last: true } | { regex: PosixRegex } | { first: number; step: number };
/** The end of a range: an address, or `+N` lines after its start, or the next line that is a multiple of N. */
type RangeEnd = Address | { plus: number } | { multiple: number };

interface Script {
  address?: Address;
  rangeEnd?: RangeEnd;
  negate?: boolean;
  op: 's' | 'p' | 'd' | 'a' | 'i' | 'c';
  /** The text of `a`, `i` and `c`. */
  text?: string;
  regex?: PosixRegex;
  replacement?: string;
  print?: boolean;
  global?: boolean;
  /** `s///N`: replace only the Nth match. */
  occurrence?: number;
}

/** A script that does not parse: the reason, and how far into the expression sed had read. */
interface ScriptProblem {
  reason: string;
  char: number;
}

interface ParseContext {
  extended: boolean;
  userland: Userland;
  /** Offset of this command within its -e expression. */
  offset: number;
  /** The last regex compiled, which an empty one (`s//x/`) stands for. */
  last?: PosixRegex;
}

function compileRegex(source: string, ignoreCase: boolean, context: ParseContext, char: number): PosixRegex | ScriptProblem {
  if (source === '') return context.last ?? { reason: 'no previous regular expression', char };
  try {
    context.last = PosixRegex.compile(source, context.extended ? 'sed-extended' : 'sed', { ignoreCase });
    return context.last;
  } catch (error) {
    if (!(error instanceof RegexSyntaxError)) throw error;
    return { reason: regexFailureReason(context.userland, source, error), char };
  }
}

/** One address at the start of `rest`: what it is and what follows, a problem, or undefined if none. */
function parseAddress(rest: string, context: ParseContext, at: (remaining: string) => number): { address: Address; rest: string } | ScriptProblem | undefined {
  const stepped = /^(\d+)~(\d+)/.exec(rest);
  if (stepped) return { address: { first: Number(stepped[1]), step: Number(stepped[2]) }, rest: rest.slice(stepped[0].length) };
  const line = /^(\d+)/.exec(rest);
  if (line) return { address: { line: Number(line[1]) }, rest: rest.slice(line[0].length) };
  if (rest.startsWith('$')) return { address: { last: true }, rest: rest.slice(1) };
  if (!rest.startsWith('/')) return undefined;
  // Models sed/compile.c match_slash: `\/` stands for the delimiter, other escapes stay for the regex.
  let end = 1;
  let source = '';
  while (end < rest.length && rest[end] !== '/') {
    if (rest[end] === '\\' && rest[end + 1] === '/') end++;
    else if (rest[end] === '\\' && end + 1 < rest.length) source += rest[end++];
    source += rest[end++];
  }
  if (end >= rest.length) return { reason: 'unterminated address regex', char: at(rest) + rest.length };
  const ignoreCase = rest[end + 1] === 'I';
  const regex = compileRegex(source, ignoreCase, context, at(rest) + end + 1);
  if (!(regex instanceof PosixRegex)) return regex;
  return { address: { regex }, rest: rest.slice(end + (ignoreCase ? 2 : 1)).trimStart() };
}

function parseScript(text: string, context: ParseContext): Script | ScriptProblem {
  const leading = text.length - text.trimStart().length;
  let rest = text.trim();
  const at = (remaining: string) => context.offset + leading + (text.trim().length - remaining.length);
  const first = parseAddress(rest, context, at);
  if (first && 'reason' in first) return first;
  let address: Address | undefined;
  let rangeEnd: RangeEnd | undefined;
  if (first) {
    address = first.address;
    rest = first.rest;
    if (rest.startsWith(',')) {
      rest = rest.slice(1).trimStart();
      const relative = /^([+~])(\d+)/.exec(rest);
      if (relative) {
        rangeEnd = relative[1] === '+' ? { plus: Number(relative[2]) } : { multiple: Number(relative[2]) };
        rest = rest.slice(relative[0].length);
      } else {
        const second = parseAddress(rest, context, at);
        if (!second) return { reason: "unexpected `,'", char: at(rest) + 1 };
        if ('reason' in second) return second;
        rangeEnd = second.address;
        rest = second.rest;
      }
    }
  }
  rest = rest.trimStart();
  let negate = false;
  if (address && rest.startsWith('!')) {
    negate = true;
    rest = rest.slice(1).trimStart();
  }
  const where = { ...(address ? { address } : {}), ...(rangeEnd ? { rangeEnd } : {}), ...(negate ? { negate } : {}) };
  const op = rest[0];
  if (op === 'p' || op === 'd') return { ...where, op };
  if (op === 'a' || op === 'i' || op === 'c') return { ...where, op, text: commandText(rest.slice(1)) };
  if (op !== 's' || rest.length < 2) return { reason: `unknown command: \`${op ?? ''}'`, char: at(rest) + 1 };
  const delimiter = rest[1]!;
  const parts: string[] = [];
  let current = '';
  for (let i = 2; i < rest.length; i++) {
    const c = rest[i]!;
    if (c === '\\' && rest[i + 1] === delimiter) {
      current += delimiter;
      i++;
    } else if (c === '\\' && i + 1 < rest.length) {
      current += c + rest[++i]!;
    } else if (c === delimiter && parts.length < 2) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  if (parts.length < 2) return { reason: "unterminated `s' command", char: context.offset + text.length };
  const flags = current.trimEnd();
  const regex = compileRegex(parts[0]!, /[iI]/.test(flags), context, context.offset + leading + text.trim().length);
  if (!(regex instanceof PosixRegex)) return regex;
  const occurrence = /\d+/.exec(flags);
  const script: Script = { op: 's', regex, replacement: parts[1]!, print: flags.includes('p'), global: flags.includes('g') };
  if (occurrence) script.occurrence = Number(occurrence[0]);
  return { ...script, ...where };
}

/** Splits a script at `;` and newlines between commands, not inside an address or `s` regex; each with its offset. */
function splitCommands(text: string): { command: string; offset: number }[] {
  const commands: { command: string; offset: number }[] = [];
  const skipDelimited = (i: number, delimiter: string): number => {
    while (i < text.length && text[i] !== delimiter) i += text[i] === '\\' ? 2 : 1;
    return i + 1;
  };
  let i = 0;
  while (i < text.length) {
    const start = i;
    while (/\s/.test(text[i] ?? '')) i++;
    for (;;) {
      if (text[i] === '/') i = skipDelimited(i + 1, '/');
      else if (/[\d$,+~!\s]/.test(text[i] ?? '') && text[i] !== '\n') i++;
      else break;
    }
    if (text[i] === 's' && i + 1 < text.length) i = skipDelimited(skipDelimited(i + 2, text[i + 1]!), text[i + 1]!);
    if (text[i] === 'a' || text[i] === 'i' || text[i] === 'c') {
      // Models sed/compile.c read_text: the text runs to the end of the line, and on past each line ending in a backslash.
      while (i < text.length && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
    }
    while (i < text.length && text[i] !== ';' && text[i] !== '\n') i++;
    commands.push({ command: text.slice(start, i), offset: start });
    i++;
  }
  return commands;
}

/** The text after `a`, `i` or `c`: `a\\` and a newline, `a\\text` or GNU's one-liner `a text`; escapes stand for their character. */
function commandText(raw: string): string {
  let text = raw.replace(/^[ \t]*/, '');
  if (text.startsWith('\\\n')) text = text.slice(2);
  else if (text.startsWith('\\')) text = text.slice(1);
  return text.replace(/\\([\s\S])/g, '$1');
}

function expandReplacement(replacement: string, match: string, groups: string[]): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i]!;
    if (c === '&') out += match;
    else if (c === '\\' && i + 1 < replacement.length) {
      const n = replacement[++i]!;
      out += /\d/.test(n) ? (n === '0' ? match : (groups[Number(n) - 1] ?? '')) : n === 'n' ? '\n' : n === 't' ? '\t' : n;
    } else out += c;
  }
  return out;
}

/** `s///` on one line: the new line, or undefined when nothing was replaced. */
function substitute(step: Script, line: string): string | undefined {
  const wanted = step.occurrence ?? 1;
  let out = '';
  let copied = 0;
  let seen = 0;
  let replaced = false;
  for (const m of step.regex!.matchAll(line)) {
    seen++;
    if (seen < wanted) continue;
    out +=
      line.slice(copied, m.start) +
      expandReplacement(
        step.replacement!,
        m.groups[0]!,
        m.groups.slice(1).map((g) => g ?? ''),
      );
    copied = m.end;
    replaced = true;
    if (!step.global) break;
  }
  return replaced ? out + line.slice(copied) : undefined;
}

export const sed: Command = {
  name: 'sed',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    let quiet = false;
    let inPlace = false;
    let extended = false;
    const scripts: string[] = [];
    const files: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-e') scripts.push(args[++i] ?? '');
      else if (/^-[niErs]+$/.test(a)) {
        quiet ||= a.includes('n');
        inPlace ||= a.includes('i');
        extended ||= /[Er]/.test(a);
      } else if (scripts.length === 0 && !a.startsWith('-')) scripts.push(a);
      else files.push(a);
    }
    if (scripts.length === 0) {
      ctx.stderr.write('Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n');
      return 1;
    }
    const program: Script[] = [];
    const context: ParseContext = { extended, userland: ctx.userland, offset: 0 };
    for (const [n, script] of scripts.entries()) {
      for (const { command, offset } of splitCommands(script).filter((c) => c.command.trim())) {
        context.offset = offset;
        const parsed = parseScript(command, context);
        if ('reason' in parsed) {
          // busybox's xregcomp message stands alone; GNU sed says where in the script it was.
          const regexFailure = ctx.userland === 'busybox' && parsed.reason.startsWith('bad regex');
          ctx.stderr.write(regexFailure ? `sed: ${parsed.reason}\n` : `sed: -e expression #${n + 1}, char ${parsed.char}: ${parsed.reason}\n`);
          return 1;
        }
        program.push(parsed);
      }
    }
    /** Runs the script over `text` a slice at a time, handing each slice's output to `emit`. */
    const apply = async (text: string, emit: (out: string) => void): Promise<void> => {
      const selects = addressMatcher(countLines(text));
      let index = 0;
      for await (const slice of lineSlices(ctx, text)) {
        const out: string[] = [];
        for (const original of linesOf(slice)) {
          index++;
          let line = original;
          let deleted = false;
          let appended = '';
          for (const step of program) {
            if (!selects(step, index, line)) continue;
            if (step.op === 'd') {
              deleted = true;
              break;
            }
            if (step.op === 'i') {
              out.push(`${step.text}\n`);
              continue;
            }
            if (step.op === 'a') {
              appended += `${step.text}\n`;
              continue;
            }
            if (step.op === 'c') {
              // A range is changed as a whole: its text comes once, at its end (or at the last line).
              if (!step.rangeEnd || step.negate || !selects.stillOpen(step)) out.push(`${step.text}\n`);
              deleted = true;
              break;
            }
            if (step.op === 'p') out.push(`${line}\n`);
            else {
              const replaced = substitute(step, line);
              if (replaced !== undefined) {
                line = replaced;
                if (step.print) out.push(`${line}\n`);
              }
            }
          }
          if (!deleted && !quiet) out.push(`${line}\n`);
          out.push(appended);
        }
        if (out.length) emit(out.join(''));
      }
    };
    const edit = async (): Promise<number> => {
      if (inPlace) {
        let status = 0;
        for (const file of files) {
          const path = resolvePath(ctx.cwd, file);
          const { texts, status: s } = await readInputs(ctx, 'sed', [file]);
          if (s !== 0 || !texts[0]) {
            status = 4;
            continue;
          }
          const pieces: string[] = [];
          await apply(texts[0].text, (out) => pieces.push(out));
          ctx.fs.writeFile(path, pieces.join(''));
        }
        return status;
      }
      const { texts, status } = await readInputs(ctx, 'sed', files);
      await apply(texts.length === 1 ? texts[0]!.text : texts.map((t) => t.text).join(''), (out) => ctx.stdout.write(out));
      if (status === 0) return 0;
      return ctx.userland === 'busybox' ? 1 : 2;
    };
    try {
      return await edit();
    } catch (error) {
      if (!(error instanceof RegexBudgetError)) throw error;
      ctx.stderr.write(`${regexBudgetMessage(ctx.userland, 'sed')}\n`);
      return 4;
    }
  },
};

/**
 * Whether a command applies to line `n` (1-based) of `total`. A range stays open from the line its
 * start matches until its end: an end given by line number at or before the start closes it at once,
 * a regex end is looked for from the next line on (GNU sed's match_address_p).
 */
function addressMatcher(total: number): ((step: Script, n: number, line: string) => boolean) & { stillOpen(step: Script): boolean } {
  const open = new Map<Script, { until?: number }>();
  const single = (a: Address, n: number, line: string): boolean =>
    'line' in a ? a.line === n : 'last' in a ? n === total : 'regex' in a ? a.regex.test(line) : a.step <= 0 ? n === a.first : n >= a.first && (n - a.first) % a.step === 0;
  const inRange = (step: Script, n: number, line: string): boolean => {
    const end = step.rangeEnd!;
    const state = open.get(step);
    if (state) {
      const closes = state.until !== undefined ? n >= state.until : 'plus' in end || 'multiple' in end ? true : single(end, n, line);
      if (closes) open.delete(step);
      return true;
    }
    if (!single(step.address!, n, line)) return false;
    if ('plus' in end) {
      if (end.plus > 0) open.set(step, { until: n + end.plus });
    } else if ('multiple' in end) {
      const next = end.multiple <= 0 ? n : Math.ceil(n / end.multiple) * end.multiple;
      if (next > n) open.set(step, { until: next });
    } else if ('line' in end) {
      if (end.line > n) open.set(step, { until: end.line });
    } else if (!('last' in end && n === total)) open.set(step, {});
    return true;
  };
  const selects = (step: Script, n: number, line: string) => {
    const selected = !step.address ? true : step.rangeEnd ? inRange(step, n, line) : single(step.address, n, line);
    return step.negate ? !selected : selected;
  };
  return Object.assign(selects, { stillOpen: (step: Script) => open.has(step) });
}
