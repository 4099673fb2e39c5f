/**
 * `/root/.kube/config` as kubeadm writes admin.conf on the controlplane: cluster `kubernetes` at
 * `https://controlplane:6443`, user `kubernetes-admin` with an embedded client certificate and
 * key, context `kubernetes-admin@kubernetes`. A lab may add contexts (the exam's several
 * clusters), each on the same simulated cluster with its own namespace and user.
 * The certificate data is PEM-shaped and the same in every session; nothing verifies it.
 */
import { API_SERVER_PORT, CONTROLPLANE_IP, type ClusterTopology } from '../engine/cluster-topology.ts';
import type { SessionServer } from '../kubectl/kubeconfig/session-server.ts';
import type { LabContext } from '../labs/schema.ts';

export const ADMIN_KUBECONFIG_PATH = '/root/.kube/config';
const ADMIN_CONTEXT = 'kubernetes-admin@kubernetes';
const ADMIN_USER = 'kubernetes-admin';

/** Where kubectl on the controlplane finds the simulated API server, and which other hosts exist. */
export function sessionServer(topology: ClusterTopology): SessionServer {
  return {
    apiHosts: { controlplane: CONTROLPLANE_IP, [CONTROLPLANE_IP]: CONTROLPLANE_IP },
    port: API_SERVER_PORT,
    otherHosts: Object.fromEntries(topology.nodes.filter((n) => !n.controlPlane).flatMap((n) => [[n.name, n.ip] as const, [n.ip, n.ip] as const])),
  };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A PEM block whose body is `length` base64 characters drawn from `seed`, starting as DER does. */
function pemBlock(label: string, prefix: string, length: number, seed: number): string {
  let state = seed >>> 0;
  let body = prefix;
  while (body.length < length) {
    // xorshift32: the same bytes in every session.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    body += BASE64[(state >>> 0) % 64];
  }
  const lines = body.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

function base64(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const n = (text.charCodeAt(i) << 16) | ((text.charCodeAt(i + 1) || 0) << 8) | (text.charCodeAt(i + 2) || 0);
    out += BASE64[(n >> 18) & 63]! + BASE64[(n >> 12) & 63]!;
    out += i + 1 < text.length ? BASE64[(n >> 6) & 63]! : '=';
    out += i + 2 < text.length ? BASE64[n & 63]! : '=';
  }
  return out;
}

function userStanza(name: string, seed: number): string {
  return [
    `- name: ${name}`,
    '  user:',
    `    client-certificate-data: ${base64(pemBlock('CERTIFICATE', 'MIIDKTCCAhGgAwIBAgII', 1084, seed + 2))}`,
    `    client-key-data: ${base64(pemBlock('RSA PRIVATE KEY', 'MIIEowIBAAKCAQEA', 1588, seed + 3))}`,
  ].join('\n');
}

/** The file's text; `contexts` are the lab's extra contexts, `currentContext` the one it starts in. */
export function adminKubeconfig(contexts: readonly LabContext[] = [], currentContext = ADMIN_CONTEXT): string {
  const users = [...new Set([ADMIN_USER, ...contexts.map((c) => c.user ?? ADMIN_USER)])].sort();
  const allContexts = [
    { name: ADMIN_CONTEXT, user: ADMIN_USER, namespace: undefined as string | undefined },
    ...contexts.map((c) => ({ name: c.name, user: c.user ?? ADMIN_USER, namespace: c.namespace })),
  ].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return [
    'apiVersion: v1',
    'clusters:',
    '- cluster:',
    `    certificate-authority-data: ${base64(pemBlock('CERTIFICATE', 'MIIDBTCCAe2gAwIBAgII', 1040, 1))}`,
    `    server: https://controlplane:${API_SERVER_PORT}`,
    '  name: kubernetes',
    'contexts:',
    ...allContexts.flatMap((c) => ['- context:', '    cluster: kubernetes', ...(c.namespace ? [`    namespace: ${c.namespace}`] : []), `    user: ${c.user}`, `  name: ${c.name}`]),
    `current-context: ${currentContext}`,
    'kind: Config',
    'preferences: {}',
    'users:',
    ...users.map((u, i) => userStanza(u, 16 * (i + 1))),
    '',
  ].join('\n');
}
