/**
 * jq: the real jq (1.7.1, compiled to WebAssembly by the jq-wasm package), loaded on its first
 * run. jq-wasm runs jq on one input text and hands back stdout, or stderr when stdout is empty; the
 * exit status is jq's for each kind of message (main.c: 2 usage and I/O, 3 compile, 5 runtime).
 */
import type { Command, CommandContext } from '../command.ts';
import { resolvePath } from '../../lib/resolve-path.ts';

export type JqRaw = (input: string, filter: string, flags: string[]) => Promise<string>;
let loading: Promise<JqRaw> | undefined;

/** The WebAssembly jq, loaded once on first use (yq runs its expressions too). */
export function loadJq(): Promise<JqRaw> {
  loading ??= import('jq-wasm').then(
    (module) => module.raw,
    (error: unknown) => {
      // Offline before jq was ever used: the next run tries again.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** What the terminal says when the WebAssembly jq cannot be fetched or started, instead of the browser's words. */
export const JQ_UNAVAILABLE = 'jq: cannot run: the jq program could not be loaded (is the network down?); try again later\n';

/** Loads jq for a command, or says why it cannot run: undefined then, with exit status 126 to return. */
export async function jqOrExplain(ctx: CommandContext): Promise<JqRaw | undefined> {
  try {
    return await loadJq();
  } catch {
    ctx.stderr.write(JQ_UNAVAILABLE);
    return undefined;
  }
}

/** Options that take the next word(s) as their value. */
const VALUE_COUNT: Record<string, number> = { '--arg': 2, '--argjson': 2, '--slurpfile': 2, '--rawfile': 2, '--indent': 1, '-f': 1, '--from-file': 1, '-L': 1 };
/** Models main.c usage(2, 1): the text jq prints when it gets no filter at a terminal. */
const USAGE = `jq - commandline JSON processor [version 1.7.1]

Usage:\tjq [options] <jq filter> [file...]
\tjq [options] --args <jq filter> [strings...]
\tjq [options] --jsonargs <jq filter> [JSON_TEXTS...]

jq is a tool for processing JSON inputs, applying the given filter to
its JSON text inputs and producing the filter's results as JSON on
standard output.

The simplest filter is ., which copies jq's input to its output
unmodified except for formatting. For more advanced filters see
the jq(1) manpage ("man jq") and/or https://jqlang.github.io/jq/.

Example:

\t$ echo '{"foo": 0}' | jq .
\t{
\t  "foo": 0
\t}

Use jq --help for help with command-line options,
or see the jq manpage, or online docs  at https://jqlang.github.io/jq
`;

export const jq: Command = {
  name: 'jq',
  async run(ctx) {
    const flags: string[] = [];
    const operands: string[] = [];
    const args = ctx.argv.slice(1);
    let filterFile: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!;
      if (arg === '--version' || arg === '-V') {
        ctx.stdout.write('jq-1.7.1\n');
        return 0;
      }
      const count = VALUE_COUNT[arg];
      if (count !== undefined) {
        // Too few values: jq itself reads the whole command line and says what is missing.
        if (i + count >= args.length) return runJq(ctx, '', args.at(-1)!, args.slice(0, -1), '<stdin>');
        const values = args.slice(i + 1, i + 1 + count);
        i += count;
        if (arg === '-f' || arg === '--from-file') filterFile = values[0];
        else if (arg === '--rawfile' || arg === '--slurpfile') {
          // The WebAssembly jq sees no file of ours: the file's content goes in as a value.
          const text = readFile(ctx, values[1]!);
          if (text === undefined) return 2;
          flags.push(
            arg === '--rawfile' ? '--arg' : '--argjson',
            values[0]!,
            arg === '--rawfile'
              ? text
              : `[${text
                  .trim()
                  .split(/\n(?=[[{"\d-tfn])/)
                  .join(',')}]`,
          );
        } else flags.push(arg, ...values);
      } else if (arg.startsWith('-') && arg.length > 1) flags.push(arg);
      else operands.push(arg);
    }
    let filter: string;
    if (filterFile !== undefined) {
      const text = readFile(ctx, filterFile);
      if (text === undefined) return 2;
      filter = text;
    } else if (operands.length > 0) filter = operands.shift()!;
    // Models main.c: with no filter jq reads `.` unless it would talk to a terminal.
    else if (!ctx.stdinIsTerminal) filter = '.';
    else {
      ctx.stderr.write(USAGE);
      return 2;
    }
    let input = '';
    let source = '<stdin>';
    if (operands.length === 0) input = ctx.stdin;
    for (const file of operands) {
      const text = readFile(ctx, file);
      if (text === undefined) return 2;
      input += text;
      source = file;
    }
    return runJq(ctx, input, filter, flags, source);
  },
};

async function runJq(ctx: CommandContext, input: string, filter: string, flags: string[], source: string): Promise<number> {
  const raw = await jqOrExplain(ctx);
  if (!raw) return 126;
  let output: string;
  try {
    output = await raw(input, filter, flags);
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).replace(/^Failed to execute raw query: /, '');
    // The module aborts (Emscripten's "Aborted(…)") when the browser refuses to compile it.
    if (message.startsWith('Aborted(')) {
      ctx.stderr.write(JQ_UNAVAILABLE);
      return 126;
    }
    ctx.stderr.write(`${message.replace(/\(at \/dev\/stdin:\d+\)/g, `(at ${source}:${lineCount(input)})`)}\n`);
    return / compile errors?$/.test(message) ? 3 : /^jq: error \(at/.test(message) ? 5 : 2;
  }
  const joined = flags.some((f) => f === '-j' || f === '--join-output');
  if (output !== '') ctx.stdout.write(joined ? output : `${output}\n`);
  const exitOnValue = flags.some((f) => f === '-e' || f === '--exit-status' || /^-[a-zA-Z]*e[a-zA-Z]*$/.test(f));
  if (!exitOnValue) return 0;
  // Models main.c: with -e the last output decides, 1 for false or null, 4 for none.
  if (output === '') return 4;
  const last = output.split('\n').at(-1);
  return last === 'null' || last === 'false' ? 1 : 0;
}

function readFile(ctx: CommandContext, file: string): string | undefined {
  const path = resolvePath(ctx.cwd, file);
  if (ctx.fs.exists(path) && ctx.fs.stat(path).kind !== 'directory') return ctx.fs.readFile(path);
  ctx.stderr.write(`jq: error: Could not open file ${file}: ${ctx.fs.exists(path) ? 'Is a directory' : 'No such file or directory'}\n`);
  return undefined;
}

function lineCount(text: string): number {
  return (text.match(/\n/g) ?? []).length;
}
