/** The text `GET pods/log` returns: every line as written, optionally only the last N. */
import type { LogLine } from './pod-logs.ts';

export function formatLogs(lines: LogLine[], tailLines?: number): string {
  const selected = tailLines !== undefined && tailLines >= 0 ? lines.slice(Math.max(0, lines.length - tailLines)) : lines;
  return selected.map((l) => l.text).join('');
}
