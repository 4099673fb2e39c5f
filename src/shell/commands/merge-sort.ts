/**
 * A stable sort of many items in steps: runs sorted by the engine's own stable sort, then merged
 * pairwise, with a checkpoint every so many comparisons, so `sort` of megabytes leaves room for
 * Ctrl-C (issue 10 §2). Gives what Array.prototype.sort would, as both are stable.
 */
import type { CommandContext } from '../command.ts';
import { CHECKPOINT_EVERY } from '../interpreter/shell-state.ts';

/** Items a run holds: sorted in one go, a few milliseconds at most. */
const RUN = 4096;
/** Comparisons between two checkpoints while merging. */
const COMPARISONS_PER_CHECKPOINT = 16_384;
/** A run or a stretch of merging is a whole yield's worth of work (CHECKPOINT_EVERY steps). */
const CHECKPOINT_WEIGHT = CHECKPOINT_EVERY;

export async function mergeSort<T>(ctx: Pick<CommandContext, 'checkpoint'>, items: readonly T[], compare: (a: T, b: T) => number): Promise<T[]> {
  let from = items.slice();
  for (let at = 0; at < from.length; at += RUN) {
    const run = from.slice(at, at + RUN).sort(compare);
    for (let k = 0; k < run.length; k++) from[at + k] = run[k]!;
    await ctx.checkpoint(CHECKPOINT_WEIGHT);
  }
  let to = new Array<T>(from.length);
  let steps = 0;
  for (let width = RUN; width < from.length; width *= 2) {
    for (let low = 0; low < from.length; low += 2 * width) {
      const middle = Math.min(low + width, from.length);
      const high = Math.min(low + 2 * width, from.length);
      let i = low;
      let j = middle;
      let k = low;
      while (i < middle && j < high) {
        // The right run's item goes first only when strictly smaller: equal items keep their order.
        to[k++] = compare(from[j]!, from[i]!) < 0 ? from[j++]! : from[i++]!;
        if (++steps === COMPARISONS_PER_CHECKPOINT) {
          steps = 0;
          await ctx.checkpoint(CHECKPOINT_WEIGHT);
        }
      }
      while (i < middle) to[k++] = from[i++]!;
      while (j < high) to[k++] = from[j++]!;
    }
    [from, to] = [to, from];
  }
  return from;
}
