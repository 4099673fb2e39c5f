/// <reference lib="webworker" />
/**
 * One Session (and its lab) served over the protocol: the worker's chunk with the cluster, kubectl
 * and the shell, which session-worker.ts loads. Virtual time follows real time here, times the
 * chosen speed, unless paused.
 */
import type { FromWorker, ToWorker } from '../protocol/messages.ts';
import type { Grader } from '../labs/grader.ts';
import { celEvaluator } from '../labs/checks/cel.ts';
import type { Session } from '../session/session.ts';
import { createInterrupt } from '../shell/shell.ts';
import { loadHelpTexts } from '../kubectl/help/help-texts.ts';
import { loadOpenApi } from '../engine/api/openapi/load-openapi.ts';
import type { EditorKeys } from '../shell/command.ts';
import { workloadSnapshot } from '../session/workload-snapshot.ts';
import { fastForwardUntilSettled } from '../session/pending-work.ts';
import type { ReplayEditor } from '../session/replay-journal.ts';
import type { JournalRecorder } from '../session/session-journal.ts';
import type { LoadedLab } from '../labs/schema.ts';
import { bundledLab } from './bundled-labs.ts';
import { resumeSaving, saveClock, saveDrafts, stopSaving } from './progress-store.ts';
import type { SavedClock } from './saved-lab.ts';
import { lostWorkNotice } from './restore-notices.ts';
import { INTERNAL_FAULT } from './worker-faults.ts';
import { TerminalOutput } from './terminal-output.ts';
import { SessionSaves } from './session-saves.ts';
import { SessionGate } from './session-gate.ts';
import { PageEditor } from './page-editor.ts';
import { bootedMessages, readyMessage, reachedOf } from './lab-view.ts';
import { answerFileRequest, answerPreviewRequest } from './page-requests.ts';
import { messageChannelYield } from './host-yield.ts';
import { RawKeysBridge } from './raw-keys.ts';
import { startFromSaved, startSession, type SessionHost, type SessionStart } from './start-session.ts';

declare const self: DedicatedWorkerGlobalScope;

/** Set by the page only when end-to-end tests ask for it (a query parameter), never by a lab. */
const testHooks = self.name.split(' ').includes('test-hooks');
/** Free play has no lab id; its files are kept under a key no lab id can take. */
const FREE_PLAY_KEY = ':free-play';

const TICK_MS = 50;
/**
 * Longest run of cluster work between two turns of the worker's event loop: pings, keystrokes and
 * Ctrl-C are answered within it while a thousand pods start at one instant.
 */
const SLICE_MS = 25;
const yieldToHost = messageChannelYield();

let session: Session | undefined;
/** The last size the terminal reported, for a session started after it. */
let terminalSize: { columns: number; rows: number } | undefined;
/** What a message that uses the session waits for (session-gate.ts). */
const gate = new SessionGate();
let grader: Grader | undefined;
let labId: string | undefined;
/** Every input that changed the session, so a restarted worker can rebuild it (session-journal.ts). */
let journal: JournalRecorder | undefined;
/** Set while a restarted worker replays the journal: commands opening the editor wait on it, not on the page. */
let replayEditor: ReplayEditor | undefined;

const saves = new SessionSaves();
/** Saves the lab's progress, the learner's files under /root, the clock and the session's journal. */
const persist = () => saves.persist(labId ?? FREE_PLAY_KEY, session, grader, journal, savedClock());

function savedClock(): SavedClock | undefined {
  return session && { clockMs: session.cluster.clock.now(), playing, speed };
}

/** Real-time spacing of the clock's own saves, so a reload's clock is at most this far behind. */
const CLOCK_SAVE_TICKS = 40;
const post = (message: FromWorker) => self.postMessage(message);
const output = new TerminalOutput(post, () => running?.interrupt.interrupted);
const rawKeys = new RawKeysBridge(post);

/** Virtual-time spacing of rollout-view samples while fast-forwarding. */
const FAST_FORWARD_SAMPLE_MS = 1000;
let fastForwarding = false;
let playing = true;
let speed = 1;
/** The learner set the clock since the session started: a restored clock setting no longer applies. */
let clockChosen = false;
/** The command running in the terminal: its Ctrl-C and its line. */
let running: { interrupt: ReturnType<typeof createInterrupt>; line: string } | undefined;
/** The command line whose program may ask for input lines. */
let inputForRun = 0;
let ticks = 0;
let watchedNamespace: string | undefined;
const pageEditor = new PageEditor(post);

/** The page's editor as the shell's TerminalPort: resolves when the learner saves or closes. */
const terminal = {
  rawKeys: () => rawKeys.open(),
  editFile: (path: string, keys: EditorKeys = 'vim') =>
    replayEditor?.editFile(path) ??
    pageEditor.edit(path, { read: () => (session?.fs.exists(path) ? session.fs.readFile(path) : ''), write: (content) => session?.fs.writeFile(path, content) }, keys),
};

