/**
 * The builtins that must run inside the shell because they change it (cd, export, alias, exit…),
 * plus echo/printf/test which bash also runs in-process. Messages follow bash 5.
 */
import type { Interpreter } from './interpreter.ts';
import type { Io } from './shell-state.ts';
import { fsMessage } from './fs-message.ts';
import { bgBuiltin, fgBuiltin, jobsBuiltin, killBuiltin, waitBuiltin } from './job-builtins.ts';
import { BreakSignal, ContinueSignal, ExitSignal, ReturnSignal } from './signals.ts';
import { resolvePath } from '../../lib/resolve-path.ts';
import { completeBuiltin } from './complete-builtin.ts';
import { DECLARATION_BUILTINS } from './declaration-builtins.ts';
import { setScalar } from './variables.ts';
import { letBuiltin } from './arithmetic-commands.ts';
import { compgenBuiltin, compoptBuiltin } from './completion-builtins.ts';
import { mapfileBuiltin, readBuiltin } from './read-builtins.ts';
import { formatPrintf } from './printf.ts';
import { evaluateTest } from './test-expression.ts';
import { cdFailure, exitNotNumeric, scriptUnreadable, type ShellFlavour } from './shell-dialect.ts';

type Builtin = (sh: Interpreter, args: string[], io: Io, line: number) => Promise<number> | number;

