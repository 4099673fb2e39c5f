/**
 * One pod on one node, from volumes and sandbox to deletion. Each sync decides what may start now,
 * as computePodActions does: init containers one at a time in order (a native sidecar — an init
 * container with `restartPolicy: Always` — only has to be started), then the app containers;
 * exited containers restart per restartPolicy behind the CrashLoopBackOff back-off. Status and
 * kubelet events follow pkg/kubelet (pod_workers.go, kuberuntime_manager.go, kubelet_pods.go,
 * status/generate.go, volumemanager).
 */
import type { Container, ContainerStateRunning, ContainerStateTerminated, ContainerStatus, Pod, PodCondition } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/client.ts';
import { formatTimestamp } from '../api/timestamps.ts';
import type { TimerId } from '../clock/virtual-clock.ts';
import type { ControllerContext } from '../controllers/controller-context.ts';
import { lookupImage } from '../images/image-catalogue.ts';
import type { ImageSpec } from '../images/image.ts';
import { Backoff, goDuration } from './backoff.ts';
import { resolveArgv } from './container-command.ts';
import { buildContainerEnv } from './container-env.ts';
import { ContainerProcess } from './container-process.ts';
import type { NodeRuntime } from './node-runtime.ts';
import { PodLogs } from './pod-logs.ts';
import { ContainerProbes, probeTitle } from './prober.ts';
import { containersReadyCondition, initializedCondition, isRestartableInit, podPhase, readyCondition } from './pod-status.ts';
import { PodVolumes } from './volumes/pod-volumes.ts';

const PODS = { group: '', version: 'v1', resource: 'pods' } as const;
/** How long the sandbox (pause container, network) takes before containers can start. */
const SANDBOX_MS = 1000;
/** PLEG notices a container exit within about a second. */
const RELIST_MS = 1000;
/** A sync that failed is retried after 10 s plus up to half again (pod_workers backOffPeriod). */
const SYNC_ERROR_RETRY_MS = 10_000;
const BACKOFF_INITIAL_MS = 10_000;
const BACKOFF_MAX_MS = 300_000;
/** nestedpendingoperations: a failed mount is retried after 500 ms doubling to 2m2s. */
const MOUNT_RETRY_INITIAL_MS = 500;
const MOUNT_RETRY_MAX_MS = 122_000;
/** The kubelet re-syncs a pod about once a minute; config volumes pick up changes then. */
const RESYNC_MS = 60_000;
const EPOCH = '1970-01-01T00:00:00Z';

type Kind = 'init' | 'sidecar' | 'app';

interface ContainerRecord {
  spec: Container;
  kind: Kind;
  /** The newest instance, running or ended; undefined before the first is created. */
  current?: { running?: ContainerStateRunning; terminated?: ContainerStateTerminated };
  /** The instance before it (the status' lastState). */
  previous?: ContainerStateTerminated;
  /** Why the next start has not happened (the kubelet's reason cache). */
  waiting?: { reason: string; message?: string } | undefined;
  instances: number;
  ready: boolean;
  started: boolean;
  containerID?: string;
  imageRef?: string;
  imageID?: string;
  process?: ContainerProcess | undefined;
  /** A pull, a create retry or a back-off wait is pending: syncs leave the container alone. */
  timer?: TimerId | undefined;
  probes?: ContainerProbes | undefined;
  finishedAtMs?: number;
  /** The kubelet stopped it to apply a new image: start again at once. */
  replacing?: boolean;
  /** The kubelet stopped it after a failed liveness/startup probe: restart in the same sync. */
  probeKilled?: boolean;
  /** SIGTERM sent by the kubelet; the grace period is running. */
  stopping?: boolean;
}

export interface ContainerView {
  running: boolean;
  process?: ContainerProcess;
  image?: ImageSpec;
  env?: Record<string, string>;
}

