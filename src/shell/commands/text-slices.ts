/**
 * How text tools walk an input of megabytes: a slice at a time, with a checkpoint after each, so
 * Ctrl-C, output and the clock get their turn (issue 10 §2), and without splitting the whole
 * input into one array of lines.
 */
import type { CommandContext } from '../command.ts';
import { CHECKPOINT_EVERY } from '../interpreter/shell-state.ts';

/** Characters handled between two checkpoints. */
export const SLICE_CHARS = 65_536;
/**
 * A slice's weight in steps: a whole yield. A slice is 1 to 10 ms of work for these tools (a regex
 * per line, a dump row per 16 bytes), and a yield costs a few microseconds.
 */
export const SLICE_WEIGHT = CHECKPOINT_EVERY;

/**
 * The text in pieces of about SLICE_CHARS that end at a line's end (the last one may end without
 * a newline; a single line longer than a slice comes whole), a checkpoint between two.
 */
export async function* lineSlices(ctx: CommandContext, text: string): AsyncGenerator<string> {
  for (let at = 0; at < text.length;) {
    let end = at + SLICE_CHARS;
    if (end >= text.length) end = text.length;
    else {
      const newline = text.indexOf('\n', end - 1);
      end = newline < 0 ? text.length : newline + 1;
    }
    // Between slices only: a text of one slice (nearly every pipe) runs as it did unsliced.
    if (at > 0) await ctx.checkpoint(SLICE_WEIGHT);
    yield text.slice(at, end);
    at = end;
  }
}

/** The text in pieces of about SLICE_CHARS, never between the halves of a surrogate pair, a checkpoint after each. */
export async function* charSlices(ctx: CommandContext, text: string): AsyncGenerator<string> {
  for (let at = 0; at < text.length;) {
    let end = Math.min(at + SLICE_CHARS, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    if (at > 0) await ctx.checkpoint(SLICE_WEIGHT);
    yield text.slice(at, end);
    at = end;
  }
}

/** The lines of a piece of `lineSlices`, as splitLines reads the whole: a last empty one (after the final newline) left out. */
export function linesOf(slice: string): string[] {
  const lines = slice.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** The lines of the whole text, a slice at a time (splitLines with checkpoints), for a tool that needs them all. */
export async function allLines(ctx: CommandContext, text: string): Promise<string[]> {
  const lines: string[] = [];
  for await (const slice of lineSlices(ctx, text)) for (const line of linesOf(slice)) lines.push(line);
  return lines;
}

/** How many lines splitLines finds in `text`, without splitting it. */
export function countLines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  return text.length > 0 && !text.endsWith('\n') ? count + 1 : count;
}

/** Writes `text` to stdout in slices of about SLICE_CHARS, a checkpoint after each. */
export async function writeInSlices(ctx: CommandContext, text: string): Promise<void> {
  for await (const slice of charSlices(ctx, text)) ctx.stdout.write(slice);
}

/** Lines joined between two checkpoints. */
const LINES_PER_SLICE = 4096;

/** `lines`, each followed by a newline, in pieces of LINES_PER_SLICE lines, a checkpoint after each. */
export async function* joinedLines(ctx: CommandContext, lines: readonly string[]): AsyncGenerator<string> {
  for (let at = 0; at < lines.length; at += LINES_PER_SLICE) {
    if (at > 0) await ctx.checkpoint(SLICE_WEIGHT);
    yield `${lines.slice(at, at + LINES_PER_SLICE).join('\n')}\n`;
  }
}
