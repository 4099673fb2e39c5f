/**
 * `read` and `mapfile`/`readarray`: input into variables and arrays. Each call takes what it read
 * off the command's stdin, so `while read line; do …; done <<<"$text"` walks the lines.
 * Models bash's builtins/read.def (IFS splitting, -r, -a, -d, -p) and mapfile.def (-t).
 */
import type { Interpreter } from './interpreter.ts';
import type { Io } from './shell-state.ts';
import { setScalar, toArray } from './variables.ts';

const READ_USAGE = 'read: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]\n';
const MAPFILE_USAGE = 'mapfile: usage: mapfile [-d delim] [-n count] [-O origin] [-s count] [-t] [-u fd] [-C callback] [-c quantum] [array]\n';

/** Options with an argument, and the flags, as getopt reads them (`-ra name`). */
function readOptions(
  who: string,
  args: string[],
  withArgument: string,
  flags: string,
  sh: Interpreter,
  io: Io,
  usage: string,
): { values: Map<string, string>; rest: string[] } | undefined {
  const values = new Map<string, string>();
  let i = 0;
  for (; i < args.length && /^-./.test(args[i]!) && args[i] !== '--'; i++) {
    const arg = args[i]!;
    for (let j = 1; j < arg.length; j++) {
      const flag = arg[j]!;
      if (withArgument.includes(flag)) {
        const value = j + 1 < arg.length ? arg.slice(j + 1) : args[++i];
        if (value === undefined) {
          io.stderr.write(`${sh.errorPrefix(undefined, who)}-${flag}: option requires an argument\n${usage}`);
          return undefined;
        }
        values.set(flag, value);
        break;
      }
      if (!flags.includes(flag)) {
        io.stderr.write(`${sh.errorPrefix(undefined, who)}-${flag}: invalid option\n${usage}`);
        return undefined;
      }
      values.set(flag, '');
    }
  }
  if (args[i] === '--') i++;
  return { values, rest: args.slice(i) };
}

/** Takes one record up to `delimiter` off stdin: the record, and whether the delimiter ended it. */
function takeRecord(io: Io, delimiter: string): { record: string; complete: boolean } | undefined {
  if (io.stdin === '') return undefined;
  const end = io.stdin.indexOf(delimiter === '' ? '\0' : delimiter);
  const record = end < 0 ? io.stdin : io.stdin.slice(0, end);
  io.stdin = end < 0 ? '' : io.stdin.slice(end + 1);
  return { record, complete: end >= 0 };
}

function ifsOf(sh: Interpreter): string {
  return sh.state.vars.get('IFS') ?? ' \t\n';
}

/** Splits a line at IFS: IFS white space trims and merges, other IFS characters separate one field each. */
function splitAtIfs(line: string, ifs: string, count: number): string[] {
  if (ifs === '') return [line];
  const white = [...ifs].filter((c) => ' \t\n'.includes(c)).join('');
  const isWhite = (c: string) => white.includes(c);
  const fields: string[] = [];
  let i = 0;
  const skipWhite = () => {
    while (i < line.length && isWhite(line[i]!)) i++;
  };
  skipWhite();
  while (i < line.length) {
    if (count > 0 && fields.length === count - 1) {
      // The last name takes the rest, less trailing IFS white space; a rest that is one field and
      // its delimiter gives just the field, as read.def's second get_word_from_string does.
      let j = i;
      while (j < line.length && !ifs.includes(line[j]!)) j++;
      const field = line.slice(i, j);
      while (j < line.length && isWhite(line[j]!)) j++;
      if (j < line.length && ifs.includes(line[j]!) && !isWhite(line[j]!)) j++;
      while (j < line.length && isWhite(line[j]!)) j++;
      if (j >= line.length) {
        fields.push(field);
        return fields;
      }
      let rest = line.slice(i);
      while (rest && isWhite(rest.at(-1)!)) rest = rest.slice(0, -1);
      fields.push(rest);
      return fields;
    }
    let field = '';
    while (i < line.length && !ifs.includes(line[i]!)) field += line[i++];
    fields.push(field);
    skipWhite();
    if (i < line.length && ifs.includes(line[i]!) && !isWhite(line[i]!)) {
      i++;
      skipWhite();
    }
  }
  return fields;
}

export async function readBuiltin(sh: Interpreter, args: string[], io: Io): Promise<number> {
  const parsed = readOptions('read', args, 'adinNptu', 'ers', sh, io, READ_USAGE);
  if (!parsed) return 2;
  const { values, rest } = parsed;
  const taken = takeRecord(io, values.get('d') ?? '\n');
  if (!taken) {
    for (const name of rest.length > 0 ? rest : ['REPLY']) setScalar(sh.state, name, '');
    if (values.has('a')) toArray(sh.state, values.get('a')!).values.clear();
    return 1;
  }
  let line = taken.record;
  if (!values.has('r')) line = line.replace(/\\\n/g, '').replace(/\\(.)/g, '$1');
  const array = values.get('a');
  if (array !== undefined) {
    const target = toArray(sh.state, array);
    target.values.clear();
    splitAtIfs(line, ifsOf(sh), 0).forEach((field, i) => target.values.set(String(i), field));
  } else if (rest.length === 0) setScalar(sh.state, 'REPLY', line);
  else {
    const fields = splitAtIfs(line, ifsOf(sh), rest.length);
    rest.forEach((name, i) => setScalar(sh.state, name, fields[i] ?? ''));
  }
  return taken.complete ? 0 : 1;
}

export async function mapfileBuiltin(sh: Interpreter, args: string[], io: Io): Promise<number> {
  const parsed = readOptions('mapfile', args, 'dnOsuCc', 't', sh, io, MAPFILE_USAGE);
  if (!parsed) return 2;
  const { values, rest } = parsed;
  const delimiter = values.get('d') ?? '\n';
  const array = toArray(sh.state, rest[0] ?? 'MAPFILE');
  array.values.clear();
  let index = Number(values.get('O') ?? 0);
  for (;;) {
    await sh.checkpoint();
    const taken = takeRecord(io, delimiter);
    if (!taken) break;
    array.values.set(String(index++), taken.record + (taken.complete && !values.has('t') ? (delimiter === '' ? '\0' : delimiter) : ''));
  }
  return 0;
}
