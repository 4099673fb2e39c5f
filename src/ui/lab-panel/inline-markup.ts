export interface MarkupSegment {
  kind: 'text' | 'code' | 'strong';
  text: string;
}

/**
 * The little markup lab prompts and hints use: `code` and **bold**. Everything else is text, and
 * an unclosed marker stays as typed, so a prompt never loses characters.
 */
export function parseInlineMarkup(source: string): MarkupSegment[] {
  const segments: MarkupSegment[] = [];
  const push = (kind: MarkupSegment['kind'], text: string) => {
    if (text === '') return;
    const last = segments.at(-1);
    if (kind === 'text' && last?.kind === 'text') last.text += text;
    else segments.push({ kind, text });
  };
  let rest = source;
  while (rest !== '') {
    const marker = /`|\*\*/.exec(rest);
    if (!marker) break;
    push('text', rest.slice(0, marker.index));
    const after = rest.slice(marker.index + marker[0].length);
    const end = after.indexOf(marker[0]);
    if (end <= 0) {
      push('text', marker[0]);
      rest = after;
      continue;
    }
    push(marker[0] === '`' ? 'code' : 'strong', after.slice(0, end));
    rest = after.slice(end + marker[0].length);
  }
  push('text', rest);
  return segments;
}
