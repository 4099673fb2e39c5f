/**
 * The one contract between the page and the worker that runs the session. Messages are plain
 * data with a `type`; no functions, class instances or engine types cross it.
 */
import type { Preview, Step, StepVerdict } from '../labs/schema.ts';

export const PROTOCOL_VERSION = 1;

export interface LabSummary {
  id: string;
  title: string;
  summary: string;
  /** About how long the lab takes, in minutes. */
  minutes?: number;
}

/** A lab in the home page's catalogue, with how far this learner got in it. */
export interface LabEntry extends LabSummary {
  /** How many steps are graded (questions and tasks): the score's total. */
  graded: number;
  /** How many of them the learner passed, from the lab's save; absent when nothing was saved. */
  passed?: number;
}

/** What the lab panel shows: the lab's steps without their checks. */
export interface LabView extends LabSummary {
  previews?: Preview[];
  /**
   * choices: the options' texts; why each is right or wrong comes with the verdict on it.
   * answerExplanation: why the solution's answer is right, shown with it.
   * createsObjects: reaching the step creates objects, so the steps from it on stay closed until then.
   */
  steps: (Pick<Step, 'id' | 'kind' | 'prompt' | 'freeText' | 'hints' | 'solution'> & { choices?: string[]; answerExplanation?: string; createsObjects?: boolean })[];
}

/** A compact picture of the workloads in one namespace, for the rollout view. */
export interface WorkloadSnapshot {
  nowMs: number;
  deployments: { name: string; replicas: number; strategy: string; maxSurge: string; maxUnavailable: string; revision: string }[];
  replicaSets: { name: string; owner?: string; revision: string; image: string; desired: number; current: number; ready: number; available: number }[];
  pods: { name: string; owner?: string; status: string; ready: string }[];
  events: { atMs: number; object: string; reason: string; message: string }[];
}

export type ToWorker =
  /**
   * Boots a fresh session, with a lab when `labId` is given. `restart`: the worker before this one
   * hung; 'rebuild' replays the session's journal and its clock goes on from `startTimeMs`, 'saved'
   * (the rebuild hung too) restores only the saved progress and files. Without `restart` or
   * `fresh` (a reload, a tab opened again) the saved session is rebuilt from its journal too, its
   * clock going on from the saved one. `hung`: the journal input the worker before was on when it
   * hung (session.position); it is marked and never replayed again.
   */
  | { type: 'session.start'; seed: number; startTimeMs: number; labId?: string; fresh?: boolean; restart?: 'rebuild' | 'saved'; hung?: number }
  /**
   * The lines entered at the prompt (the terminal does the line editing): run, or answered with
   * shell.needsMoreInput when they are not a complete command yet (an open quote, a here-document…).
   */
  | {
      type: 'shell.run';
      id: number;
      line: string;
      /**
       * Lines entered after `line` that the terminal has not shown yet (the rest of a paste). The
       * worker takes as many as complete the command and says how many: shell.continued before it
       * runs, or shell.needsMoreInput `consumed` when all of them still leave it incomplete. A
       * long paste so crosses once, not once per line.
       */
      following?: string[];
    }
  /** Tab: completions for the text before the cursor. */
  | { type: 'shell.complete'; id: number; line: string }
  /** Ctrl-C for the running command. */
  | { type: 'shell.interrupt' }
  /** The terminal's size in characters, when first measured and on each change. */
  | { type: 'terminal.resize'; columns: number; rows: number }
  /**
   * Keys typed while a full-screen program holds the terminal (see terminal.raw), as typed and
   * unechoed; Ctrl-C still goes as shell.interrupt.
   */
  | { type: 'shell.keys'; data: string }
  /** Ctrl-D on an empty line while a program reads the terminal (see shell.done `reading`): end of its input. */
  | { type: 'shell.endOfInput' }
  | { type: 'clock.set'; playing: boolean; speed: number }
  /** Moves virtual time forward at once (instructors, impatient learners). */
  | { type: 'clock.advance'; ms: number }
  /** Moves virtual time forward until the cluster has nothing pending, at most `capMs`. */
  | { type: 'clock.untilSettled'; id: number; capMs: number }
  /** The terminal has drawn `chars` characters of shell output (flow control). */
  | { type: 'shell.outputAck'; chars: number }
  /** The page's watchdog: a worker that stops answering is restarted. */
  | { type: 'ping'; id: number }
  /**
   * Another browser tab takes this lab: saving stops, answered by saves.stopped once the last save
   * is written. The next session.start saves again (that tab has the lab back).
   */
  | { type: 'saves.stop'; id: number }
  /** End-to-end tests only: blocks the worker forever. Ignored unless the worker was started with test hooks. */
  | { type: 'test.freeze' }
  /** The labs to choose from, with the learner's saved progress in each; answered by lab.list. */
  | { type: 'lab.list' }
  /** Start (or stop) receiving workload snapshots of a namespace, a few per second. */
  | { type: 'workloads.watch'; namespace?: string }
  | { type: 'lab.answer'; stepId: string; text: string }
  | { type: 'lab.check'; stepId?: string }
  /**
   * The editor's unsaved text, all of it, by path (tabs no program waits on): kept with the lab's
   * save and given back in session.ready after a reload; the files stay as they are.
   */
  | { type: 'editor.drafts'; drafts: Record<string, string> }
  /** The learner saved (content) or closed (no content) the file the worker asked to edit. */
  | { type: 'editor.done'; id: number; content?: string }
  /** Lists the files (not directories) below `dir`, recursively; answered by fs.list. */
  | { type: 'fs.list'; id: number; dir: string }
  /** Reads one file of the virtual filesystem; answered by fs.content. */
  | { type: 'fs.read'; id: number; path: string }
  /** Writes one file (the editor's save); answered by fs.written. */
  | { type: 'fs.write'; id: number; path: string; content: string }
  /** An HTTP GET from the controlplane host (the app preview), e.g. `http://node01:30080/`. */
  | { type: 'http.get'; id: number; url: string };

