/**
 * `less` at a terminal: the text on the alternate screen, paged with less's keys until `q`. Keys
 * and prompts follow less 590 (`:`, the file's name on its first screen, `(END)`, `(press
 * RETURN)` after a message); searches use POSIX extended regular expressions as less's regcomp.
 */
import type { CommandContext } from '../command.ts';
import { PosixRegex } from '../../lib/regex/posix-regex.ts';
import { RegexBudgetError, RegexSyntaxError } from '../../lib/regex/regex-syntax-error.ts';
import { utf8Bytes } from '../../lib/base64.ts';
import { KeyReader } from './key-reader.ts';
import { LessView, type LessOptions } from './less-view.ts';
import { LESS_HELP_LINES } from './less-help.ts';
import { resolvePath } from '../../lib/resolve-path.ts';

export interface PagedFile {
  /** The name the prompt shows; none for standard input. */
  name?: string;
  text: string;
}

const STANDOUT = '\x1b[7m';
const STANDOUT_END = '\x1b[27m';
/** smcup and keypad transmit mode, as less writes them for TERM=xterm-256color. */
const ENTER_SCREEN = '\x1b[?1049h\x1b[?1h\x1b=';
const LEAVE_SCREEN = '\r\x1b[K\x1b[?1l\x1b>\x1b[?1049l';
const BELL = '\x07';

const FORWARD_LINE = new Set(['j', 'e', '\r', '\n', '\x05', '\x0e', '\x1b[B', '\x1bOB']);
const BACK_LINE = new Set(['k', 'y', '\x19', '\x10', '\x0b', '\x1b[A', '\x1bOA']);
const FORWARD_PAGE = new Set([' ', 'f', 'z', '\x06', '\x16', '\x1b[6~']);
const BACK_PAGE = new Set(['b', 'w', '\x02', '\x1b[5~']);
const TO_START = new Set(['g', '<', '\x1b[H', '\x1bOH', '\x1b[1~']);
const TO_END = new Set(['G', '>', '\x1b[F', '\x1bOF', '\x1b[4~']);
const QUIT = new Set(['q', 'Q']);

export interface LessFlags extends LessOptions {
  /** `-i`: a search in lower case ignores case; `-I`: every search does. */
  ignoreCase: 'never' | 'smart' | 'always';
}

/** Marks the end of the `+cmd` keys: what comes before it runs ahead of the first screen. */
const STARTED = '\0started';

