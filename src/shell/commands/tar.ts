/**
 * tar: create (`c`), extract (`x`) and list (`t`) ustar archives on stdin/stdout or a file, as
 * GNU tar 1.34 (the host, Debian images) or busybox tar (busybox, Alpine) word it. This is what
 * `kubectl cp` runs in a container: `tar cf - PATH` and `tar -xmf - -C DIR`.
 */
import type { Command, CommandContext, Userland } from '../command.ts';
import { resolvePath } from '../../lib/resolve-path.ts';
import { readTar, writeTar, type TarEntry } from '../../lib/tar/tar-archive.ts';
import { fsMessage } from '../interpreter/fs-message.ts';

interface TarOptions {
  mode?: 'c' | 'x' | 't';
  file?: string;
  directory?: string;
  verbose: boolean;
  samePermissions: boolean;
  operands: string[];
}

type Parsed = { ok: true; options: TarOptions } | { ok: false; message: string };

const TAKES_VALUE = new Set(['f', 'C']);
const LETTERS = new Set(['c', 'x', 't', 'f', 'C', 'v', 'm', 'o', 'p']);

function parseTarArgs(args: string[], userland: Userland): Parsed {
  const options: TarOptions = { verbose: false, samePermissions: true, operands: [] };
  const pending: string[] = [];
  const letter = (ch: string): string | undefined => {
    if (!LETTERS.has(ch)) return invalidOption(userland, ch);
    if (ch === 'c' || ch === 'x' || ch === 't') {
      if (options.mode && options.mode !== ch)
        return userland === 'gnu' ? "You may not specify more than one '-Acdtrux', '--delete' or  '--test-label' option" : 'only one of -c/-t/-x allowed';
      options.mode = ch;
    } else if (ch === 'v') options.verbose = true;
    else if (ch === 'o') options.samePermissions = true;
    else if (TAKES_VALUE.has(ch)) pending.push(ch);
    return undefined;
  };
  const assign = (ch: string, value: string) => {
    if (ch === 'f') options.file = value;
    else options.directory = value;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    // The first word may be bundled letters without a dash (`tar cf - x`), the old style.
    const bundle = i === 0 && !arg.startsWith('-') ? arg : arg.startsWith('-') && !arg.startsWith('--') && arg.length > 1 ? arg.slice(1) : undefined;
    if (arg === '--no-same-permissions') options.samePermissions = false;
    else if (arg === '--no-same-owner' || arg === '--same-owner' || arg === '--touch') continue;
    else if (arg.startsWith('--directory=')) options.directory = arg.slice('--directory='.length);
    else if (arg.startsWith('--file=')) options.file = arg.slice('--file='.length);
    else if (arg.startsWith('--')) return { ok: false, message: unrecognised(userland, arg) };
    else if (bundle !== undefined) {
      for (let j = 0; j < bundle.length; j++) {
        const failure = letter(bundle[j]!);
        if (failure) return { ok: false, message: failure };
        // In dash form the rest of the word is the value (`-C/tmp`, `-xmf-`).
        if (arg.startsWith('-') && TAKES_VALUE.has(bundle[j]!) && j < bundle.length - 1) {
          pending.pop();
          assign(bundle[j]!, bundle.slice(j + 1));
          break;
        }
      }
      while (i === 0 && !arg.startsWith('-') && pending.length) {
        const value = args[++i];
        if (value === undefined) return { ok: false, message: missingArgument(userland, pending[0]!) };
        assign(pending.shift()!, value);
      }
      while (arg.startsWith('-') && pending.length) {
        const value = args[++i];
        if (value === undefined) return { ok: false, message: missingArgument(userland, pending[0]!) };
        assign(pending.shift()!, value);
      }
    } else options.operands.push(arg);
  }
  return { ok: true, options };
}

function invalidOption(userland: Userland, ch: string): string {
  return userland === 'gnu' ? `tar: invalid option -- '${ch}'\nTry 'tar --help' or 'tar --usage' for more information.` : `tar: invalid option -- '${ch}'`;
}

function unrecognised(userland: Userland, arg: string): string {
  return userland === 'gnu' ? `tar: unrecognized option '${arg}'\nTry 'tar --help' or 'tar --usage' for more information.` : `tar: unrecognized option '${arg}'`;
}

