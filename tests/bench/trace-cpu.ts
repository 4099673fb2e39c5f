/**
 * What a Chromium trace says of the page's threads: the top-level tasks' thread (CPU) time, which
 * other processes on a loaded machine do not inflate as they do wall time.
 */

interface TraceEvent {
  name: string;
  ph: string;
  ts?: number;
  pid: number;
  tid: number;
  cat?: string;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

export interface ThreadCpu {
  mainMs: number;
  workerMs: number;
}

function threadsOf(events: TraceEvent[]): Map<string, 'main' | 'worker'> {
  const kinds = new Map<string, 'main' | 'worker'>();
  for (const e of events) {
    if (e.ph !== 'M' || e.name !== 'thread_name') continue;
    if (e.args?.name === 'CrRendererMain') kinds.set(`${e.pid}:${e.tid}`, 'main');
    if (e.args?.name === 'DedicatedWorker thread') kinds.set(`${e.pid}:${e.tid}`, 'worker');
  }
  return kinds;
}

function eventsOf(trace: Buffer): TraceEvent[] {
  const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

const isTopLevel = (e: TraceEvent) => e.ph === 'X' && (e.cat?.split(',').includes('toplevel') ?? false);

/**
 * The page's longest main-thread task by CPU time: that, its wall time, and what took the most of
 * it (the trace events inside it, by name, with their CPU time: nested ones count in each).
 */
export function longestMainTask(trace: Buffer): { cpuMs: number; wallMs: number; inside: string } {
  const events = eventsOf(trace);
  const kinds = threadsOf(events);
  const onMain = (e: TraceEvent) => kinds.get(`${e.pid}:${e.tid}`) === 'main' && e.ph === 'X';
  let longest: TraceEvent | undefined;
  for (const e of events) if (onMain(e) && isTopLevel(e) && (e.tdur ?? 0) > (longest?.tdur ?? 0)) longest = e;
  if (!longest) return { cpuMs: 0, wallMs: 0, inside: '' };
  const from = longest.ts ?? 0;
  const to = from + (longest.dur ?? 0);
  const byName = new Map<string, number>();
  for (const e of events) {
    if (e === longest || !onMain(e) || e.tid !== longest.tid || (e.ts ?? 0) < from || (e.ts ?? 0) + (e.dur ?? 0) > to) continue;
    byName.set(e.name, (byName.get(e.name) ?? 0) + (e.tdur ?? 0) / 1000);
  }
  const inside = [...byName]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([name, ms]) => `${name} ${Math.round(ms)} ms`)
    .join(', ');
  return { cpuMs: Math.round((longest.tdur ?? 0) / 1000), wallMs: Math.round((longest.dur ?? 0) / 1000), inside };
}

/** Sums the thread time of top-level tasks on renderer main threads and on dedicated worker threads. */
export function threadCpu(trace: Buffer): ThreadCpu {
  const events = eventsOf(trace);
  const kinds = threadsOf(events);
  const cpu = { main: 0, worker: 0 };
  for (const e of events) {
    const kind = kinds.get(`${e.pid}:${e.tid}`);
    if (kind && isTopLevel(e) && e.tdur !== undefined) cpu[kind] += e.tdur / 1000;
  }
  return { mainMs: Math.round(cpu.main), workerMs: Math.round(cpu.worker) };
}
