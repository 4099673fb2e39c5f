/**
 * The journal of a session: every input that can change it, with the virtual time it came at.
 * Names are seeded and time is virtual, so a fresh session started with the same seed and start
 * time and fed the same inputs at the same instants ends in the same state (see replay-journal.ts):
 * this is what a restarted worker rebuilds the cluster from.
 *
 * Clock controls (pause, speed, a minute ahead, until settled) are not inputs of their own: they
 * only decide when the next input comes, and every entry carries that instant.
 */
import type { Progress } from '../labs/schema.ts';

export const JOURNAL_VERSION = 1;

export type SavedFiles = Record<string, { content: string; mode: number }>;

export type JournalInput =
  /** A command line run at the prompt. */
  | { kind: 'run'; line: string }
  /** A line typed to the running program (a shell inside `kubectl exec -it`); null for Ctrl-D, the end of its input. */
  | { kind: 'input'; line: string | null }
  | { kind: 'ctrl-c' }
  /** The editor gave back the file the running command waited on: saved (content) or closed. */
  | { kind: 'edited'; content?: string }
  /** The running command finished. */
  | { kind: 'done' }
  /** A file saved from an editor tab of its own (not a `vi` the terminal waits on). */
  | { kind: 'write'; path: string; content: string }
  | { kind: 'answer'; stepId: string; text: string }
  | { kind: 'check'; stepId?: string }
  /** A request from the app preview: the app logs it and the Service's round robin moves on. */
  | { kind: 'http'; url: string };

/**
 * `hung`: the worker was restarted by the watchdog while this input was the one in flight; a replay
 * skips it (a command with all of its inputs), so what hung once cannot hang every rebuild again.
 */
export type JournalEntry = JournalInput & { atMs: number; seq: number; hung?: true };

/** What the session started from, before the first entry. */
export interface JournalStart {
  seed: number;
  startTimeMs: number;
  /** Lab progress and /root files restored onto the lab's setup (a reload), if any. */
  base: { progress?: Progress; files: SavedFiles };
}

export interface SessionJournal extends JournalStart {
  version: typeof JOURNAL_VERSION;
  entries: JournalEntry[];
  /**
   * Set once the journal reached its limits: it stops recording and is never replayed, so a
   * restart falls back to the saved progress and files.
   */
  full?: true;
}

export interface JournalLimits {
  maxEntries: number;
  /** Characters of command lines, typed lines and file contents together. */
  maxChars: number;
}

/** Hours of work, or an app preview polling all day; the whole journal is saved after every command. */
export const DEFAULT_JOURNAL_LIMITS: JournalLimits = { maxEntries: 20_000, maxChars: 2_000_000 };

function sizeOf(input: JournalInput): number {
  switch (input.kind) {
    case 'run':
    case 'input':
      return input.line?.length ?? 0;
    case 'edited':
      return input.content?.length ?? 0;
    case 'write':
      return input.path.length + input.content.length;
    case 'answer':
      return input.text.length;
    case 'http':
      return input.url.length;
    default:
      return 0;
  }
}

/**
 * Records inputs as they happen. The entries of a command (its line, lines typed to it, Ctrl-C,
 * the editor's answer) are kept aside until it finishes: a command still running when the worker
 * hangs is the one that hung, and the journal never holds it. Other inputs (a tab's save, a lab
 * check, a preview request) are kept at once.
 */
export class JournalRecorder {
  readonly #start: JournalStart;
  readonly #now: () => number;
  readonly #limits: JournalLimits;
  #entries: JournalEntry[];
  #command: JournalEntry[] | undefined;
  #seq: number;
  #chars: number;
  #full: boolean;

  constructor(start: JournalStart, now: () => number, options: { limits?: JournalLimits; continueFrom?: SessionJournal } = {}) {
    this.#start = start;
    this.#now = now;
    this.#limits = options.limits ?? DEFAULT_JOURNAL_LIMITS;
    this.#entries = [...(options.continueFrom?.entries ?? [])];
    this.#seq = Math.max(0, ...this.#entries.map((e) => e.seq + 1));
    this.#chars = this.#entries.reduce((sum, e) => sum + sizeOf(e), 0);
    this.#full = options.continueFrom?.full === true;
  }

  get commandRunning(): boolean {
    return this.#command !== undefined;
  }

  /** An input of its own (not part of a running command). */
  record(input: JournalInput): void {
    this.#keep([this.#stamp(input)]);
  }

  /** Returns the command's sequence number, which names it should the worker hang while it runs. */
  startCommand(line: string): number {
    const entry = this.#stamp({ kind: 'run', line });
    this.#command = [entry];
    return entry.seq;
  }

