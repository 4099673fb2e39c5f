/**
 * How a worker's session starts: fresh from the lab's setup, rebuilt by replaying the saved
 * journal (a reload, or a restart after the worker hung), or from the saved progress and files
 * when the journal cannot be replayed. The notices say in the learner's words what was lost.
 */
import type { FromWorker, ToWorker } from '../protocol/messages.ts';
import type { Grader } from '../labs/grader.ts';
import type { LoadedLab } from '../labs/schema.ts';
import { labTopology, startLab } from '../session/lab-session.ts';
import { Session, type SessionOptions } from '../session/session.ts';
import { ReplayEditor, replayJournal } from '../session/replay-journal.ts';
import { restoreSaved } from '../session/restore-saved.ts';
import { JournalRecorder, markHung, TOO_LONG, type SessionJournal } from '../session/session-journal.ts';
import { clearSavedLab, loadSavedLab, saveLab } from './progress-store.ts';
import type { SavedLab } from './saved-lab.ts';
import { lostWorkNotice, newerVersionNotice, notRebuiltNotice, restoredNotice } from './restore-notices.ts';

/** What of the worker a starting session uses. */
export interface SessionHost {
  /** The key the lab is saved under, and its id ('' for free play). */
  key: string;
  labId: string;
  options: Pick<SessionOptions, 'yieldToHost' | 'slicing' | 'terminal' | 'terminalDrained' | 'realNow' | 'lazyChunks'>;
  post(message: FromWorker): void;
  /** While the journal replays, commands opening the editor wait on this editor, not on the page. */
  useReplayEditor(editor: ReplayEditor | undefined): void;
  /**
   * After a reload, the clock as it was left (paused stays paused), told before the replay starts
   * so the clock controls show it while the learner waits, and can change it.
   */
  useSavedClock(clock: { nowMs: number; playing: boolean | undefined; speed: number | undefined }): void;
}

export interface Started {
  session: Session;
  grader: Grader | undefined;
  journal: JournalRecorder;
}

export interface SessionStart {
  started: Started;
  rebuilt: boolean;
  notices: string[];
  /** The editor's unsaved text as kept: none after a restart (the page still has it), empty after Reset lab. */
  drafts?: Record<string, string>;
}

/** Called once the session's shell exists, before its lab is set up: the prompt can show, commands wait for the rest. */
export type OnShellReady = (session: Session) => void;

async function openSession(
  host: SessionHost,
  seed: number,
  startTimeMs: number,
  lab: LoadedLab | undefined,
  options: { replaying?: boolean; onShellReady?: OnShellReady } = {},
): Promise<{ session: Session; grader: Grader | undefined }> {
  // A replay drives the clock while each command runs: a command waiting on a chunk's import would look hung.
  const opened = await Session.create({ seed, startTimeMs, ...labTopology(lab), ...host.options, ...(options.replaying ? { lazyChunks: false } : {}) });
  options.onShellReady?.(opened);
  return { session: opened, grader: lab ? (await startLab(opened, lab)).grader : undefined };
}

/**
 * A new cluster from the lab's setup, with the saved progress and /root files on it (a reload); its
 * journal starts here. Its prompt is the same before and after the setup (a fresh shell's), so
 * `onShellReady` may show it before then.
 */
export async function startFromSaved(
  host: SessionHost,
  seed: number,
  startTimeMs: number,
  lab: LoadedLab | undefined,
  saved: SavedLab | undefined,
  onShellReady?: OnShellReady,
): Promise<Started> {
  const opened = await openSession(host, seed, startTimeMs, lab, onShellReady ? { onShellReady } : {});
  const base = { ...(saved ? { progress: saved.progress } : {}), files: saved?.files ?? {} };
  await restoreSaved(opened.session, opened.grader, base);
  const clock = opened.session.cluster.clock;
  return { ...opened, journal: new JournalRecorder({ seed, startTimeMs, base }, () => clock.now()) };
}

/**
 * The session saved before (by a hung worker, or before a reload), rebuilt by replaying its
 * journal; its clock then goes on from `resumeAtMs`. A reason in the learner's words when it
 * cannot be: the caller falls back to the saved progress and files.
 */
