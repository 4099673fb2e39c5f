/**
 * Runs a parsed command list: expansions, redirections, pipelines, control flow, functions,
 * builtins and programs from the registry. Pipelines run their stages one after another with the
 * text in between buffered; the last stage streams to the caller as it writes.
 */
import { ProcessSubstitutions } from './process-substitution.ts';
import { nested, type Nesting } from './nesting-limits.ts';
import { GlobPattern } from '../../lib/regex/glob-pattern.ts';
import type { AndOr, Command, List, Pipeline } from '../ast.ts';
import { IncompleteInput, ShellSyntaxError } from '../syntax-failure.ts';
import { parseTokenLines } from '../parser.ts';
import { LEX_SLICE_CHARS, tokenize, tokenizeSliced } from '../lexer.ts';
import { literalText } from '../token-cursor.ts';
import { runBuiltin, BUILTIN_NAMES } from './builtins.ts';
import { runArithmeticCommand, runArithmeticFor } from './arithmetic-commands.ts';
import { assignVariable } from './assignments.ts';
import { restoreScope, type SavedVariable } from './variables.ts';
import { expandCommandWords } from './command-words.ts';
import { expandWord, expandWordToString } from './expansion.ts';
import { BreakSignal, ContinueSignal, DiscardSignal, ExitSignal, ReturnSignal } from './signals.ts';
import { argumentListTooLong } from './exec-limits.ts';
import { commandNotFound, shellErrorPrefix, type ShellFlavour, type ShellInput } from './shell-dialect.ts';
import { syntaxErrorText } from './syntax-error-wording.ts';
import { withRedirects } from './redirections.ts';
import { PipeBuffer } from './pipe-buffer.ts';
import { takeForkSlot } from './fork-slot.ts';
import { startBackgroundJob } from './background-job.ts';
import { aliasWords, runScriptFile } from './command-lookup.ts';
import { commandContextFor } from './command-context.ts';
import { fsMessage } from './fs-message.ts';
import { afterRefusedWrites, refusedWrites } from './write-errors.ts';
import { WorkSteps } from './work-steps.ts';
import { InterruptedCommand, CHECKPOINT_EVERY, childShellState, type Environment, type Io, type ShellState } from './shell-state.ts';

export class Interpreter {
  readonly state: ShellState;
  readonly env: Environment;
  readonly nesting: Nesting = { functions: 0, evals: 0, sources: 0 };
  readonly #work: WorkSteps;
  /** A child process ran since the last pipeline ended: bash reaps then, and reports ended jobs. */
  #ranChild = false;
  /** The `<(…)` and `>(…)` files of the simple command being expanded and run. */
  readonly processSubstitutions = new ProcessSubstitutions();

  constructor(state: ShellState, env: Environment, work = new WorkSteps()) {
    this.state = state;
    this.env = env;
    this.#work = work;
  }

  /** The prefix the shell puts on its own error messages; `builtin` names the builtin that failed. */
  errorPrefix(line?: number, builtin?: string): string {
    return shellErrorPrefix(this.state, line, builtin);
  }

  /**
   * Runs `source` a line at a time, as a shell reads it: the lines before a syntax error run, then
   * the error ends it with status 2. A large input is read in slices; one of a slice at once, as an await would reorder its jobs' turns.
   */
  async runSource(source: string, io: Io): Promise<number> {
    const lines = parseTokenLines(source.length <= LEX_SLICE_CHARS ? tokenize(source) : await tokenizeSliced(source, () => this.checkpoint(CHECKPOINT_EVERY)));
    let status = this.state.lastExit;
    for (;;) {
      let next: IteratorResult<List>;
      try {
        next = lines.next();
      } catch (error) {
        if (error instanceof ShellSyntaxError || error instanceof IncompleteInput) {
          io.stderr.write(syntaxErrorText(this.state, error.problem, source));
          this.state.lastExit = 2;
          return 2;
        }
        throw error;
      }
      if (next.done) return status;
      status = await this.runList(next.value, io);
    }
  }

