/**
 * One pod on one node, from volumes and sandbox to deletion. Each sync (PodSyncLoop decides when)
 * first writes the status from what the last PLEG relist saw plus the reasons the previous sync
 * left (the reason cache), then decides what may start now, as computePodActions does: init
 * containers one at a time in order (a native sidecar — an init container with `restartPolicy:
 * Always` — only has to be started), then the app containers; exited containers restart per
 * restartPolicy behind the CrashLoopBackOff back-off (doBackOff). Pulls and starts happen inside the
 * sync, one container after another. So a reason such as CrashLoopBackOff reaches the API only with
 * the next sync. Status and kubelet events follow pkg/kubelet (pod_workers.go, kuberuntime_manager.go,
 * kubelet_pods.go, status/generate.go, volumemanager).
 */
import type { Container, ContainerStateRunning, ContainerStateTerminated, ContainerStatus, Node, Pod, PodCondition } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/client.ts';
import { formatTimestamp } from '../api/timestamps.ts';
import { core } from '../client/informer-factory.ts';
import type { TimerId } from '../clock/virtual-clock.ts';
import type { ControllerContext } from '../controllers/controller-context.ts';
import { lookupImage } from '../images/image-catalogue.ts';
import type { ImageSpec } from '../images/image.ts';
import { Backoff, goDuration } from './backoff.ts';
import { resolveArgv } from './container-command.ts';
import { buildContainerEnv, envSources } from './container-env.ts';
import { NODE_NAME_INDEX, podInformer } from './pod-informer.ts';
import { ContainerProcess } from './container-process.ts';
import type { NodeRuntime } from './node-runtime.ts';
import { PodLogs } from './pod-logs.ts';
import { ContainerProbes, probeTitle } from './prober.ts';
import { PodSyncLoop, RELIST_PERIOD_MS } from './pod-sync-loop.ts';
import { containersReadyCondition, initializedCondition, isRestartableInit, podPhase, readyCondition } from './pod-status.ts';
import { PodResizeState, type ResizeHost } from './pod-resize-state.ts';
import { copyResources, cpuMemoryDiffer, resizeNeedsRestart, type Resources, runtimeResources } from './resize-allocation.ts';
import { PodVolumes } from './volumes/pod-volumes.ts';

const PODS = { group: '', version: 'v1', resource: 'pods' } as const;
/** How long the sandbox (pause container, network) takes before containers can start. */
const SANDBOX_MS = 1000;
const BACKOFF_INITIAL_MS = 10_000;
const BACKOFF_MAX_MS = 300_000;
/** nestedpendingoperations: a failed mount is retried after 500 ms doubling to 2m2s. */
const MOUNT_RETRY_INITIAL_MS = 500;
const MOUNT_RETRY_MAX_MS = 122_000;
/** The kubelet re-syncs a pod about once a minute; config volumes pick up changes then. */
const RESYNC_MS = 60_000;
const EPOCH = '1970-01-01T00:00:00Z';

type Kind = 'init' | 'sidecar' | 'app';

/** One container as the runtime reports it: the newest instance and the one before. */
interface RuntimeView {
  current?: { running?: ContainerStateRunning; terminated?: ContainerStateTerminated };
  previous?: ContainerStateTerminated;
  instances: number;
  containerID?: string;
  finishedAtMs?: number;
  previousFinishedAtMs?: number;
}

