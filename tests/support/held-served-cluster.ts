/**
 * A served cluster whose clock is held (repeatable output), for tests that drive it with a kubectl
 * over HTTP. Time moves when the test says so, or while a command waits on the cluster (a delete
 * waiting for its pod, `rollout status`) and the server has heard nothing from it for a while.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { oracleKubectlPath } from '../../scripts/kubectl-oracle.mjs';
import type { LoadedLab } from '../../src/labs/schema.ts';
import type { ShellTime } from '../../src/shell/command.ts';
import { kubeconfigText } from '../../src/serve/kubeconfig.ts';
import { serveCluster, type ServedCluster } from '../../src/serve/served-cluster.ts';

export interface Run {
  stdout: string;
  stderr: string;
  code: number;
}

/** A command that has waited this long with the server idle is waiting on the cluster: move time. */
const WAITING_AFTER_MS = 400;
const IDLE_FOR_MS = 200;
const STEP_MS = 1000;
/** Virtual time a single command may take before it is left to its own timeout. */
const COMMAND_BUDGET_MS = 10 * 60 * 1000;

export class HeldServedCluster {
  #lastRequestAtMs = 0;
  /** Whether the running command opened a watch or followed a log: then it waits on the cluster. */
  #streamOpened = false;
  #lastRequest = '';
  /** Repeats of one request (a client polling, as `replace --force` does each second): one step each. */
  #polls = 0;
  #served: ServedCluster | undefined;
  readonly kubeconfig: string;

  constructor(kubeconfig: string) {
    this.kubeconfig = kubeconfig;
  }

  get served(): ServedCluster {
    if (!this.#served) throw new Error('the cluster is not started');
    return this.#served;
  }

  async start(lab: LoadedLab | undefined, startTimeMs: number): Promise<void> {
    this.#served = await serveCluster({
      ...(lab ? { lab } : {}),
      port: 0,
      seed: 1,
      startTimeMs,
      paused: true,
      logRequest: (line) => {
        this.#lastRequestAtMs = Date.now();
        if (/[?&](watch|follow)=(true|1)\b/.test(line)) this.#streamOpened = true;
        if (line === this.#lastRequest) this.#polls++;
        this.#lastRequest = line;
      },
    });
    writeFileSync(this.kubeconfig, kubeconfigText(this.#served.url));
  }

  nowMs(): number {
    return this.served.session.cluster.clock.now();
  }

  /**
   * A command's time that sleeps on this cluster's virtual clock (`sleeping()` tells whether one
   * waits on it) but reads the wall clock, as the real kubectl does when it computes an age.
   */
  virtualTime(): { time: ShellTime; sleeping(): boolean } {
    const clock = this.served.session.cluster.clock;
    let pending = 0;
    return {
      time: {
        now: () => Date.now(),
        sleep: async (ms, interrupt) => {
          pending++;
          try {
            await clock.sleep(ms, interrupt);
          } finally {
            pending--;
          }
        },
      },
      sleeping: () => pending > 0,
    };
  }

  advance(ms: number): Promise<void> {
    return this.served.clock.advance(ms);
  }

  /** Moves the clock to `targetMs` if it stands before it. */
  async advanceTo(targetMs: number): Promise<void> {
    if (this.nowMs() < targetMs) await this.advance(targetMs - this.nowMs());
  }

  /**
   * Awaits `command`, stepping virtual time while it waits on the cluster: once it has opened a
   * watch (a delete waiting for its object, `rollout status`) or `isWaiting` says so (a client
   * sleeping on this cluster's clock between polls), and the server has heard nothing for a while;
   * a client polling in real time (the same request again) gets one second per poll. A command
   * that only reads and writes never sees time move, however slowly it starts.
   */
  async whileRunning<T>(command: Promise<T>, isWaiting: () => boolean = () => false): Promise<T> {
    this.#streamOpened = false;
    this.#lastRequest = '';
    this.#polls = 0;
    let done = false;
    const finished = command.finally(() => (done = true));
    const startedAtMs = Date.now();
    const budgetEndMs = this.nowMs() + COMMAND_BUDGET_MS;
    while (!done) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const now = Date.now();
      if (done) continue;
      if (this.#polls > 0 && !this.#streamOpened) {
        // A poll has seen the cluster as it stands: the next one should see it a second later.
        this.#polls--;
        await this.advance(STEP_MS);
        continue;
      }
      if (now - startedAtMs < WAITING_AFTER_MS || now - this.#lastRequestAtMs < IDLE_FOR_MS) continue;
      if (!this.#streamOpened && !isWaiting()) continue;
      if (this.nowMs() >= budgetEndMs) break;
      await this.advance(STEP_MS);
    }
    return finished;
  }

  async close(): Promise<void> {
    await this.#served?.close();
  }
}

export interface RealKubectlOptions {
  kubeconfig: string;
  cwd: string;
  /** HOME, where kubectl keeps its discovery cache. */
  home: string;
  env?: Record<string, string>;
  stdin?: string;
}

/** Runs the real kubectl v1.35.2 with a clean environment. */
export function runRealKubectl(args: string[], options: RealKubectlOptions): Promise<Run> {
  return new Promise<Run>((resolve) => {
    const child = execFile(
      oracleKubectlPath(),
      args,
      {
        encoding: 'utf8',
        cwd: options.cwd,
        timeout: 120_000,
        env: { PATH: process.env.PATH ?? '', HOME: options.home, KUBECONFIG: options.kubeconfig, ...options.env },
      },
      (error, stdout, stderr) => resolve({ stdout, stderr, code: error ? (typeof error.code === 'number' ? error.code : 1) : 0 }),
    );
    child.stdin?.end(options.stdin ?? '');
  });
}
