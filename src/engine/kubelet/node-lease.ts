/**
 * The kubelet's node lease controller (pkg/kubelet/nodelease, component-helpers' lease
 * controller): each kubelet creates its node's Lease in kube-node-lease at registration and renews
 * it every 10 s (a quarter of the 40 s lease duration). A timer per renewal would wake the clock
 * 8640 times a virtual day per node, so the renewals are written when someone reads leases: the
 * API server's read hook brings every lease to the last renewal due by now, as a real kubelet's
 * last write would have left it.
 */
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { KubeObject } from '../api/client.ts';
import type { Node } from 'kubernetes-types/core/v1';
import { core } from '../client/informer-factory.ts';
import type { Lister } from '../client/lister.ts';
import type { ControllerContext } from '../controllers/controller-context.ts';

export const NODE_LEASE_NAMESPACE = 'kube-node-lease';
export const LEASE_DURATION_SECONDS = 40;
/** nodelease.NodeLeaseRenewIntervalFraction (0.25) of the lease duration. */
export const RENEW_INTERVAL_MS = (LEASE_DURATION_SECONDS * 1000) / 4;

const LEASES = { group: 'coordination.k8s.io', version: 'v1', resource: 'leases' } as const;

/** A MicroTime as the apiserver serializes it: RFC 3339 with six fractional digits. */
export function microTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

interface Holder {
  node: string;
  /** When the kubelet started its lease controller: renewals fall on this plus multiples of the interval. */
  sinceMs: number;
}

export class NodeLeases {
  readonly #ctx: ControllerContext;
  readonly #holders: Holder[] = [];
  readonly #nodes: Lister<Node>;
  readonly #leases: Lister<Lease>;

  constructor(ctx: ControllerContext) {
    this.#ctx = ctx;
    this.#nodes = ctx.informers.lister<Node>(core('nodes'));
    this.#leases = ctx.informers.lister<Lease>(LEASES);
    ctx.server.beforeRead(LEASES.group, LEASES.resource, () => this.renew());
  }

  /** Creates the node's Lease, owned by its Node, as the kubelet does once registered. */
  register(node: string, nodeUid: string): void {
    const sinceMs = this.#ctx.clock.now();
    this.#holders.push({ node, sinceMs });
    this.#ctx.server.handle({
      verb: 'create',
      ...LEASES,
      namespace: NODE_LEASE_NAMESPACE,
      body: {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: { name: node, ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node, uid: nodeUid }] },
        spec: { holderIdentity: node, leaseDurationSeconds: LEASE_DURATION_SECONDS, renewTime: microTime(sinceMs) },
      },
    });
  }

  /** Writes each lease's latest renewal due by now; a lease deleted under a live node comes back, as the kubelet's next sync recreates it. */
  renew(): void {
    const nowMs = this.#ctx.clock.now();
    for (const { node, sinceMs } of this.#holders) {
      const nodeObject = this.#nodes.get(undefined, node);
      if (!nodeObject) continue;
      const dueMs = sinceMs + Math.floor((nowMs - sinceMs) / RENEW_INTERVAL_MS) * RENEW_INTERVAL_MS;
      const renewTime = microTime(dueMs);
      const lease = this.#leases.get(NODE_LEASE_NAMESPACE, node);
      if (!lease) {
        this.#recreate(node, nodeObject, renewTime);
        continue;
      }
      if (lease.spec?.renewTime && Date.parse(lease.spec.renewTime) >= dueMs) continue;
      const spec = { ...lease.spec, holderIdentity: node, leaseDurationSeconds: LEASE_DURATION_SECONDS, renewTime };
      this.#ctx.server.handle({ verb: 'update', ...LEASES, namespace: NODE_LEASE_NAMESPACE, name: node, body: { ...lease, spec } as KubeObject });
    }
  }

  #recreate(node: string, nodeObject: Node, renewTime: string): void {
    this.#ctx.server.handle({
      verb: 'create',
      ...LEASES,
      namespace: NODE_LEASE_NAMESPACE,
      body: {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: { name: node, ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node, uid: nodeObject.metadata!.uid! }] },
        spec: { holderIdentity: node, leaseDurationSeconds: LEASE_DURATION_SECONDS, renewTime },
      },
    });
  }
}
