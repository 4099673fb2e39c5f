/**
 * Runs shell tools inside simulated containers: the learner's own shell interpreter in busybox
 * mode, over the container's filesystem, limited to the binaries the image ships, with wget /
 * curl / nslookup reaching the cluster network as that pod.
 */
import type { ProcessIO, ToolRunner } from '../engine/kubelet/tool-runner.ts';
import type { Command, CommandRegistry, Interrupt } from '../shell/command.ts';
import { MemoryFileSystem } from '../shell/fs/memory-file-system.ts';
import { Shell, createInterrupt, registryOf, type HostTurns } from '../shell/shell.ts';
import { toolCommands } from '../shell/commands/index.ts';
import { createNetworkTools } from './network-tools/index.ts';
import { nginxProgram } from './image-programs/nginx.ts';

/** Binaries that are the shell itself rather than a tool it runs. */
const SHELLS = new Set(['sh', 'bash', 'ash']);

export class ContainerToolbox implements ToolRunner {
  readonly #yields: { attached: () => Promise<void>; background: () => Promise<void> };
  readonly #hostTurns: HostTurns | undefined;

  /** `attached` for processes a client waits on (`kubectl exec`), `background` for a container's own; one function for both. */
  constructor(yields: (() => Promise<void>) | { attached: () => Promise<void>; background: () => Promise<void> }, hostTurns?: HostTurns) {
    this.#yields = typeof yields === 'function' ? { attached: yields, background: yields } : yields;
    this.#hostTurns = hostTurns;
  }

  newFileSystem(): MemoryFileSystem {
    return new MemoryFileSystem();
  }

  async run(io: ProcessIO): Promise<number> {
    const program = basename(io.argv[0] ?? '');
    // `sh` is busybox ash in busybox and Alpine images, dash in Debian and Ubuntu ones.
    const flavour = program === 'bash' ? 'bash' : io.userland === 'busybox' ? 'busybox' : 'dash';
    const args = io.argv.slice(1);
    // Typed input without a TTY (`kubectl exec -i` at a terminal): the lines come as typed, but
    // nothing in the container sees a terminal, so no prompt, no job control, no Ctrl-C.
    const tty = io.tty === true && io.readLine !== undefined;
    const typed = !tty && io.readLine !== undefined;
    const input = !SHELLS.has(program) || args[0] === '-c' ? 'string' : args.length > 0 ? 'file' : tty ? 'terminal' : 'stdin';
    const shell = new Shell({
      fs: io.fs,
      registry: this.#registryFor(io),
      env: io.env,
      cwd: io.cwd,
      hostname: io.hostname,
      time: { now: io.now, sleep: io.sleep },
      yieldToHost: io.attached ? this.#yields.attached : this.#yields.background,
      ...(this.#hostTurns ? { hostTurns: this.#hostTurns } : {}),
      builtins: flavour,
      input,
      ...(SHELLS.has(program) ? { name: io.argv[0]! } : {}),
      userland: io.userland,
      aliases: {},
      // The programs' standard input is the user's terminal: `cat` reads what the user types.
      ...(io.readLine ? { terminal: { readLine: io.readLine } } : {}),
    });
    // A stopped container takes its background jobs with it (SIGKILL reaches every process in it).
    io.kill.onInterrupt(() => shell.killJobs());
    const stdout = { write: io.stdout };
    const stderr = { write: io.stderr };
    // On a TTY, Ctrl-C interrupts the foreground program as a signal would; otherwise only the exec's end does.
    const interrupt = io.ctrlC ? eitherInterrupt(io.kill, io.ctrlC) : io.kill;
    if (SHELLS.has(program)) {
      if (args[0] === '-c') return shell.run(args[1] ?? '', { stdout, stderr, interrupt, stdin: io.stdin });
      if (args.length === 0 && tty) return interactive(shell, io, program);
      if (args.length === 0 && typed) return scriptFromTerminal(shell, io);
      if (args.length === 0) return shell.run(io.stdin, { stdout, stderr, interrupt });
      return shell.run(io.argv.map(quote).join(' '), { stdout, stderr, interrupt, stdin: io.stdin });
    }
    const readsTerminal = tty || (typed && COPIES_AS_TYPED.has(program));
    return shell.run(io.argv.map(quote).join(' '), { stdout, stderr, interrupt, ...(readsTerminal ? {} : { stdin: io.stdin }) });
  }

  #registryFor(io: ProcessIO): CommandRegistry {
    const available = new Set(io.binaries.map(basename));
    const commands: Command[] = [...toolCommands(), ...createNetworkTools(io.network, io.userland), nginxProgram].filter((c) => available.has(c.name));
    const byName = registryOf(commands);
    // The image keeps its programs in the bin directories: `/bin/sleep 20` runs the same sleep.
    return { get: (name) => byName.get(BIN_PATH.exec(name)?.[1] ?? name), names: () => byName.names() };
  }
}

const BIN_PATH = /^\/(?:usr\/)?(?:local\/)?s?bin\/([^/]+)$/;

