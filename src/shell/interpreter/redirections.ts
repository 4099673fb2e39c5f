/** Redirections and here-documents: the streams a command runs with, or the status when one cannot be opened. */
import type { Redirect } from '../ast.ts';
import type { OutputStream } from '../command.ts';
import { readWord } from '../word-reader.ts';
import { resolvePath } from '../../lib/resolve-path.ts';
import { expandWordToString } from './expansion.ts';
import { fsMessage } from './fs-message.ts';
import { FsError } from '../fs/file-system.ts';
import type { Interpreter } from './interpreter.ts';
import type { Io } from './shell-state.ts';
import { redirectFailure } from './shell-dialect.ts';
import type { FileOutputStream } from './write-errors.ts';

export async function withRedirects(sh: Interpreter, redirects: Redirect[], io: Io, run: (io: Io) => Promise<number>, line?: number): Promise<number> {
  if (redirects.length === 0) return run(io);
  const next: Io = { ...io };
  for (const redirect of redirects) {
    if (redirect.heredoc) {
      next.stdin = redirect.heredoc.quoted ? redirect.heredoc.body : await expandHeredoc(sh, redirect.heredoc.body, io);
      next.stdinIsTerminal = false;
      continue;
    }
    const target = await expandWordToString(sh, redirect.target, io);
    if (redirect.op === '<<<') {
      next.stdin = `${target}\n`;
      next.stdinIsTerminal = false;
      continue;
    }
    if (redirect.op === '>&' || redirect.op === '<&') {
      if (target === '1') {
        if (redirect.fd === 2) next.stderr = next.stdout;
      } else if (target === '2') {
        if (redirect.fd === 1) next.stdout = next.stderr;
      }
      continue;
    }
    const path = resolvePath(sh.state.cwd, target);
    if (redirect.op === '<') {
      try {
        next.stdin = path === '/dev/null' ? '' : sh.env.fs.readFile(path);
        next.stdinIsTerminal = false;
      } catch (error) {
        const { message, status } = redirectFailure(sh.state.flavour, 'in', target, error, fsMessage);
        io.stderr.write(`${sh.errorPrefix(line)}${message}\n`);
        return status;
      }
      continue;
    }
    let stream: OutputStream;
    if (path === '/dev/null') stream = { write: () => undefined };
    else if (path === '/dev/full') stream = fullDevice();
    else if (path === '/dev/stdout') stream = io.stdout;
    else if (path === '/dev/stderr') stream = io.stderr;
    else {
      try {
        // Appending opens the file as `>` does, so a directory refuses it with EISDIR there too.
        if (redirect.op !== '>>' || !sh.env.fs.exists(path) || sh.env.fs.stat(path).kind === 'directory') sh.env.fs.writeFile(path, '');
      } catch (error) {
        const { message, status } = redirectFailure(sh.state.flavour, 'out', target, error, fsMessage);
        io.stderr.write(`${sh.errorPrefix(line)}${message}\n`);
        return status;
      }
      stream = fileStream(sh, path);
    }
    if (redirect.op === '&>') {
      next.stdout = stream;
      next.stderr = stream;
    } else if (redirect.fd === 2) next.stderr = stream;
    else next.stdout = stream;
  }
  return run(next);
}

async function expandHeredoc(interpreter: Interpreter, body: string, io: Io): Promise<string> {
  // A here-document expands like a double-quoted string: parameters, $( ), backticks.
  const escaped = body.replace(/"/g, '\\"');
  const word = readWord(`"${escaped}"`, 0).word;
  return expandWordToString(interpreter, word, io);
}

/**
 * A write through `>`/`>>` once the file system is full is lost, as on a full disk, and counted:
 * the shell tells the program's own report from it once the program ends (write-errors.ts).
 */
/** /dev/full: every write fails with ENOSPC. */
function fullDevice(): FileOutputStream {
  const stream = {
    refusedWrites: 0,
    write(): void {
      stream.refusedWrites++;
    },
  };
  return stream;
}

function fileStream(sh: Interpreter, path: string): FileOutputStream {
  const stream = {
    refusedWrites: 0,
    write(text: string): void {
      try {
        sh.env.fs.writeFile(path, text, { append: true });
      } catch (error) {
        if (!(error instanceof FsError && error.code === 'ENOSPC')) throw error;
        stream.refusedWrites++;
      }
    },
  };
  return stream;
}