async function postSnapshot(): Promise<void> {
  if (session && watchedNamespace) post({ type: 'workloads.snapshot', snapshot: await workloadSnapshot(session.api, watchedNamespace, session.cluster.clock.now()) });
}

async function tick(): Promise<void> {
  try {
    if (gate.isBooting) return;
    if (session && playing && !fastForwarding && !gate.isCatchingUp) await session.cluster.pump.advance(TICK_MS * speed);
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

/** The session whose shell is ready, sized as the terminal last said, its programs' input prompts shown as the terminal's. */
function useSession(opened: Session): void {
  if (session === opened) return;
  session = opened;
  if (terminalSize) session.resize(terminalSize.columns, terminalSize.rows);
  // A program that reads lines (a shell inside `kubectl exec -it`) shows its prompt as the
  // terminal's; the next line typed is its input (see 'shell.run').
  session.onInputWanted((prompt) => {
    output.flush();
    post({ type: 'shell.done', id: inputForRun, exitCode: 0, prompt, reading: true });
  });
}

async function postVerdicts(verdicts: Awaited<ReturnType<Grader['check']>>): Promise<void> {
  if (grader) post({ type: 'lab.verdicts', verdicts, score: grader.score(), ...reachedOf(grader) });
  await persist();
}

const host: SessionHost = {
  get key() {
    return labId ?? FREE_PLAY_KEY;
  },
  get labId() {
    return labId ?? '';
  },
  options: {
    yieldToHost,
    slicing: { elapsedMs: () => performance.now(), sliceMs: SLICE_MS },
    terminal,
    terminalDrained: output.drained,
    realNow: () => performance.now(),
    lazyChunks: true,
  },
  post: (message) => post(message),
  useReplayEditor: (editor) => {
    replayEditor = editor;
  },
  useSavedClock: (clock) => {
    // Play pressed while a long session is being restored must not be undone when it is ready.
    if (clockChosen) return;
    playing = clock.playing ?? playing;
    speed = clock.speed ?? speed;
    post({ type: 'clock.state', nowMs: clock.nowMs, playing, speed });
  },
};

/** What the entry does not answer itself. */
export type SessionMessage = Exclude<ToWorker, { type: 'lab.list' | 'ping' }>;

/** Answers one message from the page; the entry (session-worker.ts) hands them over in order. */
export async function serveSession(message: SessionMessage): Promise<void> {
  try {
    switch (message.type) {
      case 'session.start': {
        running?.interrupt.fire();
        output.reset();
        rawKeys.reset();
        clockChosen = false;
        // Only the tab that has the lab starts a session on it (ui/app/lab-lock.ts).
        resumeSaving();
        // The old session's background jobs and pods would go on computing beside the new one.
        session?.close();
        session = undefined;
        grader = undefined;
        journal = undefined;
        const booting = gate.begin();
        try {
          let lab: LoadedLab | undefined;
          if (message.labId) {
            lab = bundledLab(message.labId);
            if (!lab) throw new Error(`lab ${message.labId}: not bundled`);
          }
          labId = message.labId;
          let announced = false;
          // The prompt shows as soon as the shell exists; the lab's setup and the saved files follow
          // behind it, and whatever uses the session waits for them (session-gate.ts).
          const onShellReady = (opened: Session, ready: Pick<SessionStart, 'rebuilt' | 'drafts'>) => {
            if (!booting.current) return;
            useSession(opened);
            if (!announced) post(readyMessage({ session: opened, lab, clusterRestored: message.restart ? ready.rebuilt : undefined, drafts: ready.drafts }));
            announced = true;
          };
          const { started, rebuilt, notices, drafts } = await startSession(host, message, lab, onShellReady).catch(async (error: unknown): Promise<SessionStart> => {
            // Whatever was saved, the learner gets a working prompt: the lab from its setup.
            console.error('cka-lab: the saved lab could not be restored', error);
            const fallback = await startFromSaved(host, message.seed, message.startTimeMs, lab, undefined, (opened) => onShellReady(opened, { rebuilt: false }));
            return { started: fallback, rebuilt: false, notices: [lostWorkNotice(['your saved work'], { kept: false, canReset: lab !== undefined })] };
          });
          if (!booting.current) break;
          useSession(started.session);
          grader = started.grader;
          journal = started.journal;
          saves.restart();
          if (notices.length > 0) post({ type: 'notice', message: notices.join(' ') });
          // The saved journal must be this session's from the start: a worker that hangs before the
          // first command would otherwise rebuild the session before this one.
          await persist();
          if (!announced) post(readyMessage({ session: started.session, lab, clusterRestored: message.restart ? rebuilt : undefined, drafts }));
          for (const ready of bootedMessages({ session: started.session, grader, clock: { playing, speed } })) post(ready);
        } finally {
          booting.end();
        }
        // Fetched behind the prompt, so the first kubectl command or check seldom waits for them; a
        // failed fetch is tried again by that command.
        Promise.all([loadHelpTexts(), loadOpenApi(), grader && celEvaluator()]).catch(() => undefined);
        break;
      }
      case 'shell.run': {
        await gate.settled();
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
        const sink = { write: (data: string) => output.write(message.id, data) };
        let exitCode = 1;
        try {
          const commandJournal = journal;
          const seq = commandJournal?.startCommand(line);
          if (seq !== undefined) post({ type: 'session.position', seq });
          exitCode = await session.run(line, { stdout: sink, stderr: sink, interrupt, interactive: true }).finally(() => commandJournal?.finishCommand());
          // bash starts a new line after a foreground job killed by Ctrl-C (the terminal echoed ^C); one
          // that caught the signal and exited (kubectl exec -i: status 1) leaves the prompt after the ^C.
          if (interrupt.interrupted && exitCode === 130) output.write(message.id, '\n');
        } finally {
          running = undefined;
          const settling = session;
          gate.catchUp(() => settling.cluster.pump.settle());
          // Saved before the prompt returns, so a worker that hangs later loses nothing typed before.
          await persist();
          post({ type: 'session.position' });
          output.flush();
          post({ type: 'shell.done', id: message.id, exitCode, prompt: session.shell.prompt() });
        }
        break;
      }
      case 'shell.outputAck':
        output.acknowledge(message.chars);
        break;
      case 'saves.stop':
        await stopSaving();
        post({ type: 'saves.stopped', id: message.id });
        break;
      case 'test.freeze':
        if (testHooks) for (;;);
        break;
      case 'clock.untilSettled': {
        await gate.settled();
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
            commandRunning: () => (session?.inputPrompt === undefined && !rawKeys.held ? running?.line : undefined),
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
        await gate.booted();
        const completion = session ? await session.complete(message.line) : { from: 0, candidates: [] };
        post({ type: 'shell.completions', id: message.id, ...completion });
        break;
      }
      case 'shell.keys':
        rawKeys.press(message.data);
        break;
      case 'shell.endOfInput':
        await gate.booted();
        if (session?.inputPrompt !== undefined) journal?.recordForCommand({ kind: 'input', line: null });
        session?.sendInput(null);
        break;
      case 'terminal.resize':
        terminalSize = { columns: message.columns, rows: message.rows };
        session?.resize(message.columns, message.rows);
        break;
      case 'shell.interrupt':
        // A line sent while the session booted runs first, then takes the Ctrl-C pressed meanwhile.
        if (gate.isBooting) await gate.settled();
        journal?.recordForCommand({ kind: 'ctrl-c' });
        if (!session?.pressCtrlC()) running?.interrupt.fire();
        output.releaseWaiters();
        break;
      case 'clock.set': {
        clockChosen = true;
        playing = message.playing;
        speed = message.speed;
        const clock = savedClock();
        if (clock) void saveClock(labId ?? FREE_PLAY_KEY, clock);
        if (session) post({ type: 'clock.state', nowMs: session.cluster.clock.now(), playing, speed });
        break;
      }
      case 'clock.advance':
        await gate.settled();
        if (session) {
          await session.cluster.pump.advance(message.ms);
          post({ type: 'clock.state', nowMs: session.cluster.clock.now(), playing, speed });
        }
        break;
      case 'workloads.watch':
        watchedNamespace = message.namespace;
        break;
      case 'lab.answer':
        await gate.settled();
        if (grader) {
          journal?.record({ kind: 'answer', stepId: message.stepId, text: message.text });
          grader.answer(message.stepId, message.text);
          await postVerdicts(await grader.check(message.stepId));
        }
        break;
      case 'editor.drafts':
        void saveDrafts(labId ?? FREE_PLAY_KEY, message.drafts);
        break;
      case 'editor.done': {
        await gate.booted();
        // Recorded before the waiting command goes on, so the journal keeps the edit ahead of its output.
        if (pageEditor.waiting(message.id)) journal?.recordForCommand({ kind: 'edited', ...(message.content !== undefined ? { content: message.content } : {}) });
        pageEditor.finish(message.id, message.content);
        await persist();
        break;
      }
      case 'fs.list':
      case 'fs.read':
      case 'fs.write':
        await gate.booted();
        if (answerFileRequest(message, session, journal, post)) await persist();
        break;
      case 'http.get':
        await gate.settled();
        if (session) await answerPreviewRequest(message, session, journal, post);
        break;
      case 'lab.check':
        await gate.settled();
        if (grader) journal?.record({ kind: 'check', ...(message.stepId !== undefined ? { stepId: message.stepId } : {}) });
        if (grader) await postVerdicts(await grader.check(message.stepId));
        break;
    }
  } catch (error) {
    console.error('cka-lab: the worker failed on', message.type, error);
    post({ type: 'error', message: INTERNAL_FAULT });
  }
}

void tick();
