/** klog's header: severity, MMDD hh:mm:ss.micros, the thread id right-aligned to 7, `file:line]`. */
export function klogLine(severity: 'W' | 'E', nowMs: number, source: string, message: string): string {
  const d = new Date(nowMs);
  const two = (n: number) => String(n).padStart(2, '0');
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${String(d.getUTCMilliseconds() * 1000).padStart(6, '0')}`;
  return `${severity}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())} ${time} ${'1'.padStart(7)} ${source}] ${message}\n`;
}
