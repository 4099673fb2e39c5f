/**
 * The page's side of the protocol: correlates requests with answers and fans out worker events.
 */
import type { FromWorker, ToWorker } from './messages.ts';

export interface WorkerLike {
  postMessage(message: ToWorker): void;
  addEventListener(type: 'message', listener: (event: { data: FromWorker }) => void): void;
}

export class WorkerClient {
  readonly #worker: WorkerLike;
  readonly #listeners = new Set<(message: FromWorker) => void>();
  #nextId = 1;

  constructor(worker: WorkerLike) {
    this.#worker = worker;
    worker.addEventListener('message', (event) => {
      for (const listener of this.#listeners) listener(event.data);
    });
  }

  send(message: ToWorker): void {
    this.#worker.postMessage(message);
  }

  nextId(): number {
    return this.#nextId++;
  }

  subscribe(listener: (message: FromWorker) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
