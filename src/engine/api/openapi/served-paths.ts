import type { ApiResource } from '../client.ts';
import type { CustomDefinitions } from './openapi-data.ts';
import { groupVersionPrefix, type PathItem } from './operation.ts';
import { apiResourcesPath, resourcePaths } from './resource-operations.ts';

/** `api/v1`, `apis/apps/v1`: how /openapi/v3 names a group-version. */
export function groupVersionPath(group: string, version: string): string {
  return groupVersionPrefix(group, version).slice(1);
}

/** The served group-versions, in discovery order, each with its resources. */
export function servedGroupVersions(resources: readonly ApiResource[]): Map<string, ApiResource[]> {
  const byGv = new Map<string, ApiResource[]>();
  for (const r of resources) {
    const gv = groupVersionPath(r.group, r.version);
    byGv.set(gv, [...(byGv.get(gv) ?? []), r]);
  }
  return byGv;
}

/** The paths of one group-version: its resource list, then each resource's paths, sorted. */
export function groupVersionPaths(resources: readonly ApiResource[], custom?: CustomDefinitions): PathItem[] {
  const first = resources[0];
  if (!first) return [];
  const items = [apiResourcesPath(first.group, first.version), ...resources.flatMap((r) => resourcePaths(r, custom))];
  return items.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
