/**
 * Starts the node side of the cluster: a Node object for each node of the topology, the
 * scheduler, one kubelet per node, and the cluster network; serves pods/log and the streaming
 * subresources (exec, attach, portforward).
 */
import { adoptedPodLog } from './adopted-pod-logs.ts';
import { NodeLeases } from './node-lease.ts';
import type { Pod } from 'kubernetes-types/core/v1';
import type { FileSystem } from '../../lib/file-system.ts';
import { parseQuantity, quantityValue } from '../../lib/quantity/quantity.ts';
import type { ApiRequest, ApiResponse, KubeObject } from '../api/client.ts';
import { badRequest, failure, notFound } from '../api/status.ts';
import { formatTimestamp } from '../api/timestamps.ts';
import { DEFAULT_TOPOLOGY, KUBERNETES_VERSION, type ClusterTopology, type NodeSpec } from '../cluster-topology.ts';
import type { ControllerContext } from '../controllers/controller-context.ts';
import { ClusterNetwork } from '../network/cluster-network.ts';
import { Scheduler } from '../scheduler/scheduler.ts';
import type { LocalImages } from '../images/local-images.ts';
import { Kubelet } from './kubelet.ts';
import { NodeRuntime } from './node-runtime.ts';
import { podInformer } from './pod-informer.ts';
import { formatLogs } from './format-logs.ts';
import type { LogLine } from './pod-logs.ts';
import { serveStreamingSubresource } from './streaming-subresources.ts';
import type { ToolRunner } from './tool-runner.ts';

export type { ToolRunner } from './tool-runner.ts';

export interface NodeAgents {
  /** pods/exec, pods/attach and pods/portforward: the streaming subresources the kubelet serves. */
  stream(req: ApiRequest): Promise<ApiResponse<unknown>>;
  network: ClusterNetwork;
  /** Each node's runtime, for tests that set up what a node already has. */
  runtimes: readonly NodeRuntime[];
}

/** Images every node has before the first lab pod: kubeadm's pause and kube-proxy, and the lesson's locally built image. */
const PRELOADED = ['registry.k8s.io/pause:3.10', 'docker.io/library/ubuntu-sleeper:latest', `registry.k8s.io/kube-proxy:${KUBERNETES_VERSION}`];

export function startNodeAgents(
  ctx: ControllerContext,
  options: {
    toolRunner: ToolRunner;
    nodeFileSystems?: Readonly<Record<string, FileSystem>>;
    localImages?: LocalImages;
    topology?: ClusterTopology;
    /** UIDs of pods booted Running, which their kubelet adopts. */
    adoptedPods?: ReadonlySet<string>;
  },
): NodeAgents {
  const topology = options.topology ?? DEFAULT_TOPOLOGY;
  const network = new ClusterNetwork(ctx.informers, topology.nodes);
  const kubelets = new Map<string, Kubelet>();
  const claimStorage = new Map<string, FileSystem>();
  const leases = new NodeLeases(ctx);
  for (const node of topology.nodes) {
    registerNode(ctx, leases, node);
    const runtime = new NodeRuntime({
      nodeName: node.name,
      nodeIP: node.ip,
      podCidr: node.podCidr,
      network,
      toolRunner: options.toolRunner,
      preloadedImages: PRELOADED,
      ...(options.localImages ? { localImages: options.localImages } : {}),
      claimStorage,
      ...(options.nodeFileSystems?.[node.name] ? { hostFs: options.nodeFileSystems[node.name] } : {}),
    });
    const kubelet = new Kubelet(ctx, runtime, options.adoptedPods);
    kubelet.start();
    kubelets.set(node.name, kubelet);
  }
  new Scheduler(ctx).start();

  const pods = podInformer(ctx.informers).lister;
  const workerFor = (namespace: string, name: string) => {
    const pod = pods.get(namespace, name);
    if (!pod) return { pod: undefined, worker: undefined };
    const kubelet = pod.spec?.nodeName ? kubelets.get(pod.spec.nodeName) : undefined;
    return { pod, worker: kubelet?.worker(pod.metadata!.uid!) };
  };

  ctx.server.registerSubresource('pods', 'log', (req) => {
    const { pod, worker } = workerFor(req.namespace ?? 'default', req.name ?? '');
    if (!pod) return failure(notFound('', 'pods', req.name ?? ''));
    const podName = pod.metadata!.name!;
    const containers = pod.spec?.containers ?? [];
    const inits = pod.spec?.initContainers ?? [];
    // Models pkg/registry/core/pod/strategy.go LogLocation: which container, and is it one of the pod's.
    let name = req.query?.container;
    if (!name) {
      if (containers.length !== 1) {
        const names = (list: { name: string }[]) => list.map((c) => c.name).join(' ');
        const choice = containers.length ? `, choose one of: [${names(containers)}]${inits.length ? ` or one of the init containers: [${names(inits)}]` : ''}` : '';
        return failure(badRequest(`a container name must be specified for pod ${podName}${choice}`));
      }
      name = containers[0]!.name;
    }
    if (![...inits, ...containers].some((c) => c.name === name)) return failure(badRequest(`container ${name} is not valid for pod ${podName}`));
    // A pod not yet on a node has no log to stream: an empty answer.
    if (!pod.spec?.nodeName) return { ok: true, code: 200, body: '' };
    const lines = logLinesFor(pod, name, req.query?.previous ?? false, (previous) => (worker ? worker.logs.lines(name, previous) : adoptedPodLog(pod, name, previous)));
    if (!lines.ok) return failure(badRequest(lines.message));
    const sinceMs = req.query?.sinceTime ? Date.parse(req.query.sinceTime) : req.query?.sinceSeconds !== undefined ? ctx.clock.now() - req.query.sinceSeconds * 1000 : undefined;
    const options = {
      ...(req.query?.tailLines !== undefined ? { tailLines: req.query.tailLines } : {}),
      ...(sinceMs !== undefined && !Number.isNaN(sinceMs) ? { sinceMs } : {}),
      ...(req.query?.timestamps ? { timestamps: true } : {}),
      ...(req.query?.limitBytes !== undefined ? { limitBytes: req.query.limitBytes } : {}),
    };
    return { ok: true, code: 200, body: formatLogs(lines.lines, options) };
  });

  return {
    network,
    runtimes: [...kubelets.values()].map((k) => k.runtime),
    stream: (req) => serveStreamingSubresource(ctx, network, workerFor, req),
  };
}

