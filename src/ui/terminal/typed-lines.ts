/**
 * Whole lines at the start of text typed ahead or pasted: what the worker can be sent in one go.
 * A line holding an editing key (arrows, Ctrl-U, Backspace) is left to the line editor, as is the
 * unfinished last line.
 */
import { CLEAR_ALL, keptLines, type ScreenSize } from './kept-rows.ts';

const CONTINUATION_PROMPT = '> ';
const EDITING_KEY = /[\x00-\x08\x0a-\x1f\x7f]/;

export function splitTypedLines(text: string, max = Infinity): { lines: string[]; rest: string } {
  const lines: string[] = [];
  let at = 0;
  while (lines.length < max) {
    const end = text.indexOf('\r', at);
    if (end < 0) break;
    const line = text.slice(at, end);
    if (EDITING_KEY.test(line)) break;
    lines.push(line);
    at = end + 1;
    if (text[at] === '\n') at++;
  }
  return { lines, rest: text.slice(at) };
}

/** How a terminal shows lines taken at the continuation prompt: each after `> `, as many as it keeps. */
export function continuationEcho(lines: readonly string[], size: ScreenSize = { cols: 80, keptRows: Infinity }): string {
  const kept = keptLines(lines, CONTINUATION_PROMPT, size);
  return (kept.cleared ? CLEAR_ALL : '') + kept.lines.map((line) => `${CONTINUATION_PROMPT}${line}\r\n`).join('');
}
