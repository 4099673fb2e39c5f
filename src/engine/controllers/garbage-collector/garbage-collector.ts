/**
 * Background cascading deletion: when an object goes away, its dependents (objects whose every
 * ownerReference points to a deleted owner) are deleted too — a Deployment takes its ReplicaSets,
 * which take their Pods. Models pkg/controller/garbagecollector in its simplest, background form.
 */
import type { KubeObject } from '../../api/client.ts';
import { resourceKey } from '../../api/api-server.ts';
import type { ControllerContext } from '../controller-context.ts';

export class GarbageCollector {
  readonly #ctx: ControllerContext;
  #scheduled = false;

  constructor(ctx: ControllerContext) {
    this.#ctx = ctx;
  }

  start(): void {
    this.#ctx.server.store.subscribe((event) => {
      if (event.type === 'DELETED') this.#scheduleSweep();
    });
  }

  #scheduleSweep(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    this.#ctx.clock.schedule(0, () => {
      this.#scheduled = false;
      this.#sweep();
    });
  }

  #sweep(): void {
    const server = this.#ctx.server;
    const resources = server.discovery();
    const liveUids = new Set<string>();
    const all: { group: string; version: string; resource: string; obj: KubeObject }[] = [];
    for (const info of resources) {
      for (const obj of server.store.list(resourceKey(info.group, info.name))) {
        if (obj.metadata?.uid) liveUids.add(obj.metadata.uid);
        all.push({ group: info.group, version: info.version, resource: info.name, obj });
      }
    }
    for (const { group, version, resource, obj } of all) {
      const owners = obj.metadata?.ownerReferences ?? [];
      if (owners.length === 0 || owners.some((o) => liveUids.has(o.uid))) continue;
      if (obj.metadata?.deletionTimestamp) continue;
      const namespace = obj.metadata?.namespace;
      server.handle({ verb: 'delete', group, version, resource, name: obj.metadata!.name!, ...(namespace ? { namespace } : {}), query: { propagationPolicy: 'Background' } });
    }
  }
}
