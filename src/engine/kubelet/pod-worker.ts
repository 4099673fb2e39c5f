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
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/client.ts';
import { formatTimestamp } from '../api/timestamps.ts';
import { core } from '../client/informer-factory.ts';
import type { ControllerContext } from '../controllers/controller-context.ts';
import { type ContainerRecord, type ContainerView, newContainerRecord, runtimeState, runtimeViewOf, shouldRestart } from './container-record.ts';
import { ContainerManager } from './container-manager.ts';
import { PodStatusGenerator } from './pod-status-generator.ts';
import { NODE_NAME_INDEX, podInformer } from './pod-informer.ts';
import type { NodeRuntime } from './node-runtime.ts';
import { PodLogs } from './pod-logs.ts';
import { PodSyncLoop, RELIST_PERIOD_MS } from './pod-sync-loop.ts';
import { isRestartableInit } from './pod-status.ts';
import { PodResizeState, type ResizeHost } from './pod-resize-state.ts';
import { PodTimers } from './pod-timers.ts';
import { PodVolumes } from './volumes/pod-volumes.ts';

export type { ContainerView } from './container-record.ts';

const PODS = { group: '', version: 'v1', resource: 'pods' } as const;
/** How long the sandbox (pause container, network) takes before containers can start. */
const SANDBOX_MS = 1000;
/** nestedpendingoperations: a failed mount is retried after 500 ms doubling to 2m2s. */
const MOUNT_RETRY_INITIAL_MS = 500;
const MOUNT_RETRY_MAX_MS = 122_000;
/** The kubelet re-syncs a pod about once a minute; config volumes pick up changes then. */
const RESYNC_MS = 60_000;

export class PodWorker {
  readonly #ctx: ControllerContext;
  readonly #runtime: NodeRuntime;
  #pod: Pod;
  readonly #records = new Map<string, ContainerRecord>();
  readonly logs = new PodLogs();
  readonly #volumes: PodVolumes;
  readonly #containers: ContainerManager;
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
  readonly #timers: PodTimers;
  readonly #statusGenerator = new PodStatusGenerator();
  readonly #startTime: string;
  readonly #resize: PodResizeState;

