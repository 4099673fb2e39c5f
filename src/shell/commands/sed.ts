/** sed: the common one-liners — `s/re/rep/[gip]`, `-n` with `p`, `d`, line and /re/ addresses, `-i`, `-e`, `-E`. */
import type { Command } from '../command.ts';
import { resolvePath } from '../../lib/resolve-path.ts';
import { readInputs, splitLines } from './read-inputs.ts';

interface Script {
  address?: { line: number } | { last: true } | { regex: RegExp };
  op: 's' | 'p' | 'd';
  regex?: RegExp;
  replacement?: string;
  print?: boolean;
}

function toJsRegex(source: string, extended: boolean): string {
  // Basic regular expressions: \( \) \{ \} \+ \? \| are the operators, bare ones are literals.
  if (extended) return source;
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\' && i + 1 < source.length) {
      const n = source[++i]!;
      out += '(){}+?|'.includes(n) ? n : `\\${n}`;
    } else out += '(){}+?|'.includes(c) ? `\\${c}` : c;
  }
  return out;
}

function parseScript(text: string, extended: boolean): Script | string {
  let rest = text.trim();
  let address: Script['address'];
  const line = /^(\d+)/.exec(rest);
  if (line) {
    address = { line: Number(line[1]) };
    rest = rest.slice(line[0].length);
  } else if (rest.startsWith('$')) {
    address = { last: true };
    rest = rest.slice(1);
  } else if (rest.startsWith('/')) {
    const end = rest.indexOf('/', 1);
    if (end < 0) return 'unterminated address regex';
    address = { regex: new RegExp(toJsRegex(rest.slice(1, end), extended)) };
    rest = rest.slice(end + 1);
  }
  const op = rest[0];
  if (op === 'p' || op === 'd') return address ? { address, op } : { op };
  if (op !== 's' || rest.length < 2) return `unknown command: \`${op ?? ''}'`;
  const delimiter = rest[1]!;
  const parts: string[] = [];
  let current = '';
  for (let i = 2; i < rest.length; i++) {
    const c = rest[i]!;
    if (c === '\\' && rest[i + 1] === delimiter) {
      current += delimiter;
      i++;
    } else if (c === delimiter && parts.length < 2) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  if (parts.length < 2) return "unterminated `s' command";
  const flags = current;
  const regex = new RegExp(toJsRegex(parts[0]!, extended), (flags.includes('g') ? 'g' : '') + (/[iI]/.test(flags) ? 'i' : ''));
  const script: Script = { op: 's', regex, replacement: parts[1]!, print: flags.includes('p') };
  if (address) script.address = address;
  return script;
}

/** Splits a script at `;` and newlines between commands, not inside an address or `s` regex. */
function splitCommands(text: string): string[] {
  const commands: string[] = [];
  const skipDelimited = (i: number, delimiter: string): number => {
    while (i < text.length && text[i] !== delimiter) i += text[i] === '\\' ? 2 : 1;
    return i + 1;
  };
  let i = 0;
  while (i < text.length) {
    const start = i;
    while (/\s/.test(text[i] ?? '')) i++;
    if (text[i] === '/') i = skipDelimited(i + 1, '/');
    else while (/[\d$]/.test(text[i] ?? '')) i++;
    if (text[i] === 's' && i + 1 < text.length) i = skipDelimited(skipDelimited(i + 2, text[i + 1]!), text[i + 1]!);
    while (i < text.length && text[i] !== ';' && text[i] !== '\n') i++;
    commands.push(text.slice(start, i));
    i++;
  }
  return commands;
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
    for (const text of scripts.flatMap(splitCommands).filter((s) => s.trim())) {
      const parsed = parseScript(text, extended);
      if (typeof parsed === 'string') {
        ctx.stderr.write(`sed: -e expression #1, char ${text.length}: ${parsed}\n`);
        return 1;
      }
      program.push(parsed);
    }
    const apply = (text: string): string => {
      const lines = splitLines(text);
      let out = '';
      lines.forEach((original, index) => {
        let line = original;
        let deleted = false;
        for (const step of program) {
          const a = step.address;
          const matches = !a || ('line' in a ? a.line === index + 1 : 'last' in a ? index === lines.length - 1 : a.regex.test(line));
          if (!matches) continue;
          if (step.op === 'd') {
            deleted = true;
            break;
          }
          if (step.op === 'p') out += `${line}\n`;
          else {
            const regex = step.regex!;
            let replaced = false;
            line = line.replace(regex, (match: string, ...rest: unknown[]) => {
              replaced = true;
              const groups = rest.slice(0, -2).map((g) => (typeof g === 'string' ? g : ''));
              return expandReplacement(step.replacement!, match, groups);
            });
            if (replaced && step.print) out += `${line}\n`;
          }
        }
        if (!deleted && !quiet) out += `${line}\n`;
      });
      return out;
    };
    if (inPlace) {
      let status = 0;
      for (const file of files) {
        const path = resolvePath(ctx.cwd, file);
        const { texts, status: s } = readInputs(ctx, 'sed', [file]);
        if (s !== 0 || !texts[0]) {
          status = 4;
          continue;
        }
        ctx.fs.writeFile(path, apply(texts[0].text));
      }
      return status;
    }
    const { texts, status } = readInputs(ctx, 'sed', files);
    ctx.stdout.write(apply(texts.map((t) => t.text).join('')));
    if (status === 0) return 0;
    return ctx.userland === 'busybox' ? 1 : 2;
  },
};
