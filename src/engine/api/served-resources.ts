import type { ApiResource } from './client.ts';
import { deepCopy } from '../store/deep-copy.ts';
import type { ResourceDefinition } from './resource-definition.ts';
import { resourceKey, splitApiVersion } from './resource-key.ts';

/**
 * The kinds the API server serves: the built-in ones it starts with, in discovery order, and the
 * ones defined at run time (a CustomResourceDefinition's resource), which come and go.
 */
export class ServedResources {
  readonly #byResource = new Map<string, ResourceDefinition>();
  /** How many of #byResource's entries are the built-in kinds, which come first. */
  readonly #builtInCount: number;

  constructor(builtIn: ResourceDefinition[]) {
    for (const def of builtIn) this.#byResource.set(resourceKey(def.info.group, def.info.name), def);
    this.#builtInCount = this.#byResource.size;
  }

  /** Every served resource, as `kubectl api-resources` lists them. */
  discovery(): ApiResource[] {
    const defs = this.all();
    // Custom resources' groups share the lowest priority (CRDs' groupPriorityMinimum), so they
    // follow the built-in groups ordered by name.
    const custom = defs.slice(this.#builtInCount).sort((a, b) => (a.info.group < b.info.group ? -1 : a.info.group > b.info.group ? 1 : 0));
    return [...defs.slice(0, this.#builtInCount), ...custom].map((d) => deepCopy(d.info));
  }

  /** Serves a run-time kind; a definition already served under its group and resource is replaced. */
  serve(def: ResourceDefinition): void {
    this.#byResource.set(resourceKey(def.info.group, def.info.name), def);
  }

  stop(group: string, resource: string): void {
    this.#byResource.delete(resourceKey(group, resource));
  }

  /** The OpenAPI definitions of the run-time kinds, published beside the generated ones. */
  openApiDefinitions(): Record<string, Record<string, unknown>> {
    return Object.assign({}, ...this.all().map((d) => d.openApiDefinitions ?? {})) as Record<string, Record<string, unknown>>;
  }

  byResource(group: string, resource: string): ResourceDefinition | undefined {
    return this.#byResource.get(resourceKey(group, resource));
  }

  byKind(apiVersion: string, kind: string): ResourceDefinition | undefined {
    const { group, version } = splitApiVersion(apiVersion);
    return this.all().find((def) => def.info.group === group && def.info.version === version && def.info.kind === kind);
  }

  /** The first served kind whose resource is `resource`, in any group (the core group's come first). */
  byResourceName(resource: string): ResourceDefinition | undefined {
    return this.all().find((d) => d.info.name === resource);
  }

  all(): ResourceDefinition[] {
    return [...this.#byResource.values()];
  }
}
