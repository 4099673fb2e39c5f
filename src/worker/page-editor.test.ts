import { describe, expect, it } from 'vitest';
import type { FromWorker } from '../protocol/messages.ts';
import { PageEditor } from './page-editor.ts';

function editorWithFile(content: string, write: (text: string) => void = () => undefined) {
  const posted: FromWorker[] = [];
  const editor = new PageEditor((message) => posted.push(message));
  const done = editor.edit('/root/a.yaml', { read: () => content, write }, 'vim');
  return { editor, posted, done };
}

describe('PageEditor', () => {
  it('opens the file on the page with its text and keys', () => {
    const { posted } = editorWithFile('kind: Pod\n');
    expect(posted).toEqual([{ type: 'editor.open', id: 1, path: '/root/a.yaml', content: 'kind: Pod\n', keys: 'vim' }]);
  });

  it.each([
    ['saved', 'kind: Service\n', ['kind: Service\n']],
    ['closed without saving', undefined, []],
  ])('lets the command go on once the tab is %s', async (_case, content, written) => {
    const writes: string[] = [];
    const { editor, done } = editorWithFile('kind: Pod\n', (text) => writes.push(text));
    expect(editor.waiting(1)).toBe(true);
    editor.finish(1, content);
    await done;
    expect(writes).toEqual(written);
    expect(editor.waiting(1)).toBe(false);
  });

  it('lets the command go on even when the save cannot be written', async () => {
    const { editor, done } = editorWithFile('x', () => {
      throw new Error('ENOSPC');
    });
    expect(() => editor.finish(1, 'y')).toThrow('ENOSPC');
    await expect(done).resolves.toBeUndefined();
  });
});
