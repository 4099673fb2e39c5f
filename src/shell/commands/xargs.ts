/** xargs: appends the words of stdin to a command (`-n N` per run, `-I {}` per line) run through the shell. */
import type { Command, CommandContext } from '../command.ts';
import { SLICE_WEIGHT } from './text-slices.ts';

const quote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;

/** Words of stdin read between two checkpoints: a few milliseconds of work. */
const WORDS_PER_SLICE = 4096;
/** GNU xargs' command buffer (`xargs --show-limits`): every argument and its NUL, the command's included. */
const COMMAND_BUFFER_BYTES = 131_072;

export const xargs: Command = {
  name: 'xargs',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    let perRun = Infinity;
    let placeholder: string | undefined;
    let i = 0;
    for (; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-n') perRun = Number(args[++i]);
      else if (a.startsWith('-n') && a.length > 2) perRun = Number(a.slice(2));
      else if (a === '-I') placeholder = args[++i];
      else if (a === '-r' || a === '--no-run-if-empty') continue;
      else break;
    }
    const command = args.slice(i).length ? args.slice(i) : ['echo'];
    let status = 0;
    const run = async (script: string): Promise<boolean> => {
      await ctx.checkpoint();
      const code = await ctx.runScript(script);
      if (code === 127) return false;
      if (code !== 0) status = 123;
      return true;
    };
    if (placeholder !== undefined) {
      const ph = placeholder;
      for (const line of ctx.stdin.split('\n').filter((l) => l.trim())) if (!(await run(command.map((w) => quote(w.split(ph).join(line.trim()))).join(' ')))) return 127;
      return status;
    }
    const limit = Number.isFinite(perRun) && perRun > 0 ? perRun : Infinity;
    const commandBytes = command.reduce((n, word) => n + argumentBytes(word), 0);
    const commandText = command.map(quote).join(' ');
    // The batch is kept as the script it becomes, so quoting it is sliced with the reading.
    let batch = commandText;
    let batchWords = 0;
    let bytes = commandBytes;
    let ranOnce = false;
    let read = 0;
    for (const word of wordsOf(ctx)) {
      if (++read % WORDS_PER_SLICE === 0) await ctx.checkpoint(SLICE_WEIGHT);
      if (batchWords > 0 && (batchWords >= limit || bytes + argumentBytes(word) > COMMAND_BUFFER_BYTES)) {
        if (!(await run(batch))) return 127;
        ranOnce = true;
        batch = commandText;
        batchWords = 0;
        bytes = commandBytes;
      }
      batch += ` ${quote(word)}`;
      batchWords++;
      bytes += argumentBytes(word);
    }
    if (batchWords > 0 || (!ranOnce && command[0] === 'echo')) if (!(await run(batch))) return 127;
    return status;
  },
};

/** The words of stdin, one at a time: a file of megabytes is never held as millions of strings at once. */
function* wordsOf(ctx: CommandContext): Generator<string> {
  const word = /\S+/g;
  for (let match = word.exec(ctx.stdin); match; match = word.exec(ctx.stdin)) yield match[0];
}

/** An argument's share of the buffer: its UTF-8 bytes and the NUL after it. */
function argumentBytes(word: string): number {
  let bytes = 1;
  for (let at = 0; at < word.length; at++) {
    const unit = word.charCodeAt(at);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      bytes += 4;
      at++;
    } else bytes += unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3;
  }
  return bytes;
}
