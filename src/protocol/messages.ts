/**
 * The one contract between the page and the worker that runs the session. Messages are plain
 * data with a `type`; no functions, class instances or engine types cross it.
 */
export const PROTOCOL_VERSION = 1;

export type ToWorker =
  /** Boots a fresh session (optionally with a lab). */
  | { type: 'session.start'; seed: number; startTimeMs: number }
  /** Runs one complete command line (the terminal does the line editing). */
  | { type: 'shell.run'; id: number; line: string }
  /** Asks whether `text` needs more lines (open quote, here-document…). */
  | { type: 'shell.needsMoreInput'; id: number; text: string }
  /** Ctrl-C for the running command. */
  | { type: 'shell.interrupt' }
  | { type: 'clock.set'; playing: boolean; speed: number };

export type FromWorker =
  | { type: 'session.ready'; version: number; prompt: string }
  | { type: 'shell.output'; id: number; data: string }
  | { type: 'shell.done'; id: number; exitCode: number; prompt: string }
  | { type: 'shell.needsMoreInput'; id: number; value: boolean }
  | { type: 'error'; message: string };