function missingArgument(userland: Userland, ch: string): string {
  return userland === 'gnu'
    ? `tar: option requires an argument -- '${ch}'\nTry 'tar --help' or 'tar --usage' for more information.`
    : `tar: option requires an argument -- '${ch}'`;
}

/** GNU tar's exit 2 after its closing line; busybox's exit 1. */
function failed(ctx: CommandContext, delayed: boolean): number {
  if (!delayed) return 0;
  ctx.stderr.write(ctx.userland === 'gnu' ? 'tar: Exiting with failure status due to previous errors\n' : 'tar: error exit delayed from previous errors\n');
  return ctx.userland === 'gnu' ? 2 : 1;
}

function leadingSlashNotice(ctx: CommandContext): void {
  ctx.stderr.write(ctx.userland === 'gnu' ? "tar: Removing leading `/' from member names\n" : "tar: removing leading '/' from member names\n");
}

function collect(ctx: CommandContext, path: string, name: string, entries: TarEntry[]): void {
  const stat = ctx.fs.stat(path);
  const mtimeSeconds = Math.floor(stat.mtimeMs / 1000);
  if (stat.kind === 'directory') {
    entries.push({ name: `${name.replace(/\/+$/, '')}/`, kind: 'directory', mode: stat.mode, mtimeSeconds, content: '' });
    for (const child of [...ctx.fs.readdir(path)].sort()) collect(ctx, `${path.replace(/\/$/, '')}/${child}`, `${name.replace(/\/+$/, '')}/${child}`, entries);
    return;
  }
  entries.push({ name, kind: 'file', mode: stat.mode, mtimeSeconds, content: ctx.fs.readFile(path) });
}

function create(ctx: CommandContext, options: TarOptions): number {
  if (options.operands.length === 0) {
    ctx.stderr.write(
      ctx.userland === 'gnu' ? "tar: Cowardly refusing to create an empty archive\nTry 'tar --help' or 'tar --usage' for more information.\n" : 'tar: empty archive\n',
    );
    return ctx.userland === 'gnu' ? 2 : 1;
  }
  const base = options.directory ? resolvePath(ctx.cwd, options.directory) : ctx.cwd;
  const entries: TarEntry[] = [];
  let errors = false;
  let warned = false;
  for (const operand of options.operands) {
    const path = resolvePath(base, operand);
    const name = operand.replace(/^\/+/, '');
    if (name !== operand && !warned) {
      leadingSlashNotice(ctx);
      warned = true;
    }
    if (!ctx.fs.exists(path)) {
      ctx.stderr.write(ctx.userland === 'gnu' ? `tar: ${operand}: Cannot stat: No such file or directory\n` : `tar: ${operand}: No such file or directory\n`);
      errors = true;
      continue;
    }
    collect(ctx, path, name || '.', entries);
  }
  const archive = writeTar(entries);
  if (options.verbose) {
    const listing = ctx.userland === 'gnu' || options.file === '-' || options.file === undefined ? ctx.stderr : ctx.stdout;
    for (const entry of entries) listing.write(`${entry.name}\n`);
  }
  if (options.file === undefined || options.file === '-') ctx.stdout.write(archive);
  else ctx.fs.writeFile(resolvePath(ctx.cwd, options.file), archive);
  return failed(ctx, errors);
}

function readArchive(ctx: CommandContext, options: TarOptions): { text: string } | { status: number } {
  if (options.file === undefined || options.file === '-') return { text: ctx.stdin };
  const path = resolvePath(ctx.cwd, options.file);
  try {
    return { text: ctx.fs.readFile(path) };
  } catch (error) {
    ctx.stderr.write(
      ctx.userland === 'gnu'
        ? `tar: ${options.file}: Cannot open: ${fsMessage(error)}\ntar: Error is not recoverable: exiting now\n`
        : `tar: can't open '${options.file}': ${fsMessage(error)}\n`,
    );
    return { status: ctx.userland === 'gnu' ? 2 : 1 };
  }
}