function registerNode(ctx: ControllerContext, leases: NodeLeases, node: NodeSpec): void {
  const now = formatTimestamp(ctx.clock.now());
  const condition = (type: string, status: string, reason: string, message: string) => ({ type, status, lastHeartbeatTime: now, lastTransitionTime: now, reason, message });
  const body: KubeObject = {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: node.name,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': node.name,
        'kubernetes.io/os': 'linux',
        ...(node.controlPlane ? { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' } : {}),
      },
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: node.podCidr,
      podCIDRs: [node.podCidr],
      ...(node.controlPlane ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } : {}),
    },
    status: {
      addresses: [
        { type: 'InternalIP', address: node.ip },
        { type: 'Hostname', address: node.name },
      ],
      ...nodeResources(node),
      conditions: [
        condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: '3b8f6a0e-1f5c-4d43-9a51-6c2a7b0c9e11',
        containerRuntimeVersion: 'containerd://1.7.24',
        kernelVersion: '5.15.0-1083-gcp',
        kubeProxyVersion: KUBERNETES_VERSION,
        kubeletVersion: KUBERNETES_VERSION,
        machineID: 'b2c6f5f0a3e94f4e8e6a3f1c2d9e7a10',
        operatingSystem: 'linux',
        osImage: 'Ubuntu 22.04.5 LTS',
        systemUUID: 'b2c6f5f0-a3e9-4f4e-8e6a-3f1c2d9e7a10',
      },
    },
  };
  const created = ctx.server.handle({ verb: 'create', group: '', version: 'v1', resource: 'nodes', body });
  if (created.ok) leases.register(node.name, (created.body as KubeObject).metadata?.uid ?? '');
}

/**
 * Capacity and allocatable as a kubeadm node reports them: allocatable memory is capacity less
 * the kubelet's 100Mi hard eviction threshold; cpu and pods are not reserved.
 */
function nodeResources(node: NodeSpec): { capacity: Record<string, string>; allocatable: Record<string, string> } {
  const fixed = { 'hugepages-1Gi': '0', 'hugepages-2Mi': '0' };
  if (!node.size)
    return {
      allocatable: { cpu: '16', 'ephemeral-storage': '712126563583', ...fixed, memory: '65735128Ki', pods: '110' },
      capacity: { cpu: '16', 'ephemeral-storage': '772706776Ki', ...fixed, memory: '65837528Ki', pods: '110' },
    };
  const memory = parseQuantity(node.size.memory);
  const memoryKi = memory.ok ? Math.floor(quantityValue(memory.quantity) / 1024) : 0;
  const pods = String(node.size.pods);
  return {
    allocatable: { cpu: node.size.cpu, 'ephemeral-storage': '712126563583', ...fixed, memory: `${Math.max(0, memoryKi - 102400)}Ki`, pods },
    capacity: { cpu: node.size.cpu, 'ephemeral-storage': '772706776Ki', ...fixed, memory: `${memoryKi}Ki`, pods },
  };
}

/**
 * Which instance's log the kubelet serves, from the container status. Models
 * pkg/kubelet/kubelet_pods.go validateContainerLogStatus: a container that waits after a run
 * serves that run (its latest instance), and `previous` needs a terminated instance.
 */
function logLinesFor(
  pod: Pod,
  name: string,
  previous: boolean,
  read: (previous: boolean) => LogLine[] | undefined,
): { ok: true; lines: LogLine[] } | { ok: false; message: string } {
  const podName = pod.metadata!.name!;
  const status = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])].find((s) => s.name === name);
  if (!status) return { ok: false, message: `container "${name}" in pod "${podName}" is not available` };
  const { waiting, running, terminated } = status.state ?? {};
  const last = status.lastState?.terminated;
  if (previous) {
    if (!last) return { ok: false, message: `previous terminated container "${name}" in pod "${podName}" not found` };
    // While the container waits to restart, the last terminated run is still the latest instance.
    return { ok: true, lines: (waiting ? read(false) : read(true)) ?? [] };
  }
  if (running || terminated || last) return { ok: true, lines: read(false) ?? [] };
  if (waiting) {
    const reason = waiting.reason === 'ErrImagePull' ? "image can't be pulled" : waiting.reason === 'ImagePullBackOff' ? 'trying and failing to pull image' : waiting.reason;
    return { ok: false, message: `container "${name}" in pod "${podName}" is waiting to start: ${reason}` };
  }
  return { ok: false, message: `container "${name}" in pod "${podName}" is waiting to start - no logs yet` };
}
