/**
 * What the interpreter runs against: the record, the special variables (FS, OFS, ORS, RS, SUBSEP,
 * CONVFMT, OFMT), input operands and getline's sources, output files and pipes, regex cache and the
 * command context (checkpoints, the filesystem, child commands).
 */
import { AwkRandom } from './random.ts';
import type { CommandContext, OutputStream } from '../../command.ts';
import { resolvePath } from '../../../lib/resolve-path.ts';
import { PosixRegex } from '../../../lib/regex/posix-regex.ts';
import type { Expr } from './ast.ts';
import { sprintf, AwkFormatError, MissingArgumentError, type FormatArgument } from './format.ts';
import type { Interpreter } from './interpreter.ts';
import { RecordReader, type OutputTarget } from './io.ts';
import { AwkRecord, fieldSplitter, type FieldSplitter } from './record.ts';
import { inputValue, isNumeric, toNumber, toStringWith, type Value } from './values.ts';

export class AwkRuntimeError extends Error {}

/** Characters of input between two checkpoints while records stream past. */
const SLICE_CHARS = 16_384;

type GetlineExpr = Extract<Expr, { type: 'getline' }>;

export class AwkHost {
  readonly record: AwkRecord;
  exitStatus = 0;
  ofs = ' ';
  ors = '\n';
  subsep = '\x1c';
  #convfmt = '%.6g';
  #ofmt = '%.6g';
  #fs = ' ';
  #rs = '\n';
  #splitter: FieldSplitter | undefined;
  #rsRegex: PosixRegex | undefined;
  readonly #regexes = new Map<string, PosixRegex>();
  #interpreter!: Interpreter;
  #out: string[] = [];
  #outChars = 0;
  #sinceCheckpoint = 0;
  readonly #outputs = new Map<string, OutputTarget>();
  readonly #readers = new Map<string, RecordReader>();
  /** The main input: the operand being read and the index of the next one in ARGV. */
  #main: RecordReader | undefined;
  #nextArg = 1;
  #mainDone = false;
  unreadable: string | undefined;
  /** rand()'s generator, seeded from the time at start-up as mawk seeds it; the simulation's clock stands in. */
  readonly random: AwkRandom;

