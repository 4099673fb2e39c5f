/**
 * What kube-apiserver and kubeadm create in every cluster: the `kubernetes` service and its
 * endpoints, the kube-dns service, and the `kube-root-ca.crt` ConfigMap in every namespace.
 */
import type { KubeObject } from '../../api/client.ts';
import { API_SERVER_PORT, CONTROLPLANE_IP } from '../../cluster-topology.ts';
import { watchResource } from '../../client/informer.ts';
import type { ControllerContext } from '../controller-context.ts';

/** A fixed, PEM-shaped bundle: nothing in the simulator verifies it. */
const ROOT_CA = `-----BEGIN CERTIFICATE-----
MIIDBTCCAe2gAwIBAgIIUkBTKvDqCVMwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE
AxMKa3ViZXJuZXRlczAeFw0yNjExMjIyMTU1MDBaFw0zNjExMjAyMjAwMDBaMBUx
EzARBgNVBAMTCmt1YmVybmV0ZXMwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEK
AoIBAQDKx3Fk0l5m0n8yq1bKc2lm9V7Q0p3wN4c2c8r0m2nY9c1lX3y0cK1mJm0b
-----END CERTIFICATE-----
`;

export function startBootstrap(ctx: ControllerContext): void {
  const server = ctx.server;
  const create = (resource: string, namespace: string, body: KubeObject) => server.handle({ verb: 'create', group: '', version: 'v1', resource, namespace, body });
  create('services', 'default', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      clusterIP: '10.96.0.1',
      clusterIPs: ['10.96.0.1'],
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: API_SERVER_PORT }],
      sessionAffinity: 'None',
      type: 'ClusterIP',
    },
  });
  create('endpoints', 'default', {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kubernetes', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip: CONTROLPLANE_IP }], ports: [{ name: 'https', port: API_SERVER_PORT, protocol: 'TCP' }] }],
  });
  create('services', 'kube-system', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      clusterIP: '10.96.0.10',
      clusterIPs: ['10.96.0.10'],
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
      selector: { 'k8s-app': 'kube-dns' },
      sessionAffinity: 'None',
      type: 'ClusterIP',
    },
  });
  watchResource(server, { group: '', version: 'v1', resource: 'namespaces' }, (type, ns) => {
    if (type !== 'ADDED') return;
    const namespace = ns.metadata!.name!;
    ctx.clock.schedule(0, () =>
      create('configmaps', namespace, {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: {
          name: 'kube-root-ca.crt',
          annotations: {
            'kubernetes.io/description':
              'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.',
          },
        },
        data: { 'ca.crt': ROOT_CA },
      }),
    );
  });
}
