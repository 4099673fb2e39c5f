/**
 * The manager of a write that names none. The real server takes the client's user agent up to its
 * first `/`; in-process writers send none, so the component is told apart by what it writes:
 * pod and node writes are the kubelet's, everything else a controller's (managerOrUserAgent).
 */
import type { ApiRequest } from '../client.ts';

export function managerOf(req: ApiRequest): string {
  if (req.query?.fieldManager) return req.query.fieldManager;
  if (req.resource === 'pods' && req.subresource === 'status') return 'kubelet';
  // A node registers itself; the namespaces every cluster starts with are the apiserver's.
  if (req.resource === 'nodes') return 'kubelet';
  if (req.resource === 'namespaces') return 'kube-apiserver';
  return 'kube-controller-manager';
}

/** managerOrUserAgent's prefixFromUserAgent: the printable characters before the first `/`, at most 128. */
export function managerFromUserAgent(userAgent: string): string {
  return [...userAgent.split('/')[0]!]
    .filter((c) => c >= ' ' && c !== '\u007f')
    .join('')
    .slice(0, 128);
}
