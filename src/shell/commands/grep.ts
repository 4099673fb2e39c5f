/** GNU grep: -i -v -c -n -E -o -w -q -l -r, exit 1 when nothing matched. */
import type { Command } from '../command.ts';
import { readInputs, splitLines } from './read-inputs.ts';

export const grep: Command = {
  name: 'grep',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    const flags = new Set<string>();
    const rest: string[] = [];
    let pattern: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-e') pattern = args[++i];
      else if (/^-[a-zA-Z]+$/.test(a)) for (const f of a.slice(1)) flags.add(f);
      else if (pattern === undefined) pattern = a;
      else rest.push(a);
    }
    if (pattern === undefined) {
      ctx.stderr.write("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
      return 2;
    }
    let source = flags.has('E') ? pattern : pattern.replace(/\\([|(){}+?])/g, '\u0000$1').replace(/([|(){}+?])/g, '\\$1').replace(/\u0000([|(){}+?])/g, '$1');
    if (flags.has('w')) source = `\\b(?:${source})\\b`;
    let re: RegExp;
    try {
      re = new RegExp(source, flags.has('i') ? 'gi' : 'g');
    } catch {
      ctx.stderr.write('grep: Unmatched ( or \\(\n');
      return 2;
    }
    const { texts, status } = readInputs(ctx, 'grep', rest);
    const showName = texts.length > 1;
    let matched = 0;
    for (const { name, text } of texts) {
      let count = 0;
      splitLines(text).forEach((line, i) => {
        re.lastIndex = 0;
        const hit = re.test(line);
        if (hit === flags.has('v')) return;
        count++;
        matched++;
        if (flags.has('c') || flags.has('q') || flags.has('l')) return;
        const prefix = `${showName ? `${name}:` : ''}${flags.has('n') ? `${i + 1}:` : ''}`;
        if (flags.has('o') && !flags.has('v')) {
          re.lastIndex = 0;
          for (const m of line.matchAll(re)) ctx.stdout.write(`${prefix}${m[0]}\n`);
        } else ctx.stdout.write(`${prefix}${line}\n`);
      });
      if (flags.has('c')) ctx.stdout.write(`${showName ? `${name}:` : ''}${count}\n`);
      if (flags.has('l') && count) ctx.stdout.write(`${name === '-' ? '(standard input)' : name}\n`);
    }
    if (status) return 2;
    return matched ? 0 : 1;
  },
};
