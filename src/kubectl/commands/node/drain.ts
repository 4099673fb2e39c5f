/**
 * `kubectl drain NODE`: cordons the node, then evicts (or with --disable-eviction deletes) every
 * pod the filters allow and waits, on the virtual clock, until each is gone. A budget's 429 is
 * retried every 5s until --timeout. Models pkg/cmd/drain/drain.go RunDrain and pkg/drain/drain.go
 * (kubectl v1.35: evictPods, deletePods, waitForDelete).
 */
import { checkDurationFlag } from '../../duration-flag.ts';
import type { KubeObject, Status } from '../../../engine/api/client.ts';
import { formatGoDuration } from '../../../lib/duration/go-duration-string.ts';
import { parseLabelSelector } from '../../../lib/label-selector/label-selector.ts';
import { DRY_RUN_FLAG, dryRunStrategy, dryRunSuffix, type DryRunStrategy } from '../../dry-run.ts';
import { formatStatus, KubectlError } from '../../errors.ts';
import { boolFlag, intFlag, stringFlag } from '../../flags.ts';
import type { Invocation, KubectlCommand } from '../../kubectl-command.ts';
import { kindPrefix } from '../../resource-mapper.ts';
import { cordonNodes } from './cordon.ts';
import { deletedLongAgo, judgePods, podsToRemove, verdictErrors, verdictWarnings, type DrainOptions } from './drain-filters.ts';
import { checkNodeArgs, nodeTargets } from './node-targets.ts';

const EVICT_RETRY_MS = 5000;
const POLL_MS = 1000;

/** A Go error as drain passes it on: one message, or an aggregate that prints as `[a, b]`. */
type Failure = { messages: string[]; aggregate: boolean };
const single = (message: string): Failure => ({ messages: [message], aggregate: false });
const errorText = (f: Failure) => (f.messages.length === 1 ? f.messages[0]! : `[${f.messages.join(', ')}]`);

interface Drainer extends DrainOptions {
  inv: Invocation;
  dryRun: DryRunStrategy;
  disableEviction: boolean;
  gracePeriodSeconds: number;
  podSelector: string;
  /** Virtual ms at which --timeout expires (Infinity for 0). */
  deadline: number;
  timeoutText: string;
}

const podRef = (pod: KubeObject) => ({ namespace: pod.metadata?.namespace ?? '', name: pod.metadata?.name ?? '' });

async function podsOnNode(d: Drainer, node: string): Promise<{ pods: KubeObject[]; errors: string[] } | { failure: Failure }> {
  const res = await d.inv.api.request({
    verb: 'list',
    group: '',
    version: 'v1',
    resource: 'pods',
    query: { fieldSelector: `spec.nodeName=${node}`, ...(d.podSelector ? { labelSelector: d.podSelector } : {}) },
  });
  if (!res.ok) return { failure: single(formatStatus(res.body)) };
  const verdicts = await judgePods(d.inv.api, (res.body as { items: KubeObject[] }).items, { ...d, nowMs: d.inv.ctx.time.now() });
  const warnings = verdictWarnings(verdicts);
  return { pods: podsToRemove(verdicts), errors: verdictErrors(verdicts), ...(warnings ? { warnings } : {}) } as { pods: KubeObject[]; errors: string[] };
}

/** waitForDelete for one pod: done once it is gone or replaced; undefined or the timeout's failure. */
async function waitForDelete(d: Drainer, pod: KubeObject, verb: 'evicted' | 'deleted'): Promise<boolean> {
  const { namespace, name } = podRef(pod);
  for (;;) {
    const res = await d.inv.api.request({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace, name });
    if ((!res.ok && res.body.reason === 'NotFound') || (res.ok && (res.body as KubeObject).metadata?.uid !== pod.metadata?.uid)) {
      d.inv.out(`pod/${name} ${verb}\n`);
      return true;
    }
    if (res.ok && deletedLongAgo(res.body as KubeObject, { ...d, nowMs: d.inv.ctx.time.now() })) {
      d.inv.out(`pod ${JSON.stringify(name)} has DeletionTimestamp older than ${d.skipWaitSeconds} seconds, skipping\n`);
      return true;
    }
    const left = d.deadline - d.inv.ctx.time.now();
    if (left <= 0) return false;
    await d.inv.ctx.time.sleep(Math.min(POLL_MS, left), d.inv.ctx.interrupt);
    if (d.inv.ctx.time.now() >= d.deadline) return false;
  }
}

