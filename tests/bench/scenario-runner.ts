/**
 * One run of the deployment scenario in a process of its own, forked by `isolated-run.ts`:
 * `scenario-runner.ts <cka-lab|webernetes> <replicas> [nodes]`. It reports each phase to the
 * parent as it ends, then the process's peak RSS and its heap after a full collection with the
 * cluster still alive.
 */
import type { RunnerMessage } from './deployment-scenario.ts';
import { countNodes, runCkaLab } from './cka-lab-system.ts';
import { heapAfterGcMb, peakRssMb } from './phase-meter.ts';
import { runWebernetes } from './webernetes-system.ts';

const [system, replicasArg, nodesArg] = process.argv.slice(2);
const replicas = Number(replicasArg);
const nodes = nodesArg === undefined ? undefined : Number(nodesArg);
const report = (message: RunnerMessage) => process.send!(message);

if (system === 'cka-lab') {
  const session = await runCkaLab(replicas, nodes, report);
  if (session) report({ type: 'done', peakRssMb: peakRssMb(), heapAfterGcMb: heapAfterGcMb(), nodes: await countNodes(session) });
} else if (system === 'webernetes') {
  const cluster = await runWebernetes(replicas, nodes, report);
  if (cluster) report({ type: 'done', peakRssMb: peakRssMb(), heapAfterGcMb: heapAfterGcMb(), nodes: cluster.servers.length });
} else {
  throw new Error(`unknown system ${system}`);
}
process.disconnect();
process.exit(0);
