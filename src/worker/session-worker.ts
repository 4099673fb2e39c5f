/// <reference lib="webworker" />
/**
 * The Web Worker entry: one Session (and its lab) served over the protocol. Virtual time follows
 * real time here, times the chosen speed, unless paused.
 */
import type { FromWorker, LabView, ToWorker } from '../protocol/messages.ts';
import { PROTOCOL_VERSION } from '../protocol/messages.ts';
import { loadLab } from '../labs/load-lab.ts';
import type { Grader } from '../labs/grader.ts';
import { startLab } from '../session/lab-session.ts';
import { Session } from '../session/session.ts';
import { createInterrupt } from '../shell/shell.ts';
import { FsError } from '../shell/fs/file-system.ts';
import { workloadSnapshot } from '../session/workload-snapshot.ts';
import { fastForwardUntilSettled } from '../session/pending-work.ts';
import { previewRequest } from '../session/preview-request.ts';
import { ReplayEditor, replayJournal } from '../session/replay-journal.ts';
import { restoreSaved } from '../session/restore-saved.ts';
import { JournalRecorder, markHung, TOO_LONG, type SessionJournal } from '../session/session-journal.ts';
import type { LoadedLab } from '../labs/schema.ts';
import { bundledLabFiles, bundledLabIds } from './bundled-labs.ts';
import { clearSavedLab, loadSavedLab, saveClock, saveLab } from './progress-store.ts';
import { SAVE_FORMAT, type SavedClock, type SavedLab } from './saved-lab.ts';
import { lostWorkNotice, newerVersionNotice, notRebuiltNotice, restoredNotice } from './restore-notices.ts';

declare const self: DedicatedWorkerGlobalScope;

/** Set by the page only when end-to-end tests ask for it (a query parameter), never by a lab. */
const testHooks = self.name.split(' ').includes('test-hooks');
/** Free play has no lab id; its files are kept under a key no lab id can take. */
const FREE_PLAY_KEY = ':free-play';

const TICK_MS = 50;
const channel = new MessageChannel();
const pendingYields: (() => void)[] = [];
channel.port1.onmessage = () => pendingYields.shift()?.();
const yieldToHost = () =>
  new Promise<void>((resolve) => {
    pendingYields.push(resolve);
    channel.port2.postMessage(0);
  });

let session: Session | undefined;
let grader: Grader | undefined;
let labId: string | undefined;
/** Every input that changed the session, so a restarted worker can rebuild it (session-journal.ts). */
let journal: JournalRecorder | undefined;
/** How many journal entries (in recorded order) the store holds: a save writes only the chunks after them. */
let storedEntries = 0;
/** Set while a restarted worker replays the journal: commands opening the editor wait on it, not on the page. */
let replayEditor: ReplayEditor | undefined;

/** What a learner sees for a fault of ours: the details go to the console, never to the terminal. */
const INTERNAL_FAULT = '[cka-lab] Something went wrong inside the lab; the session goes on.';

/** Saves the lab's progress, the learner's files under /root, the clock and the session's journal. */
async function persist(): Promise<void> {
  if (!session) return;
  const progress = grader?.progress() ?? { labId: '', passed: [], answers: {}, captures: {} };
  const recorded = journal?.journal('recorded');
  const count = recorded?.entries.length ?? 0;
  // A journal that filled up holds no entries any more: its chunks are written again from none.
  if (count < storedEntries) storedEntries = 0;
  const saved: SavedLab = { format: SAVE_FORMAT, progress, files: session.fs.snapshot('/root'), clockMs: session.cluster.clock.now(), ...(recorded ? { journal: recorded } : {}) };
  const written = await saveLab(labId ?? FREE_PLAY_KEY, saved, { clock: savedClock(), fromEntry: storedEntries });
  storedEntries = written ? count : 0;
}

function savedClock(): SavedClock | undefined {
  return session && { clockMs: session.cluster.clock.now(), playing, speed };
}

/** Real-time spacing of the clock's own saves, so a reload's clock is at most this far behind. */
const CLOCK_SAVE_TICKS = 40;

/**
 * Shell output goes out in batches; the page acknowledges what its terminal has drawn. A shell
 * that prints faster than the terminal draws waits at its next checkpoint, as on a real pty, so
 * `while true; do echo x; done` neither floods the page nor stops answering Ctrl-C.
 */