interface ContainerRecord extends RuntimeView {
  spec: Container;
  kind: Kind;
  /** What the allocation manager granted (the spec's resources until a resize is pending). */
  allocated: Resources;
  /** What the running instance was given (SetActuatedResources); resized in place or by a restart. */
  actuated?: Resources | undefined;
  /** What the last relist saw (the pod cache); the status is made from this, not the live state. */
  seen?: RuntimeView;
  /** Why the last start attempt failed (the kubelet's reason cache), shown by the next sync. */
  reason?: { reason: string; message?: string } | undefined;
  ready: boolean;
  started: boolean;
  imageRef?: string;
  imageID?: string;
  process?: ContainerProcess | undefined;
  probes?: ContainerProbes | undefined;
  /** The kubelet stopped it to apply a new image: start it again whatever the restart policy. */
  replacing?: boolean;
  /** The kubelet stopped it after a failed liveness/startup probe: restart in the same sync. */
  probeKilled?: boolean;
  /** SIGTERM sent by the kubelet; the grace period is running. */
  stopping?: boolean;
  /** Syncs waiting for the process to end (a kill within a sync). */
  exitWaiters?: (() => void)[];
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
  #sandboxSeen = false;
  #initDone = false;
  /** No container will start again: every app container is done, or an init container failed under Never. */
  #terminal = false;
  #terminating = false;
  #finished = false;
  readonly #loop: PodSyncLoop;
  readonly #timers = new Set<TimerId>();
  readonly #conditionTimes = new Map<string, { status: string; at: string }>();
  readonly #startTime: string;
  readonly #resize: PodResizeState;

