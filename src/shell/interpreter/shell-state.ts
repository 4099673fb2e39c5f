/**
 * What an interpreter works on: the shell's state (variables, functions, cwd, history), the
 * environment it runs in (file system, programs, clock, terminal), the streams of one command, and
 * the limits bash puts on nesting.
 */
import type { Command } from '../ast.ts';
import type { CommandRegistry, Interrupt, OutputStream, ShellTime, TerminalPort, Userland } from '../command.ts';
import type { FileSystem } from '../../lib/file-system.ts';
import type { StopGate } from './stop-gate.ts';
import type { ProcessTable } from './process-table.ts';
import { JobTable } from './job-table.ts';
import type { CompletionSpec } from './complete-builtin.ts';
import type { ShellFlavour, ShellInput } from './shell-dialect.ts';
import type { SavedVariable, ShellArray } from './variables.ts';

export interface Io {
  stdin: string;
  stdinIsTerminal: boolean;
  stdout: OutputStream;
  stderr: OutputStream;
}

export interface ShellState {
  vars: Map<string, string>;
  /** Indexed and associative arrays (variables.ts); a name is in `vars` or here, never both. */
  arrays: Map<string, ShellArray>;
  /** One map per running function: what its `local`s hid of the caller's variables. */
  scopes: Map<string, SavedVariable>[];
  exported: Set<string>;
  aliases: Map<string, string>;
  functions: Map<string, Command>;
  cwd: string;
  lastExit: number;
  positional: string[];
  /** `bash` at the prompt, or the script's path when running one. */
  scriptName: string;
  flavour: ShellFlavour;
  input: ShellInput;
  /** Lines an interactive shell read before the current one (dash numbers its errors with them). */
  linesBefore: number;
  /** Whose tools the programs are (their error wording). */
  userland: Userland;
  history: string[];
  hostname: string;
  /** This shell's background jobs; a subshell or child shell starts with none. */
  jobs: JobTable;
  /** The terminal's shell between prompts: it announces and reports its jobs (bash's interactive_shell). */
  interactive: boolean;
  /** `complete`'s specifications by command name (the terminal's Tab reads them). */
  completions: Map<string, CompletionSpec>;
  /** While a `complete -F` function runs for Tab: the completion's options, which `compopt` changes. */
  completionOptions?: Set<string>;
  /** `$!`: the PID of the last background job, empty before one. */
  lastBackgroundPid: string;
}

export interface Environment {
  fs: FileSystem;
  registry: CommandRegistry;
  time: ShellTime;
  terminal: TerminalPort;
  interrupt: Interrupt;
  yieldToHost: () => Promise<void>;
  /** Where a background job yields: its computing is not the foreground command's (the headless player's busy test). */
  backgroundYield: () => Promise<void>;
  /** Turns for the host by real time, between the yields counted in steps. */
  hostTurns?: HostTurns;
  processes: ProcessTable;
  /** Set in a background job: where SIGSTOP holds it until SIGCONT. */
  stopGate?: StopGate;
  /** The stream of the terminal a typed line runs at: a command whose stdout is this one writes to a tty. */
  terminalOut?: OutputStream;
  /** The terminal, where an interactive shell reports its ended jobs whatever a command redirected. */
  jobNotices?: OutputStream;
}

/** The host's message loop's turns by real time, which the simulation never sees (session/host-turns.ts). */
export interface HostTurns {
  /** True once the host has waited its slice of real time. */
  due(): boolean;
  take(): Promise<void>;
}

/** Bash's FUNCNEST as KodeKloud's nodes would need it set: bash without it overflows its stack and dies. */
export const FUNCNEST_MAX = 1000;
/** Bash's compile-time EVALNEST_MAX and SOURCENEST_MAX, for the same reason. */
export const EVALNEST_MAX = 1000;
export const SOURCENEST_MAX = 1000;
export const CHECKPOINT_EVERY = 64;

export class InterruptedCommand extends Error {}

/** A child shell's state: copies of variables, functions and aliases; no jobs of its own yet, no terminal. */
export function childShellState(state: ShellState): ShellState {
  return {
    ...state,
    vars: new Map(state.vars),
    arrays: new Map([...state.arrays].map(([name, array]) => [name, { assoc: array.assoc, values: new Map(array.values) }])),
    scopes: state.scopes.map((scope) => new Map(scope)),
    exported: new Set(state.exported),
    aliases: new Map(state.aliases),
    functions: new Map(state.functions),
    positional: [...state.positional],
    jobs: new JobTable(),
    interactive: false,
  };
}
