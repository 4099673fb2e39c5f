/**
 * Keeps a learner's lab progress and files across reloads in IndexedDB. A store that cannot be read
 * (corrupt, blocked, private mode) is reported and started afresh, never a blank page.
 */
import type { Progress } from '../labs/schema.ts';
import type { SessionJournal } from '../session/session-journal.ts';

export interface SavedLab {
  progress: Progress;
  files: Record<string, { content: string; mode: number }>;
  /** Checked when it is replayed (journalProblem), so a bad journal never costs the progress. */
  journal?: SessionJournal;
}

const DB = 'cka-lab';
const STORE = 'labs';

/** One connection for the worker's life: the lab is saved after every command. */
let connection: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
  connection ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => {
      const db = request.result;
      // Another tab upgrading or the browser closing it: the next save opens a new one.
      db.onversionchange = () => {
        db.close();
        connection = undefined;
      };
      db.onclose = () => (connection = undefined);
      resolve(db);
    };
    request.onerror = () => reject(request.error);
  }).catch((error: unknown) => {
    connection = undefined;
    throw error;
  });
  return connection;
}

function isSavedLab(value: unknown): value is SavedLab {
  const v = value as SavedLab | undefined;
  return Boolean(v && typeof v === 'object' && v.progress && Array.isArray(v.progress.passed) && typeof v.files === 'object');
}

export async function loadSavedLab(labId: string): Promise<{ saved?: SavedLab; problem?: string }> {
  try {
    const db = await open();
    const value = await new Promise<unknown>((resolve, reject) => {
      const request = db.transaction(STORE).objectStore(STORE).get(labId);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    if (value === undefined) return {};
    if (!isSavedLab(value)) {
      await clearSavedLab(labId);
      return { problem: 'Saved progress for this lab was unreadable and has been reset.' };
    }
    return { saved: value };
  } catch (error) {
    return { problem: `Saved progress could not be read (${error instanceof Error ? error.message : String(error)}); starting afresh.` };
  }
}

export async function saveLab(labId: string, saved: SavedLab): Promise<void> {
  try {
    const db = await open();
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).put(saved, labId);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  } catch {
    // Saving is best effort: the lab goes on even where storage is unavailable.
  }
}

export async function clearSavedLab(labId: string): Promise<void> {
  try {
    const db = await open();
    await new Promise<void>((resolve) => {
      const tx = db.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).delete(labId);
      tx.oncomplete = () => resolve();
      tx.onerror = () => resolve();
    });
  } catch {
    // Nothing to clear.
  }
}
