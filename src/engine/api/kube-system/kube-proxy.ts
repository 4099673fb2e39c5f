/**
 * kube-proxy as kubeadm v1.35's addon phase creates it (cmd/kubeadm/app/phases/addons/proxy/manifests.go):
 * its ServiceAccount and the DaemonSet that runs one host-network pod on every Linux node. The
 * ConfigMap is in kubeadm-configmaps.ts with kubeadm's other uploads.
 */
import type { ServiceAccount } from 'kubernetes-types/core/v1';
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import { controlPlaneImage } from './kubeadm-images.ts';

export const kubeProxyServiceAccount: ServiceAccount = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'kube-proxy', namespace: 'kube-system' } };

const PROXY_LABELS = { 'k8s-app': 'kube-proxy' };

export const kubeProxyDaemonSet: DaemonSet = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'kube-proxy', namespace: 'kube-system', labels: PROXY_LABELS },
  spec: {
    selector: { matchLabels: PROXY_LABELS },
    updateStrategy: { type: 'RollingUpdate' },
    template: {
      metadata: { labels: PROXY_LABELS },
      spec: {
        priorityClassName: 'system-node-critical',
        containers: [
          {
            name: 'kube-proxy',
            image: controlPlaneImage('kube-proxy'),
            imagePullPolicy: 'IfNotPresent',
            command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'],
            securityContext: { capabilities: { add: ['NET_ADMIN', 'SYS_MODULE'] } },
            volumeMounts: [
              { mountPath: '/var/lib/kube-proxy', name: 'kube-proxy' },
              { mountPath: '/run/xtables.lock', name: 'xtables-lock' },
              { mountPath: '/lib/modules', name: 'lib-modules', readOnly: true },
            ],
            env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
          },
        ],
        hostNetwork: true,
        serviceAccountName: 'kube-proxy',
        volumes: [
          { name: 'kube-proxy', configMap: { name: 'kube-proxy' } },
          { name: 'xtables-lock', hostPath: { path: '/run/xtables.lock', type: 'FileOrCreate' } },
          { name: 'lib-modules', hostPath: { path: '/lib/modules' } },
        ],
        tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }, { operator: 'Exists' }],
        nodeSelector: { 'kubernetes.io/os': 'linux' },
      },
    },
  },
};
