/** A fresh headless session for tests, and a helper that runs one line and returns what it printed. */
import { setImmediate } from 'node:timers';
import { Session } from '../../src/session/session.ts';
import { createInterrupt } from '../../src/shell/shell.ts';

export const nodeYield = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function newSession(seed = 1): Promise<Session> {
  return Session.create({ seed, yieldToHost: nodeYield });
}

export async function runLine(session: Session, line: string): Promise<{ stdout: string; stderr: string; code: number }> {
  let stdout = '';
  let stderr = '';
  let done = false;
  const running = session
    .run(line, { stdout: { write: (t) => (stdout += t) }, stderr: { write: (t) => (stderr += t) }, interrupt: createInterrupt() })
    .finally(() => (done = true));
  await session.cluster.pump.runUntil(() => done, 30 * 60 * 1000, { wasBusy: () => session.wasBusy() });
  const code = await running;
  await session.cluster.pump.settle();
  return { stdout, stderr, code };
}

/** Runs one line and presses Ctrl-C once `afterMs` of virtual time has passed, if it still runs. */
export async function runLineThenInterrupt(session: Session, line: string, afterMs: number): Promise<{ stdout: string; stderr: string; code: number }> {
  let stdout = '';
  let stderr = '';
  let done = false;
  const interrupt = createInterrupt();
  const running = session.run(line, { stdout: { write: (t) => (stdout += t) }, stderr: { write: (t) => (stderr += t) }, interrupt }).finally(() => (done = true));
  const finished = await session.cluster.pump.runUntil(() => done, afterMs, { wasBusy: () => session.wasBusy() });
  if (!finished) {
    interrupt.fire();
    await session.cluster.pump.runUntil(() => done, 60_000, { wasBusy: () => session.wasBusy() });
  }
  const code = await running;
  await session.cluster.pump.settle();
  return { stdout, stderr, code };
}

/**
 * Starts one line and lets a test act as the learner at the terminal while it runs: type a line
 * for the program reading input, press Ctrl-C (forwarded to a program that trapped it, else the
 * line's own interrupt), or Ctrl-D. Each action returns once the program waits again or ended.
 */
export function typingInto(session: Session, line: string) {
  const output = { stdout: '', stderr: '' };
  let done = false;
  const interrupt = createInterrupt();
  const running = session.run(line, { stdout: { write: (t) => (output.stdout += t) }, stderr: { write: (t) => (output.stderr += t) }, interrupt }).finally(() => (done = true));
  const settle = async () => {
    await session.cluster.pump.runUntil(() => done || session.inputPrompt !== undefined, 60_000, { wasBusy: () => session.wasBusy() });
    return { ...output, waiting: !done };
  };
  return {
    settle,
    type: (text: string) => (session.sendInput(text), settle()),
    ctrlD: () => (session.sendInput(null), settle()),
    ctrlC: () => {
      if (!session.pressCtrlC()) interrupt.fire();
      return settle();
    },
    /** The status the line ended with, and all it printed. */
    finished: async () => ({ ...output, code: await running }),
  };
}
