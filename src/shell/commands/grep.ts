/** GNU grep: -i -v -c -n -E -o -w -q -l -r -A -B -C -m, exit 1 when nothing matched. */
import type { Command } from '../command.ts';
import { readInputs, splitLines } from './read-inputs.ts';

export const grep: Command = {
  name: 'grep',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    const flags = new Set<string>();
    const rest: string[] = [];
    let pattern: string | undefined;
    let after = 0;
    let before = 0;
    let maxCount = Infinity;
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      const context = /^-([a-zA-Z]*)([ABCm])(\d*)$/.exec(a);
      if (a === '-e') pattern = args[++i];
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
      else if (pattern === undefined) pattern = a;
      else rest.push(a);
    }
    if (pattern === undefined) {
      ctx.stderr.write("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
      return 2;
    }
    let source = flags.has('E')
      ? pattern
      : pattern
          .replace(/\\([|(){}+?])/g, '\u0000$1')
          .replace(/([|(){}+?])/g, '\\$1')
          .replace(/\u0000([|(){}+?])/g, '$1');
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
    const withContext = (after > 0 || before > 0) && !flags.has('o');
    let matched = 0;
    let printedAny = false;
    for (const { name, text } of texts) {
      let count = 0;
      const lines = splitLines(text);
      const hits = lines.map((line) => {
        re.lastIndex = 0;
        return re.test(line) !== flags.has('v');
      });
      let lastPrinted = -1;
      // Context lines take `-` where matches take `:`, and `--` separates groups that do not touch.
      const print = (i: number, sep: ':' | '-') => {
        if (withContext && printedAny && lastPrinted !== i - 1) ctx.stdout.write('--\n');
        ctx.stdout.write(`${showName ? `${name}${sep}` : ''}${flags.has('n') ? `${i + 1}${sep}` : ''}${lines[i]}\n`);
        lastPrinted = i;
        printedAny = true;
      };
      let afterLeft = 0;
      lines.forEach((line, i) => {
        // After -m matches grep stops reading, printing only the trailing context.
        if (!hits[i] || count >= maxCount) {
          if (withContext && afterLeft > 0 && !flags.has('c') && !flags.has('q') && !flags.has('l')) {
            afterLeft--;
            print(i, '-');
          }
          return;
        }
        count++;
        matched++;
        if (flags.has('c') || flags.has('q') || flags.has('l')) return;
        if (withContext) for (let j = Math.max(lastPrinted + 1, i - before); j < i; j++) print(j, '-');
        afterLeft = after;
        if (flags.has('o') && !flags.has('v')) {
          const prefix = `${showName ? `${name}:` : ''}${flags.has('n') ? `${i + 1}:` : ''}`;
          re.lastIndex = 0;
          for (const m of line.matchAll(re)) ctx.stdout.write(`${prefix}${m[0]}\n`);
        } else print(i, ':');
      });
      if (flags.has('c')) ctx.stdout.write(`${showName ? `${name}:` : ''}${count}\n`);
      if (flags.has('l') && count) ctx.stdout.write(`${name === '-' ? '(standard input)' : name}\n`);
    }
    if (status) return 2;
    return matched ? 0 : 1;
  },
};
