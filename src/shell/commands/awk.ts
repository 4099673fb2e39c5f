/** awk: the one-liners learners type — `{print $N, ...}`, `/re/ {print}`, `NR==N`, `-F sep`, NF/NR. */
import type { Command } from '../command.ts';
import { PosixRegex } from '../../lib/regex/posix-regex.ts';
import { RegexBudgetError, RegexSyntaxError } from '../../lib/regex/regex-syntax-error.ts';
import { readInputs, splitLines } from './read-inputs.ts';
import { regexBudgetMessage, regexFailureReason } from './regex-failure.ts';

interface Rule {
  pattern?: { regex: PosixRegex } | { nr: number };
  items: string[] | undefined;
}

/** A regex awk could not compile, with its source as written between the slashes. */
class AwkRegexError {
  constructor(
    readonly source: string,
    readonly error: RegexSyntaxError,
  ) {}
}

function compileAwkRegex(source: string): PosixRegex {
  try {
    return PosixRegex.compile(source, 'awk');
  } catch (error) {
    if (error instanceof RegexSyntaxError) throw new AwkRegexError(source, error);
    throw error;
  }
}

/** Splits a record at every match of a multi-character FS, as gawk does; an empty match splits nothing. */
function splitByRegex(line: string, separator: PosixRegex): string[] {
  const fields: string[] = [];
  let start = 0;
  for (const m of separator.matchAll(line)) {
    if (m.end === m.start) continue;
    fields.push(line.slice(start, m.start));
    start = m.end;
  }
  fields.push(line.slice(start));
  return fields;
}

function parseProgram(text: string): Rule[] | undefined {
  const rules: Rule[] = [];
  const re = /\s*(?:\/((?:\\.|[^/])*)\/|NR\s*==\s*(\d+))?\s*(?:\{([^}]*)\})?/y;
  let rest = text.trim();
  while (rest) {
    re.lastIndex = 0;
    const m = re.exec(rest);
    if (!m || m[0].trim() === '') return undefined;
    const rule: Rule = { items: undefined };
    if (m[1] !== undefined) rule.pattern = { regex: compileAwkRegex(m[1]) };
    else if (m[2] !== undefined) rule.pattern = { nr: Number(m[2]) };
    if (m[3] !== undefined) {
      const body = m[3].trim();
      if (body && !/^print\b/.test(body)) return undefined;
      const args = body.replace(/^print\s*/, '').trim();
      rule.items = args ? args.split(/\s*,\s*/) : [];
    }
    rules.push(rule);
    rest = rest.slice(m[0].length).trim();
  }
  return rules;
}

function evaluate(item: string, fields: string[], line: string, nr: number): string {
  return item
    .split(/\s+(?=(?:[^"]*"[^"]*")*[^"]*$)/)
    .map((part) => {
      if (/^".*"$/.test(part)) return part.slice(1, -1).replace(/\\t/g, '\t').replace(/\\n/g, '\n');
      if (part === 'NF') return String(fields.length);
      if (part === 'NR') return String(nr);
      if (part === '$NF') return fields.at(-1) ?? '';
      const field = /^\$(\d+)$/.exec(part);
      if (field) return Number(field[1]) === 0 ? line : (fields[Number(field[1]) - 1] ?? '');
      return part;
    })
    .join('');
}

export const awk: Command = {
  name: 'awk',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    let separator: string | undefined;
    let source: string | undefined;
    const files: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-F') separator = args[++i] ?? ' ';
      else if (a.startsWith('-F')) separator = a.slice(2);
      else if (source === undefined) source = a;
      else files.push(a);
    }
    if (source === undefined) {
      ctx.stderr.write('usage: awk [POSIX or GNU style options] -f progfile [--] file ...\n');
      return 2;
    }
    let rules: Rule[] | undefined;
    let fieldRegex: PosixRegex | undefined;
    try {
      rules = parseProgram(source);
      if (separator !== undefined && separator.length > 1) fieldRegex = compileAwkRegex(separator);
    } catch (error) {
      if (!(error instanceof AwkRegexError)) throw error;
      // gawk's make_regexp: fatal("invalid regexp: %s: /%s/"); busybox awk goes through xregcomp.
      ctx.stderr.write(
        ctx.userland === 'busybox'
          ? `awk: ${regexFailureReason('busybox', error.source, error.error)}\n`
          : `awk: cmd. line:1: fatal: invalid regexp: ${error.error.gnuMessage}: /${error.source}/\n`,
      );
      return ctx.userland === 'busybox' ? 1 : 2;
    }
    if (!rules) {
      ctx.stderr.write(`awk: cmd. line:1: ${source}\nawk: cmd. line:1: syntax error\n`);
      return 1;
    }
    const { texts, status } = readInputs(ctx, 'awk', files);
    const split = (line: string): string[] =>
      separator === undefined || separator === ' '
        ? line
            .trim()
            .split(/[ \t]+/)
            .filter(Boolean)
        : fieldRegex
          ? splitByRegex(line, fieldRegex)
          : line.split(separator);
    let out = '';
    try {
      splitLines(texts.map((t) => t.text).join('')).forEach((line, index) => {
        const fields = split(line);
        for (const rule of rules) {
          const p = rule.pattern;
          if (p && ('nr' in p ? p.nr !== index + 1 : !p.regex.test(line))) continue;
          out += rule.items && rule.items.length ? `${rule.items.map((i) => evaluate(i, fields, line, index + 1)).join(' ')}\n` : `${line}\n`;
        }
      });
    } catch (error) {
      if (!(error instanceof RegexBudgetError)) throw error;
      ctx.stdout.write(out);
      ctx.stderr.write(`${regexBudgetMessage(ctx.userland, 'awk')}\n`);
      return 2;
    }
    ctx.stdout.write(out);
    if (status === 0) return 0;
    return ctx.userland === 'busybox' ? 1 : 2;
  },
};
