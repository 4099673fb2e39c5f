/**
 * `kubectl logs`: finds the pod (or the first pod of a workload, or the pods of a selector),
 * picks the container as kubectl v1.32 does, and reads the pods/log subresource. Models
 * pkg/cmd/logs/logs.go and pkg/polymorphichelpers/logsforobject.go.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { ApiResource, KubeObject, RequestQuery } from '../../engine/api/client.ts';
import { parseGoDuration } from '../../lib/duration/go-duration.ts';
import { formatLabelSelector, formatLabelSet } from '../../lib/label-selector/label-selector.ts';
import { boolFlag, intFlag, stringFlag } from '../flags.ts';
import { formatStatus, KubectlError } from '../errors.ts';
import type { Invocation, KubectlCommand } from '../kubectl-command.ts';
import { defaultContainer, findContainerByName } from '../pod-containers.ts';
import { requestBase } from '../resource-args.ts';
import { followLogs, type LogStream } from './logs/follow.ts';

const USAGE =
  "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples";
/** With a selector kubectl shows the last 10 lines of each pod unless --tail says otherwise. */
const SELECTOR_TAIL = 10;

export const logsCommand: KubectlCommand = {
  path: 'logs',
  flags: [
    { name: 'container', short: 'c', kind: 'string' },
    { name: 'previous', short: 'p', kind: 'bool' },
    { name: 'tail', kind: 'int' },
    { name: 'follow', short: 'f', kind: 'bool' },
    { name: 'timestamps', kind: 'bool' },
    { name: 'all-containers', kind: 'bool' },
    { name: 'all-pods', kind: 'bool' },
    { name: 'prefix', kind: 'bool' },
    { name: 'since', kind: 'string' },
    { name: 'since-time', kind: 'string' },
    { name: 'limit-bytes', kind: 'int' },
    { name: 'selector', short: 'l', kind: 'string' },
    { name: 'ignore-errors', kind: 'bool' },
    { name: 'max-log-requests', kind: 'int' },
    { name: 'pod-running-timeout', kind: 'string' },
    { name: 'insecure-skip-tls-verify-backend', kind: 'bool' },
  ],
  async run(inv) {
    const sinceMs = parseDurationFlag(inv, 'since');
    const podRunningTimeoutMs = parseDurationFlag(inv, 'pod-running-timeout') ?? 20_000;
    const selector = stringFlag(inv.flags, 'selector');
    const args = inv.args;
    if (args.length === 0 && !selector) throw new KubectlError(USAGE);
    if (args.length === 1 && selector) throw new KubectlError("error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples");
    if (args.length > 2) throw new KubectlError(USAGE);
    const container = args[1] ?? stringFlag(inv.flags, 'container');
    const sinceTime = stringFlag(inv.flags, 'since-time');
    if (sinceTime !== undefined && Number.isNaN(Date.parse(sinceTime))) {
      throw new KubectlError(`error: parsing time ${JSON.stringify(sinceTime)} as "2006-01-02T15:04:05Z07:00": cannot parse ${JSON.stringify(sinceTime)} as "2006"`);
    }

    const pods = await resolvePods(inv, args[0], selector, podRunningTimeoutMs);
    if (pods === undefined) return 1;

    // Validate, after the object was found (LogsOptions.Validate).
    const tail = intFlag(inv.flags, 'tail') ?? -1;
    const limitBytes = intFlag(inv.flags, 'limit-bytes') ?? 0;
    const allContainers = boolFlag(inv.flags, 'all-containers');
    if (sinceTime !== undefined && sinceMs) throw new KubectlError('error: at most one of `sinceTime` or `sinceSeconds` may be specified');
    if (allContainers && container) throw new KubectlError(`error: --all-containers=true should not be specified with container name ${container}`);
    if (inv.flags.values.has('container') && args.length === 2) throw new KubectlError('error: only one of -c or an inline [CONTAINER] arg is allowed');
    if (limitBytes < 0) throw new KubectlError('error: --limit-bytes must be greater than 0');
    if (sinceMs !== undefined && sinceMs < 0) throw new KubectlError('error: --since must be greater than 0');
    if (tail < -1) throw new KubectlError('error: --tail must be greater than or equal to -1');

    const query: RequestQuery = {
      ...(boolFlag(inv.flags, 'previous') ? { previous: true } : {}),
      ...(boolFlag(inv.flags, 'timestamps') ? { timestamps: true } : {}),
      ...(sinceTime !== undefined ? { sinceTime } : {}),
      // --since rounds to whole seconds; 0 means unset.
      ...(sinceMs ? { sinceSeconds: Math.round(sinceMs / 1000) } : {}),
      ...(limitBytes > 0 ? { limitBytes } : {}),
      ...(selector && tail === -1 && !inv.flags.values.has('tail') ? { tailLines: SELECTOR_TAIL } : tail !== -1 ? { tailLines: tail } : {}),
    };
    const prefix = boolFlag(inv.flags, 'prefix') || boolFlag(inv.flags, 'all-pods');
    const streams: LogStream[] = [];
    for (const pod of pods) {
      const names = allContainers ? allContainerNamesOf(pod) : [containerFor(inv, pod, container)];
      for (const name of names) streams.push({ pod: pod.metadata!.name!, container: name, prefix: prefix ? `[pod/${pod.metadata!.name}/${name}] ` : '' });
    }

    if (boolFlag(inv.flags, 'follow') && streams.length > 1) {
      const max = intFlag(inv.flags, 'max-log-requests') ?? 5;
      if (streams.length > max) {
        throw new KubectlError(
          `error: you are attempting to follow ${streams.length} log streams, but maximum allowed concurrency is ${max}, use --max-log-requests to increase the limit`,
        );
      }
    }
    if (boolFlag(inv.flags, 'follow')) return followLogs(inv, streams, query);
    for (const stream of streams) {
      const res = await inv.api.request<string>({
        verb: 'get',
        group: '',
        version: 'v1',
        resource: 'pods',
        namespace: inv.namespace,
        name: stream.pod,
        subresource: 'log',
        query: { ...query, container: stream.container },
      });
      if (!res.ok) {
        inv.err(`${formatStatus(res.body)}\n`);
        return 1;
      }
      inv.out(withPrefix(res.body, stream.prefix));
    }
    return 0;
  },
};

