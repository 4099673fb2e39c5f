/**
 * The scenario on our engine: a headless Session driven by its TimePump, virtual time jumping from
 * timer to timer, so CPU is all the cost there is. The deployment is watched, not polled.
 */
import { setImmediate } from 'node:timers';
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { TimeSlicing } from '../../src/engine/clock/time-pump.ts';
import { Session } from '../../src/session/session.ts';
import { benchDeployment, DEPLOYMENT_NAME, isCreated, RolloutWatch, NEXT_IMAGE, progressOf, type DeploymentProgress, type RunnerMessage } from './deployment-scenario.ts';
import { startMeter } from './phase-meter.ts';

const yieldToHost = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Virtual time either phase may take before it counts as stuck. */
const PHASE_BUDGET_MS = 2 * 60 * 60 * 1000;

/**
 * A session whose cluster has `nodes` worker nodes when the engine takes the option (issue 12's
 * node count, `workerNodes`); without it the session has its default nodes, which the caller
 * reads back from the cluster.
 */
export async function createBenchSession(nodes: number | undefined, slicing?: TimeSlicing): Promise<Session> {
  const options = { seed: 1, yieldToHost, ...(slicing ? { slicing } : {}), ...(nodes !== undefined ? { workerNodes: nodes } : {}) };
  return Session.create(options);
}

export async function countNodes(session: Session): Promise<number> {
  const res = await session.api.request<{ items: unknown[] }>({ verb: 'list', group: '', version: 'v1', resource: 'nodes' });
  return res.ok ? res.body.items.length : 0;
}

export async function runCkaLab(replicas: number, nodes: number | undefined, report: (message: RunnerMessage) => void): Promise<Session | undefined> {
  const session = await createBenchSession(nodes);
  let progress: DeploymentProgress = {};
  const watch = session.api.watch({ verb: 'watch', group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default', name: DEPLOYMENT_NAME }, (event) => {
    if (event.type === 'ADDED' || event.type === 'MODIFIED') progress = progressOf(event.object as Deployment);
  });
  const { pump } = session.cluster;

  let meter = startMeter();
  const created = await session.api.request({ verb: 'create', group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default', body: benchDeployment(replicas) });
  if (!created.ok) throw new Error(`create: ${created.body.message}`);
  if (!(await pump.runUntil(() => isCreated(progress, replicas), PHASE_BUDGET_MS))) {
    report({ type: 'failed', phase: 'create', reason: `${progress.readyReplicas ?? 0}/${replicas} Ready` });
    return undefined;
  }
  report({ type: 'phase', phase: 'create', cost: meter() });

  meter = startMeter();
  const rollout = new RolloutWatch(replicas);
  const patched = await session.api.request({
    verb: 'patch',
    group: 'apps',
    version: 'v1',
    resource: 'deployments',
    namespace: 'default',
    name: DEPLOYMENT_NAME,
    patchType: 'application/strategic-merge-patch+json',
    body: { spec: { template: { spec: { containers: [{ name: 'nginx', image: NEXT_IMAGE }] } } } },
  });
  if (!patched.ok) throw new Error(`patch: ${patched.body.message}`);
  if (!(await pump.runUntil(() => rollout.isRolledOut(progress), PHASE_BUDGET_MS))) {
    report({ type: 'failed', phase: 'update', reason: `${progress.updatedReplicas ?? 0}/${replicas} updated, ${progress.availableReplicas ?? 0} available` });
    return undefined;
  }
  report({ type: 'phase', phase: 'update', cost: meter() });
  watch.stop();
  return session;
}
