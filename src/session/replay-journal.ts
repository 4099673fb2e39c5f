/**
 * Rebuilds a session from its journal: the saved start restored, then every input applied again
 * at the virtual instant it first came, with nothing printed. Time moves between two inputs as it
 * did in the first run, so controllers, kubelets and sleeping commands see the same clock.
 */
import type { Grader } from '../labs/grader.ts';
import { createInterrupt } from '../shell/shell.ts';
import { previewRequest } from './preview-request.ts';
import { restoreSaved } from './restore-saved.ts';
import type { JournalEntry, SessionJournal } from './session-journal.ts';
import type { Session } from './session.ts';

/**
 * The editor while replaying: a command that opens a file (`vi`, `kubectl edit`) waits here until
 * the journal's `edited` entry gives the file back. The session's TerminalPort routes to it.
 */
export class ReplayEditor {
  readonly #waiting: { path: string; close: () => void }[] = [];

  editFile(path: string): Promise<void> {
    return new Promise((close) => this.#waiting.push({ path, close }));
  }

  get waiting(): boolean {
    return this.#waiting.length > 0;
  }

  take(): { path: string; close: () => void } | undefined {
    return this.#waiting.shift();
  }
}

export interface ReplayOutcome {
  /** Inputs that found the session not as the journal recorded it (a program no longer waiting…); empty when the replay is exact. */
  diverged: string[];
}

/** How long a replayed command may take to finish beyond the instant it finished at first. */
const FINISH_BUDGET_MS = 30 * 60 * 1000;
const MAX_BUSY_ROUNDS = 20_000;
/** Host turns to wait for a program to come back to where it waits (a prompt, the editor). */
const MAX_WAIT_ROUNDS = 200;

/** The entries that belong to the command running (a tab's save or a preview request may come between them). */
const COMMAND_INPUTS = new Set<JournalEntry['kind']>(['input', 'ctrl-c', 'edited', 'done']);

interface Running {
  line: string;
  finished: boolean;
  interrupt: ReturnType<typeof createInterrupt>;
  exit: Promise<unknown>;
}

/**
 * `onEntry` hears the sequence number of each input before it is applied: the host reports it, so
 * a watchdog that restarts a worker stuck in the replay knows which input to mark as hung.
 */
export async function replayJournal(
  journal: SessionJournal,
  target: { session: Session; grader?: Grader | undefined; editor: ReplayEditor; onEntry?: (seq: number) => void },
): Promise<ReplayOutcome> {
  const { session, grader, editor, onEntry } = target;
  const { clock, pump } = session.cluster;
  const diverged: string[] = [];
  const discard = { write: () => undefined };
  let running: Running | undefined;

  const busy = { wasBusy: () => session.wasBusy(), maxBusyRounds: MAX_BUSY_ROUNDS };

  /** Moves time to `atMs`; a running command computes before time moves on, as the player does. */
  const advanceTo = async (atMs: number) => {
    if (running && !running.finished && atMs > clock.now()) await pump.runUntil(() => clock.now() >= atMs, atMs - clock.now(), busy);
    await pump.advanceTo(Math.max(atMs, clock.now()));
  };

  const waitFor = async (ready: () => boolean) => {
    for (let round = 0; round < MAX_WAIT_ROUNDS && !ready(); round++) await pump.settle();
    return ready();
  };

  const finish = async (command: Running) => {
    if (!(await pump.runUntil(() => command.finished, FINISH_BUDGET_MS, busy))) {
      diverged.push(`"${command.line}" did not finish; interrupted`);
      if (!session.pressCtrlC()) command.interrupt.fire();
      await pump.runUntil(() => command.finished, 60_000, busy);
    }
    await command.exit;
    await pump.settle();
  };

  const apply = async (entry: JournalEntry) => {
    switch (entry.kind) {
      case 'run': {
        if (running && !running.finished) {
          diverged.push(`"${running.line}" still ran when "${entry.line}" came`);
          await finish(running);
        }
        const interrupt = createInterrupt();
        const command: Running = { line: entry.line, finished: false, interrupt, exit: Promise.resolve() };
        command.exit = session
          .run(entry.line, { stdout: discard, stderr: discard, interrupt })
          .catch(() => undefined)
          .finally(() => (command.finished = true));
        running = command;
        await pump.settle();
        break;
      }
      case 'input':
        if (await waitFor(() => session.inputPrompt !== undefined)) session.sendInput(entry.line);
        else diverged.push(entry.line === null ? 'no program read the end of input' : `no program read the line "${entry.line}"`);
        break;
      case 'ctrl-c':
        if (!session.pressCtrlC()) running?.interrupt.fire();
        await pump.settle();
        break;
      case 'edited': {
        let edit = editor.take();
        if (!edit && (await waitFor(() => editor.waiting))) edit = editor.take();
        if (!edit) {
          diverged.push('no command waited on the editor');
          break;
        }
        try {
          if (entry.content !== undefined) session.fs.writeFile(edit.path, entry.content);
        } finally {
          edit.close();
        }
        await pump.settle();
        break;
      }
      case 'done':
        if (running) await finish(running);
        running = undefined;
        break;
      case 'write':
        try {
          session.fs.writeFile(entry.path, entry.content);
        } catch {
          diverged.push(`${entry.path} could not be written`);
        }
        break;
      case 'answer':
        if (grader) {
          grader.answer(entry.stepId, entry.text);
          await grader.check(entry.stepId);
        }
        break;
      case 'check':
        await grader?.check(entry.stepId);
        break;
      case 'http':
        // As in the page, the request runs alongside whatever comes next.
        previewRequest(session, entry.url).catch(() => undefined);
        await pump.settle();
        break;
    }
  };

  await restoreSaved(session, grader, journal.base);
  /** Inside a command that hung once: its own inputs up to its `done` are skipped with it. */
  let skipping = false;
  for (const entry of journal.entries) {
    if (skipping && COMMAND_INPUTS.has(entry.kind)) {
      skipping = entry.kind !== 'done';
      continue;
    }
    if (entry.hung) {
      skipping = entry.kind === 'run';
      continue;
    }
    onEntry?.(entry.seq);
    await advanceTo(entry.atMs);
    await apply(entry);
  }
  if (running && !running.finished) {
    diverged.push(`"${running.line}" had not finished at the end of the journal`);
    await finish(running);
  }
  return { diverged };
}
