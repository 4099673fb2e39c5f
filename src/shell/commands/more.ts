/**
 * `more` at a terminal (util-linux): a screenful at a time below what the terminal already shows,
 * `--More--(N%)` in standout on the last row (no percentage for standard input), and on to the
 * next screenful, line or match; it ends by itself after the last line.
 */
import type { CommandContext } from '../command.ts';
import { PosixRegex } from '../../lib/regex/posix-regex.ts';
import { RegexBudgetError, RegexSyntaxError } from '../../lib/regex/regex-syntax-error.ts';
import { utf8Bytes } from '../../lib/base64.ts';
import { KeyReader } from './key-reader.ts';
import { MORE_HELP_LINES } from './more-help.ts';

const STANDOUT = '\x1b[7m';
const STANDOUT_END = '\x1b[27m';
const BELL = '\x07';

/** `text` paged to the terminal; `named` when it came from files (the prompt then shows how far in it is). */
export async function runMore(ctx: CommandContext, text: string, named: boolean): Promise<number> {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const size = () => ctx.terminal.size?.() ?? { columns: 80, rows: 24 };
  const page = () => Math.max(1, size().rows - 1);
  const rowsOf = (line: string) => Math.max(1, Math.ceil(line.length / size().columns));
  const total = utf8Bytes(text).length;
  /** Lines written so far. */
  let shown = 0;
  let bytesShown = 0;
  /** Writes lines from `shown` until `rows` screen rows are filled or the text ends. */
  const show = (rows: number, lead = '\r') => {
    let out = lead;
    for (let used = 0; shown < lines.length && used < rows; shown++) {
      const line = lines[shown]!;
      // The first line overwrites the prompt's row: the rest of that row is cleared.
      out += `${line}${used === 0 && lead ? '\x1b[K' : ''}\r\n`;
      used += rowsOf(line);
      bytesShown += utf8Bytes(line).length + 1;
    }
    ctx.stdout.write(out);
  };
  const prompt = () => {
    const percent = named && total > 0 ? `(${Math.floor((bytesShown * 100) / total)}%)` : '';
    ctx.stdout.write(`${STANDOUT}--More--${percent}${STANDOUT_END}`);
  };
  show(page(), '');
  if (shown >= lines.length) return 0;
  const keys = new KeyReader(ctx.terminal.rawKeys!());
  const releaseCtrlC = ctx.terminal.trapCtrlC?.(() => keys.push('\x03'));
  let lastPattern: PosixRegex | undefined;
  try {
    prompt();
    let count = '';
    while (shown < lines.length) {
      const key = await keys.next();
      if (/^[0-9]$/.test(key)) {
        count += key;
        continue;
      }
      const n = count === '' ? undefined : Number(count);
      count = '';
      if (key === 'q' || key === 'Q' || key === '\x03') {
        ctx.stdout.write('\r\x1b[K');
        return 0;
      }
      if (key === ' ' || key === 'z' || key === 'f' || key === '\x06') show(n ?? page());
      else if (key === '\r' || key === '\n' || key === 'j' || key === '\x1b[B' || key === '\x1bOB') show(n ?? 1);
      else if (key === 'd' || key === '\x04') show(n ?? Math.floor(page() / 2));
      else if ((key === 'b' || key === '\x02') && named) {
        // Models more.c's `b`: back to the screenful before the one that ends at the last line shown.
        shown = Math.max(0, shown - 2 * page() - 1);
        bytesShown = lines.slice(0, shown).reduce((sum, line) => sum + utf8Bytes(line).length + 1, 0);
        ctx.stdout.write('\r\x1b[K...back 1 page\r\n');
        show(page());
      } else if (key === '/' || (key === 'n' && lastPattern)) {
        let pattern = lastPattern;
        if (key === '/') {
          const typed = await readPattern(ctx, keys);
          if (typed === undefined) {
            ctx.stdout.write('\r\x1b[K');
            prompt();
            continue;
          }
          try {
            if (typed !== '') pattern = PosixRegex.compile(typed, 'grep-extended');
          } catch (error) {
            if (!(error instanceof RegexSyntaxError || error instanceof RegexBudgetError)) throw error;
            ctx.stdout.write(`\r\x1b[K${error.message}\r\n`);
            prompt();
            continue;
          }
        }
        lastPattern = pattern;
        const found = pattern ? lines.findIndex((line, i) => i >= shown && pattern.test(line)) : -1;
        if (found < 0) {
          ctx.stdout.write(`\r\x1b[KPattern not found\r\n`);
          prompt();
          continue;
        }
        // Models more.c search(): the match comes as the third line of the new screenful.
        const start = Math.max(shown, found - 2);
        if (start > shown) ctx.stdout.write('\r\x1b[K...skipping\r\n');
        for (; shown < start; shown++) bytesShown += utf8Bytes(lines[shown]!).length + 1;
        show(page());
      } else if (key === 'h' || key === '?') {
        const editor = ctx.env.get('VISUAL') || ctx.env.get('EDITOR') || '/usr/bin/vi';
        ctx.stdout.write(`\r\x1b[K${MORE_HELP_LINES.map((line) => `${line.replace('%s', editor)}\r\n`).join('')}`);
      } else {
        ctx.stdout.write(BELL);
        continue;
      }
      if (shown < lines.length) prompt();
    }
    return 0;
  } finally {
    releaseCtrlC?.();
    keys.close();
  }
}

async function readPattern(ctx: CommandContext, keys: KeyReader): Promise<string | undefined> {
  let typed = '';
  ctx.stdout.write('\r\x1b[K/');
  for (;;) {
    const key = await keys.next();
    if (key === '\r' || key === '\n') return typed;
    if (key === '\x03' || key === '\x1b') return undefined;
    if (key === '\x7f' || key === '\b') {
      if (typed === '') return undefined;
      typed = [...typed].slice(0, -1).join('');
    } else if (!key.startsWith('\x1b')) typed += key;
    ctx.stdout.write(`\r\x1b[K/${typed}`);
  }
}
