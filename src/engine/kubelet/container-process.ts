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
  /** `stdin: true` without `stdinOnce`: the main process's stdin stays open. */
  stdinOpen?: boolean;
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
        log: (line) => log.write('stdout', `${line}\n`),
        logError: (line) => log.write('stderr', `${line}\n`),
        sleep: (ms) => ctx.clock.sleep(ms, this.#kill),
        serve: (port, handler) => this.#stopListening.push(runtime.network.listen(podIP, port, handler)),
        terminated,
        random: () => ctx.random.next(),
      });
    } else if (this.#options.stdinOpen && SHELLS.has(basename(program)) && argv.length === 1) {
      // An interactive shell (`stdin: true`, as `kubectl run -it` makes) waits for input that never comes.
      running = new Promise<number>((resolve) => this.#kill.onInterrupt(() => resolve(137)));
    } else {
      running = runtime.toolRunner.run({
        argv,
        env,
        cwd: this.#options.workingDir,
        fs: this.fs,
        stdin: '',
        stdout: (text) => log.write('stdout', text),
        stderr: (text) => log.write('stderr', text),
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
    this.#options.onExit({ exitCode });
  }
}
