/** head and tail: -n N, -N, +N for tail; several files get `==> name <==` headers. */
import type { Command, CommandContext } from '../command.ts';
import { resolvePath } from '../../lib/resolve-path.ts';
import { readInputs, splitLines } from './read-inputs.ts';
import { invalidNumber } from './userland.ts';

function lineCount(args: string[]): { count: number; fromStart: boolean; follow: boolean; files: string[]; bytes: boolean; allBut: boolean } | string {
  let count = 10;
  let bytes = false;
  let allBut = false;
  let fromStart = false;
  let follow = false;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    let value: string | undefined;
    if (a === '-n' || a === '-c') value = args[++i];
    else if (a.startsWith('-n') || a.startsWith('-c')) value = a.slice(2);
    else if (/^-\d+$/.test(a)) value = a.slice(1);
    else if (a === '-f' || a === '-F') {
      follow = true;
      continue;
    } else {
      files.push(a);
      continue;
    }
    if (value === undefined || !/^[+-]?\d+$/.test(value)) return value ?? '';
    bytes = a.startsWith('-c');
    fromStart = value.startsWith('+');
    allBut = value.startsWith('-');
    count = Math.abs(Number(value));
  }
  return { count, fromStart, follow, files, bytes, allBut };
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
      if (name === 'tail' && ctx.userland === 'busybox' && parsed.files.length && parsed.files.every((f) => f !== '-' && !ctx.fs.exists(resolvePath(ctx.cwd, f))))
        ctx.stderr.write('tail: no files\n');
      texts.forEach(({ name: file, text }, i) => {
        if (texts.length > 1) ctx.stdout.write(`${i ? '\n' : ''}==> ${file} <==\n`);
        if (parsed.bytes) {
          // -c counts characters as bytes: the files here hold text.
          const start = name === 'head' ? 0 : parsed.fromStart ? Math.max(0, parsed.count - 1) : Math.max(0, text.length - parsed.count);
          const end = name === 'tail' ? text.length : parsed.allBut ? Math.max(0, text.length - parsed.count) : parsed.count;
          ctx.stdout.write(text.slice(start, end));
          return;
        }
        const lines = splitLines(text);
        const selected =
          name === 'head'
            ? lines.slice(0, parsed.allBut ? Math.max(0, lines.length - parsed.count) : parsed.count)
            : parsed.fromStart
              ? lines.slice(Math.max(0, parsed.count - 1))
              : lines.slice(Math.max(0, lines.length - parsed.count));
        if (selected.length) ctx.stdout.write(`${selected.join('\n')}${text.endsWith('\n') || selected.length < lines.length ? '\n' : ''}`);
      });
      if (name === 'tail' && parsed.follow) return follow(ctx, texts);
      return status;
    },
  };
}

/** How often `tail -f` looks for more (busybox sleeps a second between reads; GNU polls as often without inotify). */
const FOLLOW_POLL_MS = 1000;

/**
 * `tail -f`: after the last lines, prints what is appended to the files as it arrives, until
 * Ctrl-C (the sleep rejects and the shell reports 130). A file that shrinks is read again from its start.
 */
async function follow(ctx: CommandContext, texts: { name: string; text: string }[]): Promise<number> {
  const files = texts.filter((t) => t.name !== '-').map((t) => ({ name: t.name, path: resolvePath(ctx.cwd, t.name), seen: t.text.length }));
  if (files.length === 0) return 0;
  let shown = files.at(-1)!;
  for (;;) {
    await ctx.time.sleep(FOLLOW_POLL_MS);
    for (const file of files) {
      let text: string;
      try {
        text = ctx.fs.readFile(file.path);
      } catch {
        continue;
      }
      if (text.length < file.seen) file.seen = 0;
      if (text.length === file.seen) continue;
      if (files.length > 1 && shown !== file) ctx.stdout.write(`\n==> ${file.name} <==\n`);
      ctx.stdout.write(text.slice(file.seen));
      file.seen = text.length;
      shown = file;
    }
  }
}

export const head = make('head');
export const tail = make('tail');
