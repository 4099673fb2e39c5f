/**
 * Whether the cluster still has something to do on its own: a rollout not complete, a pod not
 * yet running and ready (or finished), a pod terminating. Read synchronously from the API server
 * so a time pump can ask between two timers.
 */
import type { ApiServer } from '../engine/api/api-server.ts';
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { podTableRow } from '../engine/api/resources/pod-table-row.ts';
import type { Session } from './session.ts';

function list<T>(server: ApiServer, group: string, resource: string): T[] {
  const res = server.handle({ verb: 'list', group, version: 'v1', resource });
  return res.ok ? (res.body as { items: T[] }).items : [];
}

// Models pkg/controller/deployment/util DeploymentComplete.
function isRolloutComplete(d: Deployment): boolean {
  const want = d.spec?.replicas ?? 1;
  const s = d.status ?? {};
  return (s.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0) && (s.updatedReplicas ?? 0) === want && (s.replicas ?? 0) === want && (s.availableReplicas ?? 0) === want;
}

/** Why a pod is not settled, as `kubectl get pods` shows it (STATUS, and READY when it is running), or undefined if it is. */
function podUnsettled(pod: Pod, nowMs: number): string | undefined {
  const phase = pod.status?.phase ?? 'Pending';
  if (!pod.metadata?.deletionTimestamp && (phase === 'Succeeded' || phase === 'Failed')) return undefined;
  const containers = pod.status?.containerStatuses ?? [];
  if (!pod.metadata?.deletionTimestamp && phase === 'Running' && containers.length > 0 && containers.every((c) => c.ready)) return undefined;
  const [, ready, status] = podTableRow(pod, nowMs);
  return status === 'Running' ? `Running, ${ready} ready` : status;
}

/** The first thing the cluster is still working on, in kubectl's words, or undefined when settled. */
export function pendingWork(server: ApiServer, nowMs: number): string | undefined {
  for (const d of list<Deployment>(server, 'apps', 'deployments')) {
    if (!d.spec?.paused && !isRolloutComplete(d)) return `deployment "${d.metadata?.name}" rollout in progress`;
  }
  for (const rs of list<ReplicaSet>(server, 'apps', 'replicasets')) {
    if ((rs.status?.replicas ?? 0) !== (rs.spec?.replicas ?? 1)) return `replicaset "${rs.metadata?.name}" scaling`;
  }
  for (const pod of list<Pod>(server, '', 'pods')) {
    const why = podUnsettled(pod, nowMs);
    if (why) return `pod "${pod.metadata?.name}" is ${why}`;
  }
  return undefined;
}

export interface FastForwardResult {
  settled: boolean;
  advancedMs: number;
  /** What still kept the cluster busy when fast-forward stopped short of settled. */
  waitingFor?: string;
}

/** How many host turns a running command may compute without waiting before fast-forward stops. */
const MAX_BUSY_ROUNDS = 20_000;

/**
 * How long the workloads may stay unchanged before fast-forward stops short of its cap: a pod held
 * in Init by a long `sleep` (the init-containers lab's purple) or one that cannot be scheduled would
 * otherwise cost every press the whole cap.
 */
export const QUIET_MS = 2 * 60 * 1000;

/** The resourceVersions of everything pendingWork reads: equal while nothing has changed. */
function workloadVersions(server: ApiServer): string {
  return [...list<Deployment>(server, 'apps', 'deployments'), ...list<ReplicaSet>(server, 'apps', 'replicasets'), ...list<Pod>(server, '', 'pods')]
    .map((o) => o.metadata?.resourceVersion ?? '')
    .join(',');
}

export interface FastForwardOptions {
  /** Sees every instant time moved to (the worker samples the rollout view there). */
  onStep?: (nowMs: number) => void;
  /** The command line running in the terminal and not waiting for the user, if any: it is waited for too (a `sleep 60`). */
  commandRunning?: () => string | undefined;
}

/**
 * Moves virtual time timer by timer until nothing is pending, nothing has changed for QUIET_MS, or
 * `capMs` of virtual time has passed.
 */
export async function fastForwardUntilSettled(session: Session, capMs: number, options: FastForwardOptions = {}): Promise<FastForwardResult> {
  const { clock, pump } = session.cluster;
  const server = session.cluster.server;
  const onStep = options.onStep ?? (() => undefined);
  const pending = () => {
    const cluster = pendingWork(server, clock.now());
    if (cluster) return cluster;
    const command = options.commandRunning?.();
    return command === undefined ? undefined : `\`${command.split('\n')[0]}\` is still running in the terminal`;
  };
  const startMs = clock.now();
  let versions = workloadVersions(server);
  let changedAtMs = startMs;
  let lookedAtMs = startMs;
  const isQuiet = () => {
    // Read once per instant: a command computing between two timers asks thousands of times.
    if (clock.now() === lookedAtMs) return false;
    lookedAtMs = clock.now();
    const now = workloadVersions(server);
    if (now !== versions) {
      versions = now;
      changedAtMs = clock.now();
    }
    return clock.now() - changedAtMs >= QUIET_MS;
  };
  const isSettled = () => {
    onStep(clock.now());
    return pending() === undefined || isQuiet();
  };
  let computing = false;
  // In legs that end where the quiet time would run out, so one jump to a far timer cannot skip it.
  for (;;) {
    const deadlineMs = Math.min(startMs + capMs, changedAtMs + QUIET_MS);
    if (await pump.runUntil(isSettled, Math.max(0, deadlineMs - clock.now()), { wasBusy: () => session.wasBusy(), maxBusyRounds: MAX_BUSY_ROUNDS })) break;
    // Short of its deadline, the pump gave up because a command keeps computing (a loop without sleep).
    if (clock.now() < deadlineMs) computing = true;
    if (computing || clock.now() >= startMs + capMs) break;
  }
  const advancedMs = clock.now() - startMs;
  const left = pending();
  const quiet = left !== undefined && !computing && clock.now() - changedAtMs >= QUIET_MS;
  const waitingFor = !left ? undefined : computing ? 'a command in the terminal keeps computing' : quiet ? `${left}; nothing changed for ${QUIET_MS / 60_000}m` : left;
  return { settled: left === undefined, advancedMs, ...(waitingFor ? { waitingFor } : {}) };
}
