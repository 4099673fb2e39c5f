import { CHECKPOINT_EVERY } from './shell-state.ts';

/**
 * The steps of work a process did since it last yielded to the host. A child forked in its parent's
 * environment (a pipeline stage, a subshell, `$(…)`; not a background job) adds to its parent's
 * count: children that live a few steps each, forking one another, would otherwise never yield.
 */
export class WorkSteps {
  #steps = 0;

  /** Adds `weight` steps; true when they reach CHECKPOINT_EVERY, the count then starting over. */
  add(weight: number): boolean {
    this.#steps += weight;
    if (this.#steps < CHECKPOINT_EVERY) return false;
    this.#steps = 0;
    return true;
  }
}
