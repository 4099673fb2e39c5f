/**
 * mitchellh/go-wordwrap WrapString, which kubectl explain's `wrap` uses (through
 * term.NewWordWrapWriter): breaks at spaces so lines stay within `limit` characters, keeps
 * existing newlines, and never breaks a word longer than the limit.
 */
const isSpace = (c: string) => c !== '\u00a0' && /^\s$/u.test(c);

export function wrapString(s: string, limit: number): string {
  let out = '';
  let current = 0;
  let word = '';
  let space = '';
  const wordLength = () => [...word].length;
  const spaceLength = () => [...space].length;
  for (const char of s) {
    if (char === '\n') {
      if (word.length === 0) {
        if (current + spaceLength() <= limit) out += space;
      } else {
        out += space + word;
        word = '';
      }
      space = '';
      out += char;
      current = 0;
    } else if (isSpace(char)) {
      if (space.length === 0 || word.length > 0) {
        current += spaceLength() + wordLength();
        out += space + word;
        space = '';
        word = '';
      }
      space += char;
    } else {
      word += char;
      if (current + spaceLength() + wordLength() > limit && wordLength() < limit) {
        out += '\n';
        current = 0;
        space = '';
      }
    }
  }
  if (word.length === 0) {
    if (current + spaceLength() <= limit) out += space;
  } else out += space + word;
  return out;
}

/** explain's `indent`: every line, the first included, behind `amount` spaces. */
export function indent(amount: number, text: string): string {
  const pad = ' '.repeat(amount);
  return pad + text.replaceAll('\n', `\n${pad}`);
}
