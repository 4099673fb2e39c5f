/**
 * The text `GET pods/log` returns: the last N lines (`tailLines`), of those the ones written since
 * a time, each prefixed with its RFC3339 time at nanosecond width when asked, cut at `limitBytes`.
 * Models pkg/kubelet/kuberuntime/logs (tail first, then since).
 */
import type { LogLine } from './pod-logs.ts';

export interface LogOptions {
  tailLines?: number;
  sinceMs?: number;
  timestamps?: boolean;
  limitBytes?: number;
}

export function formatLogs(lines: LogLine[], options: LogOptions = {}): string {
  const { tailLines, sinceMs, timestamps, limitBytes } = options;
  let selected = tailLines !== undefined && tailLines >= 0 ? lines.slice(Math.max(0, lines.length - tailLines)) : lines;
  if (sinceMs !== undefined) selected = selected.filter((l) => l.atMs >= sinceMs);
  const text = selected.map((l) => (timestamps ? `${logTimestamp(l.atMs)} ${l.text}` : l.text)).join('');
  return limitBytes !== undefined && limitBytes > 0 ? text.slice(0, limitBytes) : text;
}

/** `2026-11-22T22:00:05.123000000Z`: the kubelet's fixed nine-digit fraction. */
function logTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}