/** evictPods' goroutine for one pod: undefined when done, else its error. */
async function evictOne(d: Drainer, first: KubeObject): Promise<string | undefined> {
  let pod = first;
  const { namespace, name } = podRef(pod);
  for (;;) {
    d.inv.out(`evicting pod ${namespace}/${name}${d.dryRun === 'server' ? ' (server dry run)' : ''}\n`);
    if (d.inv.ctx.time.now() >= d.deadline) return `error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(namespace)}: global timeout reached: ${d.timeoutText}`;
    const deleteOptions = { ...(d.gracePeriodSeconds >= 0 ? { gracePeriodSeconds: d.gracePeriodSeconds } : {}), ...(d.dryRun === 'server' ? { dryRun: ['All'] } : {}) };
    const res = await d.inv.api.request({
      verb: 'create',
      group: '',
      version: 'v1',
      resource: 'pods',
      namespace,
      name,
      subresource: 'eviction',
      body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace }, deleteOptions },
    });
    if (res.ok) break;
    const status = res.body as Status;
    if (status.reason === 'NotFound') return undefined;
    if (status.reason !== 'TooManyRequests') return `error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(namespace)}: ${status.message}`;
    d.inv.err(`error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(namespace)} (will retry after 5s): ${status.message}\n`);
    await d.inv.ctx.time.sleep(EVICT_RETRY_MS, d.inv.ctx.interrupt);
    const fresh = await d.inv.api.request({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace, name });
    if (fresh.ok) pod = fresh.body as KubeObject;
  }
  if (d.dryRun === 'server') return undefined;
  if (await waitForDelete(d, pod, 'evicted')) return undefined;
  return `error when waiting for pod ${JSON.stringify(first.metadata?.name)} in namespace ${JSON.stringify(namespace)} to terminate: context deadline exceeded`;
}

async function deletePods(d: Drainer, pods: KubeObject[]): Promise<Failure | undefined> {
  for (const pod of pods) {
    const { namespace, name } = podRef(pod);
    const query = { ...(d.gracePeriodSeconds >= 0 ? { gracePeriodSeconds: d.gracePeriodSeconds } : {}), ...(d.dryRun === 'server' ? { dryRun: 'All' as const } : {}) };
    const res = await d.inv.api.request({ verb: 'delete', group: '', version: 'v1', resource: 'pods', namespace, name, query });
    if (!res.ok && res.body.reason !== 'NotFound') return single(res.body.message ?? '');
  }
  const waits = await Promise.all(pods.map((pod) => waitForDelete(d, pod, 'deleted')));
  return waits.every(Boolean) ? undefined : single('context deadline exceeded');
}

async function deleteOrEvict(d: Drainer, pods: KubeObject[]): Promise<Failure | undefined> {
  if (pods.length === 0) return undefined;
  if (d.disableEviction) return deletePods(d, pods);
  const errors = (await Promise.all(pods.map((pod) => evictOne(d, pod)))).filter((e): e is string => e !== undefined);
  return errors.length ? { messages: errors, aggregate: true } : undefined;
}

/** deleteOrEvictPodsSimple: undefined once the node's pods are gone. */
async function drainNode(d: Drainer, node: string): Promise<Failure | undefined> {
  const listed = await podsOnNode(d, node);
  if ('failure' in listed) return listed.failure;
  if (listed.errors.length) return { messages: listed.errors, aggregate: true };
  const warnings = (listed as { warnings?: string }).warnings;
  if (warnings) d.inv.err(`Warning: ${warnings}\n`);
  if (d.dryRun === 'client') {
    for (const pod of listed.pods) d.inv.out(`evicting pod ${pod.metadata?.namespace}/${pod.metadata?.name} (dry run)\n`);
    return undefined;
  }
  const failure = await deleteOrEvict(d, listed.pods);
  if (!failure) return undefined;
  const pending = await podsOnNode(d, node);
  if (!('failure' in pending)) {
    if (pending.pods.length) {
      d.inv.err(`There are pending pods in node ${JSON.stringify(node)} when an error occurred: ${errorText(failure)}\n`);
      for (const pod of pending.pods) d.inv.err(`pod/${pod.metadata?.name}\n`);
    }
    if (pending.errors.length) d.inv.err(`Following errors occurred while getting the list of pods to delete:\n${errorText({ messages: pending.errors, aggregate: true })}`);
  }
  return failure;
}