  /**
   * Honours Ctrl-C and, every CHECKPOINT_EVERY steps of work (`weight` for a heavy one), yields to
   * the host, where other work and virtual time go on. In between, once the host has waited its
   * slice of real time, it gets a turn the simulation does not see: the steps decide what runs when,
   * real time only how often the host's messages get in.
   */
  async checkpoint(weight = 1): Promise<void> {
    if (this.env.interrupt.interrupted) throw new InterruptedCommand();
    // A job killed while stopped is continued, and meets its Ctrl-C at the next checkpoint.
    if (this.env.stopGate?.stopped) await this.env.stopGate.untilContinued();
    if (this.#work.add(weight)) await this.env.yieldToHost();
    else if (this.env.hostTurns?.due()) await this.env.hostTurns.take();
    else return;
    if (this.env.interrupt.interrupted) throw new InterruptedCommand();
  }

  async runList(list: List, io: Io): Promise<number> {
    let status = this.state.lastExit;
    for (const item of list.items) {
      if (item.background) {
        await this.#startBackgroundJob(item, io);
        status = 0;
      } else status = await this.#andOr(item, io);
      this.state.lastExit = status;
    }
    return status;
  }

  /** `cmd &`: see background-job.ts. */
  async #startBackgroundJob(item: AndOr, io: Io): Promise<void> {
    await startBackgroundJob(this, item, io, (child, childIo) => child.#andOr(item, childIo));
  }

  /** Runs `body` in a forked child (subshell, command substitution, child shell); its exit, or a dropped line, is its status. */
  async #inChildProcess(io: Io, body: (child: Interpreter) => Promise<number>): Promise<number> {
    await takeForkSlot(this, io);
    this.#ranChild = true;
    try {
      return await body(this.fork());
    } catch (error) {
      if (error instanceof ExitSignal) return error.code;
      if (error instanceof DiscardSignal) return error.status;
      throw error;
    } finally {
      this.env.processes.end();
    }
  }

