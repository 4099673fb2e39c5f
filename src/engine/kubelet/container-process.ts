/**
 * The main process of one container: an app program of the image (engine code) or a shell tool
 * run through the ToolRunner, over the container's own filesystem and environment. SIGTERM reaches
 * only apps that handle it (PID 1 ignores it otherwise); SIGKILL ends anything with exit code 137.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { FileSystem } from '../../lib/file-system.ts';
import type { Mount } from '../../lib/mounted-file-system/mounted-file-system.ts';
import type { ExecStreams } from '../api/client.ts';
import type { Interruptible } from '../clock/virtual-clock.ts';
import type { ControllerContext } from '../controllers/controller-context.ts';
import type { AppProgram, ImageSpec } from '../images/image.ts';
import type { NodeRuntime } from './node-runtime.ts';
import type { ContainerLog } from './pod-logs.ts';

export interface ProcessExit {
  exitCode: number;
}

export interface ContainerProcessOptions {
  ctx: ControllerContext;
  runtime: NodeRuntime;
  pod: Pod;
  podIP: string;
  image: ImageSpec;
  argv: string[];
  env: Record<string, string>;
  workingDir: string;
  /** The pod's volumes as this container mounts them. */
  mounts: readonly Mount[];
  /** `stdin: true`: the main process's stdin is open until an attach closes it. */
  stdinOpen?: boolean;
  /** `stdinOnce: true`: the first attach that ends closes the main process's stdin. */
  stdinOnce?: boolean;
  log: ContainerLog;
  onExit: (exit: ProcessExit) => void;
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function appFor(image: ImageSpec, program: string): AppProgram | undefined {
  return image.apps?.[program] ?? image.apps?.[basename(program)];
}

const SHELLS = new Set(['sh', 'ash', 'bash', 'dash']);

/**
 * `sh -c 'python app.py'` (a shell-form ENTRYPOINT): a shell given one simple command execs it,
 * so the app program runs as PID 1 with those words as its argv.
 */
function execTarget(image: ImageSpec, argv: readonly string[]): readonly string[] {
  if (!SHELLS.has(basename(argv[0] ?? '')) || argv[1] !== '-c' || argv[2] === undefined) return argv;
  if (!/^[\w\s./=:,@%+-]+$/.test(argv[2])) return argv;
  const words = argv[2].trim().split(/\s+/);
  if (words[0] === 'exec') words.shift();
  return words.length > 0 && appFor(image, words[0]!) ? words : argv;
}

/** A kill signal many listeners can wait on (the shell's Interrupt shape). */
/** Fires when either fires (the container is stopped, or Ctrl-C reached the exec's foreground command). */
function eitherOf(a: Interruptible, b: Interruptible): Interruptible {
  return {
    onInterrupt(listener) {
      let fired = false;
      const once = () => {
        if (fired) return;
        fired = true;
        listener();
      };
      const offA = a.onInterrupt(once);
      const offB = b.onInterrupt(once);
      return () => {
        offA();
        offB();
      };
    },
  };
}

interface WaitingShell {
  argv: string[];
  finish: (exitCode: number) => void;
}

export class KillSignal {
  #fired = false;
  readonly #listeners = new Set<() => void>();

  get interrupted(): boolean {
    return this.#fired;
  }