  /** An input to the running command; dropped when none runs (it could not change anything). */
  recordForCommand(input: Extract<JournalInput, { kind: 'input' | 'ctrl-c' | 'edited' }>): void {
    this.#command?.push(this.#stamp(input));
  }

  finishCommand(): void {
    if (!this.#command) return;
    const command = this.#command;
    this.#command = undefined;
    command.push(this.#stamp({ kind: 'done' }));
    this.#keep(command);
  }

  /**
   * `order`: 'seq' (the default) as a replay needs it; 'recorded' as kept, where what was recorded
   * once never moves, so a store can append to what it saved before.
   */
  journal(order: 'seq' | 'recorded' = 'seq'): SessionJournal {
    const entries = this.#full ? [] : order === 'seq' ? [...this.#entries].sort((a, b) => a.seq - b.seq) : [...this.#entries];
    return { version: JOURNAL_VERSION, ...this.#start, entries, ...(this.#full ? { full: true as const } : {}) };
  }

  #stamp(input: JournalInput): JournalEntry {
    return { ...input, atMs: this.#now(), seq: this.#seq++ };
  }

  #keep(entries: JournalEntry[]): void {
    if (this.#full) return;
    this.#entries.push(...entries);
    this.#chars += entries.reduce((sum, e) => sum + sizeOf(e), 0);
    if (this.#entries.length > this.#limits.maxEntries || this.#chars > this.#limits.maxChars) {
      this.#full = true;
      this.#entries = [];
    }
  }
}

/**
 * The journal with the input of sequence number `seq` marked as hung (see JournalEntry); the same
 * journal when no entry has that number (the command in flight was never recorded).
 */
export function markHung(journal: SessionJournal, seq: number): SessionJournal {
  if (!journal.entries.some((e) => e.seq === seq)) return journal;
  return { ...journal, entries: journal.entries.map((e) => (e.seq === seq ? { ...e, hung: true as const } : e)) };
}

const KINDS = new Set(['run', 'input', 'ctrl-c', 'edited', 'done', 'write', 'answer', 'check', 'http']);

function isEntry(value: unknown): value is JournalEntry {
  const e = value as Record<string, unknown> | null;
  if (!e || typeof e !== 'object' || !KINDS.has(e.kind as string) || typeof e.atMs !== 'number' || typeof e.seq !== 'number') return false;
  if (e.hung !== undefined && e.hung !== true) return false;
  switch (e.kind) {
    case 'run':
      return typeof e.line === 'string';
    case 'input':
      return typeof e.line === 'string' || e.line === null;
    case 'write':
      return typeof e.path === 'string' && typeof e.content === 'string';
    case 'answer':
      return typeof e.stepId === 'string' && typeof e.text === 'string';
    case 'http':
      return typeof e.url === 'string';
    case 'edited':
      return e.content === undefined || typeof e.content === 'string';
    default:
      return true;
  }
}

function isSavedFile(value: unknown): boolean {
  const f = value as { content?: unknown; mode?: unknown } | null;
  return typeof f === 'object' && f !== null && typeof f.content === 'string' && typeof f.mode === 'number';
}

function isProgress(value: unknown): boolean {
  const p = value as Partial<Record<keyof Progress, unknown>> | null;
  const isStringMap = (v: unknown) => typeof v === 'object' && v !== null && Object.values(v).every((x) => typeof x === 'string');
  return (
    typeof p === 'object' &&
    p !== null &&
    typeof p.labId === 'string' &&
    Array.isArray(p.passed) &&
    p.passed.every((s) => typeof s === 'string') &&
    isStringMap(p.answers) &&
    isStringMap(p.captures)
  );
}

export const TOO_LONG = 'the session was too long to replay';

/** Why a saved journal cannot be replayed, or undefined when it can. */
export function journalProblem(value: unknown): string | undefined {
  const j = value as Partial<SessionJournal> | null;
  if (!j || typeof j !== 'object') return 'not a journal';
  if (j.version !== JOURNAL_VERSION) return `journal version ${String(j.version)}, expected ${JOURNAL_VERSION}`;
  if (j.full) return TOO_LONG;
  if (typeof j.seed !== 'number' || typeof j.startTimeMs !== 'number') return 'no seed or start time';
  if (!j.base || typeof j.base !== 'object' || typeof j.base.files !== 'object' || j.base.files === null) return 'no starting files';
  if (!Object.values(j.base.files as Record<string, unknown>).every(isSavedFile)) return 'unreadable starting files';
  if (j.base.progress !== undefined && !isProgress(j.base.progress)) return 'unreadable starting progress';
  if (!Array.isArray(j.entries) || !j.entries.every(isEntry)) return 'unreadable entries';
  for (let i = 1; i < j.entries.length; i++) if (j.entries[i]!.atMs < j.entries[i - 1]!.atMs) return 'entries out of time order';
  return undefined;
}
