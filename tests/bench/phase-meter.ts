/** CPU (user + system, all threads of this process) and wall time spent between two instants. */
import { performance } from 'node:perf_hooks';
import type { PhaseCost } from './deployment-scenario.ts';

export function startMeter(): () => PhaseCost {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  return () => {
    const used = process.cpuUsage(cpu);
    return { cpuMs: (used.user + used.system) / 1000, wallMs: performance.now() - wall };
  };
}

/** Peak resident set of this process so far, in MB. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** The heap in use after a full collection (needs `--expose-gc`; NaN without it), in MB. */
export function heapAfterGcMb(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return Number.NaN;
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}
