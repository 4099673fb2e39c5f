/**
 * Readline's word commands at the prompt: Alt+F / Alt+B (and Ctrl or Alt with the arrows, as
 * Debian's inputrc binds them) move by words, Alt+D and Alt+Backspace delete one. A word is a run
 * of letters and digits (readline's rl_alphabetic).
 */
export type WordCommand = 'forward-word' | 'backward-word' | 'kill-word' | 'backward-kill-word';

export const WORD_KEYS: ReadonlyMap<string, WordCommand> = new Map([
  ['\x1bf', 'forward-word'],
  ['\x1b[1;5C', 'forward-word'],
  ['\x1b[1;3C', 'forward-word'],
  ['\x1bb', 'backward-word'],
  ['\x1b[1;5D', 'backward-word'],
  ['\x1b[1;3D', 'backward-word'],
  ['\x1bd', 'kill-word'],
  ['\x1b\x7f', 'backward-kill-word'],
  ['\x1b\b', 'backward-kill-word'],
]);

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Where forward-word leaves the cursor: past the end of the next word. */
export function nextWordEnd(line: string, cursor: number): number {
  let at = cursor;
  while (at < line.length && !WORD_CHAR.test(line[at]!)) at++;
  while (at < line.length && WORD_CHAR.test(line[at]!)) at++;
  return at;
}

/** Where backward-word leaves the cursor: at the start of this or the previous word. */
export function previousWordStart(line: string, cursor: number): number {
  let at = cursor;
  while (at > 0 && !WORD_CHAR.test(line[at - 1]!)) at--;
  while (at > 0 && WORD_CHAR.test(line[at - 1]!)) at--;
  return at;
}