const BUILTINS: Record<string, Builtin> = {
  ':': () => 0,
  true: () => 0,
  false: () => 1,
  cd: (sh, args, io, line) => {
    const home = sh.state.vars.get('HOME') ?? '/root';
    const target = args[0] === undefined || args[0] === '~' ? home : args[0] === '-' ? (sh.state.vars.get('OLDPWD') ?? sh.state.cwd) : args[0];
    const path = resolvePath(sh.state.cwd, target, home);
    const missing = !sh.env.fs.exists(path);
    if (missing || sh.env.fs.stat(path).kind !== 'directory') {
      const { message, status } = cdFailure(sh.state.flavour, target, missing ? 'No such file or directory' : 'Not a directory');
      io.stderr.write(`${sh.errorPrefix(line, 'cd')}${message}\n`);
      return status;
    }
    sh.state.vars.set('OLDPWD', sh.state.cwd);
    sh.state.cwd = path;
    sh.state.vars.set('PWD', path);
    if (args[0] === '-') io.stdout.write(`${path}\n`);
    return 0;
  },
  pwd: (sh, _args, io) => {
    io.stdout.write(`${sh.state.cwd}\n`);
    return 0;
  },
  echo: (_sh, args, io) => {
    let newline = true;
    let escapes = false;
    let i = 0;
    for (; i < args.length && /^-[neE]+$/.test(args[i]!); i++) {
      if (args[i]!.includes('n')) newline = false;
      if (args[i]!.includes('e')) escapes = true;
      if (args[i]!.includes('E')) escapes = false;
    }
    let text = args.slice(i).join(' ');
    if (escapes) text = text.replace(/\\([nte\\a])/g, (_, c: string) => ({ n: '\n', t: '\t', e: '\x1b', '\\': '\\', a: '\x07' })[c]!);
    io.stdout.write(newline ? `${text}\n` : text);
    return 0;
  },
  printf: (sh, args, io) => {
    if (args.length === 0) {
      io.stderr.write(`${sh.errorPrefix(undefined, 'printf')}usage: printf [-v var] format [arguments]\n`);
      return 2;
    }
    if (args[0] === '-v') {
      if (args[1] === undefined || args[2] === undefined) {
        io.stderr.write(`${sh.errorPrefix(undefined, 'printf')}usage: printf [-v var] format [arguments]\n`);
        return 2;
      }
      setScalar(sh.state, args[1], formatPrintf(args[2], args.slice(3)));
      return 0;
    }
    io.stdout.write(formatPrintf(args[0]!, args.slice(1)));
    return 0;
  },
  export: (sh, args) => {
    for (const arg of args.filter((a) => a !== '-p')) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg : arg.slice(0, eq);
      if (eq >= 0) sh.state.vars.set(name, arg.slice(eq + 1));
      sh.state.exported.add(name);
    }
    return 0;
  },
  ...DECLARATION_BUILTINS,
  let: letBuiltin,
  alias: (sh, args, io) => {
    if (args.length === 0) {
      for (const [name, value] of [...sh.state.aliases].sort()) io.stdout.write(`alias ${name}='${value}'\n`);
      return 0;
    }
    let status = 0;
    for (const arg of args) {
      const eq = arg.indexOf('=');
      if (eq < 0) {
        const value = sh.state.aliases.get(arg);
        if (value === undefined) {
          io.stderr.write(`${sh.errorPrefix(undefined, 'alias')}${arg}: not found\n`);
          status = 1;
        } else io.stdout.write(`alias ${arg}='${value}'\n`);
      } else sh.state.aliases.set(arg.slice(0, eq), arg.slice(eq + 1));
    }
    return status;
  },
  unalias: (sh, args, io) => {
    for (const name of args) {
      if (name === '-a') sh.state.aliases.clear();
      else if (!sh.state.aliases.delete(name)) {
        io.stderr.write(`${sh.errorPrefix(undefined, 'unalias')}${name}: not found\n`);
        return 1;
      }
    }
    return 0;
  },
  history: (sh, _args, io) => {
    sh.state.history.forEach((line, i) => io.stdout.write(`${String(i + 1).padStart(5)}  ${line}\n`));
    return 0;
  },
  exit: (sh, args, io, line) => {
    const code = args[0] === undefined ? sh.state.lastExit : Number(args[0]);
    if (Number.isNaN(code)) {
      io.stderr.write(`${sh.errorPrefix(line, 'exit')}${exitNotNumeric(sh.state.flavour, args[0]!)}\n`);
      throw new ExitSignal(2);
    }
    throw new ExitSignal(code & 255);
  },
  return: (sh, args) => {
    throw new ReturnSignal(args[0] === undefined ? sh.state.lastExit : Number(args[0]) & 255);
  },
  break: () => {
    throw new BreakSignal();
  },
  continue: () => {
    throw new ContinueSignal();
  },
  shift: (sh, args) => {
    sh.state.positional = sh.state.positional.slice(Number(args[0] ?? 1));
    return 0;
  },
  set: (sh, args) => {
    // Options are accepted and not modelled; `set -- a b` and `set a b` replace the positional parameters.
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!;
      if (arg === '--' || arg === '-') {
        sh.state.positional = args.slice(i + 1);
        return 0;
      }
      if (!/^[-+]./.test(arg)) {
        sh.state.positional = args.slice(i);
        return 0;
      }
      // `-o NAME` (also bundled, `-euo pipefail`) takes the next word.
      if (arg.endsWith('o')) i++;
    }
    return 0;
  },
  test: (sh, args, io) => evaluateTest(args, sh, io),
  '[': (sh, args, io) => {
    if (args.at(-1) !== ']') {
      io.stderr.write(`${sh.errorPrefix(undefined, '[')}missing \`]'\n`);
      return 2;
    }
    return evaluateTest(args.slice(0, -1), sh, io, false, '[');
  },
  '[[': (sh, args, io) => evaluateTest(args.slice(0, args.at(-1) === ']]' ? -1 : undefined), sh, io, true),
  read: readBuiltin,
  mapfile: mapfileBuiltin,
  readarray: mapfileBuiltin,
  source: async (sh, args, io, line) => {
    const file = args[0];
    if (!file) {
      io.stderr.write(`${sh.errorPrefix(line, 'source')}filename argument required\n`);
      return 2;
    }
    let source: string;
    try {
      source = sh.env.fs.readFile(resolvePath(sh.state.cwd, file));
    } catch (error) {
      io.stderr.write(`${sh.errorPrefix(line)}${file}: ${fsMessage(error)}\n`);
      return 1;
    }
    return sh.sourceFile(file, source, io);
  },
  eval: (sh, args, io) => sh.evalSource(args.join(' '), io),
  wait: waitBuiltin,
  jobs: jobsBuiltin,
  kill: killBuiltin,
  fg: fgBuiltin,
  bg: bgBuiltin,
  type: (sh, args, io) => {
    let status = 0;
    if (args[0] === '-t') {
      // Models type.def's -t: one word per name, nothing (and status 1) for an unknown one.
      for (const name of args.slice(1)) {
        const kind = sh.state.aliases.has(name)
          ? 'alias'
          : KEYWORDS.has(name)
            ? 'keyword'
            : sh.state.functions.has(name)
              ? 'function'
              : BUILTIN_NAMES.has(name)
                ? 'builtin'
                : sh.env.registry.get(name)
                  ? 'file'
                  : undefined;
        if (kind) io.stdout.write(`${kind}\n`);
        else status = 1;
      }
      return status;
    }
    for (const name of args) {
      if (sh.state.aliases.has(name)) io.stdout.write(`${name} is aliased to \`${sh.state.aliases.get(name)}'\n`);
      else if (BUILTIN_NAMES.has(name)) io.stdout.write(`${name} is a shell builtin\n`);
      else if (sh.state.functions.has(name)) io.stdout.write(`${name} is a function\n`);
      else if (sh.env.registry.get(name)) io.stdout.write(`${name} is /usr/bin/${name}\n`);
      else {
        io.stderr.write(`${sh.errorPrefix(undefined, 'type')}${name}: not found\n`);
        status = 1;
      }
    }
    return status;
  },
  which: (sh, args, io) => {
    let status = 0;
    for (const name of args) {
      if (sh.env.registry.get(name)) io.stdout.write(`/usr/bin/${name}\n`);
      else status = 1;
    }
    return status;
  },
  clear: (sh, _args, io) => {
    if (sh.env.terminal.clearScreen) sh.env.terminal.clearScreen();
    else io.stdout.write('\x1b[H\x1b[2J\x1b[3J');
    return 0;
  },
  complete: completeBuiltin,
  compgen: (sh, args, io, line) => compgenBuiltin(sh, args, io, line, BUILTIN_NAMES),
  compopt: compoptBuiltin,
  bash: (sh, args, io) => runShellProgram(sh, args, io, 'bash'),
  sh: (sh, args, io) => runShellProgram(sh, args, io, 'sh'),
};

