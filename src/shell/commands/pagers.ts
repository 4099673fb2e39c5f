/**
 * less and more. With standard output the terminal (and a terminal that can hand over its keys)
 * they page full-screen (less.ts, more.ts); writing to a pipe or file, or in a headless session,
 * they copy their input, as both do when standard output is not a terminal.
 */
import type { Command, CommandContext } from '../command.ts';
import { resolvePath } from '../../lib/resolve-path.ts';
import { runLess, type LessFlags, type PagedFile } from './less.ts';
import { runMore } from './more.ts';

/** less's options that take no value and change nothing here (colours, prompts, exits). */
const QUIET_LESS_OPTIONS = new Set(['R', 'r', 'X', 'K', 'M', 'm', 'n', 'e', 'E', 'f', 'c', 'C', 's', 'q', 'Q', 'w', 'W', 'a', 'L', 'u', 'U', 'g', 'G', '~']);

/** less's long options by the letter of their short form (`-` for those that change nothing here). */
const LESS_LONG_OPTIONS: Record<string, string> = {
  'chop-long-lines': 'S',
  'LINE-NUMBERS': 'N',
  'ignore-case': 'i',
  'IGNORE-CASE': 'I',
  'quit-if-one-screen': 'F',
  'RAW-CONTROL-CHARS': '-',
  'raw-control-chars': '-',
  'no-init': '-',
  'LONG-PROMPT': '-',
  'quit-at-eof': '-',
  'QUIT-AT-EOF': '-',
  'squeeze-blank-lines': '-',
  silent: '-',
  QUIET: '-',
  quiet: '-',
  mouse: '-',
  'use-color': '-',
};

function isTerminalPager(ctx: CommandContext): boolean {
  return ctx.stdoutIsTerminal === true && ctx.terminal.rawKeys !== undefined;
}

/** The files named (or standard input), each read; those that cannot be are reported. */
function readFiles(ctx: CommandContext, name: 'less' | 'more', names: string[]): { files: PagedFile[] } {
  const files: PagedFile[] = [];
  for (const file of names) {
    if (file === '-') {
      files.push({ text: ctx.stdin });
      continue;
    }
    const path = resolvePath(ctx.cwd, file);
    if (!ctx.fs.exists(path)) {
      ctx.stderr.write(name === 'less' ? `${file}: No such file or directory\n` : `more: cannot open ${file}: No such file or directory\n`);
      continue;
    }
    if (ctx.fs.stat(path).kind === 'directory') {
      ctx.stderr.write(name === 'less' ? `${file} is a directory\n` : `\n*** ${file}: directory ***\n\n`);
      continue;
    }
    files.push({ name: file, text: ctx.fs.readFile(path) });
  }
  return { files };
}

/** `+cmd`: less's command to start with; a number alone goes to that line, a search is entered. */
function initialKeys(command: string): string[] {
  if (/^\d+$/.test(command)) return [...command, 'g'];
  const keys = [...command];
  return command.startsWith('/') || command.startsWith('?') ? [...keys, '\r'] : keys;
}

export const less: Command = {
  name: 'less',
  async run(ctx) {
    const flags: LessFlags = { chop: false, lineNumbers: false, ignoreCase: 'never' };
    let quitIfOneScreen = false;
    const names: string[] = [];
    const initial: string[] = [];
    let options = true;
    for (const arg of ctx.argv.slice(1)) {
      if (options && arg === '--') options = false;
      else if (options && arg.startsWith('-') && arg !== '-' && !arg.startsWith('--')) {
        for (const letter of arg.slice(1)) {
          if (letter === 'S') flags.chop = true;
          else if (letter === 'N') flags.lineNumbers = true;
          else if (letter === 'i') flags.ignoreCase = 'smart';
          else if (letter === 'I') flags.ignoreCase = 'always';
          else if (letter === 'F') quitIfOneScreen = true;
          else if (!QUIET_LESS_OPTIONS.has(letter)) ctx.stderr.write(`There is no -${letter} option ("less --help" for help)\n`);
        }
      } else if (options && arg.startsWith('--')) {
        const letter = LESS_LONG_OPTIONS[arg.slice(2).split('=')[0]!];
        if (letter === 'S') flags.chop = true;
        else if (letter === 'N') flags.lineNumbers = true;
        else if (letter === 'i') flags.ignoreCase = 'smart';
        else if (letter === 'I') flags.ignoreCase = 'always';
        else if (letter === 'F') quitIfOneScreen = true;
        else if (letter === undefined) ctx.stderr.write(`There is no ${arg.slice(2)} option ("less --help" for help)\n`);
      } else if (options && arg.startsWith('+') && arg.length > 1) initial.push(...initialKeys(arg.slice(1)));
      else names.push(arg);
    }
    if (names.length === 0 && ctx.stdinIsTerminal) {
      ctx.stderr.write('Missing filename ("less --help" for help)\n');
      return 1;
    }
    const { files } = readFiles(ctx, 'less', names.length === 0 ? ['-'] : names);
    // less 590 ends 1 when it could open nothing at a terminal, 0 when it copies to a pipe.
    if (files.length === 0) return isTerminalPager(ctx) ? 1 : 0;
    const oneScreen = () => {
      const size = ctx.terminal.size?.() ?? { columns: 80, rows: 24 };
      return files.length === 1 && files[0]!.text.split('\n').length - 1 < size.rows;
    };
    if (!isTerminalPager(ctx) || (quitIfOneScreen && oneScreen())) {
      for (const file of files) ctx.stdout.write(file.text);
      return 0;
    }
    await runLess(ctx, files, flags, initial);
    return 0;
  },
};

export const more: Command = {
  name: 'more',
  async run(ctx) {
    const names = ctx.argv.slice(1).filter((a) => a === '-' || !a.startsWith('-'));
    if (names.length === 0 && ctx.stdinIsTerminal) {
      ctx.stderr.write("more: bad usage\nTry 'more --help' for more information.\n");
      return 1;
    }
    // util-linux more ends 0 whatever it could not open.
    const { files } = readFiles(ctx, 'more', names.length === 0 ? ['-'] : names);
    // Models more.c: several files each get a `::::::` banner.
    const text = files.map((file) => (names.length > 1 ? `::::::::::::::\n${file.name ?? '-'}\n::::::::::::::\n${file.text}` : file.text)).join('');
    if (!isTerminalPager(ctx)) {
      ctx.stdout.write(text);
      return 0;
    }
    if (files.length > 0)
      await runMore(
        ctx,
        text,
        files.some((file) => file.name !== undefined),
      );
    return 0;
  },
};
