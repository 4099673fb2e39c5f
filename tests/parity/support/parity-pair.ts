/**
 * Two served clusters booted alike (same lab, seed and virtual start, clocks held): the real kubectl
 * talks to one, ours to the other, so each line meets the same cluster state. Time moves only when
 * the script says so, or while a command waits on the cluster (a delete waiting for the pod to go)
 * and the server has heard nothing from it for a while; afterwards both clusters are brought to the
 * same instant.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { oracleKubectlPath } from '../../../scripts/kubectl-oracle.mjs';
import { runRemoteKubectl } from '../../../src/cli/remote/remote-kubectl.ts';
import type { LoadedLab } from '../../../src/labs/schema.ts';
import { kubeconfigText } from '../../../src/serve/kubeconfig.ts';
import { serveCluster, type ServedCluster } from '../../../src/serve/served-cluster.ts';

export interface Run {
  stdout: string;
  stderr: string;
  code: number;
}

/** A command that has waited this long with the server idle is waiting on the cluster: move time. */
const WAITING_AFTER_MS = 400;
const IDLE_FOR_MS = 200;
const STEP_MS = 1000;
/** Virtual time a single line may take before it is cut short, as a learner would press Ctrl-C. */
const LINE_BUDGET_MS = 10 * 60 * 1000;

class ServedSide {
  lastRequestAtMs = 0;
  served!: ServedCluster;
  readonly kubeconfig: string;

  constructor(kubeconfig: string) {
    this.kubeconfig = kubeconfig;
  }

  async start(lab: LoadedLab | undefined, startTimeMs: number): Promise<void> {
    this.served = await serveCluster({
      ...(lab ? { lab } : {}),
      port: 0,
      seed: 1,
      startTimeMs,
      paused: true,
      logRequest: () => (this.lastRequestAtMs = Date.now()),
    });
    writeFileSync(this.kubeconfig, kubeconfigText(this.served.url));
  }

  nowMs(): number {
    return this.served.session.cluster.clock.now();
  }

  /** Runs `command`, stepping virtual time while it waits on the cluster. */
  async whileRunning<T>(command: Promise<T>): Promise<T> {
    let done = false;
    const finished = command.finally(() => (done = true));
    const startedAtMs = Date.now();
    const budgetEndMs = this.nowMs() + LINE_BUDGET_MS;
    while (!done) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const now = Date.now();
      if (done || now - startedAtMs < WAITING_AFTER_MS || now - this.lastRequestAtMs < IDLE_FOR_MS) continue;
      if (this.nowMs() >= budgetEndMs) break;
      await this.served.clock.advance(STEP_MS);
    }
    return finished;
  }
}

export class ParityPair {
  readonly dir: string;
  readonly real: ServedSide;
  readonly ours: ServedSide;

  constructor(dir: string) {
    this.dir = dir;
    mkdirSync(join(dir, 'work'), { recursive: true });
    this.real = new ServedSide(join(dir, 'real.kubeconfig'));
    this.ours = new ServedSide(join(dir, 'ours.kubeconfig'));
  }

  /** The folder kubectl runs in: the lab's /root files are there. */
  get workDir(): string {
    return join(this.dir, 'work');
  }

  async start(lab: LoadedLab | undefined, startTimeMs: number): Promise<void> {
    for (const file of lab?.fileContents ?? []) {
      const path = join(this.workDir, file.path.replace(/^\/root\//, ''));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content, { mode: file.mode });
    }
    await this.real.start(lab, startTimeMs);
    await this.ours.start(lab, startTimeMs);
  }

  async advance(ms: number): Promise<void> {
    await this.real.served.clock.advance(ms);
    await this.ours.served.clock.advance(ms);
  }

  async runReal(args: string[]): Promise<Run> {
    const run = new Promise<Run>((resolve) => {
      const child = execFile(
        oracleKubectlPath(),
        args,
        { encoding: 'utf8', cwd: this.workDir, timeout: 120_000, env: { PATH: process.env.PATH ?? '', HOME: this.dir, KUBECONFIG: this.real.kubeconfig, KUBECACHEDIR: join(this.dir, 'cache') } },
        (error, stdout, stderr) => resolve({ stdout, stderr, code: error ? (typeof error.code === 'number' ? error.code : 1) : 0 }),
      );
      child.stdin?.end();
    });
    return this.real.whileRunning(run);
  }

  async runOurs(args: string[]): Promise<Run> {
    let stdout = '';
    let stderr = '';
    const streams = { stdout: { write: (text: string) => void (stdout += text) }, stderr: { write: (text: string) => void (stderr += text) } };
    const host = { cwd: this.workDir, env: { HOME: this.dir, KUBECONFIG: this.ours.kubeconfig }, home: this.dir, stdin: '' };
    const run = runRemoteKubectl(args, streams, host).then((code) => ({ stdout, stderr, code }));
    return this.ours.whileRunning(run);
  }

  /** After a line, both clusters stand at the later of their two instants. */
  async align(): Promise<void> {
    const target = Math.max(this.real.nowMs(), this.ours.nowMs());
    if (this.real.nowMs() < target) await this.real.served.clock.advance(target - this.real.nowMs());
    if (this.ours.nowMs() < target) await this.ours.served.clock.advance(target - this.ours.nowMs());
  }

  async close(): Promise<void> {
    await this.real.served?.close();
    await this.ours.served?.close();
  }
}
