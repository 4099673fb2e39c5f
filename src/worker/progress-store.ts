/**
 * Keeps a learner's lab across reloads in IndexedDB: progress, /root files, the session's journal
 * (saved-lab.ts, its entries in chunks: journal-chunks.ts) and, under keys of their own, the clock
 * and the editor's unsaved text. Every record read back is checked; a store
 * that cannot be opened (blocked, private mode) leaves the lab running without saves, and a store
 * written by a newer version of the app is read but never written over.
 */
import { chunkCount, chunkKey, joinJournal, splitJournal } from './journal-chunks.ts';
import { readProgress, readSavedClock, readSavedDrafts, readSavedLab, type ReadSave, type SavedClock, type SavedDrafts, type SavedLab } from './saved-lab.ts';

const DB = 'cka-lab';
/** The database version this code creates; a larger one was upgraded by a newer version of the app. */
const DB_VERSION = 1;
const STORE = 'labs';
/** Lab ids are lowercase words and hyphens: no lab's key ends like this. */
const clockKey = (key: string) => `${key}#clock`;
const draftsKey = (key: string) => `${key}#drafts`;

/** One connection for the worker's life: the lab is saved after every command. */
let connection: Promise<IDBDatabase> | undefined;
/** Set once the store turned out to be a newer version's, or to hold a newer version's save. */
let readOnly = false;
/** Another browser tab has the lab: nothing is written until this tab has it back. */
let stopped = false;
const writing = new Set<Promise<boolean>>();

/** Stops every save; resolves once the saves already under way are written. */
export async function stopSaving(): Promise<void> {
  stopped = true;
  await Promise.allSettled([...writing]);
}

export function resumeSaving(): void {
  stopped = false;
}

/** Opens whatever version is there (asking for ours would fail on a newer one) so that a newer store can still be read. */
function open(): Promise<IDBDatabase> {
  connection ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => {
      const db = request.result;
      if (db.version > DB_VERSION) readOnly = true;
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

function get(db: IDBDatabase, key: string): Promise<unknown> {
  if (!db.objectStoreNames.contains(STORE)) return Promise.resolve(undefined);
  return new Promise<unknown>((resolve, reject) => {
    const request = db.transaction(STORE).objectStore(STORE).get(key);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export interface LoadedSave extends ReadSave {
  /** Nothing will be saved in this session: the store belongs to a newer version of the app. */
  readOnly?: true;
  /** The store could not be opened or read at all. */
  unavailable?: true;
  /** The editor's unsaved text, by path. */
  drafts?: SavedDrafts;
}

/** `key` is the lab's id (or free play's key), `labId` what its progress must name. */
export async function loadSavedLab(key: string, labId: string): Promise<LoadedSave> {
  try {
    const db = await open();
    const head = await get(db, key);
    const chunks = await Promise.all(Array.from({ length: chunkCount(head) }, (_, index) => get(db, chunkKey(key, index))));
    const value = joinJournal(head, chunks);
    const read: ReadSave = value === undefined ? { lost: [] } : readSavedLab(value, labId);
    if (read.newer) readOnly = true;
    const clock = readSavedClock(await get(db, clockKey(key)));
    if (read.saved && clock) {
      read.saved = {
        ...read.saved,
        clockMs: Math.max(clock.clockMs, read.saved.clockMs ?? 0),
        ...(clock.playing !== undefined ? { clockPlaying: clock.playing } : {}),
        ...(clock.speed !== undefined ? { clockSpeed: clock.speed } : {}),
      };
    }
    const drafts = readSavedDrafts(await get(db, draftsKey(key)));
    return { ...read, lost: [...read.lost, ...drafts.lost], drafts: drafts.drafts, ...(readOnly ? { readOnly: true as const } : {}) };
  } catch (error) {
    console.error('cka-lab: the saved lab could not be read', error);
    return { lost: [], unavailable: true };
  }
}

/**
 * The steps passed in each saved lab, read from the records' heads alone (their journals are not
 * needed): for the home page. A lab whose save is missing or unsound is left out.
 */
export async function loadSavedPassed(labIds: string[]): Promise<Record<string, string[]>> {
  try {
    const db = await open();
    const heads = await Promise.all(labIds.map((id) => get(db, id)));
    const passed: Record<string, string[]> = {};
    heads.forEach((head, i) => {
      const progress = readProgress((head as { progress?: unknown } | undefined)?.progress);
      if (progress && progress.labId === labIds[i]) passed[progress.labId] = progress.passed;
    });
    return passed;
  } catch (error) {
    console.error('cka-lab: the saved progress could not be read', error);
    return {};
  }
}

function write(change: (store: IDBObjectStore) => void): Promise<boolean> {
  if (readOnly || stopped) return Promise.resolve(false);
  const written = writeNow(change);
  writing.add(written);
  void written.finally(() => writing.delete(written));
  return written;
}

async function writeNow(change: (store: IDBObjectStore) => void): Promise<boolean> {
  try {
    const db = await open();
    if (readOnly) return false;
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(STORE, 'readwrite');
      change(tx.objectStore(STORE));
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
    return true;
  } catch (error) {
    // Saving is best effort: the lab goes on even where storage is unavailable or full.
    console.error('cka-lab: the lab could not be saved', error);
    return false;
  }
}

/** Every chunk key of a lab's journal, to drop the chunks of a journal replaced by a new one. */
const allChunks = (key: string) => IDBKeyRange.bound(chunkKey(key, 0).slice(0, -1), `${chunkKey(key, 0).slice(0, -1)}\uffff`);

/**
 * Saves the lab, its journal's entries in the order they were recorded. `fromEntry`: how many of
 * them are stored already (the chunks before that one are left as they are); 0 rewrites them all.
 */
/** Resolves to whether it was written, so the caller knows which entries are stored. */
export function saveLab(key: string, saved: SavedLab, options: { clock?: SavedClock | undefined; fromEntry?: number } = {}): Promise<boolean> {
  const fromEntry = options.fromEntry ?? 0;
  const { head, chunks } = splitJournal(saved, fromEntry);
  return write((store) => {
    if (fromEntry === 0) store.delete(allChunks(key));
    for (const [index, entries] of chunks) store.put(entries, chunkKey(key, index));
    store.put(head, key);
    if (options.clock) store.put(options.clock, clockKey(key));
  });
}

/** The clock alone, every few seconds: small, so a reload's clock is never far behind. */
export function saveClock(key: string, clock: SavedClock): Promise<boolean> {
  return write((store) => store.put(clock, clockKey(key)));
}

/** The editor's unsaved text as it is now (all of it: a path left out is no longer a draft). */
export function saveDrafts(key: string, drafts: SavedDrafts): Promise<boolean> {
  return write((store) => (Object.keys(drafts).length === 0 ? store.delete(draftsKey(key)) : store.put(drafts, draftsKey(key))));
}

export function clearSavedLab(key: string): Promise<boolean> {
  return write((store) => {
    store.delete(key);
    store.delete(clockKey(key));
    store.delete(draftsKey(key));
    store.delete(allChunks(key));
  });
}
