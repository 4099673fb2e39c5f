/**
 * Keeps each ResourceQuota's status (hard, used) true to what its namespace holds. Models
 * pkg/controller/resourcequota syncResourceQuota: any change to a counted kind requeues its
 * namespace, and usage is recomputed from every object, so deletions give quota back.
 */
import type { ResourceQuota } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/client.ts';
import { matchingResources, objectUsage, quotaMatchesScopes } from '../../api/admission/quota-usage.ts';
import { addLists, maskList, type ResourceList } from '../../api/resources/resource-list.ts';
import { watchResource } from '../../client/informer.ts';
import type { Lister } from '../../client/lister.ts';
import { WorkQueue } from '../../client/work-queue.ts';
import { stableStringify } from '../../store/deep-copy.ts';
import type { ControllerContext } from '../controller-context.ts';

const QUOTAS = { group: '', version: 'v1', resource: 'resourcequotas' } as const;

export class ResourceQuotaController {
  readonly #ctx: ControllerContext;
  readonly #queue: WorkQueue;
  readonly #quotaLister: Lister<ResourceQuota>;

  constructor(ctx: ControllerContext) {
    this.#ctx = ctx;
    this.#queue = new WorkQueue(ctx.clock, (namespace) => this.syncNamespace(namespace));
    this.#quotaLister = ctx.informers.lister<ResourceQuota>(QUOTAS);
  }

  start(): void {
    for (const info of this.#ctx.server.discovery()) {
      if (!info.namespaced) continue;
      const ref = { group: info.group, version: info.version, resource: info.name };
      watchResource(this.#ctx.server, ref, (_type, obj) => {
        const namespace = obj.metadata?.namespace;
        // Only namespaces with a quota are recounted: most changes cost one empty list.
        if (namespace && this.#quotas(namespace).length) this.#queue.add(namespace);
      });
    }
  }

  #quotas(namespace: string): ResourceQuota[] {
    return this.#quotaLister.list(namespace);
  }

  #objects(group: string, resource: string, namespace: string): KubeObject[] {
    const def = this.#ctx.server.definitionFor(group, resource);
    if (!def) return [];
    const res = this.#ctx.server.handle({ verb: 'list', group, version: def.info.version, resource, namespace });
    return res.ok ? (res.body as { items: KubeObject[] }).items : [];
  }

  syncNamespace(namespace: string): void {
    const nowMs = this.#ctx.clock.now();
    const kinds = this.#ctx.server.discovery().filter((info) => info.namespaced);
    for (const quota of this.#quotas(namespace)) {
      const hard = (quota.spec?.hard ?? {}) as ResourceList;
      const names = Object.keys(hard);
      let used: ResourceList = Object.fromEntries(names.map((n) => [n, '0']));
      for (const info of kinds) {
        const matching = matchingResources(info.group, info.name, names);
        if (matching.length === 0) continue;
        for (const obj of this.#objects(info.group, info.name, namespace)) {
          if (!quotaMatchesScopes(quota, info.group, info.name, obj)) continue;
          used = addLists(used, maskList(objectUsage(info.group, info.name, obj, nowMs), matching));
        }
      }
      const status = { hard, used };
      if (stableStringify(status) === stableStringify(quota.status ?? {})) continue;
      this.#ctx.server.handle({ verb: 'update', ...QUOTAS, namespace, name: quota.metadata!.name!, subresource: 'status', body: { ...quota, status } });
    }
  }
}
