/**
 * The header klog puts before every line a Kubernetes component logs: severity, month and day,
 * time to the microsecond, the thread id padded to seven columns (1 in a container), and the
 * source file and line: `I1122 22:00:00.000000       1 server.go:150] Version: v1.35.2`.
 */
export function klogLine(severity: 'I' | 'W' | 'E', ms: number, source: string, message: string): string {
  const iso = new Date(ms).toISOString();
  const day = `${iso.slice(5, 7)}${iso.slice(8, 10)}`;
  return `${severity}${day} ${iso.slice(11, 23)}000 ${String(1).padStart(7)} ${source}] ${message}`;
}