const OUTPUT_FLUSH_MS = 10;
const OUTPUT_CHUNK_CHARS = 64 * 1024;
const HIGH_WATER_CHARS = 256 * 1024;
const LOW_WATER_CHARS = 64 * 1024;
/** A page that stops acknowledging (no terminal) slows output down rather than stopping it. */
const DRAIN_TIMEOUT_MS = 1000;
let outputId = 0;
let outputBuffer = '';
let flushTimer: ReturnType<typeof setTimeout> | undefined;
let unackedChars = 0;
let drainWaiters: (() => void)[] = [];

function flushOutput(): void {
  clearTimeout(flushTimer);
  flushTimer = undefined;
  for (let i = 0; i < outputBuffer.length; i += OUTPUT_CHUNK_CHARS) post({ type: 'shell.output', id: outputId, data: outputBuffer.slice(i, i + OUTPUT_CHUNK_CHARS) });
  unackedChars += outputBuffer.length;
  outputBuffer = '';
}

function writeOutput(id: number, data: string): void {
  if (id !== outputId) flushOutput();
  outputId = id;
  outputBuffer += data;
  if (outputBuffer.length >= OUTPUT_CHUNK_CHARS) flushOutput();
  else flushTimer ??= setTimeout(flushOutput, OUTPUT_FLUSH_MS);
}

function releaseDrainWaiters(): void {
  const waiters = drainWaiters;
  drainWaiters = [];
  for (const release of waiters) release();
}

const terminalDrained = (): Promise<void> =>
  unackedChars <= HIGH_WATER_CHARS || running?.interrupt.interrupted
    ? Promise.resolve()
    : new Promise((resolve) => {
        drainWaiters.push(resolve);
        setTimeout(resolve, DRAIN_TIMEOUT_MS);
      });

/** Virtual-time spacing of rollout-view samples while fast-forwarding. */
const FAST_FORWARD_SAMPLE_MS = 1000;
let fastForwarding = false;
let playing = true;
let speed = 1;
/** The command running in the terminal: its Ctrl-C and its line. */
let running: { interrupt: ReturnType<typeof createInterrupt>; line: string } | undefined;
/** The command line whose program may ask for input lines. */
let inputForRun = 0;
let ticks = 0;
let watchedNamespace: string | undefined;
let nextEditId = 1;
const editsPending = new Map<number, (content: string | undefined) => void>();

/** The page's editor as the shell's TerminalPort: resolves when the learner saves or closes. */
const terminal = {
  editFile: (path: string) =>
    replayEditor?.editFile(path) ??
    new Promise<void>((resolve) => {
      const id = nextEditId++;
      const content = session?.fs.exists(path) ? session.fs.readFile(path) : '';
      editsPending.set(id, (saved) => {
        // Resolve even when the write fails, or the waiting command would hang the terminal.
        try {
          if (saved !== undefined) session?.fs.writeFile(path, saved);
        } finally {
          resolve();
        }
      });
      post({ type: 'editor.open', id, path, content });
    }),
};

const post = (message: FromWorker) => self.postMessage(message);

function fsErrorText(error: unknown): string {
  const code = error instanceof FsError ? error.code : undefined;
  if (code === 'ENOENT') return 'No such file or directory';
  if (code === 'EISDIR') return 'Is a directory';
  if (code === 'ENOTDIR') return 'Not a directory';
  if (code === 'EACCES') return 'Permission denied';
  // Not a file system error the shell would name: a fault of ours, for the console only.
  console.error('cka-lab: file access failed', error);
  return 'Input/output error';
}

async function postSnapshot(): Promise<void> {
  if (session && watchedNamespace) post({ type: 'workloads.snapshot', snapshot: await workloadSnapshot(session.api, watchedNamespace, session.cluster.clock.now()) });
}

async function tick(): Promise<void> {
  try {
    if (session && playing && !fastForwarding) await session.cluster.pump.advance(TICK_MS * speed);
    if (session && ++ticks % 10 === 0) post({ type: 'clock.state', nowMs: session.cluster.clock.now(), playing, speed });
    if (ticks % 5 === 0) await postSnapshot();
    const clock = ticks % CLOCK_SAVE_TICKS === 0 ? savedClock() : undefined;
    if (clock) void saveClock(labId ?? FREE_PLAY_KEY, clock);
  } catch (error) {
    // A fault in one tick must not stop the clock for good.
    console.error('cka-lab: a clock tick failed', error);
  } finally {
    setTimeout(() => void tick(), TICK_MS);
  }
}