/**
 * Programs that copy their input out as each typed line arrives. The toolbox's other programs take
 * their whole stdin at once, which a terminal only ends at Ctrl-D; without a TTY they get none,
 * and keep their non-terminal manners (`ls` one name a line).
 */
const COPIES_AS_TYPED = new Set(['cat']);

/**
 * A shell whose stdin is the user's terminal without a TTY (`kubectl exec -i POD -- sh`): it is
 * not interactive, so it shows no prompt and says nothing on leaving, but runs each command as its
 * lines arrive, until `exit` or end of input.
 */
async function scriptFromTerminal(shell: Shell, io: ProcessIO): Promise<number> {
  const stdout = { write: io.stdout };
  const stderr = { write: io.stderr };
  for (;;) {
    const { text, unfinished } = await readCommand(shell, io, '', '', io.kill);
    if (io.kill.interrupted) return 137;
    if (text === null) return shell.lastExitCode;
    // Input that ends inside an `if` or a quote runs all the same: the shell reports its syntax error.
    await shell.run(text, { stdout, stderr, interrupt: io.kill, stdin: '' });
    if (io.kill.interrupted) return 137;
    if (unfinished || shell.exited) return shell.lastExitCode;
  }
}

/**
 * Lines read until they make a whole command, asking for the rest after `more` (an open `if`,
 * loop or quote); `unfinished` when the input ended inside one. `text` is null at end of input.
 */
async function readCommand(
  shell: Shell,
  io: ProcessIO,
  prompt: string,
  more: string,
  cancel: InterruptSource & { readonly interrupted: boolean },
): Promise<{ text: string | null; unfinished: boolean }> {
  let text = await io.readLine!(prompt, cancel);
  while (text !== null && !cancel.interrupted && shell.needsMoreInput(text)) {
    const next = await io.readLine!(more, cancel);
    if (cancel.interrupted) break;
    if (next === null) return { text, unfinished: true };
    text = `${text}\n${next}`;
  }
  return { text, unfinished: false };
}

/**
 * An interactive shell on a TTY (`kubectl exec -it POD -- sh`): prompts, runs each line the user
 * enters in the same shell, and ends at `exit` or end of input with the last command's status.
 */
async function interactive(shell: Shell, io: ProcessIO, program: string): Promise<number> {
  const stdout = { write: io.stdout };
  const stderr = { write: io.stderr };
  for (;;) {
    // Ctrl-C at the prompt drops the line being typed, and the shell prompts again below it.
    const atPrompt = eitherInterrupt(io.kill, io.ctrlC ?? NO_CTRL_C);
    // An unfinished `if`, loop or quote asks for more at `> `, as the shell's PS2 does.
    const { text: line, unfinished } = await readCommand(shell, io, promptOf(shell, io, program), '> ', atPrompt);
    atPrompt.release();
    if (io.kill.interrupted) return 137;
    if (atPrompt.interrupted) {
      io.stdout('\n');
      continue;
    }
    if (unfinished) {
      // Ctrl-D at `> ` is the end of input the command lacked: its syntax error. ash and dash then
      // prompt again; bash ends.
      if (program === 'bash') io.stdout('\n');
      await shell.run(`${line}\n`, { stdout, stderr, interrupt: io.kill });
      if (program !== 'bash') continue;
    }
    if (line === null || unfinished) {
      // bash says why it ends on Ctrl-D; ash only ends the line its prompt is on.
      io.stdout(program === 'bash' ? 'exit\n' : '\n');
      return shell.lastExitCode;
    }
    // Ctrl-C reaches the command in the foreground, and the shell prompts again on a new line.
    const foreground = eitherInterrupt(io.kill, io.ctrlC ?? NO_CTRL_C);
    await shell.run(line, { stdout, stderr, interrupt: foreground });
    foreground.release();
    if (io.kill.interrupted) return 137;
    if (foreground.interrupted) io.stdout('\n');
    if (shell.exited) {
      if (program === 'bash') io.stderr('exit\n');
      return shell.lastExitCode;
    }
  }
}

/** busybox ash: `/ # `; Debian's bash: `root@web:/# `; dash: `# ` (root's default prompts). */
function promptOf(shell: Shell, io: ProcessIO, program: string): string {
  const home = io.env.HOME ?? '/root';
  const cwd = shell.cwd;
  const where = cwd === home ? '~' : cwd.startsWith(`${home}/`) ? `~${cwd.slice(home.length)}` : cwd;
  if (program === 'bash') return `root@${io.hostname}:${where}# `;
  if (io.binaries.includes('ash')) return `${where} # `;
  return '# ';
}

type InterruptSource = { onInterrupt(listener: () => void): () => void };
const NO_CTRL_C: InterruptSource = { onInterrupt: () => () => undefined };

/** One interrupt fired by whichever source fires first; `release` stops listening to both. */
function eitherInterrupt(a: InterruptSource, b: InterruptSource): Interrupt & { release(): void } {
  const either = createInterrupt();
  const offA = a.onInterrupt(() => either.fire());
  const offB = b.onInterrupt(() => either.fire());
  return Object.assign(either, {
    release() {
      offA();
      offB();
    },
  });
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function quote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
