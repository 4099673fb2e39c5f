/**
 * The learner's bash (and, in busybox flavour, the `sh` inside containers): holds the shell's
 * state between command lines and runs each input through the parser and interpreter.
 */
import { expandHistory } from './history-expansion.ts';
import type { Command, CommandRegistry, Interrupt, OutputStream, ShellTime, TerminalPort, Userland } from './command.ts';
import type { FileSystem } from '../lib/file-system.ts';
import { IncompleteHeredoc, IncompleteInput } from './syntax-failure.ts';
import { createInterrupt } from './interrupt.ts';
import { parse } from './parser.ts';
import { Interpreter } from './interpreter/interpreter.ts';
import { InterruptedCommand, type HostTurns, type ShellState } from './interpreter/shell-state.ts';
import { BUILTIN_NAMES } from './interpreter/builtins.ts';
import { BreakSignal, ContinueSignal, DiscardSignal, ExitSignal, ReturnSignal } from './interpreter/signals.ts';
import { ProcessTable } from './interpreter/process-table.ts';
import { JobTable } from './interpreter/job-table.ts';
import { ArithmeticError } from './interpreter/arithmetic.ts';
import { BASH_COMPLETION_FUNCTIONS, finishCompletionCall, prepareCompletionCall, type CompletionRequest } from './completion-function.ts';
import { reportInternalFault } from '../lib/internal-fault/internal-fault.ts';
import type { ShellFlavour, ShellInput } from './interpreter/shell-dialect.ts';

export interface ShellOptions {
  fs: FileSystem;
  registry: CommandRegistry;
  env?: Record<string, string>;
  cwd?: string;
  hostname?: string;
  time: ShellTime;
  terminal?: TerminalPort;
  yieldToHost: () => Promise<void>;
  /** How background jobs yield; `yieldToHost` unless the host tells foreground work from background work apart. */
  backgroundYield?: () => Promise<void>;
  /** Turns for the host by real time between those yields. */
  hostTurns?: HostTurns;
  aliases?: Record<string, string>;
  /** Which shell this is: the learner's bash, or a container's busybox ash or dash. */
  builtins?: ShellFlavour;
  /** Where its commands come from (the terminal unless said otherwise): ash and dash word errors by it. */
  input?: ShellInput;
  /** `$0`, which starts the shell's own error messages: `bash`, or `sh` / `/bin/sh` as it was started. */
  name?: string;
  /** Whose tools the programs are: GNU unless the image is busybox-based. */
  userland?: Userland;
}

export { createInterrupt };
export type { HostTurns };

export class Shell {
  readonly #state: ShellState;
  readonly #options: ShellOptions;
  #exited = false;
  readonly #processes = new ProcessTable();

