/**
 * Where an HTTP request goes: a non-resource path (version, discovery, OpenAPI, the harness's clock)
 * or a resource path, split into its REST coordinates. Models the route table the real apiserver
 * installs (staging/src/k8s.io/apiserver/pkg/endpoints/installer.go registerResourceHandlers):
 *
 *   /api/v1[/watch][/namespaces/{ns}]/{resource}[/{name}[/{subresource}]]
 *   /apis/{group}/{version}[/watch][/namespaces/{ns}]/{resource}[/{name}[/{subresource}]]
 *
 * `/api/v1/namespaces/{name}[/{subresource}]` is the Namespace itself unless the segment after the
 * name is a namespaced resource.
 */
import type { ApiResource } from '../client.ts';

export type Route =
  | { kind: 'version' }
  | { kind: 'health' }
  | { kind: 'api-versions' }
  | { kind: 'api-groups' }
  | { kind: 'api-resources'; group: string; version: string }
  | { kind: 'openapi-v2' }
  | { kind: 'openapi-v3-root' }
  | { kind: 'openapi-v3'; groupVersionPath: string }
  | { kind: 'clock' }
  | { kind: 'lab' }
  | { kind: 'resource'; path: ResourcePath }
  | { kind: 'not-found' };

export interface ResourcePath {
  group: string;
  version: string;
  resource: string;
  namespace?: string;
  name?: string;
  subresource?: string;
  /** A `/watch/` path (the deprecated form kubectl no longer sends, still served). */
  watchPath: boolean;
}

/** The harness's endpoints: pausing and stepping the virtual clock, answering and checking lab steps. */
export const CLOCK_PATH = '/.cka-lab/clock';
export const LAB_PATH = '/.cka-lab/lab';

export function routeOf(pathname: string, resources: ApiResource[]): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  switch (path) {
    case '/version':
      return { kind: 'version' };
    case '/healthz':
    case '/livez':
    case '/readyz':
      return { kind: 'health' };
    case '/api':
      return { kind: 'api-versions' };
    case '/apis':
      return { kind: 'api-groups' };
    case '/openapi/v2':
      return { kind: 'openapi-v2' };
    case '/openapi/v3':
      return { kind: 'openapi-v3-root' };
    case CLOCK_PATH:
      return { kind: 'clock' };
    case LAB_PATH:
      return { kind: 'lab' };
  }
  if (path.startsWith('/openapi/v3/')) return { kind: 'openapi-v3', groupVersionPath: path.slice('/openapi/v3/'.length) };
  const decoded = path.split('/').slice(1).map(decodeSegment);
  if (decoded.includes(undefined)) return { kind: 'not-found' };
  const segments = decoded as string[];
  let rest: string[];
  let group: string;
  let version: string;
  if (segments[0] === 'api' && segments.length >= 2) {
    group = '';
    version = segments[1]!;
    rest = segments.slice(2);
  } else if (segments[0] === 'apis' && segments.length >= 3) {
    group = segments[1]!;
    version = segments[2]!;
    rest = segments.slice(3);
  } else {
    return { kind: 'not-found' };
  }
  const served = resources.filter((r) => r.group === group && r.version === version);
  if (served.length === 0) return { kind: 'not-found' };
  if (rest.length === 0) return { kind: 'api-resources', group, version };
  const watchPath = rest[0] === 'watch';
  if (watchPath) rest = rest.slice(1);
  const namespacedResource = (name: string | undefined) => served.some((r) => r.name === name && r.namespaced);
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    const namespaceSubresources = served.find((r) => r.name === 'namespaces')?.subresources ?? [];
    if (namespacedResource(rest[2])) {
      namespace = rest[1]!;
      rest = rest.slice(2);
    } else if (!namespaceSubresources.includes(rest[2]!)) {
      return { kind: 'not-found' };
    }
  }
  const [resource, name, subresource, ...extra] = rest;
  if (!resource || extra.length > 0) return { kind: 'not-found' };
  return {
    kind: 'resource',
    path: {
      group,
      version,
      resource,
      ...(namespace !== undefined ? { namespace } : {}),
      ...(name !== undefined ? { name } : {}),
      ...(subresource !== undefined ? { subresource } : {}),
      watchPath,
    },
  };
}

/** A path segment with its %-escapes decoded, or undefined for a malformed escape. */
function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
