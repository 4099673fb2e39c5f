/**
 * `compgen` and `compopt`, the builtins a completion function (`complete -F`) calls: candidates
 * from a word list, files, directories or names the shell knows; and the current completion's
 * options. Models bash's builtins/complete.def compgen_builtin and compopt_builtin.
 */
import type { Interpreter } from './interpreter.ts';
import type { Io } from './shell-state.ts';
import { resolvePath } from '../../lib/resolve-path.ts';

const COMPGEN_USAGE =
  'compgen: usage: compgen [-abcdefgjksuv] [-o option] [-A action] [-G globpat] [-W wordlist] [-F function] [-C command] [-X filterpat] [-P prefix] [-S suffix] [word]\n';
const COMPOPT_USAGE = 'compopt: usage: compopt [-o|+o option] [-DEI] [name ...]\n';
const ACTION_LETTERS: Record<string, string> = { a: 'alias', b: 'builtin', c: 'command', d: 'directory', e: 'export', f: 'file', k: 'keyword', v: 'variable' };
const KEYWORDS = ['!', '[[', ']]', 'case', 'do', 'done', 'elif', 'else', 'esac', 'fi', 'for', 'function', 'if', 'in', 'select', 'then', 'time', 'until', 'while', '{', '}'];

export function compgenBuiltin(sh: Interpreter, args: string[], io: Io, line: number, builtinNames: ReadonlySet<string>): number {
  const actions: string[] = [];
  let wordlist: string | undefined;
  let prefix = '';
  let suffix = '';
  let i = 0;
  for (; i < args.length && args[i]!.startsWith('-') && args[i] !== '-'; i++) {
    if (args[i] === '--') {
      i++;
      break;
    }
    const arg = args[i]!;
    for (let j = 1; j < arg.length; j++) {
      const flag = arg[j]!;
      if ('oAGWFCXPS'.includes(flag)) {
        const value = j + 1 < arg.length ? arg.slice(j + 1) : args[++i];
        if (value === undefined) {
          io.stderr.write(`${sh.errorPrefix(line, 'compgen')}-${flag}: option requires an argument\n${COMPGEN_USAGE}`);
          return 2;
        }
        if (flag === 'A') actions.push(value);
        if (flag === 'W') wordlist = value;
        if (flag === 'P') prefix = value;
        if (flag === 'S') suffix = value;
        break;
      }
      const action = ACTION_LETTERS[flag];
      if (!action) {
        io.stderr.write(`${sh.errorPrefix(line, 'compgen')}-${flag}: invalid option\n${COMPGEN_USAGE}`);
        return 2;
      }
      actions.push(action);
    }
  }
  const word = args[i] ?? '';
  const found: string[] = [];
  for (const action of actions) found.push(...actionWords(sh, action, word, builtinNames));
  if (wordlist !== undefined) {
    const ifs = sh.state.vars.get('IFS') ?? ' \t\n';
    found.push(...wordlist.split(new RegExp(`[${[...ifs].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]+`)).filter((w) => w !== ''));
  }
  const matches = found.filter((w) => w.startsWith(word));
  for (const match of matches) io.stdout.write(`${prefix}${match}${suffix}\n`);
  return matches.length > 0 ? 0 : 1;
}

function actionWords(sh: Interpreter, action: string, word: string, builtinNames: ReadonlySet<string>): string[] {
  const state = sh.state;
  switch (action) {
    case 'alias':
      return [...state.aliases.keys()].sort();
    case 'builtin':
      return [...builtinNames].sort();
    case 'function':
      return [...state.functions.keys()].sort();
    case 'keyword':
      return KEYWORDS;
    case 'variable':
      return [...new Set([...state.vars.keys(), ...state.arrays.keys()])].sort();
    case 'export':
      return [...state.exported].sort();
    case 'command':
      return [...new Set([...state.aliases.keys(), ...builtinNames, ...state.functions.keys(), ...KEYWORDS, ...sh.env.registry.names()])].sort();
    case 'file':
    case 'directory': {
      const slash = word.lastIndexOf('/');
      const dirPart = word.slice(0, slash + 1);
      const dir = resolvePath(state.cwd, dirPart || '.');
      let names: string[];
      try {
        names = sh.env.fs.readdir(dir);
      } catch {
        return [];
      }
      return names
        .filter((name) => action === 'file' || sh.env.fs.stat(resolvePath(dir, name)).kind === 'directory')
        .sort()
        .map((name) => `${dirPart}${name}`);
    }
    default:
      return [];
  }
}

export function compoptBuiltin(sh: Interpreter, args: string[], io: Io, line: number): number {
  const current = sh.state.completionOptions;
  let i = 0;
  const changes: [boolean, string][] = [];
  for (; i < args.length && /^[-+]o$/.test(args[i]!); i += 2) {
    const option = args[i + 1];
    if (option === undefined) {
      io.stderr.write(`${sh.errorPrefix(line, 'compopt')}-o: option requires an argument\n${COMPOPT_USAGE}`);
      return 2;
    }
    changes.push([args[i] === '-o', option]);
  }
  if (i < args.length && args[i]!.startsWith('-')) {
    io.stderr.write(`${sh.errorPrefix(line, 'compopt')}${args[i]}: invalid option\n${COMPOPT_USAGE}`);
    return 2;
  }
  if (!current) {
    io.stderr.write(`${sh.errorPrefix(line, 'compopt')}not currently executing completion function\n`);
    return 1;
  }
  for (const [on, option] of changes) {
    if (on) current.add(option);
    else current.delete(option);
  }
  return 0;
}
