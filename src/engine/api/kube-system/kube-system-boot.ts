/**
 * kube-system as `kubeadm init` leaves it: the control plane's mirror pods, CoreDNS (Deployment,
 * ReplicaSet, two Running pods) and the ConfigMaps and ServiceAccounts kubeadm uploads. Booting
 * these through the kubelets made every session start several times slower, so the objects are
 * built once per process on a server of their own (its own clock and random, so the cluster's
 * seeded names and IPs stay what they were), and every cluster restores a copy of them into its
 * store; its kubelets adopt the Running pods (see Kubelet) without starting them again.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { DaemonSet, Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import { ApiServer } from '../api-server.ts';
import type { KubeObject } from '../client.ts';
import { defaultServerLibraries } from '../default-server-libraries.ts';
import { allResourceDefinitions } from '../resources/index.ts';
import { resourceKey } from '../resource-key.ts';
import { createSystemNamespaces, createSystemPriorityClasses } from '../system-objects.ts';
import { formatTimestamp } from '../timestamps.ts';
import { generateName, SeededRandom } from '../../clock/seeded-random.ts';
import { VirtualClock } from '../../clock/virtual-clock.ts';
import { computeHash } from '../../controllers/deployment/deployment-util.ts';
import type { ClusterTopology, NodeSpec } from '../../cluster-topology.ts';
import { newDaemonPod } from '../../controllers/daemon/daemon-pods.ts';
import { CONTROLLER_REVISION_HASH_LABEL, newControllerRevision, revisionData } from '../../controllers/history/controller-history.ts';
import { corednsConfigMap, corednsDeployment, corednsServiceAccount } from './coredns.ts';
import { kubeProxyDaemonSet, kubeProxyServiceAccount } from './kube-proxy.ts';
import { kubeadmConfigMaps, kubeProxyConfigMap } from './kubeadm-configmaps.ts';
import { hex, runningPodStatus } from './running-pod-status.ts';
import { STATIC_POD_MANIFESTS, type ControlPlaneNode } from './static-pod-manifests.ts';

export interface SystemObject {
  resourceKey: string;
  object: KubeObject;
}

export interface KubeSystemSnapshot {
  objects: readonly SystemObject[];
  /** UIDs of the pods that are Running already: their node's kubelet adopts them. */
  runningPods: ReadonlySet<string>;
}

interface Boot {
  server: ApiServer;
  random: SeededRandom;
  nowMs: number;
  controlPlane: ControlPlaneNode;
  /** Every node of the cluster, the control plane first: DaemonSets run a pod on each. */
  nodes: readonly NodeSpec[];
  /** Hands out the control plane's pod IPs as flannel's IPAM would: 10.244.0.2 onwards. */
  nextPodIP(): string;
  created: SystemObject[];
  running: Set<string>;
}

const PODS = resourceKey('', 'pods');

function create(boot: Boot, group: string, version: string, resource: string, body: KubeObject): KubeObject {
  const namespace = body.metadata?.namespace;
  const res = boot.server.handle({ verb: 'create', group, version, resource, ...(namespace ? { namespace } : {}), body });
  if (!res.ok) throw new Error(`kube-system boot: ${resource}/${body.metadata?.name}: ${JSON.stringify(res.body)}`);
  const created = res.body as KubeObject;
  boot.created.push({ resourceKey: resourceKey(group, resource), object: created });
  return created;
}

function putRunning(boot: Boot, pod: Pod, podIP: string, hostIP = boot.controlPlane.ip): void {
  const running = boot.server.store.put(PODS, { ...pod, status: runningPodStatus(pod, hostIP, podIP, boot.nowMs, boot.random) } as KubeObject);
  boot.running.add(running.metadata!.uid!);
}

/** Static pods as the kubelet mirrors them: config annotations, owned by the node, no service account. */
function bootStaticPods(boot: Boot): void {
  for (const manifest of STATIC_POD_MANIFESTS) {
    const pod = manifest(boot.controlPlane);
    const hash = hex(boot.random, 32);
    const seen = `${formatTimestamp(boot.nowMs - 10_000).slice(0, -1)}.${String(boot.random.int(1e9)).padStart(9, '0')}Z`;
    pod.metadata!.annotations = {
      ...pod.metadata!.annotations,
      'kubernetes.io/config.hash': hash,
      'kubernetes.io/config.mirror': hash,
      'kubernetes.io/config.seen': seen,
      'kubernetes.io/config.source': 'file',
    };
    // The node's uid differs per cluster: restoreKubeSystem fills it in.
    pod.metadata!.ownerReferences = [{ apiVersion: 'v1', controller: true, kind: 'Node', name: boot.controlPlane.name, uid: '' }];
    const created = create(boot, '', 'v1', 'pods', pod as KubeObject) as Pod;
    putRunning(boot, created, boot.controlPlane.ip);
  }
}

