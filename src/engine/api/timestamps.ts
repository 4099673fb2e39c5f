/** RFC 3339 with whole seconds, as metav1.Time serialises (`2026-11-22T22:09:12Z`). */
export function formatTimestamp(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  // Many writes happen at one virtual instant: the last second's text is reused.
  if (seconds !== lastSeconds) {
    lastSeconds = seconds;
    lastText = new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
  }
  return lastText;
}

let lastSeconds = Number.NaN;
let lastText = '';

/** RFC 3339 with microseconds, as metav1.MicroTime serialises (events' eventTime, leases). */
export function formatMicroTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

export function parseTimestamp(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}