/** cmdutil.CheckErr on drain's aggregate: one line per error, `error: ` only before a lone plain one. */
function reportFatal(inv: Invocation, fatal: Failure[]): void {
  const [only] = fatal;
  if (fatal.length === 1 && only) {
    if (only.aggregate) for (const message of only.messages) inv.err(`${message}\n`);
    else inv.err(`${only.messages[0]!.startsWith('error: ') ? '' : 'error: '}${only.messages[0]}\n`);
    return;
  }
  for (const f of fatal) inv.err(`${errorText(f)}\n`);
}

function timeoutOf(inv: Invocation): { ms: number; text: string } {
  const ms = checkDurationFlag(inv, 'timeout', 'drain');
  return { ms, text: formatGoDuration(ms) };
}

export const drainCommand: KubectlCommand = {
  path: 'drain',
  flags: [
    { name: 'chunk-size', kind: 'int' },
    { name: 'delete-emptydir-data', kind: 'bool' },
    { name: 'delete-local-data', kind: 'bool' },
    { name: 'disable-eviction', kind: 'bool' },
    DRY_RUN_FLAG,
    { name: 'force', kind: 'bool' },
    { name: 'grace-period', kind: 'int' },
    { name: 'ignore-daemonsets', kind: 'bool' },
    { name: 'pod-selector', kind: 'string' },
    { name: 'selector', short: 'l', kind: 'string' },
    { name: 'skip-wait-for-delete-timeout', kind: 'int' },
    { name: 'timeout', kind: 'string' },
  ],
  async run(inv) {
    const timeout = timeoutOf(inv);
    if (inv.flags.values.has('delete-local-data'))
      inv.err('Flag --delete-local-data has been deprecated, This option is deprecated and will be deleted. Use --delete-emptydir-data.\n');
    checkNodeArgs(inv, 'drain');
    const dryRun = dryRunStrategy(inv.flags, inv.err, inv.ctx.time.now());
    const podSelector = stringFlag(inv.flags, 'pod-selector') ?? '';
    const parsedSelector = podSelector ? parseLabelSelector(podSelector) : undefined;
    if (parsedSelector && !parsedSelector.ok) throw new KubectlError('error: --pod-selector=<pod_selector> must be a valid label selector');
    const targets = await nodeTargets(inv);
    if (!targets) return 1;
    const d: Drainer = {
      inv,
      dryRun,
      force: boolFlag(inv.flags, 'force'),
      ignoreDaemonSets: boolFlag(inv.flags, 'ignore-daemonsets'),
      deleteEmptyDirData: boolFlag(inv.flags, 'delete-emptydir-data') || boolFlag(inv.flags, 'delete-local-data'),
      disableEviction: boolFlag(inv.flags, 'disable-eviction'),
      gracePeriodSeconds: intFlag(inv.flags, 'grace-period') ?? -1,
      skipWaitSeconds: intFlag(inv.flags, 'skip-wait-for-delete-timeout') ?? 0,
      podSelector,
      nowMs: inv.ctx.time.now(),
      deadline: timeout.ms > 0 ? inv.ctx.time.now() + timeout.ms : Infinity,
      timeoutText: timeout.text,
    };
    await cordonNodes(inv, targets, true, dryRun);
    const fatal: Failure[] = [];
    const remaining: string[] = [];
    for (const { resource, obj } of targets) {
      const name = obj.metadata?.name ?? '';
      const failure = await drainNode(d, name);
      if (!failure) {
        inv.out(`${kindPrefix(resource)}/${name} drained${dryRunSuffix(dryRun)}\n`);
        continue;
      }
      inv.err(`error: unable to drain node ${JSON.stringify(name)} due to error: ${errorText(failure)}, continuing command...\n`);
      fatal.push(failure);
      remaining.push(name);
    }
    if (remaining.length === 0) return 0;
    inv.err(`There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join('')}`);
    reportFatal(inv, fatal);
    return 1;
  },
};
