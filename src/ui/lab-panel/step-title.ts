import { parseInlineMarkup, type MarkupSegment } from './inline-markup.ts';

/**
 * The title of a folded step: the prompt's first sentence, cut to `maxChars` of visible text. It
 * works on the parsed markup, so neither a sentence end inside `code` nor the cut can leave a
 * lone backtick or `**` on screen.
 */
export function stepTitle(prompt: string, maxChars = 90): MarkupSegment[] {
  const title: MarkupSegment[] = [];
  let used = 0;
  for (const segment of parseInlineMarkup(prompt)) {
    let text = segment.text;
    let ended = false;
    if (segment.kind === 'text') {
      const end = /[.?!](?=\s)/.exec(text);
      if (end) {
        text = text.slice(0, end.index + 1);
        ended = true;
      }
    }
    if (used + text.length > maxChars) {
      title.push({ kind: segment.kind, text: `${text.slice(0, Math.max(0, maxChars - 1 - used)).trimEnd()}` }, { kind: 'text', text: '…' });
      return title.filter((s) => s.text !== '');
    }
    title.push({ kind: segment.kind, text });
    used += text.length;
    if (ended) break;
  }
  return title;
}
