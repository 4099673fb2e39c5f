import { useEffect, useState } from 'react';
import type { WorkerClient } from '../../protocol/worker-client.ts';

/**
 * The file editor `vi FILE` and `kubectl edit` open: save writes the file back and returns control
 * to the terminal; close leaves the file as it was.
 */
export function EditorPane({ client }: { client: WorkerClient }) {
  const [open, setOpen] = useState<{ id: number; path: string; original: string } | undefined>();
  const [text, setText] = useState('');
  useEffect(
    () =>
      client.subscribe((m) => {
        if (m.type !== 'editor.open') return;
        setOpen({ id: m.id, path: m.path, original: m.content });
        setText(m.content);
      }),
    [client],
  );
  if (!open) return null;
  const finish = (content?: string) => {
    client.send({ type: 'editor.done', id: open.id, ...(content !== undefined ? { content } : {}) });
    setOpen(undefined);
  };
  return (
    <div className="editor-pane" data-testid="editor">
      <div className="editor-bar">
        <span>
          {open.path}
          {text !== open.original ? ' ●' : ''}
        </span>
        <button onClick={() => finish(text)}>Save and close</button>
        <button onClick={() => finish()}>Close without saving</button>
      </div>
      <textarea
        spellCheck={false}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if ((e.ctrlKey || e.metaKey) && e.key === 's') {
            e.preventDefault();
            finish(text);
          }
        }}
        autoFocus
      />
    </div>
  );
}
