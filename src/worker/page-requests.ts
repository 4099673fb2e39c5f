/**
 * What the page asks of the session besides the terminal: the editor's file list, reads and writes
 * (each write journalled, so a replay has it), and the app preview's HTTP requests.
 */
import type { FromWorker, ToWorker } from '../protocol/messages.ts';
import { previewRequest } from '../session/preview-request.ts';
import type { Session } from '../session/session.ts';
import type { JournalRecorder } from '../session/session-journal.ts';
import { FsError } from '../shell/fs/file-system.ts';

export type FileRequest = Extract<ToWorker, { type: 'fs.list' | 'fs.read' | 'fs.write' }>;
export type PreviewRequest = Extract<ToWorker, { type: 'http.get' }>;
type Post = (message: FromWorker) => void;

/** Answers a file request; true when it wrote a file, which the caller then saves. */
export function answerFileRequest(message: FileRequest, session: Session | undefined, journal: JournalRecorder | undefined, post: Post): boolean {
  if (message.type === 'fs.list') {
    post({ type: 'fs.list', id: message.id, paths: session ? Object.keys(session.fs.snapshot(message.dir)).sort() : [] });
    return false;
  }
  try {
    if (!session) throw new Error('no session');
    if (message.type === 'fs.read') {
      post({ type: 'fs.content', id: message.id, path: message.path, content: session.fs.readFile(message.path) });
      return false;
    }
    session.fs.writeFile(message.path, message.content);
    journal?.record({ kind: 'write', path: message.path, content: message.content });
    post({ type: 'fs.written', id: message.id, path: message.path });
    return true;
  } catch (error) {
    const reply = message.type === 'fs.read' ? ('fs.content' as const) : ('fs.written' as const);
    post({ type: reply, id: message.id, path: message.path, error: fsErrorText(error) });
    return false;
  }
}

export async function answerPreviewRequest(message: PreviewRequest, session: Session, journal: JournalRecorder | undefined, post: Post): Promise<void> {
  journal?.record({ kind: 'http', url: message.url });
  const result = await previewRequest(session, message.url);
  post({
    type: 'http.response',
    id: message.id,
    ...(result.status !== undefined ? { status: result.status } : {}),
    ...(result.body !== undefined ? { body: result.body } : {}),
    ...(result.contentType ? { contentType: result.contentType } : {}),
    ...(result.error ? { error: result.error } : {}),
  });
}

/** The page's file panel shows a failed read or write in the words the shell would use. */
function fsErrorText(error: unknown): string {
  const code = error instanceof FsError ? error.code : undefined;
  if (code === 'ENOENT') return 'No such file or directory';
  if (code === 'EISDIR') return 'Is a directory';
  if (code === 'ENOTDIR') return 'Not a directory';
  if (code === 'EACCES') return 'Permission denied';
  if (code === 'ENOSPC') return 'No space left on device';
  // Not a file system error the shell would name: a fault of ours, for the console only.
  console.error('cka-lab: file access failed', error);
  return 'Input/output error';
}
