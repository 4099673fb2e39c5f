/**
 * The control plane's static pods as kubeadm v1.35 writes them to /etc/kubernetes/manifests
 * (cmd/kubeadm/app/phases/controlplane/manifests.go, phases/etcd/local.go), for one control plane
 * node. Only the spec kubeadm writes: the API server defaults the rest when the kubelet creates
 * the mirror pod.
 */
import type { Container, HTTPGetAction, Pod, Probe, Volume, VolumeMount } from 'kubernetes-types/core/v1';
import { API_SERVER_PORT } from '../../cluster-topology.ts';
import { controlPlaneImage, ETCD_IMAGE } from './kubeadm-images.ts';

export interface ControlPlaneNode {
  name: string;
  ip: string;
}

type HostPathType = 'DirectoryOrCreate' | 'FileOrCreate';

function hostPath(name: string, path: string, type: HostPathType, mountPath = path, readOnly = true): { volume: Volume; mount: VolumeMount } {
  return { volume: { name, hostPath: { path, type } }, mount: { name, mountPath, ...(readOnly ? { readOnly: true } : {}) } };
}

/** kubeadm's staticpodutil.LivenessProbe / ReadinessProbe / StartupProbe. */
function probe(host: string, path: string, scheme: string, kind: 'liveness' | 'readiness' | 'startup'): Probe {
  const httpGet: HTTPGetAction = { host, path, port: 'probe-port', scheme };
  if (kind === 'readiness') return { failureThreshold: 3, httpGet, periodSeconds: 1, timeoutSeconds: 15 };
  return { failureThreshold: kind === 'liveness' ? 8 : 24, httpGet, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 15 };
}

const CA_CERTS = [
  hostPath('ca-certs', '/etc/ssl/certs', 'DirectoryOrCreate'),
  hostPath('etc-ca-certificates', '/etc/ca-certificates', 'DirectoryOrCreate'),
  hostPath('k8s-certs', '/etc/kubernetes/pki', 'DirectoryOrCreate'),
  hostPath('usr-local-share-ca-certificates', '/usr/local/share/ca-certificates', 'DirectoryOrCreate'),
  hostPath('usr-share-ca-certificates', '/usr/share/ca-certificates', 'DirectoryOrCreate'),
];

function staticPod(
  component: string,
  node: ControlPlaneNode,
  container: Omit<Container, 'name' | 'imagePullPolicy'>,
  mounts: ReturnType<typeof hostPath>[],
  annotations: Record<string, string> = {},
): Pod {
  const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : 1);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `${component}-${node.name}`, namespace: 'kube-system', labels: { component, tier: 'control-plane' }, annotations },
    spec: {
      containers: [{ ...container, imagePullPolicy: 'IfNotPresent', name: component, volumeMounts: mounts.map((m) => m.mount) }],
      hostNetwork: true,
      nodeName: node.name,
      priorityClassName: 'system-node-critical',
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      tolerations: [{ effect: 'NoExecute', operator: 'Exists' }],
      volumes: mounts.map((m) => m.volume).sort(byName),
    },
  };
}

export function etcdManifest(node: ControlPlaneNode): Pod {
  const peer = `https://${node.ip}:2380`;
  const pki = '/etc/kubernetes/pki/etcd';
  return staticPod(
    'etcd',
    node,
    {
      command: [
        'etcd',
        `--advertise-client-urls=https://${node.ip}:2379`,
        `--cert-file=${pki}/server.crt`,
        '--client-cert-auth=true',
        '--data-dir=/var/lib/etcd',
        '--feature-gates=InitialCorruptCheck=true',
        `--initial-advertise-peer-urls=${peer}`,
        `--initial-cluster=${node.name}=${peer}`,
        `--key-file=${pki}/server.key`,
        `--listen-client-urls=https://127.0.0.1:2379,https://${node.ip}:2379`,
        '--listen-metrics-urls=http://127.0.0.1:2381',
        `--listen-peer-urls=${peer}`,
        `--name=${node.name}`,
        `--peer-cert-file=${pki}/peer.crt`,
        '--peer-client-cert-auth=true',
        `--peer-key-file=${pki}/peer.key`,
        `--peer-trusted-ca-file=${pki}/ca.crt`,
        '--snapshot-count=10000',
        `--trusted-ca-file=${pki}/ca.crt`,
        '--watch-progress-notify-interval=5s',
      ],
      image: ETCD_IMAGE,
      livenessProbe: probe('127.0.0.1', '/livez', 'HTTP', 'liveness'),
      ports: [{ containerPort: 2381, name: 'probe-port', protocol: 'TCP' }],
      readinessProbe: probe('127.0.0.1', '/readyz', 'HTTP', 'readiness'),
      resources: { requests: { cpu: '100m', memory: '100Mi' } },
      startupProbe: probe('127.0.0.1', '/readyz', 'HTTP', 'startup'),
    },
    [hostPath('etcd-data', '/var/lib/etcd', 'DirectoryOrCreate', '/var/lib/etcd', false), hostPath('etcd-certs', pki, 'DirectoryOrCreate', pki, false)],
    { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${node.ip}:2379` },
  );
}

export function kubeAPIServerManifest(node: ControlPlaneNode): Pod {
  const pki = '/etc/kubernetes/pki';
  return staticPod(
    'kube-apiserver',
    node,
    {
      command: [
        'kube-apiserver',
        `--advertise-address=${node.ip}`,
        '--allow-privileged=true',
        '--authorization-mode=Node,RBAC',
        `--client-ca-file=${pki}/ca.crt`,
        '--enable-admission-plugins=NodeRestriction',
        '--enable-bootstrap-token-auth=true',
        `--etcd-cafile=${pki}/etcd/ca.crt`,
        `--etcd-certfile=${pki}/apiserver-etcd-client.crt`,
        `--etcd-keyfile=${pki}/apiserver-etcd-client.key`,
        '--etcd-servers=https://127.0.0.1:2379',
        `--kubelet-client-certificate=${pki}/apiserver-kubelet-client.crt`,
        `--kubelet-client-key=${pki}/apiserver-kubelet-client.key`,
        '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname',
        `--proxy-client-cert-file=${pki}/front-proxy-client.crt`,
        `--proxy-client-key-file=${pki}/front-proxy-client.key`,
        '--requestheader-allowed-names=front-proxy-client',
        `--requestheader-client-ca-file=${pki}/front-proxy-ca.crt`,
        '--requestheader-extra-headers-prefix=X-Remote-Extra-',
        '--requestheader-group-headers=X-Remote-Group',
        '--requestheader-username-headers=X-Remote-User',
        `--secure-port=${API_SERVER_PORT}`,
        '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
        `--service-account-key-file=${pki}/sa.pub`,
        `--service-account-signing-key-file=${pki}/sa.key`,
        '--service-cluster-ip-range=10.96.0.0/12',
        `--tls-cert-file=${pki}/apiserver.crt`,
        `--tls-private-key-file=${pki}/apiserver.key`,
      ],
      image: controlPlaneImage('kube-apiserver'),
      livenessProbe: probe(node.ip, '/livez', 'HTTPS', 'liveness'),
      ports: [{ containerPort: API_SERVER_PORT, name: 'probe-port', protocol: 'TCP' }],
      readinessProbe: probe(node.ip, '/readyz', 'HTTPS', 'readiness'),
      resources: { requests: { cpu: '250m' } },
      startupProbe: probe(node.ip, '/livez', 'HTTPS', 'startup'),
    },
    CA_CERTS,
    { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${node.ip}:${API_SERVER_PORT}` },
  );
}

