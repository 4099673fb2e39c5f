/**
 * Runs a bench script in a fresh Node process (tsx, `--expose-gc`, webernetes' resolver), collects
 * what it reports over IPC, and kills it once `capMs` of wall time has passed: a run that does not
 * finish is reported as such instead of hanging the bench.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface IsolatedRun<M> {
  messages: M[];
  /** Why the process ended without exiting 0: killed at the cap, or its exit code or signal. */
  ended?: string;
}

const RESOLVE_HOOK = fileURLToPath(new URL('./webernetes-resolve.mjs', import.meta.url));

export function runIsolated<M>(script: string, args: string[], capMs: number): Promise<IsolatedRun<M>> {
  const messages: M[] = [];
  const child = fork(fileURLToPath(new URL(script, import.meta.url)), args, {
    execArgv: ['--import', 'tsx', '--import', RESOLVE_HOOK, '--expose-gc', '--max-old-space-size=8192'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  child.on('message', (message) => messages.push(message as M));
  return new Promise((resolve) => {
    let capped = false;
    const cap = setTimeout(() => {
      capped = true;
      child.kill('SIGKILL');
    }, capMs);
    child.on('exit', (code, signal) => {
      clearTimeout(cap);
      if (capped) resolve({ messages, ended: `did not finish in ${Math.round(capMs / 1000)} s` });
      else if (code !== 0) resolve({ messages, ended: signal ? `killed by ${signal}` : `exited with ${code}` });
      else resolve({ messages });
    });
  });
}