  onInterrupt(listener: () => void): () => void {
    if (this.#fired) {
      listener();
      return () => undefined;
    }
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  fire(): void {
    if (this.#fired) return;
    this.#fired = true;
    for (const listener of [...this.#listeners]) listener();
  }
}

export class ContainerProcess {
  readonly image: ImageSpec;
  readonly env: Record<string, string>;
  readonly fs: FileSystem;
  readonly #options: ContainerProcessOptions;
  readonly #kill = new KillSignal();
  #sigterm: (() => void) | undefined;
  readonly #stopListening: (() => void)[] = [];
  #exited = false;
  /** What an attach session taps: everything the main process writes from now on. */
  readonly #outputTaps = new Set<(stream: 'stdout' | 'stderr', text: string) => void>();
  readonly #exitWaiters = new Set<() => void>();
  /** An interactive shell still waiting for its first attach (`kubectl run -it … -- sh`). */
  #waitingShell: WaitingShell | undefined;

  static canRun(image: ImageSpec, program: string): boolean {
    return Boolean(appFor(image, program)) || image.binaries.includes(basename(program));
  }

  constructor(options: ContainerProcessOptions) {
    this.#options = options;
    this.image = options.image;
    this.env = options.env;
    this.fs = options.runtime.containerFileSystem(options.pod, options.image, options.mounts, options.podIP);
  }

  start(): void {
    const { image, runtime, ctx, log, env, podIP, pod } = this.#options;
    const argv = [...execTarget(image, this.#options.argv)];
    const program = argv[0] ?? '';
    const app = appFor(image, program);
    const network = runtime.network.viewFrom({ namespace: pod.metadata!.namespace!, podIP });
    const hostname = pod.metadata!.name!;
    let running: Promise<number>;
    if (app) {
      const terminated = new Promise<void>((resolve) => {
        this.#sigterm = resolve;
      });
      running = app({
        argv,
        env,
        hostname,
        podIP,
        fs: this.fs,
        network,
        now: () => ctx.clock.now(),
        log: (line) => this.#write('stdout', `${line}\n`),
        logError: (line) => this.#write('stderr', `${line}\n`),
        sleep: (ms) => ctx.clock.sleep(ms, this.#kill),
        serve: (port, handler) => this.#stopListening.push(runtime.network.listen(podIP, port, handler)),
        terminated,
        random: () => ctx.random.next(),
      });
    } else if (this.#options.stdinOpen && SHELLS.has(basename(program)) && argv.length === 1) {
      // An interactive shell (`stdin: true`, as `kubectl run -it` makes) waits for input: the first
      // attach with stdin becomes its terminal, and the container ends when that shell does.
      running = new Promise<number>((resolve) => {
        this.#kill.onInterrupt(() => resolve(137));
        this.#waitingShell = { argv, finish: resolve };
      });
    } else {
      running = runtime.toolRunner.run({
        argv,
        env,
        cwd: this.#options.workingDir,
        fs: this.fs,
        stdin: '',
        stdout: (text) => this.#write('stdout', text),
        stderr: (text) => this.#write('stderr', text),
        now: () => ctx.clock.now(),
        sleep: (ms) => ctx.clock.sleep(ms, this.#kill),
        kill: this.#kill,
        network,
        hostname,
        binaries: image.binaries,
        userland: image.userland,
      });
    }
    running.then(
      (exitCode) => this.#exit(this.#kill.interrupted ? 137 : exitCode),
      () => this.#exit(this.#kill.interrupted ? 137 : 1),
    );
  }

  /** Runs another process in this container (`kubectl exec`), sharing its filesystem and environment. */
  exec(command: string[], streams: Pick<ExecStreams, 'stdin' | 'onStdout' | 'onStderr' | 'readLine' | 'ctrlC'>, kill: KillSignal, tty = false): Promise<number> {
    const { runtime, ctx, pod, podIP } = this.#options;
    return runtime.toolRunner.run({
      argv: command,
      env: this.env,
      cwd: this.#options.workingDir,
      fs: this.fs,
      stdin: streams.stdin ?? '',
      attached: true,
      tty,
      ...(streams.readLine ? { readLine: streams.readLine } : {}),
      ...(streams.ctrlC ? { ctrlC: streams.ctrlC } : {}),
      stdout: streams.onStdout,
      stderr: streams.onStderr,
      now: () => ctx.clock.now(),
      sleep: (ms, interrupt) => ctx.clock.sleep(ms, interrupt ? eitherOf(kill, interrupt) : kill),
      kill,
      network: runtime.network.viewFrom({ namespace: pod.metadata!.namespace!, podIP }),
      hostname: pod.metadata!.name!,
      binaries: this.image.binaries,
      userland: this.image.userland,
    });
  }

  /**
   * Attaches to the main process (`kubectl attach`, `kubectl run -it`). A shell waiting on an open
   * stdin takes the session's input and output until it exits, which ends the container; any other
   * process only shows what it writes from now on, until it exits or the session is interrupted.
   */
  async attach(streams: Pick<ExecStreams, 'stdin' | 'onStdout' | 'onStderr' | 'readLine' | 'ctrlC'>, kill: KillSignal, tty: boolean, withStdin: boolean): Promise<number> {
    const shell = this.#waitingShell;
    const stopWithContainer = this.#kill.onInterrupt(() => kill.fire());
    try {
      return await this.#attach(shell, streams, kill, tty, withStdin);
    } finally {
      stopWithContainer();
    }
  }

  async #attach(
    shell: WaitingShell | undefined,
    streams: Pick<ExecStreams, 'stdin' | 'onStdout' | 'onStderr' | 'readLine' | 'ctrlC'>,
    kill: KillSignal,
    tty: boolean,
    withStdin: boolean,
  ): Promise<number> {
    if (shell && withStdin) {
      this.#waitingShell = undefined;
      const exitCode = await this.exec(shell.argv, streams, kill, tty).catch(() => 1);
      // A session that detaches leaves the shell waiting, unless stdinOnce closed its stdin (EOF).
      if (kill.interrupted && !this.#options.stdinOnce) this.#waitingShell = shell;
      else shell.finish(kill.interrupted ? 0 : exitCode);
      return exitCode;
    }
    const tap = (stream: 'stdout' | 'stderr', text: string) => (stream === 'stdout' || tty ? streams.onStdout(text) : streams.onStderr(text));
    this.#outputTaps.add(tap);
    await new Promise<void>((resolve) => {
      if (this.#exited) return resolve();
      this.#exitWaiters.add(resolve);
      kill.onInterrupt(resolve);
    });
    this.#outputTaps.delete(tap);
    return 0;
  }

  #write(stream: 'stdout' | 'stderr', text: string): void {
    this.#options.log.write(stream, text);
    for (const tap of [...this.#outputTaps]) tap(stream, text);
  }

  /** SIGTERM (force false) or SIGKILL (force true). */
  kill(force: boolean): void {
    if (this.#exited) return;
    if (!force) {
      if (this.image.stopsOnSigterm && this.#sigterm) this.#sigterm();
      return;
    }
    this.#kill.fire();
    this.#exit(137);
  }

  #exit(exitCode: number): void {
    if (this.#exited) return;
    this.#exited = true;
    for (const stop of this.#stopListening) stop();
    for (const waiter of [...this.#exitWaiters]) waiter();
    this.#exitWaiters.clear();
    this.#options.onExit({ exitCode });
  }
}
