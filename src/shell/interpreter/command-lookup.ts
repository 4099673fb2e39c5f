/** How a command word is found beyond functions, builtins and programs: aliases, and paths to script files. */
import type { Word } from '../ast.ts';
import { resolvePath } from '../../lib/resolve-path.ts';
import type { Interpreter } from './interpreter.ts';
import { commandNotFound } from './shell-dialect.ts';
import type { Io } from './shell-state.ts';

/** The words an alias stands for, when `word` is an unquoted alias name. */
export function aliasWords(aliases: ReadonlyMap<string, string>, word: Word): string[] | undefined {
  if (word.parts.length !== 1 || word.parts[0]!.type !== 'literal' || word.parts[0]!.quoted) return undefined;
  const value = aliases.get(word.parts[0]!.text);
  if (value === undefined) return undefined;
  return value.split(/\s+/).filter(Boolean);
}

/** `./script.sh`, `/path/to/file`: runs the file as a script in a child shell, or says why it cannot. */
export async function runScriptFile(shell: Interpreter, name: string, argv: string[], io: Io, line: number): Promise<number> {
  const path = resolvePath(shell.state.cwd, name);
  const fs = shell.env.fs;
  if (!fs.exists(path)) {
    // ash and dash report a missing path as they report a missing command.
    io.stderr.write(`${shell.errorPrefix(line)}${shell.state.flavour === 'bash' ? `${name}: No such file or directory` : commandNotFound(shell.state.flavour, name)}\n`);
    return 127;
  }
  const stat = fs.stat(path);
  if (stat.kind === 'directory') {
    io.stderr.write(`${shell.errorPrefix(line)}${name}: Is a directory\n`);
    return 126;
  }
  if ((stat.mode & 0o111) === 0) {
    io.stderr.write(`${shell.errorPrefix(line)}${name}: Permission denied\n`);
    return 126;
  }
  return shell.runScript(fs.readFile(path), { args: argv.slice(1), scriptName: name, input: 'file' }, io);
}