export function kubeControllerManagerManifest(node: ControlPlaneNode): Pod {
  const pki = '/etc/kubernetes/pki';
  const conf = '/etc/kubernetes/controller-manager.conf';
  const [caCerts, etcCa, k8sCerts, usrLocal, usrShare] = CA_CERTS;
  return staticPod(
    'kube-controller-manager',
    node,
    {
      command: [
        'kube-controller-manager',
        '--allocate-node-cidrs=true',
        `--authentication-kubeconfig=${conf}`,
        `--authorization-kubeconfig=${conf}`,
        '--bind-address=127.0.0.1',
        `--client-ca-file=${pki}/ca.crt`,
        '--cluster-cidr=10.244.0.0/16',
        '--cluster-name=kubernetes',
        `--cluster-signing-cert-file=${pki}/ca.crt`,
        `--cluster-signing-key-file=${pki}/ca.key`,
        '--controllers=*,bootstrapsigner,tokencleaner',
        `--kubeconfig=${conf}`,
        '--leader-elect=true',
        `--requestheader-client-ca-file=${pki}/front-proxy-ca.crt`,
        `--root-ca-file=${pki}/ca.crt`,
        `--service-account-private-key-file=${pki}/sa.key`,
        '--service-cluster-ip-range=10.96.0.0/12',
        '--use-service-account-credentials=true',
      ],
      image: controlPlaneImage('kube-controller-manager'),
      livenessProbe: probe('127.0.0.1', '/healthz', 'HTTPS', 'liveness'),
      ports: [{ containerPort: 10257, name: 'probe-port', protocol: 'TCP' }],
      resources: { requests: { cpu: '200m' } },
      startupProbe: probe('127.0.0.1', '/healthz', 'HTTPS', 'startup'),
    },
    [
      caCerts!,
      etcCa!,
      hostPath('flexvolume-dir', '/usr/libexec/kubernetes/kubelet-plugins/volume/exec', 'DirectoryOrCreate', undefined, false),
      k8sCerts!,
      hostPath('kubeconfig', conf, 'FileOrCreate'),
      usrLocal!,
      usrShare!,
    ],
  );
}

export function kubeSchedulerManifest(node: ControlPlaneNode): Pod {
  const conf = '/etc/kubernetes/scheduler.conf';
  return staticPod(
    'kube-scheduler',
    node,
    {
      command: [
        'kube-scheduler',
        `--authentication-kubeconfig=${conf}`,
        `--authorization-kubeconfig=${conf}`,
        '--bind-address=127.0.0.1',
        `--kubeconfig=${conf}`,
        '--leader-elect=true',
      ],
      image: controlPlaneImage('kube-scheduler'),
      livenessProbe: probe('127.0.0.1', '/livez', 'HTTPS', 'liveness'),
      ports: [{ containerPort: 10259, name: 'probe-port', protocol: 'TCP' }],
      readinessProbe: probe('127.0.0.1', '/readyz', 'HTTPS', 'readiness'),
      resources: { requests: { cpu: '100m' } },
      startupProbe: probe('127.0.0.1', '/livez', 'HTTPS', 'startup'),
    },
    [hostPath('kubeconfig', conf, 'FileOrCreate')],
  );
}

export const STATIC_POD_MANIFESTS = [etcdManifest, kubeAPIServerManifest, kubeControllerManagerManifest, kubeSchedulerManifest];
