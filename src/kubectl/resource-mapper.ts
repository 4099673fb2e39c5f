/**
 * kubectl's RESTMapper, built from discovery: resolves `po`, `pods`, `pod`, `deploy`,
 * `deployments.apps`, `deployment.v1.apps` and categories such as `all`.
 */
import type { ApiClient, ApiResource } from '../engine/api/client.ts';

export class ResourceMapper {
  readonly resources: ApiResource[];

  private constructor(resources: ApiResource[]) {
    this.resources = resources;
  }

  static async load(api: ApiClient): Promise<ResourceMapper> {
    return new ResourceMapper(await api.discover());
  }

  /** For commands that need no resource types. */
  static empty(): ResourceMapper {
    return new ResourceMapper([]);
  }

  /** One resource type, or undefined: `error: the server doesn't have a resource type "x"`. */
  resolve(text: string): ApiResource | undefined {
    const lower = text.toLowerCase();
    const [name, ...rest] = lower.split('.');
    // `resource.group` or `resource.version.group` (ParseResourceArg): both readings are tried.
    const group = rest.join('.');
    const [version, ...versionedGroup] = rest;
    return this.resources.find(
      (r) =>
        (r.name === name || r.singularName === name || r.shortNames.includes(name!) || r.kind.toLowerCase() === name) &&
        (!rest.length || r.group === group || (r.version === version && r.group === versionedGroup.join('.'))),
    );
  }

  /** Expands a category (`all`) into its resources, in kubectl's printing order. */
  category(name: string): ApiResource[] {
    const order = ['pods', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets', 'horizontalpodautoscalers', 'cronjobs', 'jobs'];
    // Kinds outside kubectl's own order (custom resources) follow it, in discovery order.
    const rank = (r: ApiResource) => (order.includes(r.name) ? order.indexOf(r.name) : order.length);
    return this.resources.filter((r) => r.categories.includes(name)).sort((a, b) => rank(a) - rank(b));
  }
}

/** `deployment.apps`, `pod`: how kubectl names a kind in `kind/name` output. */
export function kindPrefix(resource: ApiResource): string {
  const kind = resource.kind.toLowerCase();
  return resource.group ? `${kind}.${resource.group}` : kind;
}

/** `deployments.apps`, `pods`: how errors name a resource. */
export function qualifiedName(resource: ApiResource): string {
  return resource.group ? `${resource.name}.${resource.group}` : resource.name;
}
