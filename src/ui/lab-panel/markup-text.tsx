import { parseInlineMarkup } from './inline-markup.ts';

/** A prompt or hint with its `code` and **bold** shown as such, not as backticks and stars. */
export function MarkupText({ text }: { text: string }) {
  return (
    <>
      {parseInlineMarkup(text).map((segment, i) =>
        segment.kind === 'code' ? <code key={i}>{segment.text}</code> : segment.kind === 'strong' ? <strong key={i}>{segment.text}</strong> : <span key={i}>{segment.text}</span>,
      )}
    </>
  );
}
