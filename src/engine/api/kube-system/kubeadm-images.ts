/**
 * The images kubeadm v1.35 deploys, from cmd/kubeadm/app/constants (DefaultEtcdVersion,
 * CoreDNSVersion) and the cluster's own version for the control plane components.
 */
import { KUBERNETES_VERSION } from '../../cluster-topology.ts';

export const KUBEADM_REGISTRY = 'registry.k8s.io';
export const ETCD_IMAGE = `${KUBEADM_REGISTRY}/etcd:3.6.6-0`;
export const COREDNS_IMAGE = `${KUBEADM_REGISTRY}/coredns/coredns:v1.13.1`;

export function controlPlaneImage(component: string): string {
  return `${KUBEADM_REGISTRY}/${component}:${KUBERNETES_VERSION}`;
}
