/**
 * `kubectl diff --prune`: the objects apply --prune would delete, listed per visited namespace and
 * allowlisted type, carrying the last-applied annotation and not among the diffed objects. They go
 * into the LIVE folder only, printed whole (diff.go prints them without masking or trimming).
 * Models kubectl pkg/cmd/diff/prune.go and pkg/util/prune/prune.go.
 */
import type { ApiResource, KubeObject } from '../../engine/api/client.ts';
import { KubectlError } from '../errors.ts';
import { klogLine } from '../klog-line.ts';
import type { Invocation } from '../kubectl-command.ts';
import { requestBase } from '../resource-args.ts';
import { LAST_APPLIED } from './last-applied.ts';

export interface PruneType {
  group: string;
  version: string;
  kind: string;
  namespaced: boolean;
}

const DEFAULT_PRUNE_TYPES: PruneType[] = [
  ...[
    ['', 'v1', 'ConfigMap'],
    ['', 'v1', 'Endpoints'],
    ['', 'v1', 'PersistentVolumeClaim'],
    ['', 'v1', 'Pod'],
    ['', 'v1', 'ReplicationController'],
    ['', 'v1', 'Secret'],
    ['', 'v1', 'Service'],
    ['batch', 'v1', 'Job'],
    ['batch', 'v1', 'CronJob'],
    ['networking.k8s.io', 'v1', 'Ingress'],
    ['apps', 'v1', 'DaemonSet'],
    ['apps', 'v1', 'Deployment'],
    ['apps', 'v1', 'ReplicaSet'],
    ['apps', 'v1', 'StatefulSet'],
  ].map(([group, version, kind]) => ({ group: group!, version: version!, kind: kind!, namespaced: true })),
  { group: '', version: 'v1', kind: 'Namespace', namespaced: false },
  { group: '', version: 'v1', kind: 'PersistentVolume', namespaced: false },
];

/** `--prune-allowlist` entries (`core/v1/ConfigMap`), or undefined for the default types. */
export function pruneTypes(inv: Invocation, allowlist: string[]): PruneType[] | undefined {
  if (allowlist.length === 0) return undefined;
  return allowlist.map((entry) => {
    const parts = entry.split('/');
    if (parts.length !== 3) throw new KubectlError(`error: invalid GroupVersionKind format: ${entry}, please follow <group/version/kind>`);
    const group = parts[0] === 'core' ? '' : parts[0]!;
    const resource = findResource(inv, group, parts[1]!, parts[2]!);
    if (!resource) throw new KubectlError(`error: no matches for kind "${parts[2]}" in version "${group ? `${group}/` : ''}${parts[1]}"`);
    return { group, version: parts[1]!, kind: parts[2]!, namespaced: resource.namespaced };
  });
}

const NON_NAMESPACED_DEPRECATION =
  'Deprecated: kubectl apply will no longer prune non-namespaced resources by default when used with the --namespace flag in a future release. To preserve the current behaviour, list the resources you want to target explicitly in the --prune-allowlist flag.';

const findResource = (inv: Invocation, group: string, version: string, kind: string): ApiResource | undefined =>
  inv.mapper.resources.find((r) => r.group === group && r.version === version && r.kind === kind && !r.name.includes('/'));

export interface PruneCandidate {
  /** The file name diff gives it (`v1.ConfigMap.default.old`). */
  file: string;
  obj: KubeObject;
  resource: ApiResource;
  namespace: string | undefined;
}

/**
 * The objects pruning would delete: per visited namespace and allowlisted type, those carrying the
 * last-applied annotation and not among the visited objects; or why the types cannot be mapped.
 * Models pkg/cmd/apply/prune.go pruneAll and prune.
 */
export async function pruneCandidates(
  inv: Invocation,
  allowed: PruneType[] | undefined,
  visited: { namespaces: Set<string>; uids: Set<string> },
  selector: string | undefined,
): Promise<{ error: string } | { objects: PruneCandidate[] }> {
  const objects: PruneCandidate[] = [];
  // kubectl always has a namespace (the kubeconfig's or `default`), so the default list always warns.
  if (!allowed) inv.err(klogLine('W', inv.ctx.time.now(), 'prune.go:71', NON_NAMESPACED_DEPRECATION));
  const types = allowed ?? DEFAULT_PRUNE_TYPES;
  const unserved = types.find((t) => !findResource(inv, t.group, t.version, t.kind));
  if (unserved) {
    const { group, version, kind, namespaced } = unserved;
    return {
      error: `error retrieving RESTMappings to prune: invalid resource ${group}/${version}, Kind=${kind}, Namespaced=${namespaced}: no matches for kind "${kind}" in version "${group ? `${group}/` : ''}${version}"`,
    };
  }
  const scopes: [PruneType, string | undefined][] = [
    ...[...visited.namespaces].flatMap((ns) => types.filter((t) => t.namespaced).map((t): [PruneType, string] => [t, ns])),
    ...types.filter((t) => !t.namespaced).map((t): [PruneType, undefined] => [t, undefined]),
  ];
  for (const [type, namespace] of scopes) {
    const resource = findResource(inv, type.group, type.version, type.kind);
    if (!resource) continue;
    const res = await inv.api.request<{ items: KubeObject[] }>({ verb: 'list', ...requestBase(resource, namespace), query: selector ? { labelSelector: selector } : {} });
    if (!res.ok) continue;
    const apiVersion = type.group ? `${type.group}/${type.version}` : type.version;
    for (const item of res.body.items) {
      if (item.metadata?.annotations?.[LAST_APPLIED] === undefined) continue;
      if (visited.uids.has(item.metadata?.uid ?? '')) continue;
      // The dynamic client's list gives each item the list's apiVersion and kind.
      const obj = { ...item, apiVersion, kind: type.kind };
      const file = [...(type.group ? [type.group] : []), type.version, type.kind, item.metadata?.namespace ?? '', item.metadata?.name ?? ''].join('.');
      objects.push({ file, obj, resource, namespace });
    }
  }
  return { objects };
}

/** diff --prune: the candidates, or a warning when the types cannot be mapped (diff.go goes on without them). */
export async function prunedObjects(
  inv: Invocation,
  allowed: PruneType[] | undefined,
  visited: { namespaces: Set<string>; uids: Set<string> },
  selector: string | undefined,
): Promise<PruneCandidate[]> {
  const candidates = await pruneCandidates(inv, allowed, visited, selector);
  if ('objects' in candidates) return candidates.objects;
  inv.err(klogLine('W', inv.ctx.time.now(), 'diff.go:758', `pruning failed and could not be evaluated err: ${candidates.error}`));
  return [];
}
