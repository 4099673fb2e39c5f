/**
 * The containers of one pod as the runtime manager runs them. Starting one, as a sync does it:
 * doBackOff (CrashLoopBackOff), then the image (EnsureImageExists with its pull policy and
 * ImagePullBackOff), then create and start with the container's environment, mounts and probes.
 * Each step leaves the kubelet's events, and a failure leaves its reason in the reason cache.
 * Killing one: SIGTERM, then SIGKILL after the grace period. Resizing one in place. Models
 * pkg/kubelet/kuberuntime (startContainer, killContainer, doPodResizeAction),
 * pkg/kubelet/images/image_manager.go and pkg/kubelet/prober.
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { formatTimestamp } from '../api/timestamps.ts';
import type { ControllerContext } from '../controllers/controller-context.ts';
import type { ImageSpec } from '../images/image.ts';
import { Backoff, goDuration } from './backoff.ts';
import { resolveArgv } from './container-command.ts';
import { buildContainerEnv, envSources } from './container-env.ts';
import { ContainerProcess } from './container-process.ts';
import type { ContainerRecord } from './container-record.ts';
import type { NodeRuntime } from './node-runtime.ts';
import type { PodLogs } from './pod-logs.ts';
import { copyResources, cpuMemoryDiffer, resizeNeedsRestart } from './resize-allocation.ts';
import type { PodVolumes } from './volumes/pod-volumes.ts';
import type { PodTimers } from './pod-timers.ts';
import { ContainerProbes, probeTitle } from './prober.ts';

const BACKOFF_INITIAL_MS = 10_000;
const BACKOFF_MAX_MS = 300_000;
const EPOCH = '1970-01-01T00:00:00Z';

/** What the manager needs of its pod worker. */
export interface ContainerManagerHost {
  readonly ctx: ControllerContext;
  readonly runtime: NodeRuntime;
  readonly volumes: PodVolumes;
  readonly logs: PodLogs;
  pod(): Pod;
  podIP(): string | undefined;
  readonly timers: PodTimers;
  /** The sync under way should give up (the pod terminates or is done). */
  stopSyncing(): boolean;
  event(type: 'Normal' | 'Warning', reason: string, message: string, record: ContainerRecord): void;
  /** The runtime's state changed: the next relist will see it. */
  runtimeChanged(): void;
  /** A sync should run soon. */
  resync(): void;
  isTerminating(): boolean;
  /** The container's process ended (its record already says how). */
  containerExited(record: ContainerRecord): void;
  /** The startup probe succeeded (or there is none to wait for). */
  containerStarted(record: ContainerRecord): void;
  readinessChanged(record: ContainerRecord): void;
}

export class ContainerManager {
  readonly #host: ContainerManagerHost;
  readonly #backoff = new Backoff(BACKOFF_INITIAL_MS, BACKOFF_MAX_MS);
  readonly #imageBackoff = new Backoff(BACKOFF_INITIAL_MS, BACKOFF_MAX_MS);

  constructor(host: ContainerManagerHost) {
    this.#host = host;
  }

  /** A new spec is a new back-off key (getStableKey hashes the container). */
  resetBackoff(containerName: string): void {
    this.#backoff.reset(containerName);
  }

  /**
   * doBackOff, then pull, create and start. The back-off counts from when the newest exited
   * instance the relist saw finished: the first restart is immediate, later ones wait it out.
   * Resolves to whether the container started; a failure leaves its reason in the reason cache.
   */
  async start(record: ContainerRecord): Promise<boolean> {
    const seen = record.seen;
    const exitedAt = seen?.current?.terminated ? seen.finishedAtMs : seen?.previous ? seen.previousFinishedAtMs : undefined;
    if (exitedAt !== undefined) {
      const key = record.spec.name;
      const now = this.#host.ctx.clock.now();
      if (this.#backoff.isInBackOffSince(key, exitedAt, now)) {
        const podRef = this.#podRef();
        this.#host.event('Warning', 'BackOff', `Back-off restarting failed container ${record.spec.name} in pod ${podRef}`, record);
        record.reason = {
          reason: 'CrashLoopBackOff',
          message: `back-off ${goDuration(this.#backoff.get(key))} restarting failed container=${record.spec.name} pod=${podRef}`,
        };
        return false;
      }
      this.#backoff.next(key, exitedAt, now);
    }
    return this.#pullAndCreate(record);
  }