export class PodWorker {
  readonly #ctx: ControllerContext;
  readonly #runtime: NodeRuntime;
  #pod: Pod;
  readonly #records = new Map<string, ContainerRecord>();
  readonly logs = new PodLogs();
  readonly #volumes: PodVolumes;
  readonly #backoff = new Backoff(BACKOFF_INITIAL_MS, BACKOFF_MAX_MS);
  readonly #imageBackoff = new Backoff(BACKOFF_INITIAL_MS, BACKOFF_MAX_MS);
  #podIP: string | undefined;
  #volumesReady = false;
  #mountRetryMs = 0;
  #sandboxReady = false;
  #sandboxTimer: TimerId | undefined;
  #initDone = false;
  /** No container will start again: every app container is done, or an init container failed under Never. */
  #terminal = false;
  #terminating = false;
  #finished = false;
  #syncTimer: { id: TimerId; atMs: number } | undefined;
  readonly #timers = new Set<TimerId>();
  readonly #conditionTimes = new Map<string, { status: string; at: string }>();
  readonly #startTime: string;

  constructor(ctx: ControllerContext, runtime: NodeRuntime, pod: Pod) {
    this.#ctx = ctx;
    this.#runtime = runtime;
    this.#pod = pod;
    this.#startTime = formatTimestamp(ctx.clock.now());
    this.#volumes = new PodVolumes(runtime.volumeHost(ctx));
    for (const spec of pod.spec?.initContainers ?? []) this.#records.set(spec.name, this.#newRecord(spec, isRestartableInit(spec) ? 'sidecar' : 'init'));
    for (const spec of pod.spec?.containers ?? []) this.#records.set(spec.name, this.#newRecord(spec, 'app'));
  }

  get pod(): Pod {
    return this.#pod;
  }

  get podIP(): string | undefined {
    return this.#podIP;
  }