/** A Deployment rolled out and available: revision 1's ReplicaSet and its Running pods on the control plane. */
function bootDeployment(boot: Boot, body: Deployment): void {
  const deployment = create(boot, 'apps', 'v1', 'deployments', body as KubeObject) as Deployment;
  const name = deployment.metadata!.name!;
  const replicas = deployment.spec?.replicas ?? 1;
  const template = deployment.spec!.template;
  const hash = computeHash(template);
  const labels = { ...template.metadata?.labels, 'pod-template-hash': hash };
  const rsName = `${name}-${hash}`;
  const rs = create(boot, 'apps', 'v1', 'replicasets', {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: rsName,
      namespace: 'kube-system',
      labels,
      annotations: {
        'deployment.kubernetes.io/desired-replicas': String(replicas),
        'deployment.kubernetes.io/max-replicas': String(replicas + 1),
        'deployment.kubernetes.io/revision': '1',
      },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name, uid: deployment.metadata!.uid!, controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      replicas,
      selector: { matchLabels: { ...deployment.spec!.selector.matchLabels, 'pod-template-hash': hash } },
      template: { ...template, metadata: { ...template.metadata, labels } },
    },
  }) as ReplicaSet;
  for (let i = 0; i < replicas; i++) {
    const pod = create(boot, '', 'v1', 'pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: generateName(`${rsName}-`, boot.random),
        namespace: 'kube-system',
        labels,
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rsName, uid: rs.metadata!.uid!, controller: true, blockOwnerDeletion: true }],
      },
      spec: { ...template.spec!, nodeName: boot.controlPlane.name },
    }) as Pod;
    putRunning(boot, pod, boot.nextPodIP());
  }
  const at = formatTimestamp(boot.nowMs);
  const ready = { availableReplicas: replicas, readyReplicas: replicas, replicas, terminatingReplicas: 0 };
  boot.server.store.put(resourceKey('apps', 'replicasets'), {
    ...(boot.server.store.get(resourceKey('apps', 'replicasets'), 'kube-system', rsName) as KubeObject),
    status: { ...ready, fullyLabeledReplicas: replicas, observedGeneration: 1 },
  });
  const condition = (type: string, reason: string, message: string) => ({ lastTransitionTime: at, lastUpdateTime: at, message, reason, status: 'True', type });
  const stored = boot.server.store.get(resourceKey('apps', 'deployments'), 'kube-system', name) as KubeObject;
  boot.server.store.put(resourceKey('apps', 'deployments'), {
    ...stored,
    metadata: { ...stored.metadata, annotations: { ...stored.metadata?.annotations, 'deployment.kubernetes.io/revision': '1' } },
    status: {
      ...ready,
      conditions: [
        condition('Available', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'),
        condition('Progressing', 'NewReplicaSetAvailable', `ReplicaSet "${rsName}" has successfully progressed.`),
      ],
      observedGeneration: 1,
      updatedReplicas: replicas,
    },
  });
}

/**
 * A DaemonSet as its controller leaves it once every node runs its pod: revision 1's
 * ControllerRevision, one Running pod per node (named by the controller's generateName, labelled
 * with the revision's hash, so the live controller finds nothing to replace) and its status.
 */
function bootDaemonSet(boot: Boot, body: DaemonSet): void {
  const ds = create(boot, 'apps', 'v1', 'daemonsets', body as KubeObject) as DaemonSet;
  const revision = create(
    boot,
    'apps',
    'v1',
    'controllerrevisions',
    newControllerRevision({ ...ds, kind: 'DaemonSet' } as never, 'apps/v1', revisionData(ds.spec?.template), 1, 0),
  );
  const hash = revision.metadata!.labels![CONTROLLER_REVISION_HASH_LABEL]!;
  for (const node of boot.nodes) {
    const pod = newDaemonPod(ds, node.name, hash) as Pod;
    const created = create(boot, '', 'v1', 'pods', { ...pod, spec: { ...pod.spec!, nodeName: node.name } } as KubeObject) as Pod;
    putRunning(boot, created, node.ip, node.ip);
  }
  const scheduled = boot.nodes.length;
  const key = resourceKey('apps', 'daemonsets');
  boot.server.store.put(key, {
    ...(boot.server.store.get(key, 'kube-system', ds.metadata!.name!) as KubeObject),
    status: {
      currentNumberScheduled: scheduled,
      desiredNumberScheduled: scheduled,
      numberAvailable: scheduled,
      numberMisscheduled: 0,
      numberReady: scheduled,
      observedGeneration: 1,
      updatedNumberScheduled: scheduled,
    },
  });
}

