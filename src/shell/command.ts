/**
 * The contract every program the shell can run implements: builtins, coreutils-like tools,
 * kubectl, and the tools inside simulated containers. A program receives its argv and a context
 * with streams, the filesystem, the environment and time; it resolves to an exit status.
 */
import type { FileSystem } from './fs/file-system.ts';

export interface OutputStream {
  write(text: string): void;
}

export interface ShellTime {
  /** Virtual time, ms since the epoch. */
  now(): number;
  /** Resolves after `ms` of virtual time; rejects with InterruptedError once `interrupt` fires (Ctrl-C). */
  sleep(ms: number, interrupt?: Interrupt): Promise<void>;
  /**
   * Runs what is due at this instant (controllers reacting to the last change) without yielding to
   * the host, so the clock cannot move meanwhile.
   */
  settle?(): Promise<void>;
}

/** Ctrl-C for the running command line. */
export interface Interrupt {
  readonly interrupted: boolean;
  onInterrupt(listener: () => void): () => void;
}

/** The keys of the editor a program asked for: `vi`/`vim` edit with vim's, `nano` with nano's. */
export type EditorKeys = 'vim' | 'nano';

/** What an interactive terminal offers a program (an editor for `vi`/`kubectl edit`, etc.). */
export interface TerminalPort {
  /**
   * Opens `path` in the editor and resolves once the user saved or closed it. Headless sessions
   * provide a scripted editor.
   */
  editFile?(path: string, keys?: EditorKeys): Promise<void>;
  clearScreen?(): void;
  /** The terminal's size in characters (bash's COLUMNS and LINES, the width `ls` lays its columns out in). */
  size?(): { columns: number; rows: number };
  /**
   * Shows `prompt` and resolves with the next line the user enters while this program keeps
   * running (an interactive shell inside `kubectl exec -it`, `cat` reading the terminal), or null
   * at end of input (Ctrl-D). When `cancel` fires first (Ctrl-C) the wait ends with null too; the
   * caller knows which by its own interrupt.
   */
  readLine?(prompt: string, cancel?: { onInterrupt(listener: () => void): () => void }): Promise<string | null>;
  /**
   * Puts the terminal in raw mode for a program that forwards keys (`kubectl exec -it`): until the
   * returned release is called, each Ctrl-C calls `onCtrlC` instead of interrupting the program.
   */
  trapCtrlC?(onCtrlC: () => void): () => void;
  /**
   * A real host terminal only (`cka-lab kubectl`): switches it to raw mode and hands over every
   * keystroke as typed, Ctrl-C included, until `release`. Simulated terminals leave it out and
   * offer `readLine`/`trapCtrlC` instead.
   */
  /**
   * Takes the keyboard for a full-screen program (`less`, `more`): until `release`, each key typed
   * goes to `onData` as typed, unechoed, instead of to the line discipline. Ctrl-C stays a signal
   * (curses' cbreak mode): a program that outlives it traps it with `trapCtrlC`. Only the page's
   * terminal offers it; elsewhere such programs behave as with standard output not a terminal.
   */
  rawKeys?(): RawKeys;
  rawMode?(): {
    onData(listener: (data: string) => void): () => void;
    size(): { columns: number; rows: number };
    onResize(listener: () => void): () => void;
    release(): void;
  };
}

/** The keys typed while a full-screen program holds the terminal (TerminalPort.rawKeys). */
export interface RawKeys {
  /** Calls `listener` with each chunk typed (an escape sequence arrives whole); returns the unsubscribe. */
  onData(listener: (data: string) => void): () => void;
  release(): void;
}

/**
 * Whose tools these are: GNU coreutils (the host, Debian and Ubuntu images) or busybox applets
 * (busybox and Alpine images). The same failure is worded differently by each.
 */
export type Userland = 'gnu' | 'busybox';

export interface CommandContext {
  argv: string[];
  /** Standard input as text ('' when none). */
  stdin: string;
  /** True when stdin is the terminal rather than a pipe, file or here-document. */
  stdinIsTerminal: boolean;
  stdout: OutputStream;
  /**
   * For a line typed at a terminal: true when stdout is that terminal (isatty(1)), false when a
   * pipe, file or capture. Left out when the command was not typed (a script, the headless player).
   */
  stdoutIsTerminal?: boolean;
  stderr: OutputStream;
  env: Map<string, string>;
  cwd: string;
  fs: FileSystem;
  time: ShellTime;
  interrupt: Interrupt;
  terminal: TerminalPort;
  userland: Userland;
  /** Runs a command line in a child shell (used by `bash FILE`, `sh -c`, `watch`…). */
  runScript(
    source: string,
    options?: { args?: string[]; stdin?: string; scriptName?: string; interrupt?: Interrupt; stdout?: OutputStream; stderr?: OutputStream },
  ): Promise<number>;
  /**
   * Lets the host breathe during long CPU-bound work (a loop with no sleep): resolves after one
   * host macrotask and throws InterruptedError if Ctrl-C arrived. `weight`: how many steps of
   * work this one counts for (a slice of megabytes of text weighs more than a loop's round).
   */
  checkpoint(weight?: number): Promise<void>;
}

export interface Command {
  name: string;
  run(ctx: CommandContext): Promise<number>;
}

export interface CommandRegistry {
  get(name: string): Command | undefined;
  names(): string[];
}