  start(): void {
    this.#writeStatus();
    this.#scheduleSync(0);
    this.#every(RESYNC_MS, () => {
      if (this.#volumesReady) this.#volumes.refresh(this.#pod);
    });
  }

  /** The API object changed (image update, deletion requested). */
  update(pod: Pod): void {
    this.#pod = pod;
    if (pod.metadata?.deletionTimestamp && !this.#terminating) {
      this.#terminate();
      return;
    }
    if (this.#terminating) return;
    for (const spec of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) {
      const record = this.#records.get(spec.name);
      if (!record || record.spec.image === spec.image) continue;
      record.spec = spec;
      this.#backoff.reset(spec.name);
      if (record.process) {
        this.#event('Normal', 'Killing', `Container ${spec.name} definition changed, will be restarted`, record);
        record.replacing = true;
        this.#stop(record);
      } else {
        this.#cancel(record);
        record.waiting = undefined;
        this.#scheduleSync(0);
      }
    }
  }

  /** The pod is gone from the API: stop everything without ceremony. */
  remove(): void {
    this.#finished = true;
    for (const id of this.#timers) this.#ctx.clock.cancel(id);
    this.#timers.clear();
    for (const record of this.#records.values()) {
      this.#cancel(record);
      record.probes?.stop();
      record.process?.kill(true);
    }
    this.#runtime.releasePodIP(this.#podIP);
  }

  containerRecord(name: string): ContainerView | undefined {
    const record = this.#records.get(name);
    if (!record) return undefined;
    return { running: Boolean(record.current?.running), ...(record.process ? { process: record.process, image: record.process.image, env: record.process.env } : {}) };
  }

  // ---- timers ------------------------------------------------------------------------------

  #after(delayMs: number, run: () => void): TimerId {
    const id = this.#ctx.clock.schedule(delayMs, () => {
      this.#timers.delete(id);
      if (!this.#finished) run();
    });
    this.#timers.add(id);
    return id;
  }

  #every(periodMs: number, run: () => void): void {
    this.#after(periodMs + this.#ctx.random.int(periodMs / 2), () => {
      run();
      this.#every(periodMs, run);
    });
  }

  #scheduleSync(delayMs: number): void {
    const atMs = this.#ctx.clock.now() + delayMs;
    if (this.#syncTimer && this.#syncTimer.atMs <= atMs) return;
    if (this.#syncTimer) this.#cancelTimer(this.#syncTimer.id);
    const id = this.#after(delayMs, () => {
      this.#syncTimer = undefined;
      this.#sync();
    });
    this.#syncTimer = { id, atMs };
  }

  /** A container-level wait; the record counts as busy until it fires. */
  #wait(record: ContainerRecord, delayMs: number, run: () => void): void {
    this.#cancel(record);
    record.timer = this.#after(delayMs, () => {
      record.timer = undefined;
      run();
    });
  }

  #cancel(record: ContainerRecord): void {
    if (record.timer) this.#cancelTimer(record.timer);
    record.timer = undefined;
  }

  #cancelTimer(id: TimerId): void {
    this.#ctx.clock.cancel(id);
    this.#timers.delete(id);
  }

  #errorRetryMs(): number {
    return SYNC_ERROR_RETRY_MS + this.#ctx.random.int(SYNC_ERROR_RETRY_MS / 2);
  }

  // ---- sync --------------------------------------------------------------------------------

  #sync(): void {
    if (this.#terminating || this.#finished || this.#terminal) return;
    if (!this.#volumesReady && !this.#mountVolumes()) return;
    if (!this.#sandboxReady) {
      this.#sandboxTimer ??= this.#after(SANDBOX_MS, () => {
        this.#podIP = this.#runtime.allocatePodIP();
        this.#sandboxReady = true;
        this.#writeStatus();
        this.#sync();
      });
      return;
    }
    const records = [...this.#records.values()];
    if (!this.#initDone) {
      for (const record of records.filter((r) => r.kind !== 'app')) {
        if (record.timer) return;
        if (record.kind === 'sidecar') {
          if (record.current?.running) {
            if (record.started) continue;
            return;
          }
          this.#startOrRestart(record);
          return;
        }
        const ended = record.current?.terminated;
        if (ended && ended.exitCode === 0) continue;
        if (record.current?.running) return;
        if (ended && this.#pod.spec?.restartPolicy === 'Never') {
          this.#becomeTerminal();
          return;
        }
        this.#startOrRestart(record);
        return;
      }
      this.#initDone = true;
    }
    for (const record of records) {
      if (record.kind === 'init' || record.timer || record.current?.running) continue;
      if (record.kind === 'sidecar' || !record.current || this.#shouldRestart(record)) this.#startOrRestart(record);
    }
    const apps = records.filter((r) => r.kind === 'app');
    if (apps.length > 0 && apps.every((r) => r.current?.terminated && !r.timer && !this.#shouldRestart(r))) this.#becomeTerminal();
  }

  #shouldRestart(record: ContainerRecord): boolean {
    if (record.kind === 'sidecar') return true;
    const policy = this.#pod.spec?.restartPolicy ?? 'Always';
    const exitCode = record.current?.terminated?.exitCode ?? 0;
    return policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
  }

  /** Every app container is done for good (or an init container failed under Never): stop the sidecars. */
  #becomeTerminal(): void {
    this.#terminal = true;
    for (const record of this.#records.values()) this.#cancel(record);
    const sidecars = [...this.#records.values()].filter((r) => r.kind === 'sidecar' && r.process).reverse();
    for (const record of sidecars) {
      this.#event('Normal', 'Killing', `Stopping container ${record.spec.name}`, record);
      this.#stop(record);
    }
    this.#writeStatus();
  }

  #mountVolumes(): boolean {
    const failures = this.#volumes.setUp(this.#pod);
    if (failures.length === 0) {
      this.#volumesReady = true;
      return true;
    }
    for (const failure of failures) this.#podEvent('Warning', 'FailedMount', `MountVolume.SetUp failed for volume "${failure.volume}" : ${failure.message}`);
    this.#mountRetryMs = this.#mountRetryMs === 0 ? MOUNT_RETRY_INITIAL_MS : Math.min(this.#mountRetryMs * 2, MOUNT_RETRY_MAX_MS);
    this.#scheduleSync(this.#mountRetryMs);
    return false;
  }

  /** doBackOff, then start: the first restart is immediate, later ones wait out the back-off. */
  #startOrRestart(record: ContainerRecord): void {
    const finished = record.current?.terminated ? record.finishedAtMs : undefined;
    if (finished !== undefined) {
      const key = record.spec.name;
      const now = this.#ctx.clock.now();
      if (this.#backoff.isInBackOffSince(key, finished, now)) {
        this.#crashLoopBackOff(record, finished);
        return;
      }
      this.#backoff.next(key, finished, now);
    }
    this.#pullAndCreate(record);
  }

  #crashLoopBackOff(record: ContainerRecord, finishedAtMs: number): void {
    const key = record.spec.name;
    const podRef = this.#podRef();
    record.waiting = {
      reason: 'CrashLoopBackOff',
      message: `back-off ${goDuration(this.#backoff.get(key))} restarting failed container=${record.spec.name} pod=${podRef}`,
    };
    this.#event('Warning', 'BackOff', `Back-off restarting failed container ${record.spec.name} in pod ${podRef}`, record);
    this.#writeStatus();
    const now = this.#ctx.clock.now();
    const expiry = this.#backoff.expiresAt(key, finishedAtMs);
    // Syncs in between (about every 10 s) report the back-off again.
    const nextSync = Math.min(expiry - now, this.#errorRetryMs());
    this.#wait(record, Math.max(0, nextSync), () => {
      if (this.#terminating || this.#terminal) return;
      this.#startOrRestart(record);
    });
  }

  #pullAndCreate(record: ContainerRecord): void {
    const spec = record.spec;
    const image = spec.image ?? '';
    const lookup = lookupImage(image);
    if (!lookup.ok && lookup.reason === 'InvalidImageName') {
      record.waiting = { reason: 'InvalidImageName', message: lookup.message };
      this.#event('Warning', 'InspectFailed', lookup.message, record);
      this.#event('Warning', 'Failed', 'Error: InvalidImageName', record);
      this.#writeStatus();
      this.#wait(record, this.#errorRetryMs(), () => this.#scheduleSync(0));
      return;
    }
    const policy = spec.imagePullPolicy ?? 'IfNotPresent';
    const present = lookup.ok && this.#runtime.hasImage(lookup.ref.normalized);
    if (policy === 'Never' && !present) {
      const message = `Container image "${image}" is not present with pull policy of Never`;
      this.#event('Warning', 'ErrImageNeverPull', message, record);
      this.#event('Warning', 'Failed', 'Error: ErrImageNeverPull', record);
      record.waiting = { reason: 'ErrImageNeverPull', message };
      this.#writeStatus();
      this.#wait(record, this.#errorRetryMs(), () => this.#scheduleSync(0));
      return;
    }
    const needsPull = !present || policy === 'Always';
    const pullFailure = !lookup.ok ? lookup.message : needsPull ? lookup.pullError : undefined;
    if (pullFailure !== undefined) {
      const now = this.#ctx.clock.now();
      if (this.#imageBackoff.isInBackOffSinceUpdate(image, now)) {
        const message = `Back-off pulling image "${image}"`;
        this.#event('Normal', 'BackOff', message, record);
        this.#event('Warning', 'Failed', 'Error: ImagePullBackOff', record);
        record.waiting = { reason: 'ImagePullBackOff', message };
        this.#writeStatus();
        const retryAt = this.#imageBackoff.retryAt(image) ?? now;
        this.#wait(record, Math.max(RELIST_MS, Math.min(retryAt - now, this.#errorRetryMs())), () => this.#scheduleSync(0));
        return;
      }
      this.#event('Normal', 'Pulling', `Pulling image "${image}"`, record);
      this.#wait(record, this.#pullMs(5_000_000), () => {
        this.#event('Warning', 'Failed', pullFailure, record);
        this.#event('Warning', 'Failed', 'Error: ErrImagePull', record);
        record.waiting = { reason: 'ErrImagePull', message: pullFailure.replace(/^Failed to pull image "[^"]*": /, '') };
        const at = this.#ctx.clock.now();
        this.#imageBackoff.next(image, at, at);
        this.#writeStatus();
        this.#wait(record, RELIST_MS, () => this.#scheduleSync(0));
      });
      return;
    }
    if (!lookup.ok) return;
    this.#imageBackoff.reset(image);
    const create = () => {
      record.imageRef = lookup.ref.normalized;
      record.imageID = `${lookup.ref.repository}@sha256:${lookup.digest}`;
      this.#runtime.addImage(lookup.ref.normalized);
      this.#create(record, lookup.image, lookup.env);
    };
    if (!needsPull) {
      this.#event('Normal', 'Pulled', `Container image "${image}" already present on machine`, record);
      create();
      return;
    }
    this.#event('Normal', 'Pulling', `Pulling image "${image}"`, record);
    const pullMs = present ? 400 + this.#ctx.random.int(400) : this.#pullMs(lookup.image.sizeBytes);
    this.#wait(record, pullMs, () => {
      if (this.#terminating || this.#terminal) return;
      const seconds = (pullMs / 1000).toFixed(3).replace(/\.?0+$/, '');
      const took = pullMs < 1000 ? `${pullMs}ms` : `${seconds}s`;
      this.#event('Normal', 'Pulled', `Successfully pulled image "${image}" in ${took} (${took} including waiting). Image size: ${lookup.image.sizeBytes} bytes.`, record);
      create();
    });
  }

  #create(record: ContainerRecord, image: ImageSpec, imageEnv: Record<string, string>): void {
    const spec = record.spec;
    const env = buildContainerEnv(this.#ctx.server, this.#pod, spec, imageEnv);
    const mounts = env.ok ? this.#volumes.mountsFor(spec, env.env) : undefined;
    const failure = !env.ok ? env.message : mounts && !mounts.ok ? mounts.message : undefined;
    if (failure !== undefined || !env.ok || !mounts?.ok) {
      const message = failure ?? '';
      this.#event('Warning', 'Failed', `Error: ${message}`, record);
      record.waiting = { reason: 'CreateContainerConfigError', message };
      this.#writeStatus();
      this.#wait(record, this.#errorRetryMs(), () => this.#scheduleSync(0));
      return;
    }
    const argv = resolveArgv(image, spec, env.env);
    const now = this.#ctx.clock.now();
    const nowIso = formatTimestamp(now);
    const containerID = `containerd://${this.#hex(64)}`;
    const program = argv[0] ?? '';
    this.#newInstance(record, containerID);
    this.#event('Normal', 'Created', `Created container ${spec.name}`, record);
    if (!ContainerProcess.canRun(image, program)) {
      const message = `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${program}": executable file not found in $PATH: unknown`;
      this.#event('Warning', 'Failed', `Error: ${message}`, record);
      record.current = { terminated: { exitCode: 128, reason: 'StartError', message, startedAt: EPOCH, finishedAt: nowIso, containerID } };
      record.finishedAtMs = now;
      record.waiting = { reason: 'RunContainerError', message };
      this.#writeStatus();
      this.#scheduleSync(RELIST_MS);
      return;
    }
    record.waiting = undefined;
    record.current = { running: { startedAt: nowIso } };
    record.started = !spec.startupProbe || record.kind === 'init';
    record.ready = record.kind !== 'init' && !spec.readinessProbe && record.started;
    const log = this.logs.begin(spec.name, () => this.#ctx.clock.now());
    record.process = new ContainerProcess({
      ctx: this.#ctx,
      runtime: this.#runtime,
      pod: this.#pod,
      podIP: this.#podIP ?? '',
      image,
      argv,
      env: env.env,
      workingDir: spec.workingDir ?? image.workingDir,
      mounts: mounts.mounts,
      stdinOpen: Boolean(spec.stdin) && !spec.stdinOnce,
      log,
      onExit: (exit) => this.#processExited(record, exit.exitCode),
    });
    this.#event('Normal', 'Started', `Started container ${spec.name}`, record);
    this.#writeStatus();
    if (record.kind !== 'init' && (spec.startupProbe || spec.readinessProbe || spec.livenessProbe)) this.#startProbes(record, record.process);
    record.process.start();
    // The next relist sees the sidecar started and lets the next init container go.
    if (record.kind === 'sidecar' && !this.#initDone) this.#scheduleSync(RELIST_MS);
  }

  #newInstance(record: ContainerRecord, containerID: string): void {
    if (record.current?.terminated) record.previous = record.current.terminated;
    record.instances++;
    record.containerID = containerID;
  }

  #processExited(record: ContainerRecord, exitCode: number): void {
    const now = this.#ctx.clock.now();
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
    this.#writeStatus();
    if (this.#terminating) {
      this.#continueTermination();
      return;
    }
    if (this.#terminal) return;
    if (record.replacing) {
      record.replacing = false;
      this.#pullAndCreate(record);
      return;
    }
    if (record.probeKilled) {
      record.probeKilled = false;
      if (this.#shouldRestart(record)) this.#startOrRestart(record);
      else this.#scheduleSync(RELIST_MS);
      return;
    }
    this.#scheduleSync(RELIST_MS);
  }

  /** SIGTERM, and SIGKILL when the grace period ends. */
  #stop(record: ContainerRecord): void {
    const process = record.process;
    if (!process) return;
    record.stopping = true;
    process.kill(false);
    const graceSeconds = this.#pod.metadata?.deletionGracePeriodSeconds ?? this.#pod.spec?.terminationGracePeriodSeconds ?? 30;
    this.#after(graceSeconds * 1000, () => {
      if (record.process === process) process.kill(true);
    });
  }

  // ---- termination -------------------------------------------------------------------------

  #terminate(): void {
    this.#terminating = true;
    if (this.#syncTimer) this.#cancelTimer(this.#syncTimer.id);
    this.#syncTimer = undefined;
    for (const record of this.#records.values()) this.#cancel(record);
    // App containers first; sidecars once they are gone, in reverse order.
    for (const record of this.#records.values()) {
      if (record.kind === 'sidecar' || !record.process) continue;
      this.#event('Normal', 'Killing', `Stopping container ${record.spec.name}`, record);
      this.#stop(record);
    }
    this.#continueTermination();
  }

  #continueTermination(): void {
    if (!this.#terminating || this.#finished) return;
    const records = [...this.#records.values()];
    if (records.some((r) => r.kind !== 'sidecar' && r.process)) return;
    const sidecars = records.filter((r) => r.kind === 'sidecar' && r.process).reverse();
    if (sidecars.length > 0) {
      for (const record of sidecars) {
        if (record.stopping) continue;
        this.#event('Normal', 'Killing', `Stopping container ${record.spec.name}`, record);
        this.#stop(record);
      }
      return;
    }
    this.#finished = true;
    const meta = this.#pod.metadata!;
    this.#ctx.clock.schedule(0, () => {
      this.#ctx.server.handle({ verb: 'delete', ...PODS, namespace: meta.namespace!, name: meta.name!, query: { gracePeriodSeconds: 0 } });
    });
  }

  // ---- probes ----------------------------------------------------------------------------

  #startProbes(record: ContainerRecord, process: ContainerProcess): void {
    const spec = record.spec;
    record.probes = new ContainerProbes(
      spec,
      {
        after: (ms, run) => {
          const id = this.#after(ms, run);
          return () => this.#cancelTimer(id);
        },
        run: (probe) => this.#runtime.probe(probe, this.#podIP ?? '', process),
        unhealthy: (kind, message) => this.#event('Warning', 'Unhealthy', `${probeTitle(kind)} probe failed: ${message}`, record),
        started: () => {
          record.started = true;
          if (!spec.readinessProbe) record.ready = true;
          this.#writeStatus();
          if (record.kind === 'sidecar' && !this.#initDone) this.#scheduleSync(RELIST_MS);
        },
        readiness: (ready) => {
          if (record.ready === ready) return;
          record.ready = ready;
          this.#writeStatus();
        },
        failed: (kind) => {
          if (this.#terminating || record.process !== process) return;
          this.#event('Normal', 'Killing', `Container ${spec.name} failed ${kind} probe, will be restarted`, record);
          record.probeKilled = true;
          this.#stop(record);
        },
      },
      () => this.#ctx.clock.now(),
    );
    record.probes.start();
  }

  // ---- status ------------------------------------------------------------------------------

  #writeStatus(): void {
    if (this.#finished) return;
    const records = [...this.#records.values()];
    const spec = this.#pod.spec ?? { containers: [] };
    const initStatuses = records.filter((r) => r.kind !== 'app').map((r) => this.#containerStatus(r));
    const appStatuses = records.filter((r) => r.kind === 'app').map((r) => this.#containerStatus(r));
    const all = [...initStatuses, ...appStatuses];
    const podIsTerminal = this.#terminal && !records.some((r) => r.process);
    const phase = podPhase(spec, all, podIsTerminal);
    const existing = this.#pod.status?.conditions ?? [];
    const scheduled = existing.find((c) => c.type === 'PodScheduled');
    const conditions: PodCondition[] = [
      this.#condition('PodReadyToStartContainers', { status: this.#sandboxReady ? 'True' : 'False' }),
      this.#condition('Initialized', initializedCondition(spec, all, phase)),
      this.#condition('Ready', readyCondition(spec, all, phase, existing)),
      this.#condition('ContainersReady', containersReadyCondition(spec, all, phase)),
      scheduled ?? this.#condition('PodScheduled', { status: 'True' }),
    ];
    const status = {
      ...this.#pod.status,
      phase,
      conditions,
      hostIP: this.#runtime.nodeIP,
      hostIPs: [{ ip: this.#runtime.nodeIP }],
      ...(this.#podIP ? { podIP: this.#podIP, podIPs: [{ ip: this.#podIP }] } : {}),
      startTime: this.#startTime,
      ...(initStatuses.length ? { initContainerStatuses: initStatuses } : {}),
      containerStatuses: appStatuses,
    };
    const current = this.#ctx.server.handle({ verb: 'get', ...PODS, namespace: this.#pod.metadata!.namespace!, name: this.#pod.metadata!.name! });
    if (!current.ok) return;
    const pod = current.body as Pod;
    if (pod.metadata?.uid !== this.#pod.metadata?.uid) return;
    const updated = this.#ctx.server.handle({ verb: 'update', ...PODS, subresource: 'status', namespace: pod.metadata!.namespace!, name: pod.metadata!.name!, body: { ...pod, status } });
    if (updated.ok) this.#pod = updated.body as Pod;
  }

  #containerStatus(record: ContainerRecord): ContainerStatus {
    const hasInit = (this.#pod.spec?.initContainers ?? []).length > 0;
    const previous = record.previous ? { terminated: record.previous } : {};
    let state: ContainerStatus['state'];
    let lastState: ContainerStatus['lastState'] = previous;
    const current = record.current;
    if (current?.running) state = { running: current.running };
    else if (record.waiting) {
      state = { waiting: { reason: record.waiting.reason, ...(record.waiting.message ? { message: record.waiting.message } : {}) } };
      if (current?.terminated) lastState = { terminated: current.terminated };
    } else if (current?.terminated) state = { terminated: current.terminated };
    else state = { waiting: { reason: hasInit ? 'PodInitializing' : 'ContainerCreating' } };
    const exists = record.instances > 0;
    const mounts = (record.spec.volumeMounts ?? []).map((m) => ({
      mountPath: m.mountPath,
      name: m.name,
      ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}),
    }));
    return {
      ...(exists && record.containerID ? { containerID: record.containerID } : {}),
      image: record.imageRef ?? record.spec.image ?? '',
      imageID: record.imageID ?? '',
      lastState,
      name: record.spec.name,
      ready: record.kind === 'init' ? Boolean(state.terminated && state.terminated.exitCode === 0) : record.ready && Boolean(state.running),
      restartCount: Math.max(0, record.instances - 1),
      started: Boolean(state.running) && record.started,
      state,
      ...(mounts.length ? { volumeMounts: mounts } : {}),
    };
  }

  #condition(type: string, value: { status: string; reason?: string; message?: string }): PodCondition {
    const previous = this.#conditionTimes.get(type);
    const at = previous && previous.status === value.status ? previous.at : formatTimestamp(this.#ctx.clock.now());
    this.#conditionTimes.set(type, { status: value.status, at });
    return {
      lastProbeTime: null as unknown as string,
      lastTransitionTime: at,
      ...(value.message ? { message: value.message } : {}),
      ...(value.reason ? { reason: value.reason } : {}),
      status: value.status,
      type,
    };
  }

  #newRecord(spec: Container, kind: Kind): ContainerRecord {
    return { spec, kind, instances: 0, ready: false, started: false };
  }

  #podRef(): string {
    return `${this.#pod.metadata!.name}_${this.#pod.metadata!.namespace}(${this.#pod.metadata!.uid})`;
  }

  #event(type: 'Normal' | 'Warning', reason: string, message: string, record: ContainerRecord): void {
    const list = record.kind === 'app' ? 'containers' : 'initContainers';
    this.#ctx.recorder('kubelet', this.#runtime.nodeName).record(this.#pod as KubeObject, type, reason, message, `spec.${list}{${record.spec.name}}`);
  }

  #podEvent(type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.#ctx.recorder('kubelet', this.#runtime.nodeName).record(this.#pod as KubeObject, type, reason, message);
  }

  #pullMs(sizeBytes: number): number {
    return 800 + Math.floor(sizeBytes / 40_000) + this.#ctx.random.int(700);
  }

  #hex(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += '0123456789abcdef'[this.#ctx.random.int(16)];
    return out;
  }
}
