/**
 * One pod on one node, from sandbox to deletion: pulls images, starts init containers one at a
 * time and then the app containers, restarts them per restartPolicy with the CrashLoopBackOff
 * back-off, runs readiness probes, and reports it all in pod status and kubelet events.
 * Models pkg/kubelet (pod_workers.go, kuberuntime_manager.go SyncPod, status_manager.go).
 */
import type { Container, ContainerState, Pod, PodCondition } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/client.ts';
import { formatTimestamp } from '../api/timestamps.ts';
import type { TimerId } from '../clock/virtual-clock.ts';
import type { ControllerContext } from '../controllers/controller-context.ts';
import { lookupImage } from '../images/image-catalogue.ts';
import type { ImageSpec } from '../images/image.ts';
import { resolveArgv } from './container-command.ts';
import { buildContainerEnv } from './container-env.ts';
import { ContainerProcess, type ProcessExit } from './container-process.ts';
import type { NodeRuntime } from './node-runtime.ts';
import { PodLogs } from './pod-logs.ts';

const PODS = { group: '', version: 'v1', resource: 'pods' } as const;
/** How long the sandbox (pause container, network) takes before containers can start. */
const SANDBOX_MS = 1000;
/** PLEG notices a container exit within about a second. */
const RELIST_MS = 1000;
const BACKOFF_INITIAL_MS = 10_000;
const BACKOFF_MAX_MS = 300_000;
const BACKOFF_RESET_MS = 2 * BACKOFF_MAX_MS;
const EPOCH = '1970-01-01T00:00:00Z';

interface ContainerRecord {
  spec: Container;
  isInit: boolean;
  state: ContainerState;
  lastState: ContainerState;
  restartCount: number;
  ready: boolean;
  started: boolean;
  containerID?: string;
  imageRef?: string;
  imageID?: string;
  process?: ContainerProcess | undefined;
  backoffMs: number;
  lastStartMs?: number;
  timer?: TimerId | undefined;
  probeTimer?: TimerId | undefined;
  /** True while the kubelet itself stops the container (deletion, image change). */
  stopping?: boolean;
}

export class PodWorker {
  readonly #ctx: ControllerContext;
  readonly #runtime: NodeRuntime;
  #pod: Pod;
  readonly #records = new Map<string, ContainerRecord>();
  readonly logs = new PodLogs();
  #podIP: string | undefined;
  #sandboxReady = false;
  #terminating = false;
  #finished = false;
  readonly #conditionTimes = new Map<string, { status: string; at: string }>();
  readonly #startTime: string;

  constructor(ctx: ControllerContext, runtime: NodeRuntime, pod: Pod) {
    this.#ctx = ctx;
    this.#runtime = runtime;
    this.#pod = pod;
    this.#startTime = formatTimestamp(ctx.clock.now());
    for (const spec of pod.spec?.initContainers ?? []) this.#records.set(spec.name, this.#newRecord(spec, true));
    for (const spec of pod.spec?.containers ?? []) this.#records.set(spec.name, this.#newRecord(spec, false));
  }

  get pod(): Pod {
    return this.#pod;
  }

  get podIP(): string | undefined {
    return this.#podIP;
  }

