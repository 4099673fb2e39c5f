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