/** `initial`: the keys of `+cmd` options (`+G`, `+/pattern`), run before the first screen. */
export async function runLess(ctx: CommandContext, files: PagedFile[], flags: LessFlags, initial: string[] = []): Promise<number> {
  const keys = new KeyReader(ctx.terminal.rawKeys!());
  const releaseCtrlC = ctx.terminal.trapCtrlC?.(() => keys.push('\x03'));
  const size = () => ctx.terminal.size?.() ?? { columns: 80, rows: 24 };
  let index = 0;
  let view = new LessView(files[0]!.text, size(), flags);
  let isNew = true;
  let firstPaint = true;
  let lastSearch: { pattern: PosixRegex; forward: boolean } | undefined;
  /** While the help file is shown (`h`): the file to return to on `q`. */
  let helpReturn: LessView | undefined;
  const prompt = () => {
    // less 590's help prompt, as a pty shows it.
    if (helpReturn) return `${STANDOUT} ${view.atEnd ? 'END -- Press g to see it again' : 'Press RETURN for more'}, or q when done${STANDOUT_END}`;
    let text = isNew && files[index]!.name ? `${files[index]!.name} ` : '';
    if (files.length > 1) text += `(file ${index + 1} of ${files.length}) `;
    if (view.atEnd) text += '(END) ';
    if (view.atEnd && index + 1 < files.length) text += `- Next: ${files[index + 1]!.name}`;
    text = text.trimEnd();
    return text ? `${STANDOUT}${text}${STANDOUT_END}` : ':';
  };
  const paint = () => {
    ctx.stdout.write(view.render(prompt(), firstPaint && view.atEnd));
    firstPaint = false;
  };
  const open = (next: number) => {
    index = next;
    view = new LessView(files[index]!.text, size(), flags);
    isNew = true;
  };
  /** A message in standout on the prompt's row; the key that dismisses it is a command unless it is RETURN. */
  const message = async (text: string): Promise<string | undefined> => {
    ctx.stdout.write(`\r\x1b[K${STANDOUT}${text}  (press RETURN)${STANDOUT_END}`);
    const key = await keys.next();
    return key === '\r' || key === '\n' ? undefined : key;
  };
  const search = async (forward: boolean, source: string, repeat: boolean): Promise<string | undefined> => {
    let pattern: PosixRegex;
    if (source === '') {
      if (!lastSearch) return message('No previous regular expression');
      pattern = lastSearch.pattern;
    } else {
      try {
        const ignoreCase = flags.ignoreCase === 'always' || (flags.ignoreCase === 'smart' && source === source.toLowerCase());
        pattern = PosixRegex.compile(source, 'grep-extended', { ignoreCase });
      } catch (error) {
        if (error instanceof RegexSyntaxError || error instanceof RegexBudgetError) return message(error.message);
        throw error;
      }
      lastSearch = { pattern, forward };
    }
    const found = view.search(pattern, forward, !repeat && view.top === 0);
    // less repaints the screen before it tells of a search that found nothing.
    if (!found) {
      paint();
      return message('Pattern not found');
    }
    return undefined;
  };
  ctx.stdout.write(ENTER_SCREEN);
  try {
    for (const key of [...initial, STARTED]) keys.push(key);
    let started = false;
    let count = '';
    let pending: string | undefined;
    for (;;) {
      const key = pending ?? (await keys.next());
      pending = undefined;
      if (key === STARTED) {
        started = true;
        paint();
        continue;
      }
      const current = size();
      if (current.columns !== view.columns || current.rows !== view.window + 1) view.resize(current);
      if (/^[0-9]$/.test(key)) {
        count += key;
        ctx.stdout.write(`\r\x1b[K:${count}`);
        continue;
      }
      const n = count === '' ? undefined : Number(count);
      count = '';
      if (QUIT.has(key) && helpReturn) {
        // Models command.c A_QUIT: quitting the help file returns to the file before it.
        view = helpReturn;
        helpReturn = undefined;
        isNew = true;
        paint();
        continue;
      }
      if (QUIT.has(key)) return 0;
      // The first screen after `+cmd` still names the file.
      if (started) isNew = false;
      if (FORWARD_LINE.has(key)) view.forward(n ?? 1);
      else if (BACK_LINE.has(key)) view.back(n ?? 1);
      else if (FORWARD_PAGE.has(key)) view.forward(n ?? view.window);
      else if (BACK_PAGE.has(key)) view.back(n ?? view.window);
      else if (key === 'd' || key === '\x04') view.forward(n ?? Math.floor((view.window + 2) / 2));
      else if (key === 'u' || key === '\x15') view.back(n ?? Math.floor((view.window + 2) / 2));
      else if (TO_START.has(key)) view.toLine((n ?? 1) - 1);
      else if (TO_END.has(key)) {
        if (n === undefined) view.toEnd();
        else view.toLine(n - 1);
      } else if (key === '\x1b[C' || key === '\x1bOC') view.shift += Math.floor(view.columns / 2);
      else if (key === '\x1b[D' || key === '\x1bOD') view.shift = Math.max(0, view.shift - Math.floor(view.columns / 2));
      else if (key === '/' || key === '?') {
        const typed = await readCommandLine(ctx, keys, key);
        if (typed !== undefined) pending = await search(key === '/', typed, false);
      } else if (key === 'n' || key === 'N') {
        if (lastSearch) pending = await search(key === 'n' ? lastSearch.forward : !lastSearch.forward, '', true);
        else pending = await message('No previous regular expression');
      } else if (key === '=' || key === '\x07') {
        pending = await message(fileInfo(view, files[index]!));
      } else if (key === ':') {
        const next = await keys.next();
        if (next === 'q' || next === 'Q') return 0;
        if (next === 'n' && index + 1 < files.length) open(index + 1);
        else if (next === 'p' && index > 0) open(index - 1);
        else ctx.stdout.write(BELL);
      } else if ((key === 'h' || key === 'H') && !helpReturn) {
        helpReturn = view;
        view = new LessView(`${LESS_HELP_LINES.join('\n')}\n`, size(), { chop: false, lineNumbers: false });
      } else if (key === 'v' && !helpReturn) {
        pending = await visual(ctx, files[index]!, (text) => {
          files[index] = { ...files[index]!, text };
          const line = view.topLine;
          view = new LessView(text, size(), flags);
          view.toLine(line);
        });
        if (pending === CANNOT_EDIT) pending = await message('Cannot edit standard input');
      } else if (key === 'r' || key === 'R' || key === '\x0c') {
        // A repaint: nothing moves.
      } else if (key === '\x03') {
        // less catches SIGINT at its prompt and goes on.
      } else {
        ctx.stdout.write(BELL);
        continue;
      }
      if (pending !== undefined || !started) continue;
      paint();
    }
  } finally {
    ctx.stdout.write(LEAVE_SCREEN);
    releaseCtrlC?.();
    keys.close();
  }
}

