/**
 * Background cascading deletion: when an object goes away, its dependents (objects whose every
 * ownerReference points to a deleted owner) are deleted too — a Deployment takes its ReplicaSets,
 * which take their Pods. Models pkg/controller/garbagecollector in its simplest, background form.
 */
import type { KubeObject } from '../../api/client.ts';
import type { SharedInformer } from '../../client/shared-informer.ts';
import { OWNER_UID_INDEX, ownerUidIndexFunc, UID_INDEX, uidIndexFunc } from '../../client/index-funcs.ts';
import { objectKey } from '../../client/informer.ts';
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
      const informer = this.#ctx.informers.informerFor(
        { group: info.group, version: info.version, resource: info.name },
        { [OWNER_UID_INDEX]: ownerUidIndexFunc, [UID_INDEX]: uidIndexFunc },
      );
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

  /**
   * Deletes every object whose owners are all gone. Only objects filed under an owner uid that no
   * cached object has are looked at (the dependency graph's absent owners), in monitor then key
   * order, as a walk of every object would meet them.
   */
  #sweep(): void {
    const server = this.#ctx.server;
    const live = (uid: string) => this.#monitors.some(({ informer }) => informer.indexer.byIndex(UID_INDEX, uid).length > 0);
    const orphaned: { group: string; version: string; resource: string; obj: KubeObject }[] = [];
    for (const { informer, group, version, resource } of this.#monitors) {
      const found = new Map<string, KubeObject>();
      for (const uid of informer.indexer.indexValues(OWNER_UID_INDEX)) {
        if (live(uid)) continue;
        for (const obj of informer.indexer.byIndex(OWNER_UID_INDEX, uid)) found.set(objectKey(obj), obj);
      }
      for (const key of [...found.keys()].sort()) {
        const obj = found.get(key)!;
        if ((obj.metadata?.ownerReferences ?? []).some((o) => live(o.uid))) continue;
        orphaned.push({ group, version, resource, obj });
      }
    }
    for (const { group, version, resource, obj } of orphaned) {
      if (obj.metadata?.deletionTimestamp) continue;
      const namespace = obj.metadata?.namespace;
      server.handle({ verb: 'delete', group, version, resource, name: obj.metadata!.name!, ...(namespace ? { namespace } : {}), query: { propagationPolicy: 'Background' } });
    }
  }
}
