/** The kubeconfig `cka-lab serve` writes: one cluster at the served address, one user, one context. */
import { stringify } from 'yaml';

export const KUBECONFIG_NAMES = { cluster: 'cka-lab', user: 'kubernetes-admin', context: 'kubernetes-admin@cka-lab' } as const;

export function kubeconfigText(serverUrl: string): string {
  const { cluster, user, context } = KUBECONFIG_NAMES;
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: cluster, cluster: { server: serverUrl } }],
    contexts: [{ name: context, context: { cluster, user } }],
    'current-context': context,
    users: [{ name: user, user: {} }],
    preferences: {},
  });
}
