/** The fixed shape of every simulated cluster: two nodes on one network, kubeadm's CIDRs. */
export const NODES = [
  { name: 'controlplane', ip: '192.168.121.10', podCidrPrefix: '10.244.0', controlPlane: true },
  { name: 'node01', ip: '192.168.121.11', podCidrPrefix: '10.244.1', controlPlane: false },
] as const;

export const CONTROLPLANE_IP = NODES[0].ip;
export const API_SERVER_PORT = 6443;
export const KUBERNETES_VERSION = 'v1.35.2';