function withPrefix(text: string, prefix: string): string {
  return prefix ? text.replace(/^(?=.)/gm, prefix) : text;
}

function parseDurationFlag(inv: Invocation, name: string): number | undefined {
  const raw = stringFlag(inv.flags, name);
  if (raw === undefined) return undefined;
  const parsed = parseGoDuration(raw);
  if (!parsed.ok) throw new KubectlError(`Error: invalid argument ${JSON.stringify(raw)} for "--${name}" flag: ${parsed.message}\nSee 'kubectl logs --help' for usage.`);
  return parsed.ms;
}

function allContainerNamesOf(pod: Pod): string[] {
  return [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? []), ...(pod.spec?.ephemeralContainers ?? [])].map((c) => c.name);
}

function containerFor(inv: Invocation, pod: Pod, name: string | undefined): string {
  if (!name) return defaultContainer(pod, inv.err, { sayMissingAnnotated: true })?.name ?? '';
  if (!findContainerByName(pod, name)) throw new KubectlError(`error: container ${name} is not valid for pod ${pod.metadata?.name ?? ''}`);
  return name;
}

/** The pods to read: the named pod, the first pod of a workload, or every pod of the selector. */
async function resolvePods(inv: Invocation, arg: string | undefined, selector: string | undefined, timeoutMs: number): Promise<Pod[] | undefined> {
  const podsResource = inv.mapper.resolve('pods')!;
  if (selector) {
    const list = await inv.api.request<{ items: Pod[] }>({ verb: 'list', ...requestBase(podsResource, inv.namespace), query: { labelSelector: selector } });
    if (!list.ok) throw new KubectlError(formatStatus(list.body));
    if (list.body.items.length === 0) inv.err(`No resources found in ${inv.namespace} namespace.\n`);
    return list.body.items;
  }
  let resource: ApiResource = podsResource;
  let name = arg!;
  const slash = name.indexOf('/');
  if (slash >= 0) {
    const found = inv.mapper.resolve(name.slice(0, slash));
    if (!found) throw new KubectlError(`error: the server doesn't have a resource type "${name.slice(0, slash)}"`);
    resource = found;
    name = name.slice(slash + 1);
  }
  const got = await inv.api.request<KubeObject>({ verb: 'get', ...requestBase(resource, inv.namespace), name });
  if (!got.ok) throw new KubectlError(`error: error from server (${got.body.reason || 'Unknown'}): ${got.body.message} in namespace "${inv.namespace}"`);
  if (resource.kind === 'Pod') return [got.body as Pod];
  const podSelector = selectorOf(got.body);
  if (podSelector === undefined) throw new KubectlError(`error: cannot get the logs from ${goTypeName(resource)}: selector for ${goTypeName(resource)} not implemented`);
  return [await firstPod(inv, podSelector, timeoutMs)];
}

