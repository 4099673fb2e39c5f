/**
 * Legacy discovery, as client-go's DiscoveryClient.ServerGroupsAndResources reads it: `/api`
 * (core versions), `/apis` (APIGroupList), then one APIResourceList per group-version. Entries
 * such as `pods/log` are subresources of their parent. The core group comes first and each
 * group's preferred version before the others, which is the order kubectl's RESTMapper prefers.
 */
import type { ApiResource, Verb } from '../../engine/api/client.ts';

export interface ApiVersions {
  versions?: string[];
}

export interface ApiGroupList {
  groups?: { name: string; versions?: { groupVersion: string; version: string }[]; preferredVersion?: { version: string } }[];
}

export interface ApiResourceList {
  groupVersion?: string;
  resources?: {
    name: string;
    singularName?: string;
    namespaced?: boolean;
    kind: string;
    verbs?: string[];
    shortNames?: string[];
    categories?: string[];
  }[];
}

const VERBS = new Set<Verb>(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection']);

/** The group-versions to read, in RESTMapper priority order: `['', 'v1']`, `['apps', 'v1']`… */
export function groupVersions(core: ApiVersions, groups: ApiGroupList): [string, string][] {
  const list: [string, string][] = (core.versions ?? []).map((v) => ['', v]);
  for (const group of groups.groups ?? []) {
    const versions = (group.versions ?? []).map((v) => v.version);
    const preferred = group.preferredVersion?.version;
    const ordered = preferred && versions.includes(preferred) ? [preferred, ...versions.filter((v) => v !== preferred)] : versions;
    for (const version of ordered) list.push([group.name, version]);
  }
  return list;
}

export function apiResources(group: string, version: string, list: ApiResourceList): ApiResource[] {
  const entries = list.resources ?? [];
  const subresources = new Map<string, string[]>();
  for (const e of entries) {
    const slash = e.name.indexOf('/');
    if (slash < 0) continue;
    const parent = e.name.slice(0, slash);
    subresources.set(parent, [...(subresources.get(parent) ?? []), e.name.slice(slash + 1)]);
  }
  return entries
    .filter((e) => !e.name.includes('/'))
    .map((e) => ({
      group,
      version,
      name: e.name,
      singularName: e.singularName || e.kind.toLowerCase(),
      kind: e.kind,
      namespaced: e.namespaced === true,
      shortNames: e.shortNames ?? [],
      verbs: (e.verbs ?? []).filter((v): v is Verb => VERBS.has(v as Verb)),
      categories: e.categories ?? [],
      subresources: subresources.get(e.name) ?? [],
    }));
}