function bootKubeProxy(boot: Boot): void {
  create(boot, '', 'v1', 'serviceaccounts', kubeProxyServiceAccount as KubeObject);
  create(boot, '', 'v1', 'configmaps', kubeProxyConfigMap(boot.controlPlane) as KubeObject);
  bootDaemonSet(boot, kubeProxyDaemonSet);
}

function bootCoreDNS(boot: Boot): void {
  create(boot, '', 'v1', 'serviceaccounts', corednsServiceAccount as KubeObject);
  create(boot, '', 'v1', 'configmaps', corednsConfigMap as KubeObject);
  bootDeployment(boot, corednsDeployment);
}

function bootKubeadmConfig(boot: Boot): void {
  for (const cm of kubeadmConfigMaps(boot.controlPlane, formatTimestamp(boot.nowMs).slice(0, 10))) create(boot, '', 'v1', 'configmaps', cm as KubeObject);
}

/** What kubeadm sets up, in the order `kubeadm init` does: one entry per phase or addon. */
const ADDONS: readonly ((boot: Boot) => void)[] = [bootStaticPods, bootKubeadmConfig, bootCoreDNS, bootKubeProxy];

/** Its own seed: a fixed stream for the system objects' UIDs, names and container IDs. */
const BOOT_SEED = 0x6b756265;

function bootKubeSystem(controlPlane: ControlPlaneNode, nodes: readonly NodeSpec[], nowMs: number): KubeSystemSnapshot {
  const clock = new VirtualClock(nowMs);
  const random = new SeededRandom(BOOT_SEED);
  const server = new ApiServer({ clock, random, definitions: allResourceDefinitions(), libraries: defaultServerLibraries() });
  createSystemNamespaces(server);
  createSystemPriorityClasses(server, nowMs);
  let lastIP = 1;
  const prefix = controlPlaneCidrPrefix(controlPlane);
  const boot: Boot = { server, random, nowMs, controlPlane, nodes, nextPodIP: () => `${prefix}.${++lastIP}`, created: [], running: new Set() };
  for (const addon of ADDONS) addon(boot);
  // The latest version of each object: statuses were written after the create.
  const objects = boot.created.map(({ resourceKey: key, object }) => ({
    resourceKey: key,
    object: server.store.get(key, object.metadata?.namespace, object.metadata!.name!)!,
  }));
  return { objects, runningPods: boot.running };
}

function controlPlaneCidrPrefix(node: ControlPlaneNode & { podCidr?: string }): string {
  return (node.podCidr ?? '10.244.0.0/24').split('.').slice(0, 3).join('.');
}

const snapshots = new Map<string, KubeSystemSnapshot>();

/**
 * The booted kube-system for a topology (its control plane and, for the DaemonSets, every node)
 * and a start time, built once per process.
 */
export function kubeSystemSnapshot(topology: ClusterTopology, nowMs: number): KubeSystemSnapshot {
  const node = topology.nodes.find((n) => n.controlPlane) ?? topology.nodes[0]!;
  const key = `${topology.nodes.map((n) => `${n.name}@${n.ip}/${n.podCidr}`).join(',')}|${nowMs}`;
  let snapshot = snapshots.get(key);
  if (!snapshot) {
    const nodes = [node, ...topology.nodes.filter((n) => n !== node)];
    snapshot = bootKubeSystem({ name: node.name, ip: node.ip, podCidr: node.podCidr } as ControlPlaneNode, nodes, nowMs);
    snapshots.set(key, snapshot);
  }
  return snapshot;
}

/**
 * Writes the snapshot's objects into a cluster's store (frozen objects are shared, not copied),
 * owning the mirror pods by this cluster's Node.
 */
export function restoreKubeSystem(server: ApiServer, snapshot: KubeSystemSnapshot): void {
  const nodes = resourceKey('', 'nodes');
  for (const { resourceKey: key, object } of snapshot.objects) {
    const owners = object.metadata?.ownerReferences;
    const node = owners?.[0]?.kind === 'Node' ? server.store.get(nodes, undefined, owners[0].name) : undefined;
    server.store.put(key, node ? { ...object, metadata: { ...object.metadata, ownerReferences: [{ ...owners![0]!, uid: node.metadata!.uid! }] } } : object);
  }
}
