/** How much faster than real time the simulator plays a lab's solution, and the heap a session holds. */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadLab } from '../../src/labs/load-lab.ts';
import { readLabFiles } from '../../src/cli/node-host.ts';
import { playScript } from '../../src/session/headless-player.ts';
import { startLab } from '../../src/session/lab-session.ts';
import { newSession } from '../support/session.ts';

export async function benchLabPlayback(): Promise<void> {
  const loaded = loadLab(readLabFiles('rolling-updates')!);
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  const heapBefore = process.memoryUsage().heapUsed;
  const wallStart = performance.now();
  const session = await newSession();
  const virtualStart = session.cluster.clock.now();
  const lab = await startLab(session, loaded.lab);
  await playScript(session, lab.scriptGrader, readFileSync('labs/rolling-updates/solution.sh', 'utf8'), () => undefined);
  const wallMs = performance.now() - wallStart;
  const virtualMs = session.cluster.clock.now() - virtualStart;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  console.log(`rolling-updates solution: ${(virtualMs / 1000).toFixed(0)} s of cluster time in ${(wallMs / 1000).toFixed(2)} s (${(virtualMs / wallMs).toFixed(0)}x real time)`);
  console.log(`session heap growth: ${heapMb.toFixed(1)} MiB`);
  session.close();
}
