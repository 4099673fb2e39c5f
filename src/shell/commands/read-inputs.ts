/** Reads the files named in argv (or stdin when none / `-`), reporting unreadable ones in the tool's own words. */
import type { CommandContext } from '../command.ts';
import { resolvePath } from '../../lib/resolve-path.ts';
import { readFailure } from './userland.ts';

/** Files read between two checkpoints: an argument list of thousands of names, most of them missing, is not one step. */
const FILES_PER_SLICE = 256;
/** A quarter of a text slice's weight: 256 failed opens cost about what 16 KiB of text does. */
const FILE_SLICE_WEIGHT = 16;

export async function readInputs(ctx: CommandContext, program: string, files: string[]): Promise<{ texts: { name: string; text: string }[]; status: number }> {
  if (files.length === 0) return { texts: [{ name: '-', text: ctx.stdin }], status: 0 };
  const texts: { name: string; text: string }[] = [];
  let status = 0;
  for (const [index, file] of files.entries()) {
    if (index > 0 && index % FILES_PER_SLICE === 0) await ctx.checkpoint(FILE_SLICE_WEIGHT);
    // /dev/stdin is a link to the process's own fd 0.
    if (file === '-' || resolvePath(ctx.cwd, file) === '/dev/stdin') {
      texts.push({ name: '-', text: ctx.stdin });
      continue;
    }
    try {
      texts.push({ name: file, text: ctx.fs.readFile(resolvePath(ctx.cwd, file)) });
    } catch (error) {
      const failure = readFailure(ctx.userland, program, file, error);
      if (failure.message) ctx.stderr.write(`${failure.message}\n`);
      if (failure.failed) status = 1;
      else texts.push({ name: file, text: '' });
    }
  }
  return { texts, status };
}

export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
