/** How the server names a resource in its store and how an apiVersion splits into group and version. */
import type { ResourceDefinition } from './resource-definition.ts';

export function resourceKey(group: string, resource: string): string {
  return `${group}/${resource}`;
}

export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

export function apiVersionOf(def: ResourceDefinition): string {
  return def.info.group ? `${def.info.group}/${def.info.version}` : def.info.version;
}
