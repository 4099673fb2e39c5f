/**
 * The scheduling queue's activeQ: pods ready for an attempt, popped in the order of the default
 * QueueSort plugin. Models pkg/scheduler/framework/plugins/queuesort/priority_sort.go Less (higher
 * priority first, then the earlier queue timestamp) over the heap of backend/queue/active_queue.go.
 * Pods tied on both (many arrive at one virtual instant) leave in arrival order, so a replay
 * schedules them identically where upstream's heap breaks the tie arbitrarily.
 */
export interface QueuedPod {
  key: string;
  priority: number;
  /** When the pod entered the queue, or was last parked as unschedulable. */
  timestampMs: number;
}

interface Entry extends QueuedPod {
  seq: number;
}

/** PrioritySort.Less, arrival order last. */
const less = (a: Entry, b: Entry) =>
  a.priority > b.priority || (a.priority === b.priority && (a.timestampMs < b.timestampMs || (a.timestampMs === b.timestampMs && a.seq < b.seq)));

export class ActiveQueue {
  readonly #heap: Entry[] = [];
  readonly #keys = new Set<string>();
  #seq = 0;

  get size(): number {
    return this.#heap.length;
  }

  has(key: string): boolean {
    return this.#keys.has(key);
  }

  /** Adds the pod unless it is already queued (a queued pod keeps its place, as upstream's Update does). */
  add(pod: QueuedPod): boolean {
    if (this.#keys.has(pod.key)) return false;
    this.#keys.add(pod.key);
    const heap = this.#heap;
    const entry: Entry = { ...pod, seq: this.#seq++ };
    let i = heap.length;
    heap.push(entry);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!less(entry, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = entry;
    return true;
  }

  pop(): QueuedPod | undefined {
    const heap = this.#heap;
    const top = heap[0];
    if (!top) return undefined;
    const last = heap.pop()!;
    if (heap.length > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= heap.length) break;
        const right = left + 1;
        const child = right < heap.length && less(heap[right]!, heap[left]!) ? right : left;
        if (!less(heap[child]!, last)) break;
        heap[i] = heap[child]!;
        i = child;
      }
      heap[i] = last;
    }
    this.#keys.delete(top.key);
    return { key: top.key, priority: top.priority, timestampMs: top.timestampMs };
  }
}
