/**
 * Two served clusters booted alike (same lab, seed and virtual start, clocks held): the real kubectl
 * talks to one, ours to the other, so each line meets the same cluster state. Time moves only when
 * the script says so, or while a command waits on the cluster (the real kubectl on a watch, ours
 * sleeping on the cluster's own clock between polls) and the server has heard nothing for a while;
 * afterwards both clusters are brought to the same instant.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runRemoteKubectl } from '../../../src/cli/remote/remote-kubectl.ts';
import type { LoadedLab } from '../../../src/labs/schema.ts';
import { HeldServedCluster, runRealKubectl, type Run } from '../../support/held-served-cluster.ts';

export type { Run };

export class ParityPair {
  readonly dir: string;
  readonly real: HeldServedCluster;
  readonly ours: HeldServedCluster;

  constructor(dir: string) {
    this.dir = dir;
    mkdirSync(join(dir, 'work'), { recursive: true });
    mkdirSync(join(dir, 'work-ours'), { recursive: true });
    this.real = new HeldServedCluster(join(dir, 'real.kubeconfig'));
    this.ours = new HeldServedCluster(join(dir, 'ours.kubeconfig'));
  }

  /** The folder the real kubectl runs in: the lab's /root files are there. */
  get workDir(): string {
    return join(this.dir, 'work');
  }

  /**
   * Ours runs in a copy, so a line that edits a file (`kubectl config set-context …`) meets the
   * file as the real kubectl met it, not as the real one left it.
   */
  get oursWorkDir(): string {
    return join(this.dir, 'work-ours');
  }

  /** Both folders: where the script's shell steps and redirections act. */
  get workDirs(): string[] {
    return [this.workDir, this.oursWorkDir];
  }

  async start(lab: LoadedLab | undefined, startTimeMs: number): Promise<void> {
    for (const file of lab?.fileContents ?? []) {
      for (const dir of this.workDirs) {
        const path = join(dir, file.path.replace(/^\/root\//, ''));
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, file.content, { mode: file.mode });
      }
    }
    await this.real.start(lab, startTimeMs);
    await this.ours.start(lab, startTimeMs);
  }

  async advance(ms: number): Promise<void> {
    await this.real.advance(ms);
    await this.ours.advance(ms);
  }

  runReal(args: string[], stdin = ''): Promise<Run> {
    return this.real.whileRunning(
      runRealKubectl(args, { kubeconfig: this.real.kubeconfig, cwd: this.workDir, home: this.dir, stdin, env: { KUBECACHEDIR: join(this.dir, 'cache') } }),
    );
  }

  async runOurs(args: string[], stdin = ''): Promise<Run> {
    let stdout = '';
    let stderr = '';
    const streams = { stdout: { write: (text: string) => void (stdout += text) }, stderr: { write: (text: string) => void (stderr += text) } };
    // Ours polls on the cluster's own clock, so a wait ends at the same virtual instant as the real one's watch.
    const clock = this.ours.virtualTime();
    const host = { cwd: this.oursWorkDir, env: { HOME: this.dir, KUBECONFIG: this.ours.kubeconfig }, home: this.dir, stdin, time: clock.time };
    const run = runRemoteKubectl(args, streams, host).then((code) => ({ stdout, stderr, code }));
    return this.ours.whileRunning(run, clock.sleeping);
  }

  /** After a line, both clusters stand at the later of their two instants. */
  async align(): Promise<void> {
    const target = Math.max(this.real.nowMs(), this.ours.nowMs());
    await this.real.advanceTo(target);
    await this.ours.advanceTo(target);
  }

  async close(): Promise<void> {
    await this.real.close();
    await this.ours.close();
  }
}
