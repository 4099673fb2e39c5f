/**
 * `complete`: the programmable-completion specifications the terminal's Tab consults
 * (`complete -F __start_kubectl k` makes `k` complete as kubectl). Models bash's
 * builtins/complete.def for -F, -o, -W, -p and -r; the spec is kept as `complete -p` prints it.
 */
import type { Interpreter } from './interpreter.ts';
import type { Io } from './shell-state.ts';

const USAGE =
  'complete: usage: complete [-abcdefgjksuv] [-pr] [-DEI] [-o option] [-A action] [-G globpat] [-W wordlist] [-F function] [-C command] [-X filterpat] [-P prefix] [-S suffix] [name ...]\n';
const WITH_ARGUMENT = new Set(['o', 'A', 'G', 'W', 'F', 'C', 'X', 'P', 'S']);
const OPTION_NAMES = new Set(['bashdefault', 'default', 'dirnames', 'filenames', 'noquote', 'nosort', 'nospace', 'plusdirs']);

export interface CompletionSpec {
  /** The -o options, then the others, as `complete -p` shows them. */
  options: string[];
  function?: string;
}

export function completeBuiltin(sh: Interpreter, args: string[], io: Io, line: number): number {
  const prefix = sh.errorPrefix(line, 'complete');
  const spec: CompletionSpec = { options: [] };
  let print = false;
  let remove = false;
  let i = 0;
  for (; i < args.length && args[i]!.startsWith('-') && args[i] !== '-'; i++) {
    if (args[i] === '--') {
      i++;
      break;
    }
    const flags = args[i]!.slice(1);
    for (let j = 0; j < flags.length; j++) {
      const flag = flags[j]!;
      if (flag === 'p') print = true;
      else if (flag === 'r') remove = true;
      else if (WITH_ARGUMENT.has(flag)) {
        const value = j + 1 < flags.length ? flags.slice(j + 1) : args[++i];
        if (value === undefined) {
          io.stderr.write(`${prefix}-${flag}: option requires an argument\n${USAGE}`);
          return 2;
        }
        if (flag === 'o' && !OPTION_NAMES.has(value)) {
          io.stderr.write(`${prefix}${value}: invalid option name\n`);
          return 2;
        }
        if (flag === 'F') spec.function = value;
        else spec.options.push(`-${flag} ${flag === 'o' ? value : quoteForPrint(value)}`);
        break;
      } else if (!/[abcdefgjksuvDEI]/.test(flag)) {
        io.stderr.write(`${prefix}-${flag}: invalid option\n${USAGE}`);
        return 2;
      } else spec.options.push(`-${flag}`);
    }
  }
  const names = args.slice(i);
  const specs = sh.state.completions;
  if (print || (names.length === 0 && !remove)) return printSpecs(specs, names, io, prefix);
  if (remove) {
    if (names.length === 0) specs.clear();
    let status = 0;
    for (const name of names) {
      if (specs.delete(name)) continue;
      io.stderr.write(`${prefix}${name}: no completion specification\n`);
      status = 1;
    }
    return status;
  }
  for (const name of names) {
    specs.delete(name);
    specs.set(name, spec);
  }
  return 0;
}

function printSpecs(specs: Map<string, CompletionSpec>, names: string[], io: Io, prefix: string): number {
  // Bash walks its hash table, which lists the latest first for a handful of names.
  const chosen = names.length > 0 ? names : [...specs.keys()].reverse();
  let status = 0;
  for (const name of chosen) {
    const spec = specs.get(name);
    if (!spec) {
      io.stderr.write(`${prefix}${name}: no completion specification\n`);
      status = 1;
      continue;
    }
    const parts = [
      'complete',
      ...spec.options.filter((o) => o.startsWith('-o ')),
      ...spec.options.filter((o) => !o.startsWith('-o ')),
      ...(spec.function ? [`-F ${spec.function}`] : []),
    ];
    io.stdout.write(`${[...parts, name].join(' ')}\n`);
  }
  return status;
}

function quoteForPrint(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