  constructor(ctx: ControllerContext, runtime: NodeRuntime, pod: Pod) {
    this.#ctx = ctx;
    this.#runtime = runtime;
    this.#pod = pod;
    this.#timers = new PodTimers(ctx.clock, ctx.random, () => this.#finished);
    this.#startTime = formatTimestamp(ctx.clock.now());
    this.#resize = new PodResizeState(this.#resizeHost());
    this.#volumes = new PodVolumes(runtime.volumeHost(ctx));
    this.#containers = new ContainerManager({
      ctx,
      runtime,
      volumes: this.#volumes,
      logs: this.logs,
      pod: () => this.#pod,
      podIP: () => this.#podIP,
      timers: this.#timers,
      stopSyncing: () => this.#stopSyncing(),
      event: (type, reason, message, record) => this.#event(type, reason, message, record),
      runtimeChanged: () => this.#loop.runtimeChanged(),
      resync: () => this.#loop.update(),
      isTerminating: () => this.#terminating,
      containerExited: () => this.#containerExited(),
      containerStarted: (record) => {
        this.#writeStatus();
        // handleProbeSync: a sidecar now started lets the next init container go.
        if (record.kind === 'sidecar' && !this.#initDone) this.#loop.update();
      },
      readinessChanged: () => this.#writeStatus(),
    });
    for (const spec of pod.spec?.initContainers ?? []) this.#records.set(spec.name, newContainerRecord(spec, isRestartableInit(spec) ? 'sidecar' : 'init'));
    for (const spec of pod.spec?.containers ?? []) this.#records.set(spec.name, newContainerRecord(spec, 'app'));
    runtime.loopPhases ??= { relistMs: ctx.random.int(RELIST_PERIOD_MS), syncTickMs: ctx.random.int(1000) };
    this.#loop = new PodSyncLoop(
      {
        now: () => this.#ctx.clock.now(),
        after: (ms, run) => this.#timers.cancellable(ms, run),
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
    this.#timers.every(RESYNC_MS, () => {
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
      this.#containers.resetBackoff(spec.name);
      if (record.process) {
        // computeInitContainerActions words a restartable init container's kill apart from computePodActions.
        const message = record.kind === 'sidecar' ? `Init container ${spec.name} definition changed` : `Container ${spec.name} definition changed, will be restarted`;
        this.#event('Normal', 'Killing', message, record);
        record.replacing = true;
        this.#containers.kill(record);
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

  /** The pod is gone from the API: stop everything without ceremony. */
  remove(): void {
    this.#finished = true;
    this.#loop.stop();
    this.#timers.cancelAll();
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

  // ---- waiting ------------------------------------------------------------------------------

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
      const now = runtimeViewOf(record);
      if (!before || runtimeState(before) !== runtimeState(now)) changed ||= now.instances > 0;
      record.seen = now;
    }
    return changed;
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
      await this.#timers.sleep(SANDBOX_MS);
      if (this.#stopSyncing()) return false;
      const podIP = this.#runtime.allocatePodIP();
      if (!podIP) {
        this.#sandboxFailed();
        return true;
      }
      this.#podIP = podIP;
      this.#sandboxReady = true;
      this.#loop.runtimeChanged();
    }
    return this.#startContainers();
  }

  /**
   * The node's pod range is used up: containerd's RunPodSandbox fails in flannel's host-local IPAM
   * and the pod stays ContainerCreating, retried with each sync. Models kuberuntime_manager.go
   * SyncPod's FailedCreatePodSandBox and containernetworking/plugins host-local's error.
   */
  #sandboxFailed(): void {
    let sandboxId = '';
    for (let i = 0; i < 64; i++) sandboxId += '0123456789abcdef'[this.#ctx.random.int(16)];
    const cni = `plugin type="flannel" failed (add): failed to delegate add: failed to allocate for range 0: no IP addresses available in range set: ${this.#runtime.podCidr.rangeSet}`;
    this.#podEvent(
      'Warning',
      'FailedCreatePodSandBox',
      `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "${sandboxId}": ${cni}`,
    );
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
          return !(await this.#containers.start(record));
        }
        const ended = seen?.current?.terminated;
        if (ended && ended.exitCode === 0) continue;
        if (running) return failed;
        if (ended && this.#pod.spec?.restartPolicy === 'Never') {
          this.#becomeTerminal();
          return false;
        }
        return !(await this.#containers.start(record));
      }
      this.#initDone = true;
    }
    for (const record of records) {
      if (record.kind === 'init') continue;
      if (this.#stopSyncing()) return false;
      this.#containers.actuateResize(record);
      if (record.replacing || record.probeKilled) {
        await this.#containers.exited(record);
        if (this.#stopSyncing()) return false;
        const restart = record.replacing || shouldRestart(record, this.#pod, record.current?.terminated?.exitCode ?? 0);
        record.replacing = false;
        record.probeKilled = false;
        if (restart && !(await this.#containers.start(record))) failed = true;
        continue;
      }
      if (record.process || record.seen?.current?.running) continue;
      const ended = record.seen?.current?.terminated;
      if (!ended || shouldRestart(record, this.#pod, ended.exitCode)) {
        if (!(await this.#containers.start(record))) failed = true;
      }
    }
    const apps = records.filter((r) => r.kind === 'app');
    const done = (r: ContainerRecord) => {
      const ended = r.seen?.current?.terminated;
      return Boolean(ended && !r.process && !shouldRestart(r, this.#pod, ended.exitCode));
    };
    if (!this.#stopSyncing() && apps.length > 0 && apps.every(done)) this.#becomeTerminal();
    return failed;
  }

  /** Every app container is done for good (or an init container failed under Never): stop the sidecars. */
  #becomeTerminal(): void {
    this.#terminal = true;
    this.#loop.stop();
    const sidecars = [...this.#records.values()].filter((r) => r.kind === 'sidecar' && r.process).reverse();
    for (const record of sidecars) {
      this.#event('Normal', 'Killing', `Stopping container ${record.spec.name}`, record);
      this.#containers.kill(record);
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
    this.#timers.after(this.#mountRetryMs, () => this.#loop.update());
    return false;
  }

  #containerExited(): void {
    if (this.#terminating) {
      this.#writeStatus();
      this.#continueTermination();
      return;
    }
    if (this.#terminal) this.#writeStatus();
  }

  // ---- termination -------------------------------------------------------------------------

  #terminate(): void {
    this.#terminating = true;
    this.#loop.stop();
    // App containers first; sidecars once they are gone, in reverse order.
    for (const record of this.#records.values()) {
      if (record.kind === 'sidecar' || !record.process) continue;
      this.#event('Normal', 'Killing', `Stopping container ${record.spec.name}`, record);
      this.#containers.kill(record);
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
        this.#containers.kill(record);
      }
      return;
    }
    this.#finished = true;
    const meta = this.#pod.metadata!;
    this.#ctx.clock.schedule(0, () => {
      this.#ctx.server.handle({ verb: 'delete', ...PODS, namespace: meta.namespace!, name: meta.name!, query: { gracePeriodSeconds: 0 } });
    });
  }

  // ---- status ------------------------------------------------------------------------------

  /** generateAPIPodStatus from the last relist's snapshot and the reason cache, sent to the API. */
  #writeStatus(): void {
    if (this.#finished) return;
    const records = [...this.#records.values()];
    // A terminating or finished pod reports what the runtime has just done (SyncTerminatingPod).
    if (this.#terminating || this.#terminal) this.#relist();
    this.#resize.trackProgress();
    const status = this.#statusGenerator.generate({
      pod: this.#pod,
      records,
      podIsTerminal: this.#terminal && !records.some((r) => r.process),
      sandboxSeen: this.#sandboxSeen,
      podIP: this.#podIP,
      nodeIP: this.#runtime.nodeIP,
      startTime: this.#startTime,
      now: formatTimestamp(this.#ctx.clock.now()),
      resizeConditions: this.#resize.conditions(),
    });
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

  #event(type: 'Normal' | 'Warning', reason: string, message: string, record: ContainerRecord): void {
    const list = record.kind === 'app' ? 'containers' : 'initContainers';
    this.#ctx.recorder('kubelet', this.#runtime.nodeName).record(this.#pod as KubeObject, type, reason, message, `spec.${list}{${record.spec.name}}`);
  }

  #podEvent(type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.#ctx.recorder('kubelet', this.#runtime.nodeName).record(this.#pod as KubeObject, type, reason, message);
  }
}
