/**
 * awk: the host's is mawk 1.3.4 (Ubuntu 22.04's awk), a busybox image's `busybox awk`. Options,
 * program, then BEGIN, every record of the operands, END; see interpreter.ts for the language.
 */
import type { Command, CommandContext } from '../../command.ts';
import { PosixRegex } from '../../../lib/regex/posix-regex.ts';
import { RegexBudgetError, RegexSyntaxError } from '../../../lib/regex/regex-syntax-error.ts';
import { resolvePath } from '../../../lib/resolve-path.ts';
import type { Expr, Program } from './ast.ts';
import { AwkHost, AwkRuntimeError, decodeAssignment } from './host.ts';
import { ExitSignal, Interpreter, NextSignal } from './interpreter.ts';
import { AwkSyntaxError } from './lexer.ts';
import { MAWK_USAGE, MAWK_VERSION, MAWK_VERSION_DETAILS, BUSYBOX_AWK_USAGE } from './awk-texts.ts';
import { parseProgram } from './parser.ts';
import { inputValue, toBoolean } from './values.ts';

class AwkRegexError extends Error {
  constructor(
    readonly source: string,
    readonly error: RegexSyntaxError,
  ) {
    super(source);
  }
}

function compileAwkRegex(source: string): PosixRegex {
  try {
    return PosixRegex.compile(source, 'awk');
  } catch (error) {
    if (error instanceof RegexSyntaxError) throw new AwkRegexError(source, error);
    throw error;
  }
}

interface Options {
  sources: string[];
  assignments: string[];
  fs: string | undefined;
  operands: string[];
}

export const awk: Command = {
  name: 'awk',
  async run(ctx) {
    const name = 'awk';
    const busybox = ctx.userland === 'busybox';
    const options = parseOptions(ctx, busybox);
    if (typeof options === 'number') return options;
    let program: Program;
    try {
      program = parseProgram(options.sources.join('\n'));
      // Regexes in the program compile up front, as mawk's parser does.
      for (const source of program.regexes) compileAwkRegex(source);
    } catch (error) {
      if (error instanceof AwkSyntaxError) {
        ctx.stderr.write(busybox ? `${name}: cmd. line:1: ${busyboxSyntaxReason(error)}\n` : syntaxMessage(name, error));
        return busybox ? 1 : 2;
      }
      if (error instanceof AwkRegexError) {
        ctx.stderr.write(regexMessage(name, busybox, error));
        return busybox ? 1 : 2;
      }
      throw error;
    }
    const host = new AwkHost(ctx, compileAwkRegex);
    const interp = new Interpreter(program, host);
    host.attach(interp);
    try {
      setUp(interp, host, ctx, options);
      return await runProgram(interp, host, program);
    } catch (error) {
      // stderr is unbuffered; what awk buffered for stdout follows at exit (finally).
      if (error instanceof AwkRegexError) {
        ctx.stderr.write(regexMessage(name, busybox, error));
        return 2;
      }
      if (error instanceof RegexBudgetError) {
        ctx.stderr.write(`${name}: run time error: regular expression compile failed (out of memory)\n`);
        return 2;
      }
      if (!(error instanceof AwkRuntimeError)) throw error;
      if (host.unreadable !== undefined) {
        ctx.stderr.write(busybox ? `${name}: ${host.unreadable}: No such file or directory\n` : `${name}: cannot open ${host.unreadable} (No such file or directory)\n`);
        return busybox ? 1 : 2;
      }
      const where = `\tFILENAME="${host.toText(interp.readVar('FILENAME'))}" FNR=${host.toText(interp.readVar('FNR'))} NR=${host.toText(interp.readVar('NR'))}`;
      ctx.stderr.write(busybox ? `${name}: cmd. line:1: ${error.message}\n` : `${name}: run time error: ${error.message}\n${where}\n`);
      return busybox ? 1 : 2;
    } finally {
      host.flush();
    }
  },
};

function parseOptions(ctx: CommandContext, busybox: boolean): Options | number {
  const args = ctx.argv.slice(1);
  const options: Options = { sources: [], assignments: [], fs: undefined, operands: [] };
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    const flag = a.slice(0, 2);
    const value = a.length > 2 ? a.slice(2) : args[++i];
    if (value === undefined) {
      ctx.stderr.write(busybox ? BUSYBOX_AWK_USAGE : `awk: option requires an argument -- ${flag.slice(1)}\n${MAWK_USAGE}`);
      return busybox ? 1 : 2;
    }
    if (flag === '-F') options.fs = decodeAssignment(value);
    else if (flag === '-v') options.assignments.push(value);
    else if (flag === '-f') {
      try {
        options.sources.push(ctx.fs.readFile(resolvePath(ctx.cwd, value)));
      } catch {
        ctx.stderr.write(busybox ? `awk: ${value}: No such file or directory\n` : `awk: couldn't open file ${value}\n`);
        return busybox ? 1 : 2;
      }
    } else if (flag === '-e' && busybox) options.sources.push(value);
    else if (flag === '-W' && !busybox) {
      if (/^v/.test(value)) {
        ctx.stdout.write(MAWK_VERSION);
        ctx.stderr.write(MAWK_VERSION_DETAILS);
        return 0;
      }
      if (/^(?:h|u)/.test(value)) {
        ctx.stderr.write(MAWK_USAGE);
        return 0;
      }
    } else {
      ctx.stderr.write(busybox ? `awk: unrecognized option '${a}'\n${BUSYBOX_AWK_USAGE}` : `awk: not an option ${a}\n`);
      return busybox ? 1 : 2;
    }
  }
  if (options.sources.length === 0) {
    const program = args[i++];
    if (program === undefined) {
      ctx.stderr.write(busybox ? BUSYBOX_AWK_USAGE : MAWK_USAGE);
      return busybox ? 1 : 0;
    }
    options.sources.push(program);
  }
  options.operands = args.slice(i);
  return options;
}

