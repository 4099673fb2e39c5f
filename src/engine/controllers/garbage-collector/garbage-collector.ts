/**
 * Background cascading deletion: when an object goes away, its dependents (objects whose every
 * ownerReference points to a deleted owner) are deleted too — a Deployment takes its ReplicaSets,
 * which take their Pods. Models pkg/controller/garbagecollector in its simplest, background form.
 */
import type { KubeObject } from '../../api/client.ts';
import type { SharedInformer } from '../../client/shared-informer.ts';
import type { ControllerContext } from '../controller-context.ts';

export class GarbageCollector {
  readonly #ctx: ControllerContext;
  readonly #monitors: { informer: SharedInformer; group: string; version: string; resource: string }[] = [];
  #scheduled = false;

  constructor(ctx: ControllerContext) {
    this.#ctx = ctx;
  }

  start(): void {
    // Models garbagecollector.go's monitors: an informer per resource, where a delete may orphan dependents.
    for (const info of this.#ctx.server.discovery()) {
      const informer = this.#ctx.informers.informerFor({ group: info.group, version: info.version, resource: info.name });
      informer.addEventHandler({ onDelete: () => this.#scheduleSweep() });
      this.#monitors.push({ informer, group: info.group, version: info.version, resource: info.name });
    }
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
    const liveUids = new Set<string>();
    const all: { group: string; version: string; resource: string; obj: KubeObject }[] = [];
    for (const { informer, group, version, resource } of this.#monitors) {
      for (const obj of informer.lister.list()) {
        if (obj.metadata?.uid) liveUids.add(obj.metadata.uid);
        all.push({ group, version, resource, obj });
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
