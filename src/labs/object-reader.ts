/**
 * How checks read the cluster: through the ApiClient only, resolving `deploy`, `deployment` or
 * `deployments` as kubectl would.
 */
import type { ApiClient, ApiResource, KubeObject, Table } from '../engine/api/client.ts';
import type { ObjectRef } from './schema.ts';

export class ObjectReader {
  readonly #api: ApiClient;
  #resources: ApiResource[] | undefined;

  constructor(api: ApiClient) {
    this.#api = api;
  }

  async #resolve(name: string): Promise<ApiResource | undefined> {
    this.#resources ??= await this.#api.discover();
    const lower = name.toLowerCase();
    return this.#resources.find((r) => r.name === lower || r.singularName === lower || r.shortNames.includes(lower) || r.kind.toLowerCase() === lower);
  }

  /** The named object, or undefined when it does not exist. */
  async get(ref: ObjectRef): Promise<KubeObject | undefined> {
    const resource = await this.#resolve(ref.resource);
    if (!resource || !ref.name) return undefined;
    const res = await this.#api.request({
      verb: 'get',
      group: resource.group,
      version: resource.version,
      resource: resource.name,
      ...(resource.namespaced ? { namespace: ref.namespace ?? 'default' } : {}),
      name: ref.name,
    });
    return res.ok ? res.body : undefined;
  }

  /** One cell of the row `kubectl get` prints for the named object (`STATUS` of a pod), if any. */
  async tableCell(ref: ObjectRef, column: string): Promise<string | undefined> {
    const resource = await this.#resolve(ref.resource);
    if (!resource || !ref.name) return undefined;
    const res = await this.#api.request<Table>({
      verb: 'get',
      group: resource.group,
      version: resource.version,
      resource: resource.name,
      ...(resource.namespaced ? { namespace: ref.namespace ?? 'default' } : {}),
      name: ref.name,
      query: { as: 'Table' },
    });
    if (!res.ok) return undefined;
    const index = res.body.columnDefinitions.findIndex((c) => c.name.toLowerCase() === column.toLowerCase());
    const cell = index < 0 ? undefined : res.body.rows[0]?.cells[index];
    return cell === undefined ? undefined : String(cell);
  }

  /** The objects a ref names: one by name, or all matching its selector. */
  async list(ref: ObjectRef): Promise<KubeObject[]> {
    if (ref.name) {
      const one = await this.get(ref);
      return one ? [one] : [];
    }
    const resource = await this.#resolve(ref.resource);
    if (!resource) return [];
    const res = await this.#api.request<{ items: KubeObject[] }>({
      verb: 'list',
      group: resource.group,
      version: resource.version,
      resource: resource.name,
      ...(resource.namespaced ? { namespace: ref.namespace ?? 'default' } : {}),
      ...(ref.labelSelector ? { query: { labelSelector: ref.labelSelector } } : {}),
    });
    return res.ok ? res.body.items : [];
  }
}

export function describeRef(ref: ObjectRef): string {
  const where = ref.namespace && ref.namespace !== 'default' ? ` in namespace ${ref.namespace}` : '';
  if (ref.name) return `${ref.resource} "${ref.name}"${where}`;
  return `${ref.resource}${ref.labelSelector ? ` matching ${ref.labelSelector}` : ''}${where}`;
}
