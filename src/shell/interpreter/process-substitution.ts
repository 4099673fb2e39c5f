/**
 * Process substitution: `<(cmd)` becomes a path whose content is cmd's output, `>(cmd)` a path
 * whose content, once the command using it ends, is cmd's input. Bash hands out `/dev/fd/63`,
 * `/dev/fd/62`, … (pipes); here they are files in /dev/fd that live as long as the command.
 */
import type { Interpreter } from './interpreter.ts';
import type { Io } from './shell-state.ts';

const FD_DIR = '/dev/fd';
/** Models subst.c process_substitute: the first pipe's read end is fd 63, counting down. */
const FIRST_FD = 63;

interface Opened {
  path: string;
  direction: '<' | '>';
  source: string;
}

export class ProcessSubstitutions {
  #opened: Opened[] = [];

  /** Runs `<(source)` now, or opens `>(source)` for later; the path the word expands to. */
  async open(interpreter: Interpreter, direction: '<' | '>', source: string, io: Io): Promise<string> {
    const fs = interpreter.env.fs;
    if (!fs.exists(FD_DIR)) fs.mkdir(FD_DIR, { recursive: true });
    let fd = FIRST_FD;
    while (fs.exists(`${FD_DIR}/${fd}`)) fd--;
    const path = `${FD_DIR}/${fd}`;
    fs.writeFile(path, '');
    this.#opened.push({ path, direction, source });
    if (direction === '<') {
      // Its status is not `$?`: bash never waits for it in the foreground.
      const lastExit = interpreter.state.lastExit;
      const output = await interpreter.capture(source, io);
      interpreter.state.lastExit = lastExit;
      fs.writeFile(path, output);
    }
    return path;
  }

  /** After the command: each `>(…)` reads what was written to its path; then the paths go. */
  async close(interpreter: Interpreter, io: Io): Promise<void> {
    const fs = interpreter.env.fs;
    for (const { path, direction, source } of this.#opened.splice(0)) {
      const written = fs.exists(path) ? fs.readFile(path) : '';
      if (fs.exists(path)) fs.remove(path);
      if (direction === '>') {
        const lastExit = interpreter.state.lastExit;
        await interpreter.subshell(source, { ...io, stdin: written, stdinIsTerminal: false });
        interpreter.state.lastExit = lastExit;
      }
    }
  }

  get empty(): boolean {
    return this.#opened.length === 0;
  }
}
