/**
 * Puts saved lab progress and /root files onto a session whose lab was just set up: what a reload
 * restores, and where a journal replay starts from.
 */
import type { Grader } from '../labs/grader.ts';
import type { Progress } from '../labs/schema.ts';
import type { SavedFiles } from './session-journal.ts';
import type { Session } from './session.ts';

export async function restoreSaved(session: Session, grader: Grader | undefined, saved: { progress?: Progress; files: SavedFiles }): Promise<void> {
  if (grader && saved.progress) await grader.restore(saved.progress);
  for (const [path, file] of Object.entries(saved.files)) {
    session.fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { recursive: true });
    session.fs.writeFile(path, file.content, { mode: file.mode });
  }
}
