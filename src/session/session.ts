/**
 * One learner session: a cluster, the controlplane host's filesystem and shell with kubectl on it.
 * The same composition runs in the Web Worker and in the Node CLI; only `yieldToHost` differs.
 */
import { clusterTopology, type TopologyOptions } from '../engine/cluster-topology.ts';
import { Cluster } from '../engine/cluster.ts';
import type { TimeSlicing } from '../engine/clock/time-pump.ts';
import type { ApiClient } from '../engine/api/client.ts';
import { createKubectl } from '../kubectl/kubectl.ts';
import type { FileSystem } from '../lib/file-system.ts';
import type { Interrupt, OutputStream, TerminalPort } from '../shell/command.ts';
import { toolCommands } from '../shell/commands/index.ts';
import { MemoryFileSystem } from '../shell/fs/memory-file-system.ts';
import { DeviceFileSystem } from '../lib/device-file-system/device-file-system.ts';
import { CompositeRegistry, Shell, registryOf } from '../shell/shell.ts';
import { ContainerToolbox } from './container-toolbox.ts';
import { createNetworkTools } from './network-tools/index.ts';
import { editorCommands } from './editor-commands.ts';
import { DockerDaemon } from './docker/docker-daemon.ts';
import { createDocker } from './docker/docker.ts';
import { complete, type Completion } from './completion.ts';
import { hostLoopbackPorts } from './host-loopback-ports.ts';
import { RealTimeHostTurns } from './host-turns.ts';
import { hostBinaryRegistry, installHostBinaries } from './host-binaries.ts';
import { ADMIN_KUBECONFIG_PATH, adminKubeconfig, sessionServer } from './admin-kubeconfig.ts';
import { loadHelpTexts } from '../kubectl/help/help-texts.ts';
import { celEvaluator } from '../labs/checks/cel.ts';
import { loadOpenApi } from '../engine/api/openapi/load-openapi.ts';

/**
 * `workerNodes`, `workerSize` and `controlPlaneSize` shape the cluster (default: `controlplane`
 * and `node01`, 16 cpus, 64 GiB, 110 pods each): `Session.create({ workerNodes: 100, … })`.
 */
export interface SessionOptions extends TopologyOptions {
  seed?: number;
  startTimeMs?: number;
  yieldToHost: () => Promise<void>;
  /** How often the cluster hands the host a turn while it catches up (see TimePump). */
  slicing?: TimeSlicing;
  terminal?: TerminalPort;
  /** Resolves once the terminal has room for more output: a shell printing in a loop waits on it, as on a real pty. */
  terminalDrained?: () => Promise<void>;
  /**
   * The host's real clock (ms): with it, a program computing also gives the host a turn every
   * `hostSliceMs` of real time, which the simulation does not see (host-turns.ts).
   */
  realNow?: () => number;
  hostSliceMs?: number;
  /**
   * The host loads kubectl's help texts, the OpenAPI documents and the lab checks' CEL after the
   * prompt (the browser).
   * Without it they are loaded before the session starts: a command waiting on an import waits on
   * real time, which a host driving the virtual clock would count as a hung command.
   */
  lazyChunks?: boolean;
}

/** The environment of root's login shell on a KodeKloud controlplane node. */
const LOGIN_ENV: Record<string, string> = {
  HOME: '/root',
  USER: 'root',
  LOGNAME: 'root',
  SHELL: '/bin/bash',
  PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  TERM: 'xterm-256color',
  HOSTNAME: 'controlplane',
  KUBECONFIG: '/root/.kube/config',
};

export class Session {
  readonly cluster: Cluster;
  readonly fs: FileSystem;
  readonly shell: Shell;

  private constructor(cluster: Cluster, fs: FileSystem, shell: Shell) {
    this.cluster = cluster;
    this.fs = fs;
    this.shell = shell;
  }

  get api(): ApiClient {
    return this.cluster.api;
  }

  /** The learner's terminal, 80x24 until it says otherwise (`resize`). */
  #terminalSize = { columns: 80, rows: 24 };

  /** The terminal was resized (or first measured). */
  resize(columns: number, rows: number): void {
    if (columns > 0 && rows > 0) this.#terminalSize = { columns, rows };
  }

  #activity = 0;
  #activitySeen = 0;

  #inputWanted: { prompt: string; answer: (line: string | null) => void } | undefined;
  /** Set while a program keeps the terminal raw (`kubectl exec -it`): where Ctrl-C goes instead. */
  #ctrlCTrap: (() => void) | undefined;

  /** Ctrl-C for a program that trapped it; false when none did and the running command should be interrupted. */
  pressCtrlC(): boolean {
    if (!this.#ctrlCTrap) return false;
    this.#ctrlCTrap();
    return true;
  }

  #trapCtrlC(onCtrlC: () => void): () => void {
    const previous = this.#ctrlCTrap;
    this.#ctrlCTrap = onCtrlC;
    return () => {
      this.#ctrlCTrap = previous;
    };
  }
  readonly #inputListeners = new Set<(prompt: string) => void>();

  /**
   * The prompt of a program that waits for the user's next line (an interactive shell inside
   * `kubectl exec -it`), or undefined. The terminal shows it and answers with `sendInput`.
   */
  get inputPrompt(): string | undefined {
    return this.#inputWanted?.prompt;
  }

  /** Calls `listener` each time a program starts waiting for a line; returns the unsubscribe. */
  onInputWanted(listener: (prompt: string) => void): () => void {
    this.#inputListeners.add(listener);
    return () => this.#inputListeners.delete(listener);
  }

  /** Gives the waiting program its line (null = end of input); false when nothing waits. */
  sendInput(line: string | null): boolean {
    const wanted = this.#inputWanted;
    if (!wanted) return false;
    this.#inputWanted = undefined;
    wanted.answer(line);
    return true;
  }