function reachedOf(lab: Grader): { reached?: string } {
  const reached = lab.reachedStep();
  return reached ? { reached } : {};
}

async function postVerdicts(verdicts: Awaited<ReturnType<Grader['check']>>): Promise<void> {
  if (grader) post({ type: 'lab.verdicts', verdicts, score: grader.score(), ...reachedOf(grader) });
  await persist();
}

/** What the lab panel shows of a lab: its steps without their checks. */
function labView(lab: LoadedLab): LabView {
  const { id, title, summary, steps, previews } = lab;
  return {
    id,
    title,
    summary,
    ...(previews ? { previews } : {}),
    steps: steps.map(({ id: stepId, kind, prompt, choices, freeText, hints, solution, setup }) => ({
      id: stepId,
      kind,
      prompt,
      ...(choices ? { choices } : {}),
      ...(freeText ? { freeText } : {}),
      ...(hints ? { hints } : {}),
      ...(solution ? { solution } : {}),
      ...(setup ? { createsObjects: true } : {}),
    })),
  };
}

interface Started {
  session: Session;
  grader: Grader | undefined;
  journal: JournalRecorder;
}

async function openSession(seed: number, startTimeMs: number, lab: LoadedLab | undefined): Promise<{ session: Session; grader: Grader | undefined }> {
  const opened = await Session.create({ seed, startTimeMs, yieldToHost, terminal, terminalDrained });
  return { session: opened, grader: lab ? (await startLab(opened, lab)).grader : undefined };
}

/** A new cluster from the lab's setup, with the saved progress and /root files on it (a reload); its journal starts here. */
async function startFromSaved(seed: number, startTimeMs: number, lab: LoadedLab | undefined, saved: SavedLab | undefined): Promise<Started> {
  const opened = await openSession(seed, startTimeMs, lab);
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
  journalSaved: SessionJournal,
  lab: LoadedLab | undefined,
  resumeAtMs: number,
): Promise<{ started: Started; diverged: string[] } | { failed: string }> {
  const editor = new ReplayEditor();
  replayEditor = editor;
  try {
    const opened = await openSession(journalSaved.seed, journalSaved.startTimeMs, lab);
    const onEntry = (seq: number) => post({ type: 'session.position', seq });
    const { diverged } = await replayJournal(journalSaved, { ...opened, editor, onEntry });
    post({ type: 'session.position' });
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
    replayEditor = undefined;
  }
}

