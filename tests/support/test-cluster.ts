/**
 * A real in-process cluster for tests, with containers running the real shell toolbox. Time moves
 * only when the test says so: `await pump.advance(ms)` or `await pump.settle()`.
 */
import type { ClusterTopology } from '../../src/engine/cluster-topology.ts';
import { Cluster } from '../../src/engine/cluster.ts';
import { ContainerToolbox } from '../../src/session/container-toolbox.ts';
import { nodeYield } from './session.ts';

export async function createTestCluster(options: { seed?: number; startTimeMs?: number; topology?: ClusterTopology } = {}) {
  const cluster = await Cluster.create({
    ...options,
    yieldToHost: nodeYield,
    toolRunner: new ContainerToolbox(nodeYield),
  });
  return { cluster, api: cluster.api, pump: cluster.pump, clock: cluster.clock, server: cluster.server };
}
