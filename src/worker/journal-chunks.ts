/**
 * A saved lab's journal is kept as a head (the lab record, its entries left out) and a tail of
 * fixed-size chunks under keys of their own. Entries are kept in the order they were recorded, which
 * never changes, so a save after a command writes the last chunk or two, not hours of journal.
 * The journal's size stays bounded by its limits (session-journal.ts): a session past them keeps
 * progress and files only, and says so.
 */
import type { SavedLab } from './saved-lab.ts';

export const JOURNAL_CHUNK_ENTRIES = 500;

export const chunkKey = (key: string, index: number) => `${key}#journal#${index}`;

/** The record stored under the lab's key: the lab with its journal's entries counted, not held. */
export type StoredHead = Omit<SavedLab, 'journal'> & { journal?: Omit<NonNullable<SavedLab['journal']>, 'entries'> & { entries: [] }; journalChunks?: number };

/** What to write for `saved`, whose first `fromEntry` journal entries are already stored. */
export function splitJournal(saved: SavedLab, fromEntry: number): { head: StoredHead; chunks: [index: number, entries: unknown[]][] } {
  const { journal, ...lab } = saved;
  if (!journal) return { head: lab, chunks: [] };
  const { entries } = journal;
  const count = Math.ceil(entries.length / JOURNAL_CHUNK_ENTRIES);
  const chunks: [number, unknown[]][] = [];
  for (let index = Math.floor(Math.max(0, fromEntry) / JOURNAL_CHUNK_ENTRIES); index < count; index++)
    chunks.push([index, entries.slice(index * JOURNAL_CHUNK_ENTRIES, (index + 1) * JOURNAL_CHUNK_ENTRIES)]);
  return { head: { ...lab, journal: { ...journal, entries: [] }, journalChunks: count }, chunks };
}

const MAX_CHUNKS = 10_000;

/** How many chunks a stored head says follow it; 0 for a head without any (an older save holds its entries itself). */
export function chunkCount(head: unknown): number {
  const count = (head as { journalChunks?: unknown } | null)?.journalChunks;
  return typeof count === 'number' && Number.isInteger(count) && count > 0 && count <= MAX_CHUNKS ? count : 0;
}

/**
 * The record as one value again, for readSavedLab to check: the chunks' entries in sequence order.
 * A chunk that is missing or not a list leaves entries that fail the check, never a thrown error.
 */
export function joinJournal(head: unknown, chunks: unknown[]): unknown {
  const record = head as { journal?: unknown; journalChunks?: unknown };
  if (chunkCount(head) === 0 || typeof record.journal !== 'object' || record.journal === null) return head;
  const rest = { ...record };
  delete rest.journalChunks;
  if (!chunks.every(Array.isArray)) return { ...rest, journal: { ...record.journal, entries: 'missing chunks' } };
  const entries = (chunks as unknown[][]).flat();
  const bySeq = entries.every((e) => typeof (e as { seq?: unknown } | null)?.seq === 'number');
  if (bySeq) entries.sort((a, b) => (a as { seq: number }).seq - (b as { seq: number }).seq);
  return { ...rest, journal: { ...record.journal, entries } };
}
