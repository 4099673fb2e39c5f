/**
 * Recursion on the heap: a step that needs a nested result yields the nested step (a generator)
 * and receives its result back, so a walk over JSON 10,000 levels deep keeps one JavaScript frame
 * per level off the call stack. An exception ends the whole run: steps cannot catch a nested one's.
 */
export type NestedStep<T> = Generator<NestedStep<unknown>, T, unknown>;

/** Runs `root` and every step it yields, innermost first, and returns its result. */
export function runNested<T>(root: NestedStep<T>): T {
  const steps: NestedStep<unknown>[] = [root];
  let result: unknown;
  for (;;) {
    const next = steps[steps.length - 1]!.next(result);
    if (next.done) {
      steps.pop();
      if (steps.length === 0) return next.value as T;
      result = next.value;
    } else {
      steps.push(next.value);
      result = undefined;
    }
  }
}
