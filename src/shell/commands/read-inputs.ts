/** Reads the files named in argv (or stdin when none / `-`), reporting unreadable ones in the tool's own words. */
import type { CommandContext } from '../command.ts';
import { resolvePath } from '../../lib/resolve-path.ts';
import { readFailure } from './userland.ts';

export function readInputs(ctx: CommandContext, program: string, files: string[]): { texts: { name: string; text: string }[]; status: number } {
  if (files.length === 0) return { texts: [{ name: '-', text: ctx.stdin }], status: 0 };
  const texts: { name: string; text: string }[] = [];
  let status = 0;
  for (const file of files) {
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
