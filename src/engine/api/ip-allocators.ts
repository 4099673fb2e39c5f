/**
 * ClusterIP and NodePort allocation. ClusterIPs come from the kubeadm default service CIDR
 * 10.96.0.0/12 (10.96.0.1 is the `kubernetes` service); NodePorts are picked at random in
 * 30000-32767, as the real allocator does, from the cluster's seeded random.
 */
import type { SeededRandom } from '../clock/seeded-random.ts';
import type { ObjectStore } from '../store/object-store.ts';

interface ServiceLike {
  spec?: { clusterIP?: string; ports?: { nodePort?: number }[] };
}

function services(store: ObjectStore): ServiceLike[] {
  return store.list('/services') as ServiceLike[];
}

export class ClusterIpAllocator {
  readonly #store: ObjectStore;
  #next = 1;

  constructor(store: ObjectStore) {
    this.#store = store;
  }

  allocate(): string {
    const used = new Set(services(this.#store).map((s) => s.spec?.clusterIP));
    for (;;) {
      const n = this.#next++;
      // Skip the first hundred after the well-known ones so learner services look like real ones.
      const offset = n === 1 ? 1 : n === 2 ? 10 : 100 + n * 37;
      const ip = `10.${96 + Math.floor(offset / 65536)}.${Math.floor(offset / 256) % 256}.${offset % 256}`;
      if (!used.has(ip) && offset % 256 !== 0 && offset % 256 !== 255) return ip;
    }
  }
}

export class NodePortAllocator {
  readonly #store: ObjectStore;
  readonly #random: SeededRandom;

  constructor(store: ObjectStore, random: SeededRandom) {
    this.#store = store;
    this.#random = random;
  }

  allocate(): number {
    const used = new Set(services(this.#store).flatMap((s) => (s.spec?.ports ?? []).map((p) => p.nodePort)));
    for (;;) {
      const port = 30000 + this.#random.int(2768);
      if (!used.has(port)) return port;
    }
  }
}