  async #andOr(node: AndOr, io: Io): Promise<number> {
    let status = await this.#pipeline(node.first, io);
    this.state.lastExit = status;
    for (const { op, pipeline } of node.rest) {
      if ((op === '&&' && status !== 0) || (op === '||' && status === 0)) continue;
      status = await this.#pipeline(pipeline, io);
      this.state.lastExit = status;
    }
    return status;
  }

  async #pipeline(node: Pipeline, io: Io): Promise<number> {
    await this.checkpoint();
    let stdin = io.stdin;
    let stdinIsTerminal = io.stdinIsTerminal;
    let status = 0;
    /** The pipe the stage running now reads: its memory is the shell's again once that stage ends. */
    let reading: PipeBuffer | undefined;
    try {
      for (let i = 0; i < node.commands.length; i++) {
        const last = i === node.commands.length - 1;
        if (last) {
          const stage = { ...io, stdin, stdinIsTerminal };
          status = await this.runCommand(node.commands[i]!, stage);
          // What `read` took off the shell's own input is gone for the next command too.
          if (i === 0) io.stdin = stage.stdin;
        } else {
          const captured = new PipeBuffer(undefined, this.env.processes.pipeMemory);
          try {
            await this.runCommand(node.commands[i]!, { ...io, stdin, stdinIsTerminal, stdout: captured });
          } catch (error) {
            captured.release();
            throw error;
          }
          reading?.release();
          reading = captured;
          stdin = captured.text();
          stdinIsTerminal = false;
          // Ctrl-C reaches every command of the pipeline at once: the ones after it do not start.
          if (this.env.interrupt.interrupted) throw new InterruptedCommand();
        }
      }
    } finally {
      reading?.release();
    }
    // Models jobs.c wait_for: an interactive shell tells of ended jobs once a foreground child is reaped.
    if (this.#ranChild && this.state.interactive && this.env.jobNotices) {
      this.#ranChild = false;
      const notices = this.state.jobs.takeNotices();
      if (notices) this.env.jobNotices.write(notices);
    }
    return node.negated ? (status === 0 ? 1 : 0) : status;
  }

  async runCommand(command: Command, io: Io): Promise<number> {
    switch (command.type) {
      case 'simple':
        return this.#simple(command, io);
      case 'function':
        this.state.functions.set(command.name, command.body);
        return 0;
      default:
        return withRedirects(this, command.redirects, io, async (redirected) => this.#compound(command, redirected));
    }
  }

  async #compound(command: Exclude<Command, { type: 'simple' | 'function' }>, io: Io): Promise<number> {
    switch (command.type) {
      case 'group': {
        if (!command.subshell) return this.runList(command.body, io);
        return this.#inChildProcess(io, (child) => child.runList(command.body, io));
      }
      case 'if': {
        for (const clause of command.clauses) {
          if ((await this.runList(clause.condition, io)) === 0) return this.runList(clause.body, io);
        }
        return command.elseBody ? this.runList(command.elseBody, io) : 0;
      }
      case 'for': {
        const items = command.items ? (await Promise.all(command.items.map((w) => expandWord(this, w, io)))).flat() : this.state.positional;
        let status = 0;
        for (const item of items) {
          await this.checkpoint();
          this.state.vars.set(command.variable, item);
          const outcome = await this.#loopBody(command.body, io);
          if (outcome === 'break') break;
          if (outcome !== 'continue') status = outcome;
        }
        return status;
      }
      case 'while': {
        let status = 0;
        for (;;) {
          await this.checkpoint();
          const condition = await this.runList(command.condition, io);
          if (command.until ? condition === 0 : condition !== 0) break;
          const outcome = await this.#loopBody(command.body, io);
          if (outcome === 'break') break;
          if (outcome !== 'continue') status = outcome;
        }
        return status;
      }
      case 'arithmetic':
        return runArithmeticCommand(this, command, io);
      case 'arithmetic-for':
        return runArithmeticFor(this, command, io, (body, bodyIo) => this.#loopBody(body, bodyIo));
      case 'case': {
        const subject = await expandWordToString(this, command.subject, io);
        for (const item of command.items) {
          for (const pattern of item.patterns) {
            const text = await expandWordToString(this, pattern, io);
            if (new GlobPattern(text).matches(subject)) return this.runList(item.body, io);
          }
        }
        return 0;
      }
    }
  }

  /** One pass of a loop body: its status, or how `break` / `continue` ended it. */
  async #loopBody(body: List, io: Io): Promise<number | 'break' | 'continue'> {
    try {
      return await this.runList(body, io);
    } catch (signal) {
      if (signal instanceof BreakSignal) return 'break';
      if (signal instanceof ContinueSignal) return 'continue';
      throw signal;
    }
  }

  async #simple(command: Extract<Command, { type: 'simple' }>, io: Io): Promise<number> {
    try {
      return await this.#simpleExpanded(command, io);
    } finally {
      if (!this.processSubstitutions.empty) await this.processSubstitutions.close(this, io);
    }
  }

  async #simpleExpanded(command: Extract<Command, { type: 'simple' }>, io: Io): Promise<number> {
    let argv = await expandCommandWords(this, command.words, io);
    if (argv.length === 0) {
      let status = this.state.lastExit;
      for (const a of command.assignments) if ((await assignVariable(this, a, io, command.line)) !== 0) status = 1;
      return withRedirects(this, command.redirects, io, async () => status, command.line);
    }
    const assignments: [string, string][] = [];
    for (const a of command.assignments) assignments.push([a.name, await expandWordToString(this, a.value, io)]);
    return withRedirects(
      this,
      command.redirects,
      io,
      async (redirected) => {
        const saved = assignments.map(([name]) => [name, this.state.vars.get(name), this.state.exported.has(name)] as const);
        for (const [name, value] of assignments) {
          this.state.vars.set(name, value);
          this.state.exported.add(name);
        }
        try {
          return await this.#execute(argv, redirected, command.line);
        } finally {
          for (const [name, value, exported] of saved) {
            if (value === undefined) this.state.vars.delete(name);
            else this.state.vars.set(name, value);
            if (!exported) this.state.exported.delete(name);
          }
        }
      },
      command.line,
    );
  }

  async #execute(argv: string[], io: Io, line: number): Promise<number> {
    const name = argv[0]!;
    const fn = this.state.functions.get(name);
    if (fn) {
      const savedPositional = this.state.positional;
      this.state.positional = argv.slice(1);
      const scope = new Map<string, SavedVariable>();
      this.state.scopes.push(scope);
      try {
        return await nested(
          this,
          'functions',
          io,
          (depth) => `${this.errorPrefix(line)}${name}: maximum function nesting level exceeded (${depth})`,
          () => this.runCommand(fn, io),
        );
      } catch (signal) {
        if (signal instanceof ReturnSignal) return signal.code;
        throw signal;
      } finally {
        this.state.positional = savedPositional;
        this.state.scopes.pop();
        restoreScope(this.state, scope);
      }
    }
    const refusedBefore = refusedWrites(io.stdout);
    const ran = (status: number) => afterRefusedWrites(name, status, refusedWrites(io.stdout) - refusedBefore, io.stderr, this.errorPrefix(line));
    if (BUILTIN_NAMES.has(name)) return ran(await runBuiltin(this, argv, io, line));
    const program = this.env.registry.get(name);
    if (program) {
      const context = commandContextFor(this, argv, io);
      const path = name.includes('/') ? name : `/usr/bin/${name}`;
      if (argumentListTooLong(argv, context.env)) {
        io.stderr.write(`${this.errorPrefix(line)}${path}: Argument list too long\n`);
        return 126;
      }
      this.#ranChild = true;
      return ran(await program.run(context));
    }
    if (name.includes('/')) return runScriptFile(this, name, argv, io, line);
    io.stderr.write(`${this.errorPrefix(line)}${commandNotFound(this.state.flavour, name)}\n`);
    return 127;
  }

  /** Runs `source` as a separate shell process (a script, `bash -c`). */
  async runScript(source: string, options: { args?: string[]; scriptName?: string; input?: ShellInput; flavour?: ShellFlavour }, io: Io): Promise<number> {
    return this.#inChildProcess(io, (child) => {
      child.state.positional = options.args ?? [];
      child.state.scriptName = options.scriptName ?? this.state.scriptName;
      child.state.input = options.input ?? 'string';
      child.state.linesBefore = 0;
      if (options.flavour) child.state.flavour = options.flavour;
      return child.runSource(source, io);
    });
  }

  /** `eval`: the words run as shell input in this shell. */
  async evalSource(source: string, io: Io): Promise<number> {
    return nested(
      this,
      'evals',
      io,
      (depth) => `${this.errorPrefix()}eval: maximum eval nesting level exceeded (${depth})`,
      () => this.runSource(source, io),
    );
  }

  /** `source FILE`: the file's lines run in this shell. */
  async sourceFile(name: string, source: string, io: Io): Promise<number> {
    return nested(
      this,
      'sources',
      io,
      (depth) => `${this.errorPrefix()}${name}: maximum source nesting level exceeded (${depth})`,
      () => this.runSource(source, io),
    );
  }

  /** A child shell: copies of variables and functions, the same filesystem and programs; its steps count with ours unless it has an environment of its own (a background job). */
  fork(env: Environment = this.env): Interpreter {
    const child = new Interpreter(childShellState(this.state), env, env === this.env ? this.#work : undefined);
    Object.assign(child.nesting, this.nesting);
    return child;
  }

  /** Runs `source` and returns what it printed (command substitution). */
  async capture(source: string, io: Io): Promise<string> {
    const out = new PipeBuffer(undefined, this.env.processes.pipeMemory);
    try {
      this.state.lastExit = await this.#inChildProcess(io, (child) => child.runSource(source, { ...io, stdout: out }));
      return out.text();
    } finally {
      out.release();
    }
  }

  /** Runs `source` in a child shell with these streams; its status. */
  subshell(source: string, io: Io): Promise<number> {
    return this.#inChildProcess(io, (child) => child.runSource(source, io));
  }
}
