import { CopyButton } from './copy-button.tsx';
import { parseInlineMarkup, type MarkupSegment } from './inline-markup.ts';

/**
 * A prompt or hint with its `code` and **bold** shown as such, not as backticks and stars. With
 * `copyable`, each `code` value (a name, an image, a path) copies with one click, as on the exam.
 */
export function MarkupText({ text, segments, copyable = false }: { text?: string; segments?: MarkupSegment[]; copyable?: boolean }) {
  return (
    <>
      {(segments ?? parseInlineMarkup(text ?? '')).map((segment, i) =>
        segment.kind === 'code' ? (
          copyable ? (
            <CopyButton key={i} className="copy-value" text={segment.text} label={`Copy ${segment.text}`}>
              <code>{segment.text}</code>
            </CopyButton>
          ) : (
            <code key={i}>{segment.text}</code>
          )
        ) : segment.kind === 'strong' ? (
          <strong key={i}>{segment.text}</strong>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </>
  );
}
