/**
 * The one place `/openapi/v2` and `/openapi/v3[/<group-version>]` are answered. The documents are
 * built by the engine's OpenAPI module once it exists; until then these paths are answered as by a
 * server that does not publish them, and kubectl reacts as it does to such a server (`create -f`
 * and `apply -f` then need `--validate=false`, `explain` cannot work).
 */
import type { ApiResource } from '../engine/api/client.ts';
import type { Route } from './request-route.ts';

export type OpenApiRoute = Extract<Route, { kind: 'openapi-v2' | 'openapi-v3-root' | 'openapi-v3' }>;

/** The document for `route`, or undefined for the generic 404. */
export function openApiDocument(route: OpenApiRoute, resources: ApiResource[]): unknown {
  void resources;
  switch (route.kind) {
    case 'openapi-v2':
    case 'openapi-v3-root':
    case 'openapi-v3':
      return undefined;
  }
}
