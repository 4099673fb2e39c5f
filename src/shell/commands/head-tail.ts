/** head and tail: -n N, -N, +N for tail; several files get `==> name <==` headers. */
import type { Command, CommandContext } from '../command.ts';
import { resolvePath } from '../fs/resolve-path.ts';
import { readInputs, splitLines } from './read-inputs.ts';
import { invalidNumber } from './userland.ts';

function lineCount(args: string[]): { count: number; fromStart: boolean; files: string[] } | string {
  let count = 10;
  let fromStart = false;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    let value: string | undefined;
    if (a === '-n') value = args[++i];
    else if (a.startsWith('-n')) value = a.slice(2);
    else if (/^-\d+$/.test(a)) value = a.slice(1);
    else if (a === '-f' || a === '-F') continue;
    else {
      files.push(a);
      continue;
    }
    if (value === undefined || !/^[+-]?\d+$/.test(value)) return value ?? '';
    fromStart = value.startsWith('+');
    count = Math.abs(Number(value));
  }
  return { count, fromStart, files };
}

function make(name: 'head' | 'tail'): Command {
  return {
    name,
    async run(ctx: CommandContext) {
      const parsed = lineCount(ctx.argv.slice(1));
      if (typeof parsed === 'string') {
        ctx.stderr.write(`${invalidNumber(ctx.userland, name, parsed)}\n`);
        return 1;
      }
      const { texts, status } = readInputs(ctx, name, parsed.files);
      // busybox tail gives up when it could open none of its files (a directory opens, then fails to read).
      if (name === 'tail' && ctx.userland === 'busybox' && parsed.files.length && parsed.files.every((f) => f !== '-' && !ctx.fs.exists(resolvePath(ctx.cwd, f)))) ctx.stderr.write('tail: no files\n');
      texts.forEach(({ name: file, text }, i) => {
        if (texts.length > 1) ctx.stdout.write(`${i ? '\n' : ''}==> ${file} <==\n`);
        const lines = splitLines(text);
        const selected = name === 'head' ? lines.slice(0, parsed.count) : parsed.fromStart ? lines.slice(Math.max(0, parsed.count - 1)) : lines.slice(Math.max(0, lines.length - parsed.count));
        if (selected.length) ctx.stdout.write(`${selected.join('\n')}${text.endsWith('\n') || selected.length < lines.length ? '\n' : ''}`);
      });
      return status;
    },
  };
}

export const head = make('head');
export const tail = make('tail');
