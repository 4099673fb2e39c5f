/**
 * Where pods wait to be scheduled. New and changed pods go to the active queue and are tried at
 * the current instant, highest priority first, then in order of their queue timestamp. A pod no node takes waits among the unschedulable pods
 * with the plugins that rejected it, until a cluster event one of those plugins cares about moves
 * it back, or until it has waited five minutes (the leftover flush, every 30 s).
 * Models pkg/scheduler/backend/queue/scheduling_queue.go. A pod moved back is tried at once:
 * v1.35 pops the backoff queue whenever the active queue is empty (SchedulerPopFromBackoffQ), and
 * ours is empty between instants.
 */
import type { VirtualClock, TimerId } from '../clock/virtual-clock.ts';
import { ActiveQueue } from './active-queue.ts';

/** podMaxInUnschedulablePodsDuration and the flush period of flushUnschedulablePodsLeftover. */
export const POD_MAX_IN_UNSCHEDULABLE_PODS_MS = 5 * 60_000;
export const FLUSH_UNSCHEDULABLE_PERIOD_MS = 30_000;

export interface UnschedulablePod {
  key: string;
  priority: number;
  /** The plugins whose rejection keeps it here. */
  rejectors: ReadonlySet<string>;
  sinceMs: number;
}

export class SchedulingQueue {
  readonly #clock: VirtualClock;
  readonly #active = new ActiveQueue();
  readonly #process: (key: string) => void;
  readonly #unschedulable = new Map<string, UnschedulablePod & { timer: TimerId }>();
  /** How many parked pods each plugin rejected. */
  readonly #rejectedBy = new Map<string, number>();
  readonly #startMs: number;

  constructor(clock: VirtualClock, process: (key: string) => void) {
    this.#clock = clock;
    this.#startMs = clock.now();
    this.#process = process;
  }

  /**
   * Queues the pod for an attempt at the current instant. A parked pod keeps the timestamp it was
   * parked with (AddUnschedulableIfNotPresent refreshes it; moving back does not).
   */
  add(key: string, priority: number): void {
    const parked = this.#forget(key);
    if (!this.#active.add({ key, priority, timestampMs: parked?.sinceMs ?? this.#clock.now() })) return;
    // One timer per queued pod, as before the heap: each attempt is its own task at this instant.
    this.#clock.schedule(0, () => {
      const next = this.#active.pop();
      if (next) this.#process(next.key);
    });
  }

  delete(key: string): void {
    this.#forget(key);
  }

  has(key: string): boolean {
    return this.#unschedulable.has(key);
  }

  addUnschedulable(key: string, priority: number, rejectors: ReadonlySet<string>): void {
    this.#forget(key);
    const sinceMs = this.#clock.now();
    // The first flush tick at which the pod has waited more than the limit.
    const ticks = Math.floor((sinceMs + POD_MAX_IN_UNSCHEDULABLE_PODS_MS - this.#startMs) / FLUSH_UNSCHEDULABLE_PERIOD_MS) + 1;
    const flushAtMs = this.#startMs + ticks * FLUSH_UNSCHEDULABLE_PERIOD_MS;
    const timer = this.#clock.schedule(flushAtMs - sinceMs, () => this.add(key, priority));
    this.#unschedulable.set(key, { key, priority, rejectors, sinceMs, timer });
    for (const plugin of rejectors) this.#rejectedBy.set(plugin, (this.#rejectedBy.get(plugin) ?? 0) + 1);
  }

  /** Whether a parked pod was rejected by one of `plugins`: most pod events help none of them. */
  hasParkedRejectedBy(plugins: readonly string[]): boolean {
    return plugins.some((plugin) => (this.#rejectedBy.get(plugin) ?? 0) > 0);
  }

  /** MoveAllToActiveOrBackoffQueue: every waiting pod for which `shouldMove` says the event may help. */
  moveOnEvent(shouldMove: (pod: UnschedulablePod) => boolean): void {
    for (const pod of [...this.#unschedulable.values()]) if (shouldMove(pod)) this.add(pod.key, pod.priority);
  }

  #forget(key: string): UnschedulablePod | undefined {
    const waiting = this.#unschedulable.get(key);
    if (!waiting) return undefined;
    this.#clock.cancel(waiting.timer);
    this.#unschedulable.delete(key);
    for (const plugin of waiting.rejectors) this.#rejectedBy.set(plugin, this.#rejectedBy.get(plugin)! - 1);
    return waiting;
  }
}