function setUp(interp: Interpreter, host: AwkHost, ctx: CommandContext, options: Options): void {
  const defaults: [string, string | number][] = [
    ['FS', ' '],
    ['OFS', ' '],
    ['ORS', '\n'],
    ['RS', '\n'],
    ['SUBSEP', '\x1c'],
    ['CONVFMT', '%.6g'],
    ['OFMT', '%.6g'],
    ['NR', 0],
    ['FNR', 0],
    ['RSTART', 0],
    ['RLENGTH', -1],
    ['FILENAME', ''],
  ];
  for (const [name, value] of defaults) host.setVar(name, value);
  const environ = interp.array('ENVIRON');
  for (const [key, value] of ctx.env) environ.set(key, inputValue(value));
  const argv = interp.array('ARGV');
  argv.set('0', 'awk');
  options.operands.forEach((operand, index) => argv.set(String(index + 1), inputValue(operand)));
  host.setVar('ARGC', options.operands.length + 1);
  if (options.fs !== undefined) host.setVar('FS', options.fs);
  for (const assignment of options.assignments) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(assignment);
    if (m) host.setVar(m[1]!, inputValue(decodeAssignment(m[2]!)));
  }
}

async function runProgram(interp: Interpreter, host: AwkHost, program: Program): Promise<number> {
  const begins = program.rules.filter((r) => r.pattern.type === 'begin');
  const ends = program.rules.filter((r) => r.pattern.type === 'end');
  const main = program.rules.filter((r) => r.pattern.type !== 'begin' && r.pattern.type !== 'end');
  let exiting = false;
  try {
    for (const rule of begins) await interp.runBlock(rule.action!);
  } catch (signal) {
    if (!(signal instanceof ExitSignal)) throw signal;
    exiting = true;
  }
  if (!exiting && (main.length > 0 || ends.length > 0)) {
    const inRange = main.map(() => false);
    try {
      for (let record = await host.nextMainRecord(); record !== undefined; record = await host.nextMainRecord()) {
        host.record.set(record);
        try {
          for (let r = 0; r < main.length; r++) {
            const rule = main[r]!;
            if (!(await matches(interp, rule.pattern, inRange, r))) continue;
            if (rule.action) await interp.runBlock(rule.action);
            else await host.write(host.record.text + host.ors, undefined);
          }
        } catch (signal) {
          if (!(signal instanceof NextSignal)) throw signal;
        }
      }
    } catch (signal) {
      if (!(signal instanceof ExitSignal)) throw signal;
    }
  }
  try {
    for (const rule of ends) await interp.runBlock(rule.action!);
  } catch (signal) {
    if (!(signal instanceof ExitSignal)) throw signal;
  }
  await host.closeAll();
  return host.exitStatus;
}

async function matches(interp: Interpreter, pattern: Program['rules'][number]['pattern'], inRange: boolean[], r: number): Promise<boolean> {
  const truthy = async (e: Expr) => toBoolean(await interp.eval(e));
  switch (pattern.type) {
    case 'all':
      return true;
    case 'expr':
      return truthy(pattern.expr);
    case 'range':
      if (!inRange[r]) {
        if (!(await truthy(pattern.from))) return false;
        inRange[r] = !(await truthy(pattern.to));
        return true;
      }
      if (await truthy(pattern.to)) inRange[r] = false;
      return true;
    default:
      return false;
  }
}

function syntaxMessage(name: string, error: AwkSyntaxError): string {
  switch (error.kind) {
    case 'missing-brace':
      // mawk ends the program text with a newline of its own, so its end is one line further.
      return `${name}: line ${error.line + 1}: missing } near end of file\n`;
    case 'extra-brace':
      return `${name}: line ${error.line}: extra '}'\n${name}: line ${error.line}: syntax error at or near end of line\n`;
    case 'semantic':
      return `${name}: line ${error.line}: ${error.near}\n`;
    case 'message':
      return `${name}: line ${error.line}: ${error.near} ...\n`;
    default:
      return `${name}: line ${error.line}: syntax error at or near ${error.near}\n`;
  }
}

/** busybox awk's parse errors (editors/awk.c syntax_error's EMSG_* texts). */
function busyboxSyntaxReason(error: AwkSyntaxError): string {
  if (error.near.startsWith('runaway string')) return 'Unexpected end of string';
  if (error.near.startsWith('wrong number of arguments')) return 'Too few arguments';
  if (error.near.endsWith('never defined')) return 'Call to undefined function';
  return 'Unexpected token';
}

function regexMessage(name: string, busybox: boolean, error: AwkRegexError): string {
  if (busybox) return `${name}: ${regexFailure(error)}\n`;
  return `${name}: line 1: regular expression compile failed (${MAWK_REGEX_REASONS[error.error.code] ?? error.error.gnuMessage.toLowerCase()})\n${error.source}\n`;
}

/** mawk compiles regexes with its own rexp.c, whose reasons differ from glibc's. */
const MAWK_REGEX_REASONS: Partial<Record<string, string>> = { EPAREN: "missing ')'", BADRPT: 'missing operand', EBRACK: 'bad class -- [], [^] or [' };

function regexFailure(error: AwkRegexError): string {
  return `bad regex '${error.source}': ${error.error.muslMessage}`;
}