  constructor(ctx: ControllerContext, runtime: NodeRuntime, pod: Pod) {
    this.#ctx = ctx;
    this.#runtime = runtime;
    this.#pod = pod;
    this.#startTime = formatTimestamp(ctx.clock.now());
    this.#resize = new PodResizeState(this.#resizeHost());
    this.#volumes = new PodVolumes(runtime.volumeHost(ctx));
    for (const spec of pod.spec?.initContainers ?? []) this.#records.set(spec.name, this.#newRecord(spec, isRestartableInit(spec) ? 'sidecar' : 'init'));
    for (const spec of pod.spec?.containers ?? []) this.#records.set(spec.name, this.#newRecord(spec, 'app'));
    runtime.loopPhases ??= { relistMs: ctx.random.int(RELIST_PERIOD_MS), syncTickMs: ctx.random.int(1000) };
    this.#loop = new PodSyncLoop(
      {
        now: () => this.#ctx.clock.now(),
        after: (ms, run) => {
          const id = this.#after(ms, run);
          return () => this.#cancelTimer(id);
        },
        random: () => this.#ctx.random.next(),
        relist: () => this.#relist(),
        sync: () => this.#syncPod(),
      },
      runtime.loopPhases,
    );
  }

  get pod(): Pod {
    return this.#pod;
  }

  get podIP(): string | undefined {
    return this.#podIP;
  }

  start(): void {
    this.#loop.update();
    this.#every(RESYNC_MS, () => {
      if (this.#volumesReady) this.#volumes.refresh(this.#pod);
    });
  }

  /** The API object changed (image update, deletion requested). */
  update(pod: Pod): void {
    const seenGeneration = this.#pod.metadata?.generation;
    this.#pod = pod;
    if (pod.metadata?.deletionTimestamp && !this.#terminating) {
      this.#terminate();
      return;
    }
    if (this.#terminating) return;
    // A new spec generation is synced, so its status reports the generation it has now seen.
    if (pod.metadata?.generation !== seenGeneration) this.#loop.update();
    for (const spec of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) {
      const record = this.#records.get(spec.name);
      if (!record || record.spec.image === spec.image) continue;
      record.spec = spec;
      // A new spec is a new back-off key (getStableKey hashes the container).
      this.#backoff.reset(spec.name);
      if (record.process) {
        // computeInitContainerActions words a restartable init container's kill apart from computePodActions.
        const message = record.kind === 'sidecar' ? `Init container ${spec.name} definition changed` : `Container ${spec.name} definition changed, will be restarted`;
        this.#event('Normal', 'Killing', message, record);
        record.replacing = true;
        this.#stop(record);
      }
      this.#loop.update();
    }
    this.#resize.handlePodResourcesResize();
  }

  // ---- in-place resize ---------------------------------------------------------------------

  #resizeHost(): ResizeHost {
    return {
      pod: () => this.#pod,
      containers: () =>
        [...this.#records.values()].map((r) => ({ name: r.spec.name, resizable: r.kind !== 'init', running: Boolean(r.process), allocated: r.allocated, actuated: r.actuated })),
      nodeAllocatable: () => this.#ctx.informers.lister<Node>(core('nodes')).get(undefined, this.#runtime.nodeName)?.status?.allocatable ?? {},
      otherPods: () =>
        podInformer(this.#ctx.informers)
          .lister.byIndex(NODE_NAME_INDEX, this.#runtime.nodeName)
          .filter((p) => p.metadata?.uid !== this.#pod.metadata?.uid)
          .filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed')
          .map((p) => p.spec),
      allocate: (name, resources) => {
        const record = this.#records.get(name);
        if (record) record.allocated = resources;
      },
      now: () => formatTimestamp(this.#ctx.clock.now()),
      podEvent: (type, reason, message) => this.#podEvent(type, reason, message),
      resync: () => this.#loop.update(),
    };
  }

  #specOf(record: ContainerRecord): Container | undefined {
    const list = record.kind === 'app' ? this.#pod.spec?.containers : this.#pod.spec?.initContainers;
    return list?.find((c) => c.name === record.spec.name);
  }

  /** doPodResizeAction: apply the allocation in place, or restart the container when its resizePolicy says so. */
  #actuateResize(record: ContainerRecord): void {
    if (!record.process || !record.actuated || !cpuMemoryDiffer(record.allocated, record.actuated)) return;
    if (resizeNeedsRestart(this.#specOf(record) ?? record.spec, record.allocated, record.actuated)) {
      if (record.stopping) return;
      this.#event('Normal', 'Killing', `Container ${record.spec.name} resize requires restart`, record);
      record.replacing = true;
      this.#stop(record);
      return;
    }
    record.actuated = copyResources(record.allocated);
    this.#loop.update();
  }

  /** The pod is gone from the API: stop everything without ceremony. */
  remove(): void {
    this.#finished = true;
    this.#loop.stop();
    for (const id of this.#timers) this.#ctx.clock.cancel(id);
    this.#timers.clear();
    for (const record of this.#records.values()) {
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

  #cancelTimer(id: TimerId): void {
    this.#ctx.clock.cancel(id);
    this.#timers.delete(id);
  }

  /** Virtual time passing inside a sync (a pull, the sandbox); never resolves once the pod is gone. */
  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.#after(ms, resolve));
  }

  /** Resolves when the container's process has ended. */
  #exited(record: ContainerRecord): Promise<void> {
    if (!record.process) return Promise.resolve();
    return new Promise((resolve) => (record.exitWaiters ??= []).push(resolve));
  }

  /** A sync under way stops doing things once the pod terminates or is done. */
  #stopSyncing(): boolean {
    return this.#terminating || this.#finished || this.#terminal;
  }

  // ---- PLEG --------------------------------------------------------------------------------

  /** The relist: take a new snapshot and report whether any container (or the sandbox) changed. */
  #relist(): boolean {
    let changed = this.#sandboxSeen !== this.#sandboxReady;
    this.#sandboxSeen = this.#sandboxReady;
    for (const record of this.#records.values()) {
      const before = record.seen;
      const now = this.#viewOf(record);
      if (!before || runtimeState(before) !== runtimeState(now)) changed ||= now.instances > 0;
      record.seen = now;
    }
    return changed;
  }

  #viewOf(record: ContainerRecord): RuntimeView {
    return {
      ...(record.current ? { current: { ...record.current } } : {}),
      ...(record.previous ? { previous: record.previous } : {}),
      instances: record.instances,
      ...(record.containerID ? { containerID: record.containerID } : {}),
      ...(record.finishedAtMs !== undefined ? { finishedAtMs: record.finishedAtMs } : {}),
      ...(record.previousFinishedAtMs !== undefined ? { previousFinishedAtMs: record.previousFinishedAtMs } : {}),
    };
  }

  // ---- sync --------------------------------------------------------------------------------

  /** SyncPod; resolves to true when something failed (the pod worker then retries in 10–15 s). */
  async #syncPod(): Promise<boolean> {
    if (this.#stopSyncing()) return false;
    // A deferred resize is tried again; other pods may have gone.
    if (this.#resize.isDeferred) this.#resize.handlePodResourcesResize();
    this.#writeStatus();
    if (!this.#volumesReady && !this.#mountVolumes()) return true;
    if (!this.#sandboxReady) {
      await this.#sleep(SANDBOX_MS);
      if (this.#stopSyncing()) return false;
      this.#podIP = this.#runtime.allocatePodIP();
      this.#sandboxReady = true;
      this.#loop.runtimeChanged();
    }
    return this.#startContainers();
  }

  /** computePodActions and the start steps of SyncPod, on what the last relist saw. */
  async #startContainers(): Promise<boolean> {
    const records = [...this.#records.values()];
    let failed = false;
    if (!this.#initDone) {
      for (const record of records) {
        if (record.kind === 'app') continue;
        const seen = record.seen;
        const running = Boolean(record.process || seen?.current?.running);
        if (record.kind === 'sidecar') {
          if (running) {
            if (record.started) continue;
            return failed;
          }
          return !(await this.#start(record));
        }
        const ended = seen?.current?.terminated;
        if (ended && ended.exitCode === 0) continue;
        if (running) return failed;
        if (ended && this.#pod.spec?.restartPolicy === 'Never') {
          this.#becomeTerminal();
          return false;
        }
        return !(await this.#start(record));
      }
      this.#initDone = true;
    }
    for (const record of records) {
      if (record.kind === 'init') continue;
      if (this.#stopSyncing()) return false;
      this.#actuateResize(record);
      if (record.replacing || record.probeKilled) {
        await this.#exited(record);
        if (this.#stopSyncing()) return false;
        const restart = record.replacing || this.#shouldRestart(record, record.current?.terminated?.exitCode ?? 0);
        record.replacing = false;
        record.probeKilled = false;
        if (restart && !(await this.#start(record))) failed = true;
        continue;
      }
      if (record.process || record.seen?.current?.running) continue;
      const ended = record.seen?.current?.terminated;
      if (!ended || this.#shouldRestart(record, ended.exitCode)) {
        if (!(await this.#start(record))) failed = true;
      }
    }
    const apps = records.filter((r) => r.kind === 'app');
    const done = (r: ContainerRecord) => {
      const ended = r.seen?.current?.terminated;
      return Boolean(ended && !r.process && !this.#shouldRestart(r, ended.exitCode));
    };
    if (!this.#stopSyncing() && apps.length > 0 && apps.every(done)) this.#becomeTerminal();
    return failed;
  }

  /** kubecontainer.ShouldContainerBeRestarted for a container that ended with `exitCode`. */
  #shouldRestart(record: ContainerRecord, exitCode: number): boolean {
    if (record.kind === 'sidecar') return true;
    const policy = this.#pod.spec?.restartPolicy ?? 'Always';
    return policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
  }

  /** Every app container is done for good (or an init container failed under Never): stop the sidecars. */
  #becomeTerminal(): void {
    this.#terminal = true;
    this.#loop.stop();
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
    this.#after(this.#mountRetryMs, () => this.#loop.update());
    return false;
  }

  /**
   * doBackOff, then pull, create and start. The back-off counts from when the newest exited
   * instance the relist saw finished: the first restart is immediate, later ones wait it out.
   * Resolves to whether the container started; a failure leaves its reason in the reason cache.
   */
  async #start(record: ContainerRecord): Promise<boolean> {
    const seen = record.seen;
    const exitedAt = seen?.current?.terminated ? seen.finishedAtMs : seen?.previous ? seen.previousFinishedAtMs : undefined;
    if (exitedAt !== undefined) {
      const key = record.spec.name;
      const now = this.#ctx.clock.now();
      if (this.#backoff.isInBackOffSince(key, exitedAt, now)) {
        const podRef = this.#podRef();
        this.#event('Warning', 'BackOff', `Back-off restarting failed container ${record.spec.name} in pod ${podRef}`, record);
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
    const lookup = lookupImage(image);
    if (!lookup.ok && lookup.reason === 'InvalidImageName') {
      record.reason = { reason: 'InvalidImageName', message: lookup.message };
      this.#event('Warning', 'InspectFailed', lookup.message, record);
      this.#event('Warning', 'Failed', 'Error: InvalidImageName', record);
      return false;
    }
    const policy = spec.imagePullPolicy ?? 'IfNotPresent';
    const present = lookup.ok && this.#runtime.hasImage(lookup.ref.normalized);
    if (policy === 'Never' && !present) {
      const message = `Container image "${image}" is not present with pull policy of Never`;
      this.#event('Warning', 'ErrImageNeverPull', message, record);
      this.#event('Warning', 'Failed', 'Error: ErrImageNeverPull', record);
      record.reason = { reason: 'ErrImageNeverPull', message };
      return false;
    }
    const needsPull = !present || policy === 'Always';
    const pullFailure = !lookup.ok ? lookup.message : needsPull ? lookup.pullError : undefined;
    if (pullFailure !== undefined) {
      if (this.#imageBackoff.isInBackOffSinceUpdate(image, this.#ctx.clock.now())) {
        const message = `Back-off pulling image "${image}"`;
        this.#event('Normal', 'BackOff', message, record);
        this.#event('Warning', 'Failed', 'Error: ImagePullBackOff', record);
        record.reason = { reason: 'ImagePullBackOff', message };
        return false;
      }
      this.#event('Normal', 'Pulling', `Pulling image "${image}"`, record);
      await this.#sleep(this.#pullMs(5_000_000));
      if (this.#stopSyncing()) return false;
      this.#event('Warning', 'Failed', pullFailure, record);
      this.#event('Warning', 'Failed', 'Error: ErrImagePull', record);
      record.reason = { reason: 'ErrImagePull', message: pullFailure.replace(/^Failed to pull image "[^"]*": /, '') };
      const at = this.#ctx.clock.now();
      this.#imageBackoff.next(image, at, at);
      return false;
    }
    if (!lookup.ok) return false;
    this.#imageBackoff.reset(image);
    if (!needsPull) {
      // v1.35 image_manager.go: the present image is also checked against the pod's pull credentials.
      this.#event('Normal', 'Pulled', `Container image "${image}" already present on machine and can be accessed by the pod`, record);
    } else {
      this.#event('Normal', 'Pulling', `Pulling image "${image}"`, record);
      const pullMs = present ? 250 + this.#ctx.random.int(400) : this.#pullMs(lookup.image.sizeBytes);
      await this.#sleep(pullMs);
      if (this.#stopSyncing()) return false;
      const seconds = (pullMs / 1000).toFixed(3).replace(/\.?0+$/, '');
      const took = pullMs < 1000 ? `${pullMs}ms` : `${seconds}s`;
      this.#event('Normal', 'Pulled', `Successfully pulled image "${image}" in ${took} (${took} including waiting). Image size: ${lookup.image.sizeBytes} bytes.`, record);
    }
    record.imageRef = lookup.ref.normalized;
    record.imageID = `${lookup.ref.repository}@sha256:${lookup.digest}`;
    this.#runtime.addImage(lookup.ref.normalized);
    return this.#create(record, lookup.image, lookup.env);
  }

  #create(record: ContainerRecord, image: ImageSpec, imageEnv: Record<string, string>): boolean {
    const spec = record.spec;
    const env = buildContainerEnv(envSources(this.#ctx.informers), this.#pod, spec, imageEnv);
    const mounts = env.ok ? this.#volumes.mountsFor(spec, env.env) : undefined;
    const failure = !env.ok ? env.message : mounts && !mounts.ok ? mounts.message : undefined;
    if (failure !== undefined || !env.ok || !mounts?.ok) {
      const message = failure ?? '';
      this.#event('Warning', 'Failed', `Error: ${message}`, record);
      record.reason = { reason: 'CreateContainerConfigError', message };
      return false;
    }
    const argv = resolveArgv(image, spec, env.env);
    const now = this.#ctx.clock.now();
    const nowIso = formatTimestamp(now);
    const containerID = `containerd://${this.#hex(64)}`;
    const program = argv[0] ?? '';
    this.#newInstance(record, containerID);
    // v1.35 kuberuntime_container.go startContainer: the container is named by the event's fieldPath.
    this.#event('Normal', 'Created', 'Container created', record);
    if (!ContainerProcess.canRun(image, program)) {
      const message = `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${program}": executable file not found in $PATH: unknown`;
      this.#event('Warning', 'Failed', `Error: ${message}`, record);
      record.current = { terminated: { exitCode: 128, reason: 'StartError', message, startedAt: EPOCH, finishedAt: nowIso, containerID } };
      record.finishedAtMs = now;
      record.reason = { reason: 'RunContainerError', message };
      this.#loop.runtimeChanged();
      return false;
    }
    record.reason = undefined;
    record.current = { running: { startedAt: nowIso } };
    record.actuated = copyResources(record.allocated);
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
      stdinOpen: Boolean(spec.stdin),
      stdinOnce: Boolean(spec.stdinOnce),
      log,
      onExit: (exit) => this.#processExited(record, exit.exitCode),
    });
    this.#event('Normal', 'Started', 'Container started', record);
    this.#loop.runtimeChanged();
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
    this.#loop.runtimeChanged();
    const waiters = record.exitWaiters ?? [];
    delete record.exitWaiters;
    for (const resolve of waiters) resolve();
    if (this.#terminating) {
      this.#writeStatus();
      this.#continueTermination();
      return;
    }
    if (this.#terminal) this.#writeStatus();
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
    this.#loop.stop();
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
          // handleProbeSync: a sidecar now started lets the next init container go.
          if (record.kind === 'sidecar' && !this.#initDone) this.#loop.update();
        },
        readiness: (ready) => {
          if (record.ready === ready) return;
          record.ready = ready;
          this.#writeStatus();
        },
        failed: (kind) => {
          if (this.#terminating || record.process !== process) return;
          // computePodActions adds ", will be restarted" only when the restart policy restarts it.
          const restarts = (this.#pod.spec?.restartPolicy ?? 'Always') !== 'Never';
          const message =
            record.kind === 'sidecar' ? `Init container ${spec.name} failed ${kind} probe` : `Container ${spec.name} failed ${kind} probe${restarts ? ', will be restarted' : ''}`;
          this.#event('Normal', 'Killing', message, record);
          record.probeKilled = true;
          this.#stop(record);
          this.#loop.update();
        },
      },
      () => this.#ctx.clock.now(),
    );
    record.probes.start();
  }

  // ---- status ------------------------------------------------------------------------------

  /** generateAPIPodStatus from the last relist's snapshot and the reason cache, sent to the API. */
  #writeStatus(): void {
    if (this.#finished) return;
    const records = [...this.#records.values()];
    // A terminating or finished pod reports what the runtime has just done (SyncTerminatingPod).
    if (this.#terminating || this.#terminal) this.#relist();
    const spec = this.#pod.spec ?? { containers: [] };
    const initStatuses = records.filter((r) => r.kind !== 'app').map((r) => this.#containerStatus(r));
    const appStatuses = records.filter((r) => r.kind === 'app').map((r) => this.#containerStatus(r));
    const all = [...initStatuses, ...appStatuses];
    const podIsTerminal = this.#terminal && !records.some((r) => r.process);
    const phase = podPhase(spec, all, podIsTerminal);
    const existing = this.#pod.status?.conditions ?? [];
    const scheduled = existing.find((c) => c.type === 'PodScheduled');
    const generation = this.#pod.metadata?.generation;
    this.#resize.trackProgress();
    const conditions: PodCondition[] = [
      ...this.#resize.conditions(),
      this.#condition('PodReadyToStartContainers', { status: this.#sandboxSeen ? 'True' : 'False' }),
      this.#condition('Initialized', initializedCondition(spec, all, phase)),
      this.#condition('Ready', readyCondition(spec, all, phase, existing)),
      this.#condition('ContainersReady', containersReadyCondition(spec, all, phase)),
      scheduled ?? this.#condition('PodScheduled', { status: 'True' }),
    ];
    const status = {
      ...this.#pod.status,
      // generateAPIPodStatus: the generation of the spec this status answers (GA in v1.35).
      ...(generation !== undefined ? { observedGeneration: generation } : {}),
      phase,
      conditions,
      hostIP: this.#runtime.nodeIP,
      hostIPs: [{ ip: this.#runtime.nodeIP }],
      ...(this.#podIP && this.#sandboxSeen ? { podIP: this.#podIP, podIPs: [{ ip: this.#podIP }] } : {}),
      startTime: this.#startTime,
      ...(initStatuses.length ? { initContainerStatuses: initStatuses } : {}),
      containerStatuses: appStatuses,
    };
    const current = this.#ctx.server.handle({ verb: 'get', ...PODS, namespace: this.#pod.metadata!.namespace!, name: this.#pod.metadata!.name! });
    if (!current.ok) return;
    const pod = current.body as Pod;
    if (pod.metadata?.uid !== this.#pod.metadata?.uid) return;
    const updated = this.#ctx.server.handle({
      verb: 'update',
      ...PODS,
      subresource: 'status',
      namespace: pod.metadata!.namespace!,
      name: pod.metadata!.name!,
      body: { ...pod, status },
    });
    if (updated.ok) this.#pod = updated.body as Pod;
  }

  #containerStatus(record: ContainerRecord): ContainerStatus {
    const hasInit = (this.#pod.spec?.initContainers ?? []).length > 0;
    const seen: RuntimeView = record.seen ?? { instances: 0 };
    let state: ContainerStatus['state'];
    let lastState: ContainerStatus['lastState'] = seen.previous ? { terminated: seen.previous } : {};
    const current = seen.current;
    const ended = current?.terminated;
    // convertToAPIContainerStatuses: a container the next sync would start again shows why it has not.
    const willRestart = !ended || (this.#shouldRestart(record, ended.exitCode) && !(record.kind === 'init' && ended.exitCode === 0));
    if (current?.running) state = { running: current.running };
    else if (record.reason && willRestart) {
      state = { waiting: { reason: record.reason.reason, ...(record.reason.message ? { message: record.reason.message } : {}) } };
      if (ended) lastState = { terminated: ended };
    } else if (ended) state = { terminated: ended };
    else state = { waiting: { reason: hasInit ? 'PodInitializing' : 'ContainerCreating' } };
    const exists = seen.instances > 0;
    const mounts = (record.spec.volumeMounts ?? []).map((m) => ({
      mountPath: m.mountPath,
      name: m.name,
      ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}),
    }));
    // convertContainerStatusResources (InPlacePodVerticalScaling, GA in v1.35): what the running
    // instance has as the runtime reports it, else what is allocated.
    const running = Boolean(state.running);
    const resources = running && record.actuated ? runtimeResources(record.actuated) : copyResources(record.allocated);
    const allocatedRequests = record.allocated.requests;
    return {
      ...(exists && allocatedRequests ? { allocatedResources: { ...allocatedRequests } } : {}),
      ...(exists && seen.containerID ? { containerID: seen.containerID } : {}),
      image: (exists && record.imageRef) || record.spec.image || '',
      imageID: (exists && record.imageID) || '',
      lastState,
      name: record.spec.name,
      ready: record.kind === 'init' ? Boolean(state.terminated && state.terminated.exitCode === 0) : record.ready && Boolean(state.running),
      ...(exists ? { resources } : {}),
      restartCount: Math.max(0, seen.instances - 1),
      started: Boolean(state.running) && record.started,
      state,
      ...(mounts.length ? { volumeMounts: mounts } : {}),
    };
  }

  #condition(type: string, value: { status: string; reason?: string; message?: string }): PodCondition {
    const previous = this.#conditionTimes.get(type);
    const at = previous && previous.status === value.status ? previous.at : formatTimestamp(this.#ctx.clock.now());
    this.#conditionTimes.set(type, { status: value.status, at });
    const generation = this.#pod.metadata?.generation;
    return {
      lastProbeTime: null as unknown as string,
      lastTransitionTime: at,
      ...(value.message ? { message: value.message } : {}),
      ...(generation !== undefined ? { observedGeneration: generation } : {}),
      ...(value.reason ? { reason: value.reason } : {}),
      status: value.status,
      type,
    };
  }

  #newRecord(spec: Container, kind: Kind): ContainerRecord {
    return { spec, kind, allocated: copyResources(spec.resources), instances: 0, ready: false, started: false };
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

/** What the PLEG compares between two relists: which instance, and whether it runs. */
function runtimeState(view: RuntimeView): string {
  return `${view.instances}:${view.current?.running ? 'running' : view.current?.terminated ? 'exited' : 'none'}`;
}
