/**
 * The discovery answers built from the engine's ApiResource list: legacy (`/api`, `/apis`,
 * `/api/v1`, `/apis/<g>/<v>`) and aggregated (`apidiscovery.k8s.io` v2 / v2beta1, one request for
 * every group). Models staging/src/k8s.io/apiserver/pkg/endpoints/discovery (legacy) and
 * discovery/aggregated/handler.go.
 */
import type { ApiResource } from '../client.ts';
import { API_SERVER_PORT, CONTROLPLANE_IP } from '../../cluster-topology.ts';

interface SubresourceFacts {
  /** The kind served at the subresource; undefined = the parent's own kind. */
  kind?: string;
  group?: string;
  version?: string;
  verbs: string[];
}

/** What the real v1.35 server lists for each subresource the engine serves (`kubectl get --raw /api/v1`). */
const SUBRESOURCES: Record<string, SubresourceFacts> = {
  status: { verbs: ['get', 'patch', 'update'] },
  scale: { kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] },
  log: { verbs: ['get'] },
  exec: { kind: 'PodExecOptions', verbs: ['create', 'get'] },
  attach: { kind: 'PodAttachOptions', verbs: ['create', 'get'] },
  portforward: { kind: 'PodPortForwardOptions', verbs: ['create', 'get'] },
  binding: { kind: 'Binding', verbs: ['create'] },
  eviction: { kind: 'Eviction', group: 'policy', version: 'v1', verbs: ['create'] },
  finalize: { verbs: ['update'] },
  proxy: { kind: 'NodeProxyOptions', verbs: ['create', 'delete', 'get', 'head', 'options', 'patch', 'put'] },
};

function subresourceFacts(parent: ApiResource, subresource: string): { group: string; version: string; kind: string; verbs: string[] } {
  const facts = SUBRESOURCES[subresource] ?? { verbs: ['get'] };
  const kind = subresource === 'proxy' ? `${parent.kind}ProxyOptions` : (facts.kind ?? parent.kind);
  return { group: facts.group ?? parent.group, version: facts.version ?? parent.version, kind, verbs: facts.verbs };
}

function groupVersion(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}

/** Groups in the order the engine serves them, each with its versions. */
function groupsOf(resources: ApiResource[]): { name: string; versions: string[] }[] {
  const groups: { name: string; versions: string[] }[] = [];
  for (const r of resources) {
    let group = groups.find((g) => g.name === r.group);
    if (!group) groups.push((group = { name: r.group, versions: [] }));
    if (!group.versions.includes(r.version)) group.versions.push(r.version);
  }
  return groups;
}

/** `/api` (legacy): the core group's versions. */
export function apiVersions(): unknown {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: `${CONTROLPLANE_IP}:${API_SERVER_PORT}` }],
  };
}

/** `/apis` (legacy): every named group. */
export function apiGroupList(resources: ApiResource[]): unknown {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groupsOf(resources)
      .filter((g) => g.name !== '')
      .map((g) => {
        const versions = g.versions.map((v) => ({ groupVersion: groupVersion(g.name, v), version: v }));
        return { name: g.name, versions, preferredVersion: versions[0] };
      }),
  };
}

/** `/api/v1`, `/apis/<g>/<v>`: one entry per resource and one per subresource (`pods/log`). */
export function apiResourceList(resources: ApiResource[], group: string, version: string): unknown {
  const entries: Record<string, unknown>[] = [];
  for (const r of resources.filter((x) => x.group === group && x.version === version)) {
    entries.push({
      name: r.name,
      singularName: r.singularName,
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: r.verbs,
      ...(r.shortNames.length ? { shortNames: r.shortNames } : {}),
      ...(r.categories.length ? { categories: r.categories } : {}),
    });
    for (const sub of [...r.subresources].sort()) {
      const facts = subresourceFacts(r, sub);
      entries.push({
        name: `${r.name}/${sub}`,
        singularName: '',
        namespaced: r.namespaced,
        // A subresource of another group's kind names its group and version (installer.go).
        ...(facts.group !== r.group || facts.version !== r.version ? { group: facts.group, version: facts.version } : {}),
        kind: facts.kind,
        verbs: facts.verbs,
      });
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: groupVersion(group, version), resources: entries };
}

/**
 * Aggregated discovery: `/api` answers the core group alone, `/apis` every named group, each
 * version listing its resources with their subresources inline.
 */
export function apiGroupDiscoveryList(resources: ApiResource[], scope: 'core' | 'named', version: 'v2' | 'v2beta1'): unknown {
  const groups = groupsOf(resources).filter((g) => (scope === 'core' ? g.name === '' : g.name !== ''));
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: `apidiscovery.k8s.io/${version}`,
    metadata: {},
    items: groups.map((g) => ({
      metadata: { ...(g.name ? { name: g.name } : {}), creationTimestamp: null },
      versions: g.versions.map((v) => ({
        version: v,
        resources: resources.filter((r) => r.group === g.name && r.version === v).map(resourceDiscovery),
        freshness: 'Current',
      })),
    })),
  };
}

function resourceDiscovery(r: ApiResource): Record<string, unknown> {
  return {
    resource: r.name,
    responseKind: { group: r.group, version: r.version, kind: r.kind },
    scope: r.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: r.singularName,
    verbs: r.verbs,
    ...(r.shortNames.length ? { shortNames: r.shortNames } : {}),
    ...(r.categories.length ? { categories: r.categories } : {}),
    ...(r.subresources.length
      ? {
          subresources: [...r.subresources].sort().map((sub) => {
            const facts = subresourceFacts(r, sub);
            return { subresource: sub, responseKind: { group: facts.group, version: facts.version, kind: facts.kind }, verbs: facts.verbs };
          }),
        }
      : {}),
  };
}
