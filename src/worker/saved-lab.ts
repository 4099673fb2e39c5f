/**
 * What one lab's save in IndexedDB holds, and the guard every record read back goes through. A
 * store is data from outside: another version of the app, a browser extension or a half-finished
 * write may have left anything in it. The guard keeps what is sound and names what it left out;
 * it is hand-written because a strict Content-Security-Policy forbids generated validators.
 */
import type { Progress } from '../labs/schema.ts';
import { journalProblem, type SavedFiles, type SessionJournal } from '../session/session-journal.ts';

/** Raised when a save's shape changes; a save with a larger number is read, never written over. */
export const SAVE_FORMAT = 2;

export interface SavedLab {
  format: typeof SAVE_FORMAT;
  progress: Progress;
  files: SavedFiles;
  /** The cluster's virtual time when last saved: a reload goes on from it. */
  clockMs?: number;
  /** Whether the clock played, and how fast, as last saved (kept under a key of their own). */
  clockPlaying?: boolean;
  clockSpeed?: number;
  journal?: SessionJournal;
}

export interface ReadSave {
  /** What could be read, or undefined when nothing could. */
  saved?: SavedLab;
  /** What was left out, in the learner's words ("the file /root/pod.yaml"). */
  lost: string[];
  /** Why the journal cannot rebuild the cluster, when a journal was there. */
  journalProblem?: string;
  /** Written by a newer version of the app: shown, not written over. */
  newer?: true;
}

/** Files written before modes were kept were plain strings; their text is kept with a regular file's mode. */
const LEGACY_FILE_MODE = 0o644;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringMap = (value: unknown): value is Record<string, string> => isRecord(value) && Object.values(value).every((v) => typeof v === 'string');

export function readProgress(value: unknown): Progress | undefined {
  if (!isRecord(value)) return undefined;
  const { labId, passed, answers, captures, reached } = value;
  if (typeof labId !== 'string' || !Array.isArray(passed) || !passed.every((s) => typeof s === 'string')) return undefined;
  if (!isStringMap(answers) || !isStringMap(captures) || (reached !== undefined && typeof reached !== 'string')) return undefined;
  return { labId, passed, answers, captures, ...(reached !== undefined ? { reached } : {}) };
}

function readFile(value: unknown): { content: string; mode: number } | undefined {
  if (typeof value === 'string') return { content: value, mode: LEGACY_FILE_MODE };
  if (!isRecord(value) || typeof value.content !== 'string') return undefined;
  const { mode } = value;
  if (mode === undefined) return { content: value.content, mode: LEGACY_FILE_MODE };
  return typeof mode === 'number' && Number.isInteger(mode) && mode >= 0 && mode <= 0o7777 ? { content: value.content, mode } : undefined;
}

/** Checks one record read from the store for lab `labId` (empty for free play). */
export function readSavedLab(value: unknown, labId: string): ReadSave {
  if (!isRecord(value)) return { lost: ['your saved work'] };
  const newer = typeof value.format === 'number' && value.format > SAVE_FORMAT ? { newer: true as const } : {};
  const lost: string[] = [];
  const progress = readProgress(value.progress);
  if (!progress) lost.push('your lab progress');
  else if (progress.labId !== labId) {
    lost.push('your lab progress (it belonged to another lab)');
  }
  const files: SavedFiles = {};
  if (isRecord(value.files)) {
    for (const [path, entry] of Object.entries(value.files)) {
      const file = path.startsWith('/root/') ? readFile(entry) : undefined;
      if (file) files[path] = file;
      else lost.push(`the file ${path}`);
    }
  } else lost.push('your files');
  const clockMs = typeof value.clockMs === 'number' && Number.isFinite(value.clockMs) ? { clockMs: value.clockMs } : {};
  const problem = value.journal === undefined ? undefined : journalProblem(value.journal);
  const journal = value.journal !== undefined && problem === undefined ? { journal: value.journal as SessionJournal } : {};
  const sound = progress?.labId === labId ? progress : { labId, passed: [], answers: {}, captures: {} };
  const anything = progress !== undefined || Object.keys(files).length > 0 || journal.journal !== undefined;
  return {
    ...(anything ? { saved: { format: SAVE_FORMAT, progress: sound, files, ...clockMs, ...journal } } : {}),
    lost,
    ...(problem !== undefined ? { journalProblem: problem } : {}),
    ...newer,
  };
}

/** The clock as saved on its own every few seconds and whenever it is paused, played or sped up. */
export interface SavedClock {
  clockMs: number;
  playing?: boolean;
  speed?: number;
}

/** The saved clock, or undefined when unreadable; a bad setting alone is dropped. */
export function readSavedClock(value: unknown): SavedClock | undefined {
  if (!isRecord(value) || typeof value.clockMs !== 'number' || !Number.isFinite(value.clockMs)) return undefined;
  const { playing, speed } = value;
  return {
    clockMs: value.clockMs,
    ...(typeof playing === 'boolean' ? { playing } : {}),
    ...(typeof speed === 'number' && Number.isFinite(speed) && speed > 0 ? { speed } : {}),
  };
}

/** Text typed in the editor and not saved yet, by the path of its tab: kept across reloads, never written to the file. */
export type SavedDrafts = Record<string, string>;

/** The drafts that are sound (an absolute path and its text), and what was left out. */
export function readSavedDrafts(value: unknown): { drafts: SavedDrafts; lost: string[] } {
  if (value === undefined) return { drafts: {}, lost: [] };
  if (!isRecord(value)) return { drafts: {}, lost: ['your unsaved editor text'] };
  const drafts: SavedDrafts = {};
  const lost: string[] = [];
  for (const [path, text] of Object.entries(value)) {
    if (path.startsWith('/') && typeof text === 'string') drafts[path] = text;
    else lost.push(`your unsaved text in ${path}`);
  }
  return { drafts, lost };
}
