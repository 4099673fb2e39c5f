/** The `Lease:` section of `kubectl describe node`. Models pkg/describe/describe.go describeNodeLease (kubectl v1.35). */
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { ApiClient } from '../../../engine/api/client.ts';
import { type DescribeWriter, rfc1123z } from './prefix-writer.ts';

/** Each kubelet renews a Lease named after its node in kube-node-lease; a failed get is printed, not raised. */
export async function writeNodeLease(w: DescribeWriter, api: ApiClient, nodeName: string): Promise<void> {
  const res = await api.request<Lease>({ verb: 'get', group: 'coordination.k8s.io', version: 'v1', resource: 'leases', namespace: 'kube-node-lease', name: nodeName });
  if (!res.ok) {
    w.line(0, `Lease:\tFailed to get lease: ${res.body.message}`);
    return;
  }
  const spec = res.body.spec ?? {};
  w.line(0, 'Lease:');
  w.line(1, `HolderIdentity:\t${spec.holderIdentity ?? '<unset>'}`);
  w.line(1, `AcquireTime:\t${spec.acquireTime ? rfc1123z(spec.acquireTime) : '<unset>'}`);
  w.line(1, `RenewTime:\t${spec.renewTime ? rfc1123z(spec.renewTime) : '<unset>'}`);
}
