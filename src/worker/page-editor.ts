/**
 * The page's editor as the worker sees it: a command that opens a file (vi, nano, kubectl edit)
 * waits until the learner saves or closes that file's tab on the page.
 */
import type { FromWorker } from '../protocol/messages.ts';
import type { EditorKeys } from '../shell/command.ts';

export interface EditedFile {
  read(): string;
  write(content: string): void;
}

export class PageEditor {
  readonly #post: (message: FromWorker) => void;
  readonly #pending = new Map<number, (content: string | undefined) => void>();
  #nextId = 1;

  constructor(post: (message: FromWorker) => void) {
    this.#post = post;
  }

  /** Opens `path` on the page; resolves once its tab is saved (written) or closed. */
  edit(path: string, file: EditedFile, keys: EditorKeys): Promise<void> {
    return new Promise<void>((resolve) => {
      const id = this.#nextId++;
      this.#pending.set(id, (saved) => {
        // Resolve even when the write fails, or the waiting command would hang the terminal.
        try {
          if (saved !== undefined) file.write(saved);
        } finally {
          resolve();
        }
      });
      this.#post({ type: 'editor.open', id, path, content: file.read(), keys });
    });
  }

  /** Whether a command waits on edit `id`. */
  waiting(id: number): boolean {
    return this.#pending.has(id);
  }

  /** The page closed edit `id`, with the saved text if it was saved. */
  finish(id: number, content: string | undefined): void {
    const finish = this.#pending.get(id);
    this.#pending.delete(id);
    finish?.(content);
  }
}