  constructor(
    readonly ctx: CommandContext,
    readonly compile: (source: string) => PosixRegex,
  ) {
    this.random = new AwkRandom(Math.trunc(ctx.time.now() / 1000));
    this.record = new AwkRecord(
      () => (this.#splitter ??= fieldSplitter(this.#fs, (s) => this.regex(s), this.#rs === '')),
      () => this.ofs,
      (v) => this.toText(v),
    );
  }

  attach(interpreter: Interpreter): void {
    this.#interpreter = interpreter;
  }

  regex(source: string): PosixRegex {
    let r = this.#regexes.get(source);
    if (!r) {
      r = this.compile(source);
      if (this.#regexes.size > 500) this.#regexes.clear();
      this.#regexes.set(source, r);
    }
    return r;
  }

  toText(v: Value): string {
    return toStringWith(v, this.#convfmt);
  }

  outputText(v: Value): string {
    return toStringWith(v, this.#ofmt);
  }

  /** A special variable was assigned: take its new value into account. */
  specialChanged(name: string): void {
    const text = () => this.toText(this.#interpreter.globals.get(name)!.value);
    switch (name) {
      case 'FS':
        this.#fs = text();
        this.#splitter = undefined;
        break;
      case 'RS':
        this.#rs = text();
        this.#rsRegex = undefined;
        this.#splitter = undefined;
        break;
      case 'OFS':
        this.ofs = text();
        break;
      case 'ORS':
        this.ors = text();
        break;
      case 'SUBSEP':
        this.subsep = text();
        break;
      case 'CONVFMT':
        this.#convfmt = text();
        break;
      case 'OFMT':
        this.#ofmt = text();
        break;
    }
  }

  setVar(name: string, value: Value): void {
    this.#interpreter.assign({ type: 'var', name }, value);
  }

  getVar(name: string): Value {
    return this.#interpreter.readVar(name);
  }

  /** Splits text the way FS would split a record (for split() with no separator). */
  splitWithFs(text: string): string[] {
    return fieldSplitter(this.#fs, (s) => this.regex(s), false)(text);
  }

  sprintf(values: Value[], name: string): string {
    const [format, ...rest] = values;
    const args: FormatArgument[] = rest.map((v) => ({ num: () => toNumber(v), str: () => this.toText(v), isNumber: typeof v === 'number' }));
    const formatText = this.toText(format ?? '');
    try {
      return sprintf(formatText, args);
    } catch (error) {
      // busybox awk formats a missing argument as an empty one.
      if (error instanceof MissingArgumentError && this.ctx.userland === 'busybox')
        return sprintf(formatText, [...args, ...Array.from({ length: 64 }, () => ({ num: () => 0, str: () => '', isNumber: false }))]);
      if (error instanceof MissingArgumentError) {
        // mawk has already put out the text before the conversion that lacked its argument.
        if (name === 'printf') this.#out.push(error.partial);
        throw new AwkRuntimeError(`not enough arguments passed to ${name}("${formatText}")`);
      }
      if (!(error instanceof AwkFormatError)) throw error;
      const bad = rest.find((v) => isNumeric(v));
      throw new AwkRuntimeError(`improper conversion(number ${bad === undefined ? 1 : 1}) in ${name}("${formatText}")`);
    }
  }

  async checkpoint(weight = 1): Promise<void> {
    this.#sinceCheckpoint += weight;
    if (this.#sinceCheckpoint < 64) return;
    this.#sinceCheckpoint = 0;
    this.flush();
    await this.ctx.checkpoint(16);
  }

  flush(): void {
    if (this.#out.length) this.ctx.stdout.write(this.#out.join(''));
    this.#out = [];
    this.#outChars = 0;
  }

  async write(text: string, redirect: { op: '>' | '>>' | '|'; target: string } | undefined): Promise<void> {
    if (!redirect || (redirect.op !== '|' && (redirect.target === '/dev/stdout' || redirect.target === '-'))) {
      this.#out.push(text);
      this.#outChars += text.length;
      if (this.#outChars > SLICE_CHARS) await this.checkpoint(64);
      return;
    }
    if (redirect.op !== '|' && redirect.target === '/dev/stderr') {
      this.flush();
      this.ctx.stderr.write(text);
      return;
    }
    let target = this.#outputs.get(redirect.target);
    if (!target) {
      target = { kind: redirect.op === '|' ? 'pipe' : 'file', chunks: [], append: redirect.op === '>>' };
      if (target.kind === 'file') this.writeFile(redirect.target, '', target.append);
      this.#outputs.set(redirect.target, target);
    }
    target.chunks.push(text);
    if (target.kind === 'file' && target.chunks.length > 256) this.flushFile(redirect.target, target);
  }

  private writeFile(name: string, text: string, append: boolean): void {
    try {
      this.ctx.fs.writeFile(resolvePath(this.ctx.cwd, name), text, { append });
    } catch {
      throw new AwkRuntimeError(`cannot open "${name}" for output`);
    }
  }

  private flushFile(name: string, target: OutputTarget): void {
    this.writeFile(name, target.chunks.join(''), true);
    target.chunks = [];
  }

  /** close(name): ends an output file or pipe (running the pipe's command), or an input source. */
  async close(name: string): Promise<number> {
    const target = this.#outputs.get(name);
    if (target) {
      this.#outputs.delete(name);
      if (target.kind === 'file') {
        this.flushFile(name, target);
        return 0;
      }
      this.flush();
      return this.runCommand(name, target.chunks.join(''), this.ctx.stdout);
    }
    if (this.#readers.delete(name)) return 0;
    return -1;
  }

  async closeAll(): Promise<void> {
    this.flush();
    for (const name of [...this.#outputs.keys()]) await this.close(name);
  }

  async system(command: string): Promise<number> {
    this.flush();
    for (const [name, target] of this.#outputs) if (target.kind === 'file') this.flushFile(name, target);
    return this.runCommand(command, '', this.ctx.stdout);
  }

  private async runCommand(command: string, stdin: string, stdout: OutputStream): Promise<number> {
    return this.ctx.runScript(command, { stdin, stdout, stderr: this.ctx.stderr, interrupt: this.ctx.interrupt });
  }

  private rsRegex(): PosixRegex {
    return (this.#rsRegex ??= this.regex(this.#rs));
  }

  /** The next record of the main input, moving through ARGV's operands; undefined at the end. */
  async nextMainRecord(): Promise<string | undefined> {
    for (;;) {
      if (this.#main) {
        const before = this.#main.offset;
        const record = this.#main.next(this.#rs, () => this.rsRegex());
        if (record !== undefined) {
          this.#sinceCheckpoint += (this.#main.offset - before) / 256;
          await this.checkpoint(1);
          this.incrementCounter('NR');
          this.incrementCounter('FNR');
          return record;
        }
        this.#main = undefined;
      }
      if (this.#mainDone) return undefined;
      if (!this.openNextOperand()) {
        this.#mainDone = true;
        return undefined;
      }
    }
  }

  private incrementCounter(name: string): void {
    this.setVar(name, toNumber(this.getVar(name)) + 1);
  }

  /** Opens the next file operand, applying `var=value` operands on the way; false when none is left. */
  private openNextOperand(): boolean {
    const argc = Math.trunc(toNumber(this.getVar('ARGC')));
    const argv = this.#interpreter.array('ARGV');
    while (this.#nextArg < argc) {
      const arg = argv.get(String(this.#nextArg++));
      const text = arg === undefined ? '' : this.toText(arg);
      if (text === '') continue;
      const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(text);
      if (assignment) {
        this.setVar(assignment[1]!, inputValue(decodeAssignment(assignment[2]!)));
        continue;
      }
      this.#usedFile = true;
      this.setVar('FILENAME', text);
      this.setVar('FNR', 0);
      const content = this.readSource(text);
      if (content === undefined) {
        this.unreadable = text;
        throw new AwkRuntimeError(`cannot open ${text}`);
      }
      this.#main = new RecordReader(content);
      return true;
    }
    if (this.#usedFile) return false;
    this.#usedFile = true;
    this.#main = new RecordReader(this.ctx.stdin);
    return true;
  }
  #usedFile = false;

  skipFile(): void {
    this.#main = undefined;
  }

  private readSource(name: string): string | undefined {
    if (name === '-' || name === '/dev/stdin') return this.ctx.stdin;
    try {
      return this.ctx.fs.readFile(resolvePath(this.ctx.cwd, name));
    } catch {
      return undefined;
    }
  }

  /** getline in its three forms; 1 read a record, 0 at end, -1 could not open. */
  async getline(interp: Interpreter, e: GetlineExpr): Promise<Value> {
    let record: string | undefined;
    if (e.source === 'input') {
      record = await this.nextMainRecord();
      if (record === undefined) return 0;
    } else {
      const name = this.toText(await interp.eval(e.from!));
      let reader = this.#readers.get(name);
      if (!reader) {
        let text: string | undefined;
        if (e.source === 'file') text = this.readSource(name);
        else {
          this.flush();
          const chunks: string[] = [];
          await this.runCommand(name, '', { write: (t) => chunks.push(t) });
          text = chunks.join('');
        }
        if (text === undefined) return -1;
        reader = new RecordReader(text);
        this.#readers.set(name, reader);
      }
      record = reader.next(this.#rs, () => this.rsRegex());
      if (record === undefined) return 0;
      if (e.source === 'command') this.incrementCounter('NR');
    }
    if (e.target) await interp.store(e.target, inputValue(record));
    else this.record.set(record);
    return 1;
  }
}

/** A `var=value` operand or `-v` assignment: its value is read like a string literal's escapes. */
export function decodeAssignment(text: string): string {
  return text.replace(/\\([ntrabfv\\"/]|[0-7]{1,3})/g, (_, e: string) =>
    /^[0-7]/.test(e)
      ? String.fromCharCode(parseInt(e, 8) & 0xff)
      : ({ n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', '"': '"', '/': '/' } as Record<string, string>)[e]!,
  );
}
