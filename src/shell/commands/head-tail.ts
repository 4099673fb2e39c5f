/** head and tail: -n N, -N, +N for tail; several files get `==> name <==` headers. */
import type { Command, CommandContext } from '../command.ts';
import { resolvePath } from '../../lib/resolve-path.ts';
import { readInputs } from './read-inputs.ts';
import { writeInSlices } from './text-slices.ts';
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
      const { texts, status } = await readInputs(ctx, name, parsed.files);
      // busybox tail gives up when it could open none of its files (a directory opens, then fails to read).
      if (name === 'tail' && ctx.userland === 'busybox' && parsed.files.length && parsed.files.every((f) => f !== '-' && !ctx.fs.exists(resolvePath(ctx.cwd, f))))
        ctx.stderr.write('tail: no files\n');
      for (const [i, { name: file, text }] of texts.entries()) {
        if (texts.length > 1) ctx.stdout.write(`${i ? '\n' : ''}==> ${file} <==\n`);
        if (parsed.bytes) {
          // -c counts characters as bytes: the files here hold text.
          const start = name === 'head' ? 0 : parsed.fromStart ? Math.max(0, parsed.count - 1) : Math.max(0, text.length - parsed.count);
          const end = name === 'tail' ? text.length : parsed.allBut ? Math.max(0, text.length - parsed.count) : parsed.count;
          await writeInSlices(ctx, text.slice(start, end));
          continue;
        }
        await writeInSlices(ctx, selectLines(name, parsed, text));
      }
      if (name === 'tail' && parsed.follow) return follow(ctx, texts);
      return status;
    },
  };
}

/**
 * The lines head or tail prints, found by searching for newlines from the end that matters, never
 * by splitting the whole text: `head -n 2` of megabytes reads two lines. Like GNU's and busybox's,
 * the result is a piece of the input as it is, a last line without its newline included.
 */
function selectLines(name: 'head' | 'tail', { count, fromStart, allBut }: { count: number; fromStart: boolean; allBut: boolean }, text: string): string {
  if (name === 'head') {
    if (!allBut) return text.slice(0, afterLines(text, count) ?? text.length);
    return text.slice(0, startOfLastLines(text, count) ?? 0);
  }
  if (fromStart) return count <= 1 ? text : text.slice(afterLines(text, count - 1) ?? text.length);
  return text.slice(startOfLastLines(text, count) ?? 0);
}

/** The offset just past the newline of line `n`, or undefined when the text has fewer newlines. */
function afterLines(text: string, n: number): number | undefined {
  let at = -1;
  for (let seen = 0; seen < n; seen++) {
    at = text.indexOf('\n', at + 1);
    if (at < 0) return undefined;
  }
  return at + 1;
}

/** The offset where the last `n` lines start, or undefined when the text has no more than `n`. */
function startOfLastLines(text: string, n: number): number | undefined {
  if (n === 0) return text.length;
  // The newline that ends the text ends the last line; any other newline ends the line before one.
  let at = text.endsWith('\n') ? text.length - 1 : text.length;
  for (let seen = 0; seen < n; seen++) {
    at = at === 0 ? -1 : text.lastIndexOf('\n', at - 1);
    if (at < 0) return undefined;
  }
  return at + 1;
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
