/**
 * The `kubectl get pods` row: a literal model of printPod in pkg/printers/internalversion/printers.go
 * (READY, the STATUS reason algorithm, RESTARTS with "(… ago)", and the wide columns).
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { humanDuration } from '../../../lib/duration/human-duration.ts';
import type { TableColumnDefinition } from '../client.ts';
import { ageColumn, column, nameColumn } from './table-columns.ts';

export const podColumns: TableColumnDefinition[] = [
  nameColumn(),
  column('Ready', 'The aggregate readiness state of this pod for accepting traffic.'),
  column('Status', 'The aggregate status of the containers in this pod.'),
  column('Restarts', 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'),
  ageColumn(),
  column('IP', 'podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.', { priority: 1 }),
  column('Node', 'NodeName indicates in which node this pod is scheduled.', { priority: 1 }),
  column(
    'Nominated Node',
    'nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods.',
    { priority: 1 },
  ),
  column('Readiness Gates', 'If specified, all readiness gates will be evaluated for pod readiness.', { priority: 1 }),
];

const isRestartable = (container: Container | undefined) => container?.restartPolicy === 'Always';
const parseTime = (t: string | undefined) => (t ? Date.parse(t) : 0);

/** What a pod's row is made of apart from the clock: fixed for one stored (frozen) revision of it. */
interface PodRowFacts {
  name: string;
  ready: string;
  reason: string;
  restarts: number;
  lastRestartMs: number;
  /** Epoch ms of creationTimestamp; NaN when unset or unparsable (AGE `<unknown>`). */
  createdMs: number;
  ip: string;
  node: string;
  nominatedNode: string;
  readinessGates: string;
}

/**
 * A stored pod never changes (a write stores a new object), so a `kubectl get pods` of 1,000 pods
 * works each row's facts out once per revision of each pod; only the ages are new on every list.
 */
const factsOfStored = new WeakMap<Pod, PodRowFacts>();

export function podTableRow(pod: Pod, nowMs: number): string[] {
  let facts = factsOfStored.get(pod);
  if (!facts) {
    facts = podRowFacts(pod);
    if (Object.isFrozen(pod)) factsOfStored.set(pod, facts);
  }
  let restartsCell = String(facts.restarts);
  if (facts.restarts !== 0 && facts.lastRestartMs !== 0) restartsCell = `${facts.restarts} (${humanDuration(nowMs - facts.lastRestartMs)} ago)`;
  return [
    facts.name,
    facts.ready,
    facts.reason,
    restartsCell,
    Number.isNaN(facts.createdMs) ? '<unknown>' : humanDuration(nowMs - facts.createdMs),
    facts.ip,
    facts.node,
    facts.nominatedNode,
    facts.readinessGates,
  ];
}

function podRowFacts(pod: Pod): PodRowFacts {
  const spec = pod.spec;
  const status = pod.status ?? {};
  let restarts = 0;
  let restartableInitRestarts = 0;
  let totalContainers = spec?.containers?.length ?? 0;
  let readyContainers = 0;
  let lastRestartMs = 0;
  let lastRestartableInitRestartMs = 0;

  const phase = status.phase ?? '';
  let reason: string = phase;
  if (status.reason) reason = status.reason;
  for (const condition of status.conditions ?? []) {
    if (condition.type === 'PodScheduled' && condition.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  const initContainers = new Map<string, Container>();
  for (const container of spec?.initContainers ?? []) {
    initContainers.set(container.name, container);
    if (isRestartable(container)) totalContainers++;
  }

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const container = initStatuses[i]!;
    restarts += container.restartCount;
    const finished = parseTime(container.lastState?.terminated?.finishedAt);
    if (container.lastState?.terminated && finished > lastRestartMs) lastRestartMs = finished;
    const restartable = isRestartable(initContainers.get(container.name));
    if (restartable) {
      restartableInitRestarts += container.restartCount;
      if (container.lastState?.terminated && finished > lastRestartableInitRestartMs) lastRestartableInitRestartMs = finished;
    }
    const terminated = container.state?.terminated;
    const waiting = container.state?.waiting;
    if (terminated && terminated.exitCode === 0) continue;
    if (restartable && container.started) {
      if (container.ready) readyContainers++;
      continue;
    }
    if (terminated) {
      if (!terminated.reason) {
        reason = terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode}`;
      } else {
        reason = `Init:${terminated.reason}`;
      }
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${spec?.initContainers?.length ?? 0}`;
    }
    initializing = true;
    break;
  }

  const initializedTrue = (status.conditions ?? []).some((c) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initializedTrue) {
    restarts = restartableInitRestarts;
    lastRestartMs = lastRestartableInitRestartMs;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const container = statuses[i]!;
      restarts += container.restartCount;
      const finished = parseTime(container.lastState?.terminated?.finishedAt);
      if (container.lastState?.terminated && finished > lastRestartMs) lastRestartMs = finished;
      const { waiting, terminated, running } = container.state ?? {};
      if (waiting?.reason) {
        reason = waiting.reason;
      } else if (terminated?.reason) {
        reason = terminated.reason;
      } else if (terminated) {
        reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
      } else if (container.ready && running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const ready = (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
      reason = ready ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata?.deletionTimestamp && status.reason === 'NodeLost') {
    reason = 'Unknown';
  } else if (pod.metadata?.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') {
    reason = 'Terminating';
  }

  const gates = spec?.readinessGates ?? [];
  let readinessGates = '<none>';
  if (gates.length > 0) {
    let trueConditions = 0;
    for (const gate of gates) {
      const condition = (status.conditions ?? []).find((c) => c.type === gate.conditionType);
      if (condition?.status === 'True') trueConditions++;
    }
    readinessGates = `${trueConditions}/${gates.length}`;
  }
  const created = pod.metadata?.creationTimestamp;
  return {
    name: pod.metadata?.name ?? '',
    ready: `${readyContainers}/${totalContainers}`,
    reason,
    restarts,
    lastRestartMs,
    createdMs: created ? Date.parse(created) : NaN,
    ip: status.podIPs?.[0]?.ip || '<none>',
    node: spec?.nodeName || '<none>',
    nominatedNode: status.nominatedNodeName || '<none>',
    readinessGates,
  };
}