export type FromWorker =
  /** `clusterRestored` answers a restart: true when the journal rebuilt the cluster, false when only progress and files came back. */
  /** `history`: the shell's history, for the terminal's Up arrow and Ctrl-R after a reload or restart. */
  /** `drafts`: the editor's unsaved text as kept (see editor.drafts); none after a restart, where the page still has it; empty after Reset lab. */
  | { type: 'session.ready'; version: number; prompt: string; lab?: LabView; clusterRestored?: boolean; history?: string[]; drafts?: Record<string, string> }
  /** The journal input (its sequence number) the worker is working on; none once it is idle again. */
  | { type: 'session.position'; seq?: number }
  | { type: 'shell.output'; id: number; data: string }
  /** `reading`: not the shell's prompt but a program's (`cat`, a shell inside `kubectl exec -it`) waiting for a line. */
  | { type: 'shell.done'; id: number; exitCode: number; prompt: string; reading?: boolean }
  /**
   * A full-screen program (`less`, `more`) took the terminal's keys (raw) or gave them back: until
   * then what is typed goes as shell.keys, not echoed and not kept for the next prompt.
   */
  | { type: 'terminal.raw'; raw: boolean }
  /** The lines of shell.run `id` were not run: the command needs more of them. */
  | { type: 'shell.needsMoreInput'; id: number; consumed?: number }
  /** The command of shell.run `id` took its first `lines` following lines; it runs now. */
  | { type: 'shell.continued'; id: number; lines: number }
  | { type: 'shell.completions'; id: number; from: number; candidates: string[] }
  | { type: 'clock.state'; nowMs: number; playing: boolean; speed: number }
  | { type: 'clock.untilSettled'; id: number; settled: boolean; advancedMs: number; waitingFor?: string }
  | { type: 'pong'; id: number }
  | { type: 'saves.stopped'; id: number }
  /** Sent by WorkerClient itself, not the worker: it replaced a worker that stopped answering. */
  /** `interrupted`: the command line that was running, which the new worker does not run again. */
  | { type: 'session.restarted'; reason: string; interrupted?: string }
  | { type: 'lab.list'; labs: LabEntry[] }
  | { type: 'workloads.snapshot'; snapshot: WorkloadSnapshot }
  /** `reached`: the furthest step the learner has reached; the panel keeps every step up to it open. */
  | { type: 'lab.verdicts'; verdicts: StepVerdict[]; score: { passed: number; total: number }; reached?: string }
  /** A program (`vi`, `nano`, `kubectl edit`) wants `path` edited with its `keys`; answer with editor.done. */
  | { type: 'editor.open'; id: number; path: string; content: string; keys: 'vim' | 'nano' }
  | { type: 'fs.list'; id: number; paths: string[] }
  /** `content` when the file could be read, else `error` in the shell's wording. */
  | { type: 'fs.content'; id: number; path: string; content?: string; error?: string }
  | { type: 'fs.written'; id: number; path: string; error?: string }
  | { type: 'http.response'; id: number; status?: number; body?: string; contentType?: string; error?: string }
  | { type: 'notice'; message: string }
  | { type: 'error'; message: string };