  start(): void {
    this.#writeStatus();
    this.#ctx.clock.schedule(SANDBOX_MS, () => {
      if (this.#terminating) return;
      this.#podIP = this.#runtime.allocatePodIP();
      this.#sandboxReady = true;
      this.#writeStatus();
      this.#advance();
    });
  }

  /** The API object changed (image update, deletion requested). */
  update(pod: Pod): void {
    this.#pod = pod;
    if (pod.metadata?.deletionTimestamp && !this.#terminating) {
      this.#terminate();
      return;
    }
    for (const spec of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) {
      const record = this.#records.get(spec.name);
      if (!record || record.spec.image === spec.image) continue;
      record.spec = spec;
      if (record.process) {
        this.#event('Normal', 'Killing', `Container ${spec.name} definition changed, will be restarted`, record);
        record.stopping = true;
        record.process.kill(false);
      }
    }
  }

  /** The pod is gone from the API: stop everything without ceremony. */
  remove(): void {
    this.#finished = true;
    for (const record of this.#records.values()) {
      if (record.timer) this.#ctx.clock.cancel(record.timer);
      if (record.probeTimer) this.#ctx.clock.cancel(record.probeTimer);
      record.process?.kill(true);
    }
    this.#runtime.releasePodIP(this.#podIP);
  }

  containerRecord(name: string): { running: boolean; process?: ContainerProcess; image?: ImageSpec; env?: Record<string, string> } | undefined {
    const record = this.#records.get(name);
    if (!record) return undefined;
    return { running: Boolean(record.state.running), ...(record.process ? { process: record.process, image: record.process.image, env: record.process.env } : {}) };
  }

  // ---- lifecycle ---------------------------------------------------------------------------

  /** Starts whatever may start now: the next init container, or all app containers. */
  #advance(): void {
    if (!this.#sandboxReady || this.#terminating) return;
    const inits = [...this.#records.values()].filter((r) => r.isInit);
    for (const record of inits) {
      if (record.state.terminated?.exitCode === 0 && !record.process) continue;
      if (!record.process && !record.timer && !record.state.running) this.#startContainer(record);
      return;
    }
    for (const record of this.#records.values()) {
      if (!record.isInit && !record.process && !record.timer && !record.state.running && !this.#isFinal(record)) this.#startContainer(record);
    }
  }

  #isFinal(record: ContainerRecord): boolean {
    const terminated = record.state.terminated;
    if (!terminated) return false;
    const policy = this.#pod.spec?.restartPolicy ?? 'Always';
    return policy === 'Never' || (policy === 'OnFailure' && terminated.exitCode === 0);
  }

  #startContainer(record: ContainerRecord): void {
    const spec = record.spec;
    const lookup = lookupImage(spec.image ?? '');
    if (!lookup.ok) {
      if (lookup.reason === 'InvalidImageName') {
        record.state = { waiting: { reason: 'InvalidImageName', message: lookup.message } };
        this.#event('Warning', 'InspectFailed', lookup.message, record);
        this.#event('Warning', 'Failed', 'Error: InvalidImageName', record);
        this.#writeStatus();
        return;
      }
      this.#event('Normal', 'Pulling', `Pulling image "${spec.image}"`, record);
      record.timer = this.#ctx.clock.schedule(this.#pullMs(5_000_000), () => {
        record.timer = undefined;
        this.#event('Warning', 'Failed', lookup.message, record);
        this.#event('Warning', 'Failed', 'Error: ErrImagePull', record);
        record.state = { waiting: { reason: 'ErrImagePull', message: lookup.message.replace(/^Failed to pull image "[^"]*": /, '') } };
        this.#writeStatus();
        record.timer = this.#ctx.clock.schedule(RELIST_MS, () => {
          record.timer = undefined;
          const backoff = this.#nextBackoff(record);
          const message = `Back-off pulling image "${spec.image}"`;
          this.#event('Normal', 'BackOff', message, record);
          this.#event('Warning', 'Failed', 'Error: ImagePullBackOff', record);
          record.state = { waiting: { reason: 'ImagePullBackOff', message } };
          this.#writeStatus();
          record.timer = this.#ctx.clock.schedule(backoff, () => {
            record.timer = undefined;
            this.#startContainer(record);
          });
        });
      });
      return;
    }
    const policy = spec.imagePullPolicy ?? 'IfNotPresent';
    const present = this.#runtime.hasImage(lookup.ref.normalized);
    const create = () => {
      record.timer = undefined;
      record.imageRef = lookup.ref.normalized;
      record.imageID = `${lookup.ref.repository}@sha256:${lookup.digest}`;
      this.#runtime.addImage(lookup.ref.normalized);
      this.#createAndRun(record, lookup.image, lookup.env);
    };
    if (present && policy !== 'Always') {
      this.#event('Normal', 'Pulled', `Container image "${spec.image}" already present on machine`, record);
      create();
      return;
    }
    this.#event('Normal', 'Pulling', `Pulling image "${spec.image}"`, record);
    const pullMs = present ? 400 + this.#ctx.random.int(400) : this.#pullMs(lookup.image.sizeBytes);
    record.timer = this.#ctx.clock.schedule(pullMs, () => {
      const seconds = (pullMs / 1000).toFixed(3).replace(/\.?0+$/, '');
      const took = pullMs < 1000 ? `${pullMs}ms` : `${seconds}s`;
      this.#event('Normal', 'Pulled', `Successfully pulled image "${spec.image}" in ${took} (${took} including waiting). Image size: ${lookup.image.sizeBytes} bytes.`, record);
      create();
    });
  }

  #createAndRun(record: ContainerRecord, image: ImageSpec, imageEnv: Record<string, string>): void {
    const spec = record.spec;
    const env = buildContainerEnv(this.#ctx.server, this.#pod, spec, imageEnv);
    if (!env.ok) {
      this.#event('Warning', 'Failed', `Error: ${env.message}`, record);
      record.state = { waiting: { reason: 'CreateContainerConfigError', message: env.message } };
      this.#writeStatus();
      record.timer = this.#ctx.clock.schedule(this.#nextBackoff(record), () => {
        record.timer = undefined;
        this.#createAndRun(record, image, imageEnv);
      });
      return;
    }
    const argv = resolveArgv(image, spec, env.env);
    const nowIso = formatTimestamp(this.#ctx.clock.now());
    const containerID = `containerd://${this.#hex(64)}`;
    const program = argv[0] ?? '';
    if (!ContainerProcess.canRun(image, program)) {
      const message = `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${program}": executable file not found in $PATH: unknown`;
      this.#event('Normal', 'Created', `Created container ${spec.name}`, record);
      this.#event('Warning', 'Failed', `Error: ${message}`, record);
      record.containerID = containerID;
      const terminated = { exitCode: 128, reason: 'StartError', message, startedAt: EPOCH, finishedAt: nowIso, containerID };
      this.#onExit(record, { terminated }, 'RunContainerError', message);
      return;
    }
    this.#event('Normal', 'Created', `Created container ${spec.name}`, record);
    record.containerID = containerID;
    record.lastStartMs = this.#ctx.clock.now();
    record.state = { running: { startedAt: nowIso } };
    record.started = true;
    record.ready = !record.isInit && !spec.readinessProbe;
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
      log,
      onExit: (exit) => this.#processExited(record, exit),
    });
    this.#event('Normal', 'Started', `Started container ${spec.name}`, record);
    this.#writeStatus();
    if (spec.readinessProbe && !record.isInit) this.#scheduleProbe(record, (spec.readinessProbe.initialDelaySeconds ?? 0) * 1000);
    record.process.start();
  }

  #processExited(record: ContainerRecord, exit: ProcessExit): void {
    const startedAt = record.state.running?.startedAt ?? formatTimestamp(this.#ctx.clock.now());
    record.process = undefined;
    if (record.probeTimer) this.#ctx.clock.cancel(record.probeTimer);
    record.probeTimer = undefined;
    record.ready = false;
    const exitCode = exit.exitCode;
    const terminated = {
      exitCode,
      reason: exitCode === 0 ? 'Completed' : 'Error',
      startedAt,
      finishedAt: formatTimestamp(this.#ctx.clock.now()),
      containerID: record.containerID!,
    };
    if (this.#terminating || this.#finished) {
      record.state = { terminated };
      this.#writeStatus();
      this.#maybeFinishTermination();
      return;
    }
    if (record.stopping) {
      // The kubelet replaced the container (new image): start again at once, counting a restart.
      record.stopping = false;
      record.lastState = { terminated };
      record.restartCount++;
      record.state = { waiting: { reason: 'ContainerCreating' } };
      this.#writeStatus();
      this.#startContainer(record);
      return;
    }
    this.#onExit(record, { terminated });
  }

  /** After a container ended: complete an init step, or restart with back-off per restartPolicy. */
  #onExit(record: ContainerRecord, ended: ContainerState, waitingReason?: string, waitingMessage?: string): void {
    const terminated = ended.terminated!;
    const policy = record.isInit ? (this.#pod.spec?.restartPolicy === 'Never' ? 'Never' : 'OnFailure') : (this.#pod.spec?.restartPolicy ?? 'Always');
    const restarts = policy === 'Always' || (policy === 'OnFailure' && terminated.exitCode !== 0);
    if (record.isInit && terminated.exitCode === 0) {
      record.state = ended;
      record.ready = true;
      this.#writeStatus();
      this.#advance();
      return;
    }
    if (!restarts) {
      record.state = ended;
      this.#writeStatus();
      return;
    }
    // The back-off resets once a container has run long enough.
    if (record.lastStartMs !== undefined && this.#ctx.clock.now() - record.lastStartMs >= BACKOFF_RESET_MS) record.backoffMs = 0;
    const firstFailure = record.backoffMs === 0;
    record.lastState = ended;
    record.state = waitingReason ? { waiting: { reason: waitingReason, message: waitingMessage ?? '' } } : ended;
    this.#writeStatus();
    const delay = this.#nextBackoff(record);
    record.timer = this.#ctx.clock.schedule(RELIST_MS, () => {
      record.timer = undefined;
      if (this.#terminating) return;
      if (firstFailure) {
        record.restartCount++;
        this.#startContainer(record);
        return;
      }
      const podRef = `${this.#pod.metadata!.name}_${this.#pod.metadata!.namespace}(${this.#pod.metadata!.uid})`;
      record.state = {
        waiting: { reason: 'CrashLoopBackOff', message: `back-off ${goDuration(delay)} restarting failed container=${record.spec.name} pod=${podRef}` },
      };
      this.#event('Warning', 'BackOff', `Back-off restarting failed container ${record.spec.name} in pod ${podRef}`, record);
      this.#writeStatus();
      record.timer = this.#ctx.clock.schedule(Math.max(0, delay - RELIST_MS), () => {
        record.timer = undefined;
        if (this.#terminating) return;
        record.restartCount++;
        this.#startContainer(record);
      });
    });
  }

  #nextBackoff(record: ContainerRecord): number {
    record.backoffMs = record.backoffMs === 0 ? BACKOFF_INITIAL_MS : Math.min(record.backoffMs * 2, BACKOFF_MAX_MS);
    return record.backoffMs;
  }

  #terminate(): void {
    this.#terminating = true;
    const graceSeconds = this.#pod.metadata?.deletionGracePeriodSeconds ?? this.#pod.spec?.terminationGracePeriodSeconds ?? 30;
    for (const record of this.#records.values()) {
      if (record.timer) this.#ctx.clock.cancel(record.timer);
      record.timer = undefined;
      if (record.process) {
        this.#event('Normal', 'Killing', `Stopping container ${record.spec.name}`, record);
        record.process.kill(false);
      }
    }
    // Whatever ignores SIGTERM is killed when the grace period ends.
    this.#ctx.clock.schedule(graceSeconds * 1000, () => {
      for (const record of this.#records.values()) record.process?.kill(true);
    });
    this.#maybeFinishTermination();
  }

  #maybeFinishTermination(): void {
    if (!this.#terminating || this.#finished) return;
    if ([...this.#records.values()].some((r) => r.process)) return;
    this.#finished = true;
    const meta = this.#pod.metadata!;
    this.#ctx.clock.schedule(0, () => {
      this.#ctx.server.handle({ verb: 'delete', ...PODS, namespace: meta.namespace!, name: meta.name!, query: { gracePeriodSeconds: 0 } });
    });
  }

  // ---- readiness ---------------------------------------------------------------------------

  #scheduleProbe(record: ContainerRecord, delayMs: number): void {
    record.probeTimer = this.#ctx.clock.schedule(delayMs, () => {
      record.probeTimer = undefined;
      if (!record.process || this.#terminating) return;
      const probe = record.spec.readinessProbe!;
      void this.#runtime.probe(probe, this.#podIP ?? '', record.process).then((result) => {
        if (!record.process) return;
        const ready = result.ok;
        if (!ready) this.#event('Warning', 'Unhealthy', `Readiness probe failed: ${result.message}`, record);
        if (ready !== record.ready) {
          record.ready = ready;
          this.#writeStatus();
        }
        this.#scheduleProbe(record, (probe.periodSeconds ?? 10) * 1000);
      });
    });
  }

  // ---- status ------------------------------------------------------------------------------

  #writeStatus(): void {
    if (this.#finished) return;
    const records = [...this.#records.values()];
    const inits = records.filter((r) => r.isInit);
    const apps = records.filter((r) => !r.isInit);
    const initialized = inits.every((r) => r.state.terminated?.exitCode === 0);
    const containersReady = apps.every((r) => r.ready && r.state.running);
    const conditions: PodCondition[] = [
      this.#condition('PodReadyToStartContainers', this.#sandboxReady),
      this.#condition('Initialized', initialized),
      this.#condition('Ready', containersReady && initialized),
      this.#condition('ContainersReady', containersReady && initialized),
      this.#condition('PodScheduled', true),
    ];
    const status = {
      ...this.#pod.status,
      phase: this.#phase(inits, apps, initialized),
      conditions,
      hostIP: this.#runtime.nodeIP,
      hostIPs: [{ ip: this.#runtime.nodeIP }],
      ...(this.#podIP ? { podIP: this.#podIP, podIPs: [{ ip: this.#podIP }] } : {}),
      startTime: this.#startTime,
      ...(inits.length ? { initContainerStatuses: inits.map((r) => this.#containerStatus(r, initialized)) } : {}),
      containerStatuses: apps.map((r) => this.#containerStatus(r, initialized)),
    };
    const current = this.#ctx.server.handle({ verb: 'get', ...PODS, namespace: this.#pod.metadata!.namespace!, name: this.#pod.metadata!.name! });
    if (!current.ok) return;
    const pod = current.body as Pod;
    const updated = this.#ctx.server.handle({ verb: 'update', ...PODS, subresource: 'status', namespace: pod.metadata!.namespace!, name: pod.metadata!.name!, body: { ...pod, status } });
    if (updated.ok) this.#pod = updated.body as Pod;
  }

  #phase(inits: ContainerRecord[], apps: ContainerRecord[], initialized: boolean): string {
    if (!initialized) {
      const failedInit = inits.some((r) => r.state.terminated && r.state.terminated.exitCode !== 0 && this.#pod.spec?.restartPolicy === 'Never');
      return failedInit ? 'Failed' : 'Pending';
    }
    if (apps.some((r) => !r.started && r.restartCount === 0 && !r.lastState.terminated)) return 'Pending';
    if (apps.every((r) => r.state.terminated && this.#isFinal(r))) {
      return apps.every((r) => r.state.terminated!.exitCode === 0) ? 'Succeeded' : 'Failed';
    }
    return 'Running';
  }

  #containerStatus(record: ContainerRecord, initialized: boolean) {
    let state = record.state;
    if (!state.running && !state.terminated && !state.waiting) state = { waiting: { reason: 'ContainerCreating' } };
    if (!record.isInit && !initialized && state.waiting?.reason === 'ContainerCreating') state = { waiting: { reason: 'PodInitializing' } };
    if (record.isInit && !this.#sandboxReady && state.waiting?.reason === 'ContainerCreating') state = { waiting: { reason: 'PodInitializing' } };
    return {
      ...(record.containerID && !state.waiting ? { containerID: record.containerID } : record.containerID && record.lastState.terminated ? { containerID: record.containerID } : {}),
      image: record.imageRef ?? record.spec.image ?? '',
      imageID: record.imageID ?? '',
      lastState: record.lastState,
      name: record.spec.name,
      ready: record.ready && Boolean(state.running || (record.isInit && state.terminated?.exitCode === 0)),
      restartCount: record.restartCount,
      started: Boolean(state.running),
      state,
    };
  }

  #condition(type: string, ok: boolean): PodCondition {
    const status = ok ? 'True' : 'False';
    const previous = this.#conditionTimes.get(type);
    const at = previous && previous.status === status ? previous.at : formatTimestamp(this.#ctx.clock.now());
    this.#conditionTimes.set(type, { status, at });
    const reason = !ok && (type === 'Ready' || type === 'ContainersReady') ? { reason: 'ContainersNotReady' } : !ok && type === 'Initialized' ? { reason: 'ContainersNotInitialized' } : {};
    const unready = [...this.#records.values()].filter((r) => !r.isInit && !(r.ready && r.state.running)).map((r) => r.spec.name);
    const uninit = [...this.#records.values()].filter((r) => r.isInit && r.state.terminated?.exitCode !== 0).map((r) => r.spec.name);
    const message =
      !ok && (type === 'Ready' || type === 'ContainersReady')
        ? { message: `containers with unready status: [${unready.join(' ')}]` }
        : !ok && type === 'Initialized'
          ? { message: `containers with incomplete status: [${uninit.join(' ')}]` }
          : {};
    return { lastProbeTime: null as unknown as string, lastTransitionTime: at, ...message, ...reason, status, type };
  }

  #newRecord(spec: Container, isInit: boolean): ContainerRecord {
    return { spec, isInit, state: { waiting: { reason: 'ContainerCreating' } }, lastState: {}, restartCount: 0, ready: false, started: false, backoffMs: 0 };
  }

  #event(type: 'Normal' | 'Warning', reason: string, message: string, record: ContainerRecord): void {
    const list = record.isInit ? 'initContainers' : 'containers';
    this.#ctx.recorder('kubelet', this.#runtime.nodeName).record(this.#pod as KubeObject, type, reason, message, `spec.${list}{${record.spec.name}}`);
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

/** Go's time.Duration.String for whole seconds: `10s`, `1m20s`, `5m0s`. */
function goDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return minutes > 0 ? `${minutes}m${seconds}s` : `${seconds}s`;
}