async function runShellProgram(sh: Interpreter, args: string[], io: Io, name: string): Promise<number> {
  // `sh` is busybox ash where the tools are busybox's, and dash on Debian and Ubuntu (the host too).
  const flavour: ShellFlavour = name === 'bash' ? 'bash' : sh.state.userland === 'busybox' ? 'busybox' : 'dash';
  if (args[0] === '-c') {
    if (args[1] === undefined) {
      io.stderr.write(`${name}: -c: option requires an argument\n`);
      return 2;
    }
    return sh.runScript(args[1], { args: args.slice(3), scriptName: args[2] ?? name, input: 'string', flavour }, io);
  }
  const file = args[0];
  if (file === undefined) return sh.runScript(io.stdin, { scriptName: name, input: 'stdin', flavour }, io);
  const path = resolvePath(sh.state.cwd, file);
  if (!sh.env.fs.exists(path)) {
    const { message, status } = scriptUnreadable(flavour, name, file);
    io.stderr.write(`${message}\n`);
    return status;
  }
  return sh.runScript(sh.env.fs.readFile(path), { args: args.slice(1), scriptName: file, input: 'file', flavour }, io);
}

export const BUILTIN_NAMES = new Set(Object.keys(BUILTINS));
const KEYWORDS = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'case',
  'esac',
  'for',
  'select',
  'while',
  'until',
  'do',
  'done',
  'in',
  'function',
  'time',
  '{',
  '}',
  '!',
  '[[',
  ']]',
  'coproc',
]);

export async function runBuiltin(sh: Interpreter, argv: string[], io: Io, line: number): Promise<number> {
  return BUILTINS[argv[0]!]!(sh, argv.slice(1), io, line);
}
