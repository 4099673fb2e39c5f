/**
 * A fault of ours (a bug, not the learner's input) reaches the learner as one neutral line and us
 * as a console error with its stack. JavaScript's own text ("Cannot read properties of null") is
 * never shown: it names our code, not the learner's command, and no real tool prints it.
 */

// lib is built without host typings; every host we run on (browser, worker, Node) has a console.
declare const console: { error(...data: unknown[]): void };

/**
 * The neutral words a command prints after its own prefix (`bash: internal error`). Bash has no
 * message for a bug of its own that it survives, so this keeps the shape of its diagnostics
 * (`NAME: what`, status 1) with plain words that blame neither the command nor the learner.
 */
export const INTERNAL_ERROR = 'internal error';

/**
 * What an API server that recovered from a panic answers (apiserver's WithPanicRecovery filter:
 * a plain-text 500), as client-go reports a non-Status 500 body (NewGenericServerResponse).
 */
export const SERVER_PANIC_MESSAGE = 'an error on the server ("This request caused apiserver to panic. Look in the logs for details.") has prevented the request from succeeding';

/** Logs `error` for us, with where it happened, and returns the neutral words to show instead. */
export function reportInternalFault(where: string, error: unknown): string {
  console.error(`cka-lab: internal error in ${where}`, error);
  return INTERNAL_ERROR;
}
