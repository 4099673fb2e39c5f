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
import { JournalRecorder, journalProblem, type SessionJournal } from '../session/session-journal.ts';
import type { LoadedLab } from '../labs/schema.ts';
import { bundledLabFiles, bundledLabIds } from './bundled-labs.ts';
import { clearSavedLab, loadSavedLab, saveLab, type SavedLab } from './progress-store.ts';

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
/** Set while a restarted worker replays the journal: commands opening the editor wait on it, not on the page. */
let replayEditor: ReplayEditor | undefined;

/** Saves the lab's progress, the learner's files under /root and the session's journal. */
async function persist(): Promise<void> {
  if (!session) return;
  const progress = grader?.progress() ?? { labId: '', passed: [], answers: {}, captures: {} };
  await saveLab(labId ?? FREE_PLAY_KEY, { progress, files: session.fs.snapshot('/root'), ...(journal ? { journal: journal.journal() } : {}) });
}

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
  return error instanceof Error ? error.message : String(error);
}

async function postSnapshot(): Promise<void> {
  if (session && watchedNamespace) post({ type: 'workloads.snapshot', snapshot: await workloadSnapshot(session.api, watchedNamespace, session.cluster.clock.now()) });
}

async function tick(): Promise<void> {
  if (session && playing && !fastForwarding) await session.cluster.pump.advance(TICK_MS * speed);
  if (session && ++ticks % 10 === 0) post({ type: 'clock.state', nowMs: session.cluster.clock.now(), playing, speed });
  if (ticks % 5 === 0) await postSnapshot();
  setTimeout(() => void tick(), TICK_MS);
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
 * The session the hung worker had, rebuilt by replaying its journal; its clock then goes on from
 * `resumeAtMs`, where the hung worker's clock had got to. Undefined (with a notice saying why)
 * when the journal cannot be replayed: the caller falls back to the saved progress and files.
 */
async function rebuildFromJournal(saved: SessionJournal | undefined, lab: LoadedLab | undefined, resumeAtMs: number): Promise<Started | undefined> {
  const problem = saved === undefined ? 'none was saved' : journalProblem(saved);
  if (problem || !saved) {
    post({ type: 'notice', message: `The cluster could not be rebuilt (${problem}); it starts again from the lab's setup.` });
    return undefined;
  }
  const editor = new ReplayEditor();
  replayEditor = editor;
  try {
    const opened = await openSession(saved.seed, saved.startTimeMs, lab);
    const { diverged } = await replayJournal(saved, { ...opened, editor });
    const clock = opened.session.cluster.clock;
    if (resumeAtMs > clock.now()) await opened.session.cluster.pump.advanceTo(resumeAtMs);
    if (diverged.length > 0) post({ type: 'notice', message: `The cluster was rebuilt with ${diverged.length} difference${diverged.length === 1 ? '' : 's'}: ${diverged[0]}.` });
    return { ...opened, journal: new JournalRecorder({ seed: saved.seed, startTimeMs: saved.startTimeMs, base: saved.base }, () => clock.now(), { continueFrom: saved }) };
  } catch (error) {
    post({ type: 'notice', message: `The cluster could not be rebuilt (${error instanceof Error ? error.message : String(error)}); it starts again from the lab's setup.` });
    return undefined;
  } finally {
    replayEditor = undefined;
  }
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
        const key = labId ?? FREE_PLAY_KEY;
        let saved: SavedLab | undefined;
        if (message.fresh) await clearSavedLab(key);
        else {
          const found = await loadSavedLab(key);
          if (found.problem) post({ type: 'notice', message: found.problem });
          saved = found.saved;
        }
        const rebuilt = message.restart === 'rebuild' && saved ? await rebuildFromJournal(saved.journal, lab, message.startTimeMs) : undefined;
        const started = rebuilt ?? (await startFromSaved(message.seed, message.startTimeMs, lab, saved));
        session = started.session;
        grader = started.grader;
        journal = started.journal;
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
          ...(message.restart ? { clusterRestored: rebuilt !== undefined } : {}),
        });
        if (grader)
          post({
            type: 'lab.verdicts',
            verdicts: grader.progress().passed.map((stepId) => ({ stepId, status: 'pass' as const, why: 'passed earlier' })),
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
          commandJournal?.startCommand(line);
          exitCode = await session.run(line, { stdout: sink, stderr: sink, interrupt }).finally(() => commandJournal?.finishCommand());
          // bash starts a new line after a foreground job killed by Ctrl-C (the terminal echoed ^C); one
          // that caught the signal and exited (kubectl exec -i: status 1) leaves the prompt after the ^C.
          if (interrupt.interrupted && exitCode === 130) writeOutput(message.id, '\n');
          await session.cluster.pump.settle();
        } finally {
          running = undefined;
          // Saved before the prompt returns, so a worker that hangs later loses nothing typed before.
          await persist();
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
      case 'clock.set':
        playing = message.playing;
        speed = message.speed;
        if (session) post({ type: 'clock.state', nowMs: session.cluster.clock.now(), playing, speed });
        break;
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
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};

void tick();