/** What the saved lab says and how the session starts from it: rebuilt, or from progress and files. */
async function startSession(message: Extract<ToWorker, { type: 'session.start' }>, lab: LoadedLab | undefined): Promise<{ started: Started; rebuilt: boolean; notices: string[] }> {
  const key = labId ?? FREE_PLAY_KEY;
  const notices: string[] = [];
  let saved: SavedLab | undefined;
  let noJournal = 'no record of your commands was saved';
  if (message.fresh) await clearSavedLab(key);
  else {
    const found = await loadSavedLab(key, labId ?? '');
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
  if (saved && replayWanted) {
    const resumeAtMs = message.restart === 'rebuild' ? message.startTimeMs : (saved.clockMs ?? 0);
    // A long session takes a while to replay: the header says what the blank terminal waits for.
    if (message.restart === undefined && saved.journal) post({ type: 'notice', message: 'Restoring your session…' });
    const rebuilt = saved.journal ? await rebuildFromJournal(saved.journal, lab, resumeAtMs) : { failed: noJournal };
    if ('started' in rebuilt) {
      if (message.restart === undefined || rebuilt.diverged.length > 0) notices.push(restoredNotice(rebuilt.diverged));
      // A reload finds the clock as it was left: paused stays paused. After a restart the page sends its own setting.
      if (message.restart === undefined) {
        playing = saved.clockPlaying ?? playing;
        speed = saved.clockSpeed ?? speed;
      }
      return { started: rebuilt.started, rebuilt: true, notices };
    }
    notices.push(notRebuiltNotice(rebuilt.failed));
  }
  if (saved && message.restart === 'saved') notices.push(notRebuiltNotice('replaying your commands stopped responding'));
  return { started: await startFromSaved(message.seed, message.startTimeMs, lab, saved), rebuilt: false, notices };
}

function labsSummary() {
  return bundledLabIds().flatMap((id) => {
    const loaded = loadLab(bundledLabFiles(id) ?? {});
    return loaded.ok ? [{ id, title: loaded.lab.title, summary: loaded.lab.summary }] : [];
  });
}

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  try {
    switch (message.type) {
      case 'session.start': {
        running?.interrupt.fire();
        unackedChars = 0;
        releaseDrainWaiters();
        // The old session's background jobs and pods would go on computing beside the new one.
        session?.close();
        session = undefined;
        grader = undefined;
        journal = undefined;
        let lab: LoadedLab | undefined;
        if (message.labId) {
          const loaded = loadLab(bundledLabFiles(message.labId) ?? {});
          if (!loaded.ok) throw new Error(`lab ${message.labId}: ${loaded.errors.join('; ')}`);
          lab = loaded.lab;
        }
        labId = message.labId;
        let start: Awaited<ReturnType<typeof startSession>>;
        try {
          start = await startSession(message, lab);
        } catch (error) {
          // Whatever was saved, the learner gets a working prompt: the lab from its setup.
          console.error('cka-lab: the saved lab could not be restored', error);
          start = {
            started: await startFromSaved(message.seed, message.startTimeMs, lab, undefined),
            rebuilt: false,
            notices: [lostWorkNotice(['your saved work'], { kept: false, canReset: lab !== undefined })],
          };
        }
        const { started, rebuilt, notices } = start;
        session = started.session;
        grader = started.grader;
        journal = started.journal;
        storedEntries = 0;
        if (notices.length > 0) post({ type: 'notice', message: notices.join(' ') });
        // A program that reads lines (a shell inside `kubectl exec -it`) shows its prompt as the
        // terminal's; the next line typed is its input (see 'shell.run').
        session.onInputWanted((prompt) => {
          flushOutput();
          post({ type: 'shell.done', id: inputForRun, exitCode: 0, prompt, reading: true });
        });
        // The saved journal must be this session's from the start: a worker that hangs before the
        // first command would otherwise rebuild the session before this one.
        await persist();
        const view: LabView | undefined = lab && labView(lab);
        post({
          type: 'session.ready',
          version: PROTOCOL_VERSION,
          prompt: session.shell.prompt(),
          ...(view ? { lab: view } : {}),
          ...(message.restart ? { clusterRestored: rebuilt } : {}),
          history: [...session.shell.history],
        });
        if (grader)
          post({
            type: 'lab.verdicts',
            verdicts: grader.verdicts(),
            score: grader.score(),
            ...reachedOf(grader),
          });
        break;
      }
      case 'shell.run': {
        if (!session) throw new Error('no session');
        if (session.inputPrompt !== undefined) {
          journal?.recordForCommand({ kind: 'input', line: message.line });
          session.sendInput(message.line);
          break;
        }
        let line = message.line;
        if (message.following) {
          const taken = session.shell.linesToComplete(line, message.following);
          if (taken === undefined) {
            post({ type: 'shell.needsMoreInput', id: message.id, consumed: message.following.length });
            break;
          }
          if (taken > 0) post({ type: 'shell.continued', id: message.id, lines: taken });
          line = [line, ...message.following.slice(0, taken)].join('\n');
        } else if (session.shell.needsMoreInput(line)) {
          post({ type: 'shell.needsMoreInput', id: message.id });
          break;
        }
        inputForRun = message.id;
        const interrupt = createInterrupt();
        running = { interrupt, line };
        const sink = { write: (data: string) => writeOutput(message.id, data) };
        let exitCode = 1;
        try {
          const commandJournal = journal;
          const seq = commandJournal?.startCommand(line);
          if (seq !== undefined) post({ type: 'session.position', seq });
          exitCode = await session.run(line, { stdout: sink, stderr: sink, interrupt }).finally(() => commandJournal?.finishCommand());
          // bash starts a new line after a foreground job killed by Ctrl-C (the terminal echoed ^C); one
          // that caught the signal and exited (kubectl exec -i: status 1) leaves the prompt after the ^C.
          if (interrupt.interrupted && exitCode === 130) writeOutput(message.id, '\n');
          await session.cluster.pump.settle();
        } finally {
          running = undefined;
          // Saved before the prompt returns, so a worker that hangs later loses nothing typed before.
          await persist();
          post({ type: 'session.position' });
          flushOutput();
          post({ type: 'shell.done', id: message.id, exitCode, prompt: session.shell.prompt() });
        }
        break;
      }
      case 'shell.outputAck':
        unackedChars = Math.max(0, unackedChars - message.chars);
        if (unackedChars <= LOW_WATER_CHARS) releaseDrainWaiters();
        break;
      case 'ping':
        post({ type: 'pong', id: message.id });
        break;
      case 'test.freeze':
        if (testHooks) for (;;);
        break;
      case 'clock.untilSettled': {
        if (!session || fastForwarding) break;
        fastForwarding = true;
        let sampledAtMs = session.cluster.clock.now();
        try {
          const result = await fastForwardUntilSettled(session, message.capMs, {
            onStep: (nowMs) => {
              if (nowMs - sampledAtMs < FAST_FORWARD_SAMPLE_MS) return;
              sampledAtMs = nowMs;
              void postSnapshot();
            },
            // A program waiting for the learner's next line (a shell in `exec -it`) is not work to wait for.
            commandRunning: () => (session?.inputPrompt === undefined ? running?.line : undefined),
          });
          post({ type: 'clock.untilSettled', id: message.id, ...result });
        } finally {
          fastForwarding = false;
        }
        post({ type: 'clock.state', nowMs: session.cluster.clock.now(), playing, speed });
        await postSnapshot();
        break;
      }
      case 'shell.complete': {
        const completion = session ? await session.complete(message.line) : { from: 0, candidates: [] };
        post({ type: 'shell.completions', id: message.id, ...completion });
        break;
      }
      case 'shell.endOfInput':
        if (session?.inputPrompt !== undefined) journal?.recordForCommand({ kind: 'input', line: null });
        session?.sendInput(null);
        break;
      case 'shell.interrupt':
        journal?.recordForCommand({ kind: 'ctrl-c' });
        if (!session?.pressCtrlC()) running?.interrupt.fire();
        releaseDrainWaiters();
        break;
      case 'clock.set': {
        playing = message.playing;
        speed = message.speed;
        const clock = savedClock();
        if (clock) void saveClock(labId ?? FREE_PLAY_KEY, clock);
        if (session) post({ type: 'clock.state', nowMs: session.cluster.clock.now(), playing, speed });
        break;
      }
      case 'clock.advance':
        if (session) {
          await session.cluster.pump.advance(message.ms);
          post({ type: 'clock.state', nowMs: session.cluster.clock.now(), playing, speed });
        }
        break;
      case 'workloads.watch':
        watchedNamespace = message.namespace;
        break;
      case 'lab.list':
        post({ type: 'lab.list', labs: labsSummary() });
        break;
      case 'lab.answer':
        if (grader) {
          journal?.record({ kind: 'answer', stepId: message.stepId, text: message.text });
          grader.answer(message.stepId, message.text);
          await postVerdicts(await grader.check(message.stepId));
        }
        break;
      case 'editor.done': {
        const finish = editsPending.get(message.id);
        editsPending.delete(message.id);
        if (finish) journal?.recordForCommand({ kind: 'edited', ...(message.content !== undefined ? { content: message.content } : {}) });
        finish?.(message.content);
        await persist();
        break;
      }
      case 'fs.list':
        post({ type: 'fs.list', id: message.id, paths: session ? Object.keys(session.fs.snapshot(message.dir)).sort() : [] });
        break;
      case 'fs.read':
        try {
          if (!session) throw new Error('no session');
          post({ type: 'fs.content', id: message.id, path: message.path, content: session.fs.readFile(message.path) });
        } catch (error) {
          post({ type: 'fs.content', id: message.id, path: message.path, error: fsErrorText(error) });
        }
        break;
      case 'fs.write':
        try {
          if (!session) throw new Error('no session');
          session.fs.writeFile(message.path, message.content);
          journal?.record({ kind: 'write', path: message.path, content: message.content });
          post({ type: 'fs.written', id: message.id, path: message.path });
          await persist();
        } catch (error) {
          post({ type: 'fs.written', id: message.id, path: message.path, error: fsErrorText(error) });
        }
        break;
      case 'http.get': {
        if (!session) break;
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
        break;
      }
      case 'lab.check':
        if (grader) journal?.record({ kind: 'check', ...(message.stepId !== undefined ? { stepId: message.stepId } : {}) });
        if (grader) await postVerdicts(await grader.check(message.stepId));
        break;
    }
  } catch (error) {
    console.error('cka-lab: the worker failed on', message.type, error);
    post({ type: 'error', message: INTERNAL_FAULT });
  }
};

void tick();
