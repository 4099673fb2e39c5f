/** Reads the files named in argv (or stdin when none / `-`), reporting missing ones as coreutils do. */
import type { CommandContext } from '../command.ts';
import { resolvePath } from '../fs/resolve-path.ts';
import { fsMessage } from '../interpreter/interpreter.ts';

export function readInputs(ctx: CommandContext, program: string, files: string[]): { texts: { name: string; text: string }[]; status: number } {
  if (files.length === 0) return { texts: [{ name: '-', text: ctx.stdin }], status: 0 };
  const texts: { name: string; text: string }[] = [];
  let status = 0;
  for (const file of files) {
    if (file === '-') {
      texts.push({ name: '-', text: ctx.stdin });
      continue;
    }
    try {
      texts.push({ name: file, text: ctx.fs.readFile(resolvePath(ctx.cwd, file)) });
    } catch (error) {
      ctx.stderr.write(`${program}: ${file}: ${fsMessage(error)}\n`);
      status = 1;
    }
  }
  return { texts, status };
}

export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
