/**
 * Durations are the one thing a parity line may differ in: AGE cells, `Xs ago`, event ages and
 * `(x3 over 5m)` are computed from each kubectl's own wall clock at the instant it printed.
 */
const DURATION = /(?<![\w.-])(?:\d+y)?(?:\d+d)?(?:\d+h)?(?:\d+m)?(?:\d+s)?(?![\w.-])/g;

export function normaliseDurations(text: string): string {
  return text.replace(DURATION, (match) => (match === '' ? match : '<age>'));
}
