import { CHECKPOINT_EVERY } from './shell-state.ts';

/**
 * The steps of work a process did since it last yielded to the host. A child forked to yield where
 * its parent does (a pipeline stage, a subshell, `$(…)`) adds to its parent's count: children that
 * live a few steps each, forking one another, would otherwise never reach a yield.
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