  constructor(options: ShellOptions) {
    this.#options = options;
    const vars = new Map(Object.entries(options.env ?? {}));
    const cwd = options.cwd ?? '/root';
    vars.set('PWD', cwd);
    this.#state = {
      vars,
      exported: new Set(vars.keys()),
      aliases: new Map(Object.entries(options.aliases ?? { k: 'kubectl', vi: 'vim' })),
      functions: new Map(),
      cwd,
      lastExit: 0,
      positional: [],
      scriptName: options.name ?? (options.builtins === undefined || options.builtins === 'bash' ? 'bash' : 'sh'),
      flavour: options.builtins ?? 'bash',
      input: options.input ?? 'terminal',
      linesBefore: 0,
      userland: options.userland ?? 'gnu',
      history: [],
      hostname: options.hostname ?? 'controlplane',
      jobs: new JobTable(),
      interactive: false,
      lastBackgroundPid: '',
      completions: new Map(),
      arrays: new Map(),
      scopes: [],
    };
  }

  get history(): readonly string[] {
    return this.#state.history;
  }

  get lastExitCode(): number {
    return this.#state.lastExit;
  }

  /** True once `exit` ran: an interactive shell (`kubectl exec -it … -- sh`) ends there. */
  get exited(): boolean {
    return this.#exited;
  }

  /** Background jobs still running. */
  get jobCount(): number {
    return this.#processes.jobCount;
  }

  /** Ends every background job (the session is closing, as a terminal hanging up sends SIGHUP). */
  killJobs(): void {
    this.#processes.killJobs();
  }

  /** The function `complete -F` gave each command name, which the terminal's Tab follows. */
  get completionFunctions(): ReadonlyMap<string, string> {
    return new Map([...this.#state.completions].flatMap(([name, spec]) => (spec.function ? [[name, spec.function] as const] : [])));
  }

  /**
   * Runs the `complete -F` function `fn` for Tab on `request`: its COMPREPLY, and the completion's
   * options once the function's `compopt` calls changed them (`nospace`, `default`…).
   */
  async runCompletionFunction(fn: string, request: CompletionRequest, options: string[]): Promise<{ candidates: string[]; options: Set<string> }> {
    const state = this.#state;
    const saved = { lastExit: state.lastExit, history: state.history.length, interactive: state.interactive };
    const discard: OutputStream = { write: () => undefined };
    const io = { stdout: discard, stderr: discard, interrupt: createInterrupt() };
    if (!state.functions.has('_init_completion')) await this.run(BASH_COMPLETION_FUNCTIONS, io);
    state.completionOptions = new Set(options);
    try {
      await this.run(prepareCompletionCall(state, fn, request), io);
      return { candidates: finishCompletionCall(state), options: state.completionOptions };
    } finally {
      delete state.completionOptions;
      state.lastExit = saved.lastExit;
      state.history.length = saved.history;
      state.interactive = saved.interactive;
    }
  }

  /** The `complete` specification of a command name: its function and `-o` options. */
  completionSpec(name: string): { function?: string; options: string[] } | undefined {
    const spec = this.#state.completions.get(name);
    if (!spec) return undefined;
    return { ...(spec.function ? { function: spec.function } : {}), options: spec.options.filter((o) => o.startsWith('-o ')).map((o) => o.slice(3)) };
  }

  /** True when `name` is a shell function (the terminal's Tab runs `complete -F` functions that are). */
  hasFunction(name: string): boolean {
    return this.#state.functions.has(name);
  }

  get aliases(): ReadonlyMap<string, string> {
    return this.#state.aliases;
  }

  get cwd(): string {
    return this.#state.cwd;
  }

  get env(): Map<string, string> {
    return this.#state.vars;
  }

  /** True when `input` needs more lines: an open quote, here-document, `|`, `&&`, `do` without `done`… */
  needsMoreInput(input: string): boolean {
    return this.#incompleteness(input) !== undefined;
  }

  #incompleteness(input: string): IncompleteInput | 'continued' | undefined {
    if (/\\\n?$/.test(input) && !input.endsWith('\\\\')) return input.endsWith('\\') ? 'continued' : undefined;
    try {
      parse(input);
      return undefined;
    } catch (error) {
      return error instanceof IncompleteInput ? error : undefined;
    }
  }

  /**
   * How many of `following` (lines entered after `line`, a paste) the command begun by `line`
   * takes to be complete, or undefined when all of them leave it incomplete. A here-document's body
   * is skipped to its delimiter line without parsing it line by line, so a long pasted document
   * costs one parse, not one per line.
   */
  linesToComplete(line: string, following: readonly string[]): number | undefined {
    const taken = [line];
    for (;;) {
      const open = this.#incompleteness(taken.join('\n'));
      if (open === undefined) return taken.length - 1;
      if (taken.length > following.length) return undefined;
      if (open instanceof IncompleteHeredoc) {
        const from = taken.length - 1;
        let end = from;
        while (end < following.length && (open.stripTabs ? following[end]!.replace(/^\t+/, '') : following[end]) !== open.delimiter) end++;
        if (end === following.length) return undefined;
        for (let i = from; i <= end; i++) taken.push(following[i]!);
      } else taken.push(following[taken.length - 1]!);
    }
  }

  /** `controlplane ~ ➜  ` after success, `controlplane ~ ✖ ` after a failure (KodeKloud's prompt). */
  prompt(): string {
    const home = this.#state.vars.get('HOME') ?? '/root';
    const cwd = this.#state.cwd;
    const where = cwd === home ? '~' : cwd.startsWith(`${home}/`) ? cwd.slice(home.length + 1) : cwd.slice(cwd.lastIndexOf('/') + 1) || '/';
    return this.#state.lastExit === 0 ? `${this.#state.hostname} ${where} ➜  ` : `${this.#state.hostname} ${where} ✖ `;
  }

  commandNames(): string[] {
    return [...new Set([...BUILTIN_NAMES, ...this.#options.registry.names(), ...this.#state.aliases.keys()])].sort();
  }

  /**
   * Runs one input. `interactive` is the terminal's shell reading a typed line: it announces the
   * jobs it starts (`[1] 4001`) and, before the next prompt, reports those that have ended.
   * `stdoutIsTerminal` alone says `stdout` stands for the terminal (a headless transcript), so
   * programs tell it from a pipe (isatty(1)) without the interactive shell's job notices.
   */
  async run(
    input: string,
    io: { stdout: OutputStream; stderr: OutputStream; interrupt: Interrupt; stdin?: string; interactive?: boolean; stdoutIsTerminal?: boolean },
  ): Promise<number> {
    this.#state.interactive = io.interactive === true;
    // Models bash's checkwinsize (on by default since 5.0): an interactive shell keeps COLUMNS and LINES current.
    const size = this.#state.interactive ? this.#options.terminal?.size?.() : undefined;
    if (size) {
      this.#state.vars.set('COLUMNS', String(size.columns));
      this.#state.vars.set('LINES', String(size.rows));
    }
    if (this.#state.interactive && this.#state.flavour === 'bash') {
      // Models bashhist.c pre_process_line: the expanded line is echoed, a failed one dropped.
      const expansion = expandHistory(input, this.#state.history);
      if (expansion.kind === 'failed') {
        io.stderr.write(`bash: ${expansion.message}\n`);
        return this.#state.lastExit;
      }
      if (expansion.kind === 'expanded') {
        io.stderr.write(`${expansion.line}\n`);
        this.#state.history.push(expansion.line);
        if (expansion.print) return this.#state.lastExit;
        input = expansion.line;
      } else if (input.trim()) this.#state.history.push(input);
    } else if (input.trim() && this.#state.flavour === 'bash') this.#state.history.push(input);
    const interpreter = new Interpreter(this.#state, {
      fs: this.#options.fs,
      registry: this.#options.registry,
      time: this.#options.time,
      terminal: this.#options.terminal ?? {},
      interrupt: io.interrupt,
      yieldToHost: this.#options.yieldToHost,
      backgroundYield: this.#options.backgroundYield ?? this.#options.yieldToHost,
      ...(this.#options.hostTurns ? { hostTurns: this.#options.hostTurns } : {}),
      processes: this.#processes,
      ...(io.interactive ? { jobNotices: io.stderr, terminalOut: io.stdout } : io.stdoutIsTerminal ? { terminalOut: io.stdout } : {}),
    });
    let status: number;
    try {
      status = await interpreter.runSource(input, { stdin: io.stdin ?? '', stdinIsTerminal: io.stdin === undefined, stdout: io.stdout, stderr: io.stderr });
    } catch (error) {
      if (error instanceof ExitSignal) {
        status = error.code;
        this.#exited = true;
      } else if (error instanceof InterruptedCommand || (error instanceof Error && error.name === 'InterruptedError') || io.interrupt.interrupted) status = 130;
      else if (error instanceof ReturnSignal) status = error.code;
      else if (error instanceof DiscardSignal) status = error.status;
      else if (error instanceof BreakSignal || error instanceof ContinueSignal) status = 0;
      else {
        const message = error instanceof ArithmeticError ? error.message : reportInternalFault('the shell', error);
        io.stderr.write(`${this.#state.scriptName}: ${message}\n`);
        status = 1;
      }
    }
    this.#state.lastExit = status;
    const notices = this.#state.interactive ? this.#state.jobs.takeNotices() : '';
    if (notices) io.stderr.write(notices);
    // A shell fed its input piece by piece (typed lines) counts its lines across the pieces.
    if (this.#state.input === 'terminal' || this.#state.input === 'stdin') this.#state.linesBefore += input.replace(/\n$/, '').split('\n').length;
    return status;
  }
}

export function registryOf(commands: Command[]): CommandRegistry {
  const byName = new Map(commands.map((c) => [c.name, c]));
  return { get: (name) => byName.get(name), names: () => [...byName.keys()] };
}

export class CompositeRegistry implements CommandRegistry {
  readonly #registries: CommandRegistry[];

  constructor(...registries: CommandRegistry[]) {
    this.#registries = registries;
  }

  get(name: string): Command | undefined {
    for (const registry of this.#registries) {
      const found = registry.get(name);
      if (found) return found;
    }
    return undefined;
  }

  names(): string[] {
    return [...new Set(this.#registries.flatMap((r) => r.names()))];
  }
}