/** SelectorsForObject: the label selector a workload or service picks its pods with. */
function selectorOf(obj: KubeObject): string | undefined {
  const spec = obj.spec as { selector?: Record<string, unknown> } | undefined;
  switch (obj.kind) {
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'Job':
      return formatLabelSelector(spec?.selector as Parameters<typeof formatLabelSelector>[0]);
    case 'Service':
    case 'ReplicationController':
      return formatLabelSet(spec?.selector as Record<string, string> | undefined);
    default:
      return undefined;
  }
}

/** Go's %T of the typed object: `*v1.ConfigMap`. */
function goTypeName(resource: ApiResource): string {
  return `*${resource.version}.${resource.kind}`;
}

/** GetFirstPod: the pod kubectl would pick (podutils.ByLogging), waiting for one to appear. */
async function firstPod(inv: Invocation, selector: string, timeoutMs: number): Promise<Pod> {
  const deadline = inv.ctx.time.now() + timeoutMs;
  for (;;) {
    const list = await inv.api.request<{ items: Pod[] }>({
      verb: 'list',
      group: '',
      version: 'v1',
      resource: 'pods',
      namespace: inv.namespace,
      query: { labelSelector: selector },
    });
    const pods = list.ok ? [...list.body.items].sort(byLogging) : [];
    if (pods.length) {
      if (pods.length > 1) inv.err(`Found ${pods.length} pods, using pod/${pods[0]!.metadata?.name}\n`);
      return pods[0]!;
    }
    if (inv.ctx.time.now() >= deadline) throw new KubectlError('error: timed out waiting for the condition');
    await inv.ctx.time.sleep(1000);
  }
}

/** Models pkg/util/podutils ByLogging: assigned, running, ready, long ready, restarted, older first. */
function byLogging(a: Pod, b: Pod): number {
  const assigned = (p: Pod) => Boolean(p.spec?.nodeName);
  if (assigned(a) !== assigned(b)) return assigned(a) ? -1 : 1;
  const phaseRank = (p: Pod) => ({ Running: 0, Unknown: 1, Pending: 2 })[p.status?.phase as 'Running'] ?? 0;
  if (phaseRank(a) !== phaseRank(b)) return phaseRank(a) - phaseRank(b);
  const readyCondition = (p: Pod) => p.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True');
  if (Boolean(readyCondition(a)) !== Boolean(readyCondition(b))) return readyCondition(a) ? -1 : 1;
  const readySince = (p: Pod) => Date.parse(readyCondition(p)?.lastTransitionTime ?? '') || 0;
  if (readyCondition(a) && readyCondition(b) && readySince(a) !== readySince(b)) return readySince(a) - readySince(b);
  const restarts = (p: Pod) => Math.max(0, ...(p.status?.containerStatuses ?? []).map((s) => s.restartCount ?? 0));
  if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
  return (Date.parse(a.metadata?.creationTimestamp ?? '') || Infinity) - (Date.parse(b.metadata?.creationTimestamp ?? '') || Infinity);
}
