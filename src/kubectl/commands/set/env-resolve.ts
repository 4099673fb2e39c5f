/**
 * `set env --list --resolve`: the value behind each `valueFrom`, read as the kubelet would.
 * Models staging/src/k8s.io/kubectl/pkg/cmd/set/env/env_resolve.go GetEnvVarRefValue.
 */
import type { Container, EnvVarSource } from 'kubernetes-types/core/v1';
import type { ApiClient, KubeObject } from '../../../engine/api/client.ts';
import { decodeBase64 } from '../../../lib/base64.ts';
import { parseQuantity, quantityMilliValue, quantityValue } from '../../../lib/quantity/quantity.ts';

/** Config maps and secrets read once per container listing. */
export class ResourceStore {
  readonly #cache = new Map<string, Promise<{ data: Record<string, string> } | { error: string }>>();

  constructor(
    private readonly api: ApiClient,
    private readonly namespace: string,
  ) {}

  read(resource: 'configmaps' | 'secrets', name: string) {
    const key = `${resource}/${name}`;
    let entry = this.#cache.get(key);
    if (!entry) {
      entry = this.api.request({ verb: 'get', group: '', version: 'v1', resource, namespace: this.namespace, name }).then((res) => {
        if (!res.ok) return { error: res.body.message ?? '' };
        const data = (res.body as { data?: Record<string, string> }).data ?? {};
        return { data: resource === 'secrets' ? Object.fromEntries(Object.entries(data).map(([k, v]) => [k, decodeBase64(v) ?? ''])) : data };
      });
      this.#cache.set(key, entry);
    }
    return entry;
  }
}

type Resolved = { value: string } | { error: string };

export async function envVarRefValue(store: ResourceStore, from: EnvVarSource, obj: KubeObject, container: Container): Promise<Resolved> {
  if (from.secretKeyRef || from.configMapKeyRef) {
    const ref = (from.secretKeyRef ?? from.configMapKeyRef)!;
    const read = await store.read(from.secretKeyRef ? 'secrets' : 'configmaps', ref.name ?? '');
    if ('error' in read) return read;
    const value = read.data[ref.key];
    if (value !== undefined) return { value };
    return { error: `key ${ref.key} not found in ${from.secretKeyRef ? 'secret' : 'config map'} ${ref.name ?? ''}` };
  }
  if (from.fieldRef) return fieldPathValue(obj, from.fieldRef.fieldPath);
  if (from.resourceFieldRef) return containerResourceValue(from.resourceFieldRef.resource, from.resourceFieldRef.divisor, container);
  return { error: 'invalid valueFrom' };
}

function fieldPathValue(obj: KubeObject, fieldPath: string): Resolved {
  const meta = obj.metadata ?? {};
  const subscript = /^(.+)\['(.*)'\]$/.exec(fieldPath);
  if (subscript) {
    const [, path, key] = subscript as unknown as [string, string, string];
    if (path === 'metadata.annotations') return { value: meta.annotations?.[key] ?? '' };
    if (path === 'metadata.labels') return { value: meta.labels?.[key] ?? '' };
    return { error: `fieldPath ${JSON.stringify(fieldPath)} does not support subscript` };
  }
  const formatMap = (m: Record<string, string> | undefined) =>
    Object.keys(m ?? {})
      .sort()
      .map((k) => `${k}=${JSON.stringify(m![k])}`)
      .join('\n');
  switch (fieldPath) {
    case 'metadata.annotations':
      return { value: formatMap(meta.annotations) };
    case 'metadata.labels':
      return { value: formatMap(meta.labels) };
    case 'metadata.name':
      return { value: meta.name ?? '' };
    case 'metadata.namespace':
      return { value: meta.namespace ?? '' };
    case 'metadata.uid':
      return { value: meta.uid ?? '' };
  }
  return { error: `unsupported fieldPath: ${fieldPath}` };
}

function containerResourceValue(resource: string, divisorText: string | number | undefined, container: Container): Resolved {
  const [kind, name] = resource.split('.') as [string, string | undefined];
  if ((kind !== 'limits' && kind !== 'requests') || !name || !['cpu', 'memory', 'ephemeral-storage'].includes(name))
    return { error: `Unsupported container resource : ${resource}` };
  const list = kind === 'limits' ? container.resources?.limits : container.resources?.requests;
  const parsed = parseQuantity(String(list?.[name] ?? '0'));
  const quantity = parsed.ok ? parsed.quantity : { n: 0n, e: 0 };
  const divisorParsed = parseQuantity(String(divisorText ?? '1'));
  const divisor = divisorParsed.ok && quantityMilliValue(divisorParsed.quantity) !== 0 ? divisorParsed.quantity : undefined;
  if (name === 'cpu') return { value: String(Math.ceil(quantityMilliValue(quantity) / (divisor ? quantityMilliValue(divisor) : 1000))) };
  return { value: String(Math.ceil(quantityValue(quantity) / (divisor ? quantityValue(divisor) : 1))) };
}
