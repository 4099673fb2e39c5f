import { useEffect, useState, type ReactNode } from 'react';
import { copyText } from './copy-text.ts';

const COPIED_SHOWN_MS = 1500;

/** A button that copies `text` and says so for a moment, as the exam's click-to-copy values do. */
export function CopyButton({ text, label, className, children }: { text: string; label: string; className?: string; children: ReactNode }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), COPIED_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <button
      type="button"
      className={[className, copied ? 'copied' : ''].filter(Boolean).join(' ')}
      aria-label={label}
      title={copied ? 'Copied' : 'Click to copy'}
      onClick={() => void copyText(text).then(setCopied)}
    >
      {children}
      {copied && (
        <span className="copied-note" role="status">
          Copied
        </span>
      )}
    </button>
  );
}