  #waitForInput(prompt: string, cancel?: { onInterrupt(listener: () => void): () => void }): Promise<string | null> {
    return new Promise((resolve) => {
      let stopListening: (() => void) | undefined;
      let cancelled = false;
      const wanted = {
        prompt,
        answer: (line: string | null) => {
          stopListening?.();
          resolve(line);
        },
      };
      // Ctrl-C while the program waits: the wait ends, and no later line goes to it.
      stopListening = cancel?.onInterrupt(() => {
        cancelled = true;
        if (this.#inputWanted === wanted) this.#inputWanted = undefined;
        wanted.answer(null);
      });
      if (cancelled) return;
      this.#inputWanted = wanted;
      for (const listener of this.#inputListeners) listener(prompt);
    });
  }

  /** True when a shell or container process yielded since the last call: it is computing, not waiting. */
  wasBusy(): boolean {
    const busy = this.#activity !== this.#activitySeen;
    this.#activitySeen = this.#activity;
    return busy;
  }

  static async create(options: SessionOptions): Promise<Session> {
    if (!options.lazyChunks) await Promise.all([loadHelpTexts(), celEvaluator(), loadOpenApi()]);
    let session: Session | undefined;
    const hostTurns = options.realNow && new RealTimeHostTurns(options.yieldToHost, options.realNow, options.hostSliceMs);
    const simulationYield = hostTurns ? () => hostTurns.simulationYield() : options.yieldToHost;
    const yieldToHost = () => (session !== undefined && session.#closed ? new Promise<void>(() => undefined) : simulationYield());
    const yieldCounted = () => {
      if (session) session.#activity++;
      return yieldToHost();
    };
    // A container's own processes compute in the background; only an exec a command waits on is the command's work.
    const toolbox = new ContainerToolbox({ attached: yieldCounted, background: yieldToHost }, hostTurns);
    const topology = clusterTopology(options);
    const cluster = await Cluster.create({
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
      ...(options.startTimeMs !== undefined ? { startTimeMs: options.startTimeMs } : {}),
      yieldToHost: simulationYield,
      ...(options.slicing ? { slicing: options.slicing } : {}),
      toolRunner: toolbox,
      topology,
    });
    const fs = new DeviceFileSystem(new MemoryFileSystem(() => cluster.clock.now()), () => cluster.clock.now());
    fs.mkdir('/root', { recursive: true });
    fs.mkdir('/tmp', { recursive: true });
    fs.mkdir('/root/.kube', { recursive: true });
    fs.writeFile(ADMIN_KUBECONFIG_PATH, adminKubeconfig(), { mode: 0o600 });
    const hostNetwork = cluster.nodes.network.hostView();
    const programs = new CompositeRegistry(
      registryOf([createKubectl({ api: cluster.api, sessionServer: sessionServer(topology), localPorts: hostLoopbackPorts(cluster.nodes.network) })]),
      registryOf([...toolCommands(), ...createNetworkTools(hostNetwork), ...editorCommands, createDocker(new DockerDaemon(cluster, toolbox))]),
    );
    installHostBinaries(fs, programs);
    const registry = hostBinaryRegistry(fs, programs);
    const shell = new Shell({
      fs,
      registry,
      env: LOGIN_ENV,
      cwd: '/root',
      hostname: 'controlplane',
      time: { now: () => cluster.clock.now(), sleep: (ms, interrupt) => cluster.clock.sleep(ms, interrupt), settle: async () => void cluster.clock.runDue() },
      terminal: {
        ...options.terminal,
        readLine: options.terminal?.readLine ?? ((prompt, cancel) => session!.#waitForInput(prompt, cancel)),
        trapCtrlC: options.terminal?.trapCtrlC ?? ((onCtrlC) => session!.#trapCtrlC(onCtrlC)),
        size: options.terminal?.size ?? (() => session!.#terminalSize),
      },
      yieldToHost: options.terminalDrained ? () => yieldCounted().then(options.terminalDrained) : yieldCounted,
      // A background job printing in a loop waits for the terminal too, or it floods the page.
      backgroundYield: options.terminalDrained ? () => yieldToHost().then(options.terminalDrained) : yieldToHost,
      ...(hostTurns ? { hostTurns } : {}),
    });
    session = new Session(cluster, fs, shell);
    return session;
  }

  /**
   * Stops what still computes when the session is over — the shell's background jobs, every
   * container's processes — at their next yield, which never returns: nothing of the session is
   * left on the host's event loop, so a Node process can exit. Its state stays readable.
   */
  close(): void {
    this.#closed = true;
  }

  #closed = false;

  /** Tab completion for `line` (the text before the cursor). */
  complete(line: string): Promise<Completion> {
    return complete(line, {
      commands: this.shell.commandNames(),
      api: this.api,
      fs: this.fs,
      cwd: this.shell.cwd,
      aliases: this.shell.aliases,
      completionFunctions: this.shell.completionFunctions,
      runCompletionFunction: async (command, text, words) => {
        const spec = this.shell.completionSpec(command);
        if (!spec?.function || !this.shell.hasFunction(spec.function)) return undefined;
        return this.shell.runCompletionFunction(spec.function, { line: text, words }, spec.options);
      },
    });
  }

  /**
   * Runs one command line. The caller drives the clock meanwhile (the headless player or the
   * worker's ticker) and settles the cluster afterwards. `interactive` for a line typed at the
   * terminal: the shell then announces and reports its background jobs as bash at a prompt does.
   */
  run(line: string, io: { stdout: OutputStream; stderr: OutputStream; interrupt: Interrupt; interactive?: boolean; stdoutIsTerminal?: boolean }): Promise<number> {
    return this.shell.run(line, io);
  }
}