function extractOrList(ctx: CommandContext, options: TarOptions): number {
  const input = readArchive(ctx, options);
  if ('status' in input) return input.status;
  const target = options.directory ? resolvePath(ctx.cwd, options.directory) : ctx.cwd;
  if (options.directory && (!ctx.fs.exists(target) || ctx.fs.stat(target).kind !== 'directory')) {
    const why = ctx.fs.exists(target) ? 'Not a directory' : 'No such file or directory';
    ctx.stderr.write(
      ctx.userland === 'gnu'
        ? `tar: ${options.directory}: Cannot open: ${why}\ntar: Error is not recoverable: exiting now\n`
        : `tar: can't change directory to '${options.directory}': ${why}\n`,
    );
    return ctx.userland === 'gnu' ? 2 : 1;
  }
  // busybox ends quietly on an empty stream; GNU tar wants at least one block.
  if (input.text === '' && ctx.userland === 'busybox') return 0;
  const read = readTar(input.text);
  if ((!read.ok && read.entries.length === 0) || input.text === '') {
    ctx.stderr.write(
      ctx.userland === 'gnu' ? 'tar: This does not look like a tar archive\n' : !read.ok && read.reason === 'truncated' ? 'tar: short read\n' : 'tar: invalid tar magic\n',
    );
    return failed(ctx, ctx.userland === 'gnu') || 1;
  }
  let warned = false;
  let errors = !read.ok;
  const wanted = options.operands.map((o) => o.replace(/\/+$/, ''));
  const found = new Set<string>();
  for (const entry of read.entries) {
    const name = entry.name.replace(/^\/+/, '');
    if (name !== entry.name && !warned && options.mode === 'x') {
      leadingSlashNotice(ctx);
      warned = true;
    }
    const match = wanted.find((w) => name === w || name.replace(/\/$/, '') === w || name.startsWith(`${w}/`));
    if (wanted.length && match === undefined) continue;
    if (match !== undefined) found.add(match);
    if (options.mode === 't' || options.verbose) ctx.stdout.write(`${entry.name}\n`);
    if (options.mode === 'x') errors = !extractEntry(ctx, target, name, entry, options) || errors;
  }
  for (const w of wanted) {
    if (found.has(w)) continue;
    ctx.stderr.write(ctx.userland === 'gnu' ? `tar: ${w}: Not found in archive\n` : `tar: ${w}: not found in archive\n`);
    errors = true;
  }
  return failed(ctx, errors);
}

function extractEntry(ctx: CommandContext, target: string, name: string, entry: TarEntry, options: TarOptions): boolean {
  const path = resolvePath(target, name);
  // Without --same-permissions (GNU's default for root is to keep them) the umask 022 applies.
  const mode = options.samePermissions ? entry.mode : entry.mode & ~0o022;
  try {
    const parent = path.slice(0, path.lastIndexOf('/')) || '/';
    if (!ctx.fs.exists(parent)) ctx.fs.mkdir(parent, { recursive: true });
    if (entry.kind === 'directory') {
      if (!ctx.fs.exists(path)) ctx.fs.mkdir(path, { recursive: true });
      ctx.fs.chmod(path, mode);
      return true;
    }
    if (ctx.fs.exists(path) && ctx.fs.stat(path).kind === 'directory') ctx.fs.remove(path, { recursive: true });
    ctx.fs.writeFile(path, entry.content, { mode });
    ctx.fs.chmod(path, mode);
    return true;
  } catch (error) {
    ctx.stderr.write(ctx.userland === 'gnu' ? `tar: ${name}: Cannot open: ${fsMessage(error)}\n` : `tar: can't open '${name}': ${fsMessage(error)}\n`);
    return false;
  }
}

export const tar: Command = {
  name: 'tar',
  async run(ctx) {
    const parsed = parseTarArgs(ctx.argv.slice(1), ctx.userland);
    if (!parsed.ok) {
      ctx.stderr.write(`${parsed.message}\n`);
      // GNU tar's argp ends a usage error with EX_USAGE.
      return ctx.userland === 'gnu' ? 64 : 1;
    }
    const { options } = parsed;
    if (!options.mode) {
      ctx.stderr.write(
        ctx.userland === 'gnu'
          ? "tar: You must specify one of the '-Acdtrux', '--delete' or '--test-label' options\nTry 'tar --help' or 'tar --usage' for more information.\n"
          : 'tar: need at least one of -c/-t/-x\n',
      );
      return ctx.userland === 'gnu' ? 2 : 1;
    }
    return options.mode === 'c' ? create(ctx, options) : extractOrList(ctx, options);
  },
};
