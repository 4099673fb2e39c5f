/**
 * The host's own terminal as kubectl's TerminalPort: `$KUBE_EDITOR`/`$EDITOR`/vi for
 * `kubectl edit`, cooked lines for `exec -i`, raw keystrokes and the window size for `exec -it`.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { TerminalPort } from '../../shell/command.ts';
import { KubectlError } from '../../kubectl/errors.ts';

/** Lines typed on stdin, handed out one `next()` at a time; null once stdin ends. */
class LineReader {
  #buffer = '';
  #ended = false;
  #waiting: ((line: string | null) => void) | undefined;
  #started = false;

  next(): Promise<string | null> {
    this.#start();
    const line = this.#take();
    if (line !== undefined) return Promise.resolve(line);
    process.stdin.resume();
    return new Promise((resolve) => (this.#waiting = resolve));
  }

  cancel(): void {
    this.#waiting?.(null);
    this.#waiting = undefined;
  }

  #take(): string | null | undefined {
    const nl = this.#buffer.indexOf('\n');
    if (nl >= 0) {
      const line = this.#buffer.slice(0, nl);
      this.#buffer = this.#buffer.slice(nl + 1);
      return line;
    }
    if (this.#ended) {
      const rest = this.#buffer;
      this.#buffer = '';
      return rest ? rest : null;
    }
    return undefined;
  }

  #start(): void {
    if (this.#started) return;
    this.#started = true;
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk: string) => {
      this.#buffer += chunk;
      this.#deliver();
    });
    process.stdin.on('end', () => {
      this.#ended = true;
      this.#deliver();
    });
  }

  #deliver(): void {
    if (!this.#waiting) return;
    const line = this.#take();
    if (line === undefined) return;
    const resolve = this.#waiting;
    this.#waiting = undefined;
    process.stdin.pause();
    resolve(line);
  }
}

export function hostTerminal(env: Map<string, string>): TerminalPort {
  const lines = new LineReader();
  const terminal: TerminalPort = {
    editFile(path) {
      // Models kubectl pkg/cmd/util/editor/editor.go: KUBE_EDITOR, then EDITOR, then vi, run by the shell.
      const editor = env.get('KUBE_EDITOR') || env.get('EDITOR') || 'vi';
      return new Promise((resolve, reject) => {
        const child = spawn('sh', ['-c', `${editor} "$1"`, 'sh', path], { stdio: 'inherit' });
        child.on('error', () => reject(new KubectlError(`error: there was a problem with the editor "${editor}"`)));
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new KubectlError(`error: there was a problem with the editor "${editor}"`))));
      });
    },
    readLine(prompt, cancel) {
      if (prompt) process.stdout.write(prompt);
      const stop = cancel?.onInterrupt(() => lines.cancel());
      return lines.next().finally(() => stop?.());
    },
  };
  if (process.stdin.isTTY) {
    terminal.rawMode = () => {
      const stdin = process.stdin;
      stdin.setRawMode(true);
      // Go's term.MakeRaw also stops output processing, so the container's \r\n is not doubled
      // to \r\r\n; libuv's raw mode keeps it, setRawMode(false) restores it.
      spawnSync('stty', ['-opost'], { stdio: ['inherit', 'ignore', 'ignore'] });
      stdin.setEncoding('utf8');
      stdin.resume();
      // In raw mode Ctrl-C is a byte for the container: the host sends no SIGINT.
      const off: (() => void)[] = [];
      // Keys typed while the connection opens are kept for the first listener, as a pipe would.
      const early: string[] = [];
      const keep = (data: string) => early.push(data);
      stdin.on('data', keep);
      off.push(() => stdin.off('data', keep));
      return {
        onData(listener) {
          stdin.off('data', keep);
          for (const data of early.splice(0)) listener(data);
          stdin.on('data', listener);
          const remove = () => stdin.off('data', listener);
          off.push(remove);
          return remove;
        },
        size: () => ({ columns: process.stdout.columns ?? 0, rows: process.stdout.rows ?? 0 }),
        onResize(listener) {
          process.stdout.on('resize', listener);
          const remove = () => process.stdout.off('resize', listener);
          off.push(remove);
          return remove;
        },
        release() {
          for (const remove of off) remove();
          stdin.setRawMode(false);
          stdin.pause();
        },
      };
    };
  }
  return terminal;
}
