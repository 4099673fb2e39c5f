/**
 * The shape of a simulated cluster: its nodes (one control plane, then workers named node01,
 * node02 …), their addresses on one network, kubeadm+flannel's per-node pod CIDRs, and each node's
 * size. By default `controlplane` and `node01`, 16 cpus and 64 GiB each.
 */
export const API_SERVER_PORT = 6443;
export const KUBERNETES_VERSION = 'v1.35.2';

export interface NodeSize {
  /** A cpu quantity: `16`, `3500m`. */
  cpu: string;
  /** A memory quantity (capacity; the kubelet keeps 100Mi back for eviction). */
  memory: string;
  /** The kubelet's maxPods. */
  pods: number;
}

export interface NodeSpec {
  name: string;
  ip: string;
  /** The node's spec.podCIDR: flannel's host-local IPAM hands pod IPs out of it. */
  podCidr: string;
  controlPlane: boolean;
  /** Undefined: the default size, with the exact figures a 16-cpu, 64 GiB machine reports. */
  size?: NodeSize;
}

export interface ClusterTopology {
  nodes: readonly NodeSpec[];
}

/** How a lab, the session or `serve --nodes` asks for a cluster. */
export interface TopologyOptions {
  /** Worker count (default 1). */
  workerNodes?: number;
  /** Size of every worker. */
  workerSize?: Partial<NodeSize>;
  /** Size of the control plane node. */
  controlPlaneSize?: Partial<NodeSize>;
}

/** 250 workers fill 10.244.0.0/16 with /24s (kube-controller-manager's --node-cidr-mask-size) and 192.168.121.0/24. */
export const MAX_WORKER_NODES = 240;

export const DEFAULT_NODE_SIZE: NodeSize = { cpu: '16', memory: '65837528Ki', pods: 110 };

export function workerName(index: number): string {
  return `node${String(index).padStart(2, '0')}`;
}

export function clusterTopology(options: TopologyOptions = {}): ClusterTopology {
  const workers = Math.max(0, Math.min(MAX_WORKER_NODES, options.workerNodes ?? 1));
  const sized = (size: Partial<NodeSize> | undefined) => (size && Object.keys(size).length ? { size: { ...DEFAULT_NODE_SIZE, ...size } } : {});
  const nodes: NodeSpec[] = [{ name: 'controlplane', ip: '192.168.121.10', podCidr: '10.244.0.0/24', controlPlane: true, ...sized(options.controlPlaneSize) }];
  for (let i = 1; i <= workers; i++)
    nodes.push({ name: workerName(i), ip: `192.168.121.${10 + i}`, podCidr: `10.244.${i}.0/24`, controlPlane: false, ...sized(options.workerSize) });
  return { nodes };
}

export const DEFAULT_TOPOLOGY = clusterTopology();
export const CONTROLPLANE_IP = DEFAULT_TOPOLOGY.nodes[0]!.ip;
