import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../session/session-journal.ts';
import { chunkCount, joinJournal, JOURNAL_CHUNK_ENTRIES, splitJournal } from './journal-chunks.ts';
import { readSavedLab, SAVE_FORMAT, type SavedLab } from './saved-lab.ts';

const progress = { labId: 'rolling-updates', passed: [], answers: {}, captures: {} };
const checks = (count: number): JournalEntry[] => Array.from({ length: count }, (_, seq) => ({ kind: 'check', atMs: seq, seq }));
const lab = (entries: JournalEntry[]): SavedLab => ({
  format: SAVE_FORMAT,
  progress,
  files: {},
  journal: { version: 1, seed: 7, startTimeMs: 0, base: { files: {} }, entries },
});

/** Writes `saved` as the store does, into a map standing for the object store. */
function store(into: Map<number, unknown[]>, saved: SavedLab, fromEntry: number) {
  const { head, chunks } = splitJournal(saved, fromEntry);
  for (const [index, entries] of chunks) into.set(index, entries);
  return head;
}

describe('journal chunks', () => {
  it('writes only the chunks from the first entry not stored yet', () => {
    const entries = checks(2 * JOURNAL_CHUNK_ENTRIES + 3);
    const { head, chunks } = splitJournal(lab(entries), 2 * JOURNAL_CHUNK_ENTRIES + 1);
    expect(head.journalChunks).toBe(3);
    expect(head.journal?.entries).toEqual([]);
    expect(chunks.map(([index, written]) => [index, written.length])).toEqual([[2, 3]]);
  });

  it('reads back the journal a session saved bit by bit, in sequence order', () => {
    const chunks = new Map<number, unknown[]>();
    const entries = checks(JOURNAL_CHUNK_ENTRIES + 10);
    // Recorded order: a command's entries come after a tab's save made while it ran.
    [entries[3], entries[4]] = [entries[4]!, entries[3]!];
    let head = store(chunks, lab(entries.slice(0, 5)), 0);
    head = store(chunks, lab(entries.slice(0, JOURNAL_CHUNK_ENTRIES + 2)), 5);
    head = store(chunks, lab(entries), JOURNAL_CHUNK_ENTRIES + 2);
    const joined = joinJournal(
      head,
      [...Array(chunkCount(head)).keys()].map((i) => chunks.get(i)),
    );
    expect(readSavedLab(joined, 'rolling-updates')).toEqual({ saved: lab(checks(JOURNAL_CHUNK_ENTRIES + 10)), lost: [] });
  });

  it.each([
    ['a missing chunk', [undefined]],
    ['a chunk that is not a list', [{ 0: 'x' }]],
    ['a chunk holding nulls', [[null]]],
  ])('reports %s as a journal that cannot be replayed, keeping the rest', (_name, stored) => {
    const { head } = splitJournal(lab(checks(3)), 0);
    expect(readSavedLab(joinJournal(head, stored), 'rolling-updates')).toEqual({
      saved: { format: SAVE_FORMAT, progress, files: {} },
      lost: [],
      journalProblem: 'unreadable entries',
    });
  });

  it.each([
    [{ journalChunks: 2 }, 2],
    [{ journalChunks: -1 }, 0],
    [{ journalChunks: 1e9 }, 0],
    [{ journalChunks: '3' }, 0],
    [null, 0],
  ])('counts the chunks of %j as %i', (head, count) => {
    expect(chunkCount(head)).toBe(count);
  });

  it('reads a save from before chunks, its entries in the record itself', () => {
    const older = lab(checks(2));
    expect(joinJournal(older, [])).toBe(older);
  });
});