const CANNOT_EDIT = '\0cannot edit';

/**
 * Models command.c A_VISUAL: standard input cannot be edited; a file opens in $VISUAL, else
 * $EDITOR, else vi, with less's screen left meanwhile, and is read again afterwards.
 */
async function visual(ctx: CommandContext, file: PagedFile, reload: (text: string) => void): Promise<string | undefined> {
  if (file.name === undefined) return CANNOT_EDIT;
  const editor = ctx.env.get('VISUAL') || ctx.env.get('EDITOR') || 'vi';
  if (!ctx.terminal.editFile) {
    ctx.stdout.write(BELL);
    return undefined;
  }
  const path = resolvePath(ctx.cwd, file.name);
  ctx.stdout.write(LEAVE_SCREEN);
  await ctx.terminal.editFile(path, /(^|\/)nano$/.test(editor.split(' ')[0]!) ? 'nano' : 'vim');
  ctx.stdout.write(ENTER_SCREEN);
  if (ctx.fs.exists(path)) reload(ctx.fs.readFile(path));
  return undefined;
}

/** The search typed after `/` or `?` on the prompt's row; undefined when it was abandoned. */
async function readCommandLine(ctx: CommandContext, keys: KeyReader, lead: string): Promise<string | undefined> {
  let typed = '';
  ctx.stdout.write(`\r\x1b[K${lead}`);
  for (;;) {
    const key = await keys.next();
    if (key === '\r' || key === '\n') return typed;
    if (key === '\x03' || key === '\x1b') return undefined;
    if (key === '\x7f' || key === '\b') {
      if (typed === '') return undefined;
      typed = [...typed].slice(0, -1).join('');
    } else if (key.length === 1 || !key.startsWith('\x1b')) typed += key;
    ctx.stdout.write(`\r\x1b[K${lead}${typed}`);
  }
}

/** `=`: less's file information line, e.g. `long.txt lines 1-9/100 byte 63/792 8%`. */
function fileInfo(view: LessView, file: PagedFile): string {
  const firstLine = view.topLine + 1;
  const lastLine = Math.min(view.lines.length, view.bottomLine + 1);
  const bytes = view.lines.slice(0, lastLine).reduce((sum, line) => sum + utf8Bytes(line).length + 1, 0);
  const total = utf8Bytes(file.text).length;
  const percent = total === 0 ? 100 : Math.round((bytes * 100) / total);
  return `${file.name ?? 'Standard input'} lines ${firstLine}-${lastLine}/${view.lines.length} byte ${bytes}/${total} ${percent}%`;
}