async function rebuildFromJournal(
  host: SessionHost,
  journalSaved: SessionJournal,
  lab: LoadedLab | undefined,
  resumeAtMs: number,
): Promise<{ started: Started; diverged: string[] } | { failed: string }> {
  const editor = new ReplayEditor();
  host.useReplayEditor(editor);
  try {
    const opened = await openSession(host, journalSaved.seed, journalSaved.startTimeMs, lab, { replaying: true });
    const onEntry = (seq: number) => host.post({ type: 'session.position', seq });
    const { diverged } = await replayJournal(journalSaved, { ...opened, editor, onEntry });
    host.post({ type: 'session.position' });
    const clock = opened.session.cluster.clock;
    if (resumeAtMs > clock.now()) await opened.session.cluster.pump.advanceTo(resumeAtMs);
    const recorder = new JournalRecorder({ seed: journalSaved.seed, startTimeMs: journalSaved.startTimeMs, base: journalSaved.base }, () => clock.now(), {
      continueFrom: journalSaved,
    });
    return { started: { ...opened, journal: recorder }, diverged };
  } catch (error) {
    console.error('cka-lab: replaying the journal failed', error);
    return { failed: 'replaying your commands failed' };
  } finally {
    host.useReplayEditor(undefined);
  }
}

/** What the saved lab says and how the session starts from it: rebuilt, or from progress and files. */
export async function startSession(
  host: SessionHost,
  message: Extract<ToWorker, { type: 'session.start' }>,
  lab: LoadedLab | undefined,
  onShellReady: (session: Session, ready: Pick<SessionStart, 'rebuilt' | 'drafts'>) => void,
): Promise<SessionStart> {
  const { key } = host;
  const notices: string[] = [];
  let saved: SavedLab | undefined;
  let noJournal = 'no record of your commands was saved';
  let drafts: Record<string, string> | undefined;
  if (message.fresh) {
    await clearSavedLab(key);
    drafts = {};
  } else {
    const found = await loadSavedLab(key, host.labId);
    if (message.restart === undefined) drafts = found.drafts ?? {};
    if (found.readOnly) notices.push(newerVersionNotice(found.saved !== undefined));
    else if (found.lost.length > 0) notices.push(lostWorkNotice(found.lost, { kept: found.saved !== undefined, canReset: lab !== undefined }));
    saved = found.saved;
    if (found.journalProblem !== undefined) {
      console.error(`cka-lab: the saved journal cannot be replayed: ${found.journalProblem}`);
      noJournal = found.journalProblem === TOO_LONG ? 'the session was too long to replay' : 'the record of your commands could not be read';
    }
    if (saved?.journal && message.hung !== undefined) {
      // Kept before the replay starts: a reload during it must not run the hung input again either.
      saved = { ...saved, journal: markHung(saved.journal, message.hung) };
      await saveLab(key, saved);
    }
  }
  const replayWanted = saved !== undefined && !message.fresh && message.restart !== 'saved';
  // After a restart the page sends its own clock setting.
  if (saved && message.restart === undefined) host.useSavedClock({ nowMs: saved.clockMs ?? message.startTimeMs, playing: saved.clockPlaying, speed: saved.clockSpeed });
  if (saved && replayWanted) {
    const resumeAtMs = message.restart === 'rebuild' ? message.startTimeMs : (saved.clockMs ?? 0);
    // A long session takes a while to replay: the header says what the blank terminal waits for.
    if (message.restart === undefined && saved.journal) host.post({ type: 'notice', message: 'Restoring your session…' });
    const rebuilt = saved.journal ? await rebuildFromJournal(host, saved.journal, lab, resumeAtMs) : { failed: noJournal };
    if ('started' in rebuilt) {
      if (message.restart === undefined || rebuilt.diverged.length > 0) notices.push(restoredNotice(rebuilt.diverged));
      return { started: rebuilt.started, rebuilt: true, notices, ...(drafts ? { drafts } : {}) };
    }
    notices.push(notRebuiltNotice(rebuilt.failed));
  }
  if (saved && message.restart === 'saved') notices.push(notRebuiltNotice('replaying your commands stopped responding'));
  const kept = drafts ? { drafts } : {};
  const started = await startFromSaved(host, message.seed, message.startTimeMs, lab, saved, (session) => onShellReady(session, { rebuilt: false, ...kept }));
  return { started, rebuilt: false, notices, ...kept };
}
