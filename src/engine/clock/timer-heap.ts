/**
 * The clock's pending timers as a binary min-heap on (atMs, seq): scheduling and running a timer
 * cost O(log n) where a sorted array cost O(n), which thousands of pods' timers made quadratic.
 * Cancelling marks the timer and leaves it in the heap until it reaches the top, but lets go of its
 * callback at once (a removed pod's timers held its whole worker alive for the timer's delay), and
 * the heap is rebuilt once cancelled timers outnumber live ones. (atMs, seq) orders timers totally,
 * so a rebuild never changes which timer runs next.
 */
export interface Timer {
  id: number;
  atMs: number;
  seq: number;
  run: () => void;
  cancelled?: boolean;
}

const cancelledRun = (): void => {};

/** Below this many cancelled timers, a rebuild is not worth its pass over the heap. */
const MIN_REBUILD = 1024;

const before = (a: Timer, b: Timer) => a.atMs < b.atMs || (a.atMs === b.atMs && a.seq < b.seq);

export class TimerHeap {
  #heap: Timer[] = [];
  readonly #live = new Map<number, Timer>();
  #cancelled = 0;

  get size(): number {
    return this.#live.size;
  }

  push(timer: Timer): void {
    this.#live.set(timer.id, timer);
    const heap = this.#heap;
    let i = heap.length;
    heap.push(timer);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(timer, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = timer;
  }

  cancel(id: number): void {
    const timer = this.#live.get(id);
    if (!timer) return;
    timer.cancelled = true;
    timer.run = cancelledRun;
    this.#live.delete(id);
    this.#cancelled++;
    if (this.#cancelled >= MIN_REBUILD && this.#cancelled > this.#live.size) this.#rebuild();
  }

  /** The earliest timer not cancelled. */
  peek(): Timer | undefined {
    while (this.#heap.length > 0 && this.#heap[0]!.cancelled) {
      this.#removeTop();
      this.#cancelled--;
    }
    return this.#heap[0];
  }

  /** Takes the earliest timer not cancelled off the heap. */
  pop(): Timer | undefined {
    const top = this.peek();
    if (!top) return undefined;
    this.#removeTop();
    this.#live.delete(top.id);
    return top;
  }

  #rebuild(): void {
    const kept = this.#heap.filter((t) => !t.cancelled);
    this.#heap = [];
    this.#cancelled = 0;
    for (const timer of kept) this.push(timer);
  }

  #removeTop(): void {
    const heap = this.#heap;
    const last = heap.pop()!;
    if (heap.length === 0) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && before(heap[right]!, heap[left]!) ? right : left;
      if (!before(heap[child]!, last)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = last;
  }
}
