/** Control flow that unwinds through the interpreter: exit, return, break, continue. */
export class ExitSignal extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

export class ReturnSignal extends Error {
  constructor(readonly code: number) {
    super(`return ${code}`);
  }
}

export class BreakSignal extends Error {}
export class ContinueSignal extends Error {}

/**
 * Bash's jump_to_top_level(DISCARD): a fatal error (function nesting too deep, a failed fork) has
 * been reported and the rest of the command line is dropped with `status`; a subshell or script
 * exits with it.
 */
export class DiscardSignal extends Error {
  constructor(readonly status: number) {
    super(`discard ${status}`);
  }
}
