/**
 * The session's saves: the lab's progress, the learner's files under /root, the clock and the
 * journal, whose chunks already stored are not written again.
 */
import type { Grader } from '../labs/grader.ts';
import type { Session } from '../session/session.ts';
import type { JournalRecorder } from '../session/session-journal.ts';
import { saveLab } from './progress-store.ts';
import { SAVE_FORMAT, type SavedClock, type SavedLab } from './saved-lab.ts';

export class SessionSaves {
  /** How many journal entries (in recorded order) the store holds: a save writes only the chunks after them. */
  #storedEntries = 0;

  /** A new session's journal: its chunks are all written by the next save. */
  restart(): void {
    this.#storedEntries = 0;
  }

  async persist(key: string, session: Session | undefined, grader: Grader | undefined, journal: JournalRecorder | undefined, clock: SavedClock | undefined): Promise<void> {
    if (!session) return;
    const progress = grader?.progress() ?? { labId: '', passed: [], answers: {}, captures: {} };
    const recorded = journal?.journal('recorded');
    const count = recorded?.entries.length ?? 0;
    // A journal that filled up holds no entries any more: its chunks are written again from none.
    if (count < this.#storedEntries) this.#storedEntries = 0;
    const saved: SavedLab = {
      format: SAVE_FORMAT,
      progress,
      files: session.fs.snapshot('/root'),
      clockMs: session.cluster.clock.now(),
      ...(recorded ? { journal: recorded } : {}),
    };
    const written = await saveLab(key, saved, { clock, fromEntry: this.#storedEntries });
    this.#storedEntries = written ? count : 0;
  }
}
