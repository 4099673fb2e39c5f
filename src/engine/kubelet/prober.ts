/**
 * The probes of one running container, as pkg/kubelet/prober's workers run them: the startup
 * probe first (liveness and readiness wait for it), then readiness and liveness every
 * periodSeconds once initialDelaySeconds have passed since the container started. A result only
 * changes after failureThreshold failures or successThreshold successes in a row; every failure
 * is an `Unhealthy` event. A failed liveness or startup probe asks the kubelet to restart the
 * container.
 */
import type { Probe } from 'kubernetes-types/core/v1';

export type ProbeKind = 'startup' | 'readiness' | 'liveness';

export interface ProbeHost {
  /** Runs `run` after `ms` of virtual time; returns a cancel function. */
  after(ms: number, run: () => void): () => void;
  /** Executes one probe against the container. */
  run(probe: Probe): Promise<{ ok: boolean; message: string }>;
  unhealthy(kind: ProbeKind, message: string): void;
  started(): void;
  readiness(ready: boolean): void;
  /** A liveness or startup probe failed for good. */
  failed(kind: 'liveness' | 'startup'): void;
}

interface Worker {
  kind: ProbeKind;
  probe: Probe;
  last?: boolean;
  run: number;
  cancel?: () => void;
}

const TITLES: Record<ProbeKind, string> = { startup: 'Startup', readiness: 'Readiness', liveness: 'Liveness' };

export function probeTitle(kind: ProbeKind): string {
  return TITLES[kind];
}

export class ContainerProbes {
  readonly #host: ProbeHost;
  readonly #startedAtMs: number;
  readonly #now: () => number;
  readonly #workers: Worker[] = [];
  #stopped = false;

  constructor(probes: { startupProbe?: Probe | undefined; readinessProbe?: Probe | undefined; livenessProbe?: Probe | undefined }, host: ProbeHost, now: () => number) {
    this.#host = host;
    this.#now = now;
    this.#startedAtMs = now();
    const add = (kind: ProbeKind, probe: Probe | undefined) => {
      if (probe) this.#workers.push({ kind, probe, run: 0 });
    };
    add('startup', probes.startupProbe);
    add('readiness', probes.readinessProbe);
    add('liveness', probes.livenessProbe);
  }

  start(): void {
    const startup = this.#workers.find((w) => w.kind === 'startup');
    if (startup) this.#schedule(startup);
    else this.#afterStartup();
  }

  stop(): void {
    this.#stopped = true;
    for (const worker of this.#workers) worker.cancel?.();
  }

  #afterStartup(): void {
    for (const worker of this.#workers) if (worker.kind !== 'startup') this.#schedule(worker);
  }

  /** The first probe once initialDelaySeconds have passed since the container started. */
  #schedule(worker: Worker): void {
    const delay = Math.max(0, this.#startedAtMs + (worker.probe.initialDelaySeconds ?? 0) * 1000 - this.#now());
    worker.cancel = this.#host.after(delay, () => void this.#tick(worker));
  }

  async #tick(worker: Worker): Promise<void> {
    if (this.#stopped) return;
    const result = await this.#host.run(worker.probe);
    if (this.#stopped) return;
    if (!result.ok) this.#host.unhealthy(worker.kind, result.message);
    worker.run = worker.last === result.ok ? worker.run + 1 : 1;
    worker.last = result.ok;
    const threshold = result.ok ? (worker.probe.successThreshold ?? 1) : (worker.probe.failureThreshold ?? 3);
    let keepProbing = true;
    if (worker.run >= threshold) {
      if (worker.kind === 'readiness') this.#host.readiness(result.ok);
      else if (worker.kind === 'startup' && result.ok) {
        this.#host.started();
        this.#afterStartup();
        keepProbing = false;
      } else if (!result.ok) {
        // The container is being restarted: this worker waits for the new one.
        this.stop();
        this.#host.failed(worker.kind === 'startup' ? 'startup' : 'liveness');
        return;
      }
    }
    if (keepProbing) worker.cancel = this.#host.after((worker.probe.periodSeconds ?? 10) * 1000, () => void this.#tick(worker));
  }
}