  async #pullAndCreate(record: ContainerRecord): Promise<boolean> {
    const spec = record.spec;
    const image = spec.image ?? '';
    const lookup = this.#host.runtime.lookupImage(image);
    if (!lookup.ok && lookup.reason === 'InvalidImageName') {
      record.reason = { reason: 'InvalidImageName', message: lookup.message };
      this.#host.event('Warning', 'InspectFailed', lookup.message, record);
      this.#host.event('Warning', 'Failed', 'Error: InvalidImageName', record);
      return false;
    }
    const policy = spec.imagePullPolicy ?? 'IfNotPresent';
    const present = lookup.ok && this.#host.runtime.hasImage(lookup.ref.normalized);
    if (policy === 'Never' && !present) {
      const message = `Container image "${image}" is not present with pull policy of Never`;
      this.#host.event('Warning', 'ErrImageNeverPull', message, record);
      this.#host.event('Warning', 'Failed', 'Error: ErrImageNeverPull', record);
      record.reason = { reason: 'ErrImageNeverPull', message };
      return false;
    }
    const needsPull = !present || policy === 'Always';
    const pullFailure = !lookup.ok ? lookup.message : needsPull ? lookup.pullError : undefined;
    if (pullFailure !== undefined) {
      if (this.#imageBackoff.isInBackOffSinceUpdate(image, this.#host.ctx.clock.now())) {
        const message = `Back-off pulling image "${image}"`;
        this.#host.event('Normal', 'BackOff', message, record);
        this.#host.event('Warning', 'Failed', 'Error: ImagePullBackOff', record);
        record.reason = { reason: 'ImagePullBackOff', message };
        return false;
      }
      this.#host.event('Normal', 'Pulling', `Pulling image "${image}"`, record);
      await this.#host.timers.sleep(this.#pullMs(5_000_000));
      if (this.#host.stopSyncing()) return false;
      this.#host.event('Warning', 'Failed', pullFailure, record);
      this.#host.event('Warning', 'Failed', 'Error: ErrImagePull', record);
      record.reason = { reason: 'ErrImagePull', message: pullFailure.replace(/^Failed to pull image "[^"]*": /, '') };
      const at = this.#host.ctx.clock.now();
      this.#imageBackoff.next(image, at, at);
      return false;
    }
    if (!lookup.ok) return false;
    this.#imageBackoff.reset(image);
    if (!needsPull) {
      // v1.35 image_manager.go: the present image is also checked against the pod's pull credentials.
      this.#host.event('Normal', 'Pulled', `Container image "${image}" already present on machine and can be accessed by the pod`, record);
    } else {
      this.#host.event('Normal', 'Pulling', `Pulling image "${image}"`, record);
      const pullMs = present ? 250 + this.#host.ctx.random.int(400) : this.#pullMs(lookup.image.sizeBytes);
      await this.#host.timers.sleep(pullMs);
      if (this.#host.stopSyncing()) return false;
      const seconds = (pullMs / 1000).toFixed(3).replace(/\.?0+$/, '');
      const took = pullMs < 1000 ? `${pullMs}ms` : `${seconds}s`;
      this.#host.event('Normal', 'Pulled', `Successfully pulled image "${image}" in ${took} (${took} including waiting). Image size: ${lookup.image.sizeBytes} bytes.`, record);
    }
    record.imageRef = lookup.ref.normalized;
    record.imageID = `${lookup.ref.repository}@sha256:${lookup.digest}`;
    this.#host.runtime.addImage(lookup.ref.normalized);
    return this.#create(record, lookup.image, lookup.env);
  }

  #create(record: ContainerRecord, image: ImageSpec, imageEnv: Record<string, string>): boolean {
    const spec = record.spec;
    const env = buildContainerEnv(envSources(this.#host.ctx.informers), this.#host.pod(), spec, imageEnv);
    const mounts = env.ok ? this.#host.volumes.mountsFor(spec, env.env) : undefined;
    const failure = !env.ok ? env.message : mounts && !mounts.ok ? mounts.message : undefined;
    if (failure !== undefined || !env.ok || !mounts?.ok) {
      const message = failure ?? '';
      this.#host.event('Warning', 'Failed', `Error: ${message}`, record);
      record.reason = { reason: 'CreateContainerConfigError', message };
      return false;
    }
    const argv = resolveArgv(image, spec, env.env);
    const now = this.#host.ctx.clock.now();
    const nowIso = formatTimestamp(now);
    const containerID = `containerd://${this.#hex(64)}`;
    const program = argv[0] ?? '';
    this.#newInstance(record, containerID);
    // v1.35 kuberuntime_container.go startContainer: the container is named by the event's fieldPath.
    this.#host.event('Normal', 'Created', 'Container created', record);
    if (!ContainerProcess.canRun(image, program)) {
      const message = `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${program}": executable file not found in $PATH: unknown`;
      this.#host.event('Warning', 'Failed', `Error: ${message}`, record);
      record.current = { terminated: { exitCode: 128, reason: 'StartError', message, startedAt: EPOCH, finishedAt: nowIso, containerID } };
      record.finishedAtMs = now;
      record.reason = { reason: 'RunContainerError', message };
      this.#host.runtimeChanged();
      return false;
    }
    record.reason = undefined;
    record.current = { running: { startedAt: nowIso } };
    record.actuated = copyResources(record.allocated);
    record.started = !spec.startupProbe || record.kind === 'init';
    record.ready = record.kind !== 'init' && !spec.readinessProbe && record.started;
    const log = this.#host.logs.begin(spec.name, () => this.#host.ctx.clock.now());
    record.process = new ContainerProcess({
      ctx: this.#host.ctx,
      runtime: this.#host.runtime,
      pod: this.#host.pod(),
      podIP: this.#host.podIP() ?? '',
      image,
      argv,
      env: env.env,
      workingDir: spec.workingDir ?? image.workingDir,
      mounts: mounts.mounts,
      stdinOpen: Boolean(spec.stdin),
      stdinOnce: Boolean(spec.stdinOnce),
      log,
      onExit: (exit) => this.#processExited(record, exit.exitCode),
    });
    this.#host.event('Normal', 'Started', 'Container started', record);
    this.#host.runtimeChanged();
    if (record.kind !== 'init' && (spec.startupProbe || spec.readinessProbe || spec.livenessProbe)) this.#startProbes(record, record.process);
    record.process.start();
    return true;
  }

  #newInstance(record: ContainerRecord, containerID: string): void {
    if (record.current?.terminated) {
      record.previous = record.current.terminated;
      if (record.finishedAtMs !== undefined) record.previousFinishedAtMs = record.finishedAtMs;
    }
    record.instances++;
    record.containerID = containerID;
  }
  /** Resolves when the container's process has ended. */
  exited(record: ContainerRecord): Promise<void> {
    if (!record.process) return Promise.resolve();
    return new Promise((resolve) => (record.exitWaiters ??= []).push(resolve));
  }

  #processExited(record: ContainerRecord, exitCode: number): void {
    const now = this.#host.ctx.clock.now();
    const startedAt = record.current?.running?.startedAt ?? formatTimestamp(now);
    record.process = undefined;
    record.stopping = false;
    record.probes?.stop();
    record.probes = undefined;
    record.ready = false;
    record.started = false;
    record.finishedAtMs = now;
    record.current = {
      terminated: { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', startedAt, finishedAt: formatTimestamp(now), containerID: record.containerID! },
    };
    if (record.kind === 'init' && exitCode === 0) record.ready = true;
    this.#host.runtimeChanged();
    const waiters = record.exitWaiters ?? [];
    delete record.exitWaiters;
    for (const resolve of waiters) resolve();
    this.#host.containerExited(record);
  }

  /** SIGTERM, and SIGKILL when the grace period ends. */
  kill(record: ContainerRecord): void {
    const process = record.process;
    if (!process) return;
    record.stopping = true;
    process.kill(false);
    const graceSeconds = this.#host.pod().metadata?.deletionGracePeriodSeconds ?? this.#host.pod().spec?.terminationGracePeriodSeconds ?? 30;
    this.#host.timers.after(graceSeconds * 1000, () => {
      if (record.process === process) process.kill(true);
    });
  }

