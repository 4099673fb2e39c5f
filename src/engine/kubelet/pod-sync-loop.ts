/**
 * When the kubelet syncs one pod (v1.32). A sync is triggered by an update (the API object changed,
 * a probe result) or by a PLEG event; while a sync runs, further triggers collapse into one pending
 * sync that runs right after it (pod_workers.go UpdatePod / completeWork). A sync only starts on a
 * runtime snapshot taken after the previous sync ended (podCache.GetNewerThan), and the PLEG takes
 * snapshots once a second (pleg/generic.go relist). When a sync ends the pod is queued again: after
 * 10–15 s if it failed — a container in CrashLoopBackOff counts as a failure in v1.32, since the
 * check meant to exempt back-offs never matches (kubernetes issue #123602) — otherwise after the
 * 60–90 s resync; the kubelet's sync loop picks queued pods up on its one-second tick.
 */
export const RELIST_PERIOD_MS = 1000;
const SYNC_TICK_MS = 1000;
const RESYNC_INTERVAL_MS = 60_000;
const BACKOFF_PERIOD_MS = 10_000;
const JITTER_FACTOR = 0.5;

export interface PodSyncLoopHost {
  now(): number;
  /** Runs `run` after `delayMs` of virtual time; returns a cancel function. */
  after(delayMs: number, run: () => void): () => void;
  /** A uniform random number in [0, 1). */
  random(): number;
  /** The PLEG relist: refresh the runtime snapshot and say whether the pod's containers changed since the last one. */
  relist(): boolean;
  /** One sync (kubelet SyncPod); resolves to true when it failed. */
  sync(): Promise<boolean>;
}

/** Where on the second the node's PLEG relists and its sync loop ticks. */
export interface LoopPhases {
  relistMs: number;
  syncTickMs: number;
}

/** The first tick of a `periodMs` grid offset by `phaseMs` that comes strictly after `t`. */
export function nextTick(t: number, periodMs: number, phaseMs: number): number {
  return phaseMs + (Math.floor((t - phaseMs) / periodMs) + 1) * periodMs;
}

export class PodSyncLoop {
  readonly #host: PodSyncLoopHost;
  readonly #phases: LoopPhases;
  #working = false;
  #pending = false;
  #awaitingSnapshot = false;
  #lastSyncEndMs = Number.NEGATIVE_INFINITY;
  #relist: { atMs: number; cancel: () => void } | undefined;
  #requeue: (() => void) | undefined;
  #stopped = false;

  constructor(host: PodSyncLoopHost, phases: LoopPhases) {
    this.#host = host;
    this.#phases = phases;
  }

  /** A sync is running or about to. */
  get working(): boolean {
    return this.#working;
  }

  /** A container started or exited, or the sandbox came up: the next relist sees it. */
  runtimeChanged(): void {
    this.#scheduleRelist();
  }

  /** UpdatePod: sync now, or right after the sync under way. */
  update(): void {
    if (this.#stopped) return;
    if (this.#working) {
      this.#pending = true;
      return;
    }
    this.#working = true;
    this.#begin();
  }

  stop(): void {
    this.#stopped = true;
    this.#relist?.cancel();
    this.#relist = undefined;
    this.#requeue?.();
    this.#requeue = undefined;
  }

  #begin(): void {
    // Relists run every second whether or not anything changed, so the latest tick is a snapshot.
    const lastRelist = nextTick(this.#host.now(), RELIST_PERIOD_MS, this.#phases.relistMs) - RELIST_PERIOD_MS;
    if (lastRelist > this.#lastSyncEndMs) {
      void this.#run();
      return;
    }
    this.#awaitingSnapshot = true;
    this.#scheduleRelist();
  }

  #scheduleRelist(): void {
    if (this.#stopped) return;
    const atMs = nextTick(this.#host.now(), RELIST_PERIOD_MS, this.#phases.relistMs);
    if (this.#relist && this.#relist.atMs <= atMs) return;
    this.#relist?.cancel();
    this.#relist = { atMs, cancel: this.#host.after(atMs - this.#host.now(), () => this.#onRelist()) };
  }

  #onRelist(): void {
    this.#relist = undefined;
    if (this.#stopped) return;
    const event = this.#host.relist();
    if (event) this.update();
    if (this.#awaitingSnapshot) {
      this.#awaitingSnapshot = false;
      void this.#run();
    }
  }

  async #run(): Promise<void> {
    const failed = await this.#host.sync();
    if (this.#stopped) return;
    this.#lastSyncEndMs = this.#host.now();
    this.#enqueue(failed ? BACKOFF_PERIOD_MS : RESYNC_INTERVAL_MS);
    if (this.#pending) {
      this.#pending = false;
      this.#begin();
    } else {
      this.#working = false;
    }
  }

  /** workQueue.Enqueue with wait.Jitter; a later enqueue replaces an earlier one. */
  #enqueue(periodMs: number): void {
    this.#requeue?.();
    const dueMs = this.#host.now() + periodMs + Math.floor(this.#host.random() * JITTER_FACTOR * periodMs);
    const pickedUpMs = nextTick(dueMs - 1, SYNC_TICK_MS, this.#phases.syncTickMs);
    this.#requeue = this.#host.after(pickedUpMs - this.#host.now(), () => {
      this.#requeue = undefined;
      this.update();
    });
  }
}