  #startProbes(record: ContainerRecord, process: ContainerProcess): void {
    const spec = record.spec;
    record.probes = new ContainerProbes(
      spec,
      {
        after: (ms, run) => this.#host.timers.cancellable(ms, run),
        run: (probe) => this.#host.runtime.probe(probe, this.#host.podIP() ?? '', process),
        unhealthy: (kind, message) => this.#host.event('Warning', 'Unhealthy', `${probeTitle(kind)} probe failed: ${message}`, record),
        started: () => {
          record.started = true;
          if (!spec.readinessProbe) record.ready = true;
          this.#host.containerStarted(record);
        },
        readiness: (ready) => {
          if (record.ready === ready) return;
          record.ready = ready;
          this.#host.readinessChanged(record);
        },
        failed: (kind) => {
          if (this.#host.isTerminating() || record.process !== process) return;
          // computePodActions adds ", will be restarted" only when the restart policy restarts it.
          const restarts = (this.#host.pod().spec?.restartPolicy ?? 'Always') !== 'Never';
          const message =
            record.kind === 'sidecar' ? `Init container ${spec.name} failed ${kind} probe` : `Container ${spec.name} failed ${kind} probe${restarts ? ', will be restarted' : ''}`;
          this.#host.event('Normal', 'Killing', message, record);
          record.probeKilled = true;
          this.kill(record);
          this.#host.resync();
        },
      },
      () => this.#host.ctx.clock.now(),
    );
    record.probes.start();
  }

  #specOf(record: ContainerRecord): Container | undefined {
    const list = record.kind === 'app' ? this.#host.pod().spec?.containers : this.#host.pod().spec?.initContainers;
    return list?.find((c) => c.name === record.spec.name);
  }

  /** doPodResizeAction: apply the allocation in place, or restart the container when its resizePolicy says so. */
  actuateResize(record: ContainerRecord): void {
    if (!record.process || !record.actuated || !cpuMemoryDiffer(record.allocated, record.actuated)) return;
    if (resizeNeedsRestart(this.#specOf(record) ?? record.spec, record.allocated, record.actuated)) {
      if (record.stopping) return;
      this.#host.event('Normal', 'Killing', `Container ${record.spec.name} resize requires restart`, record);
      record.replacing = true;
      this.kill(record);
      return;
    }
    record.actuated = copyResources(record.allocated);
    this.#host.resync();
  }

  #podRef(): string {
    const meta = this.#host.pod().metadata!;
    return `${meta.name}_${meta.namespace}(${meta.uid})`;
  }

  #pullMs(sizeBytes: number): number {
    return 800 + Math.floor(sizeBytes / 40_000) + this.#host.ctx.random.int(700);
  }

  #hex(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += '0123456789abcdef'[this.#host.ctx.random.int(16)];
    return out;
  }
}
