/**
 * The one place `/openapi/v2` and `/openapi/v3[/<group-version>]` are answered. The documents are
 * built by the engine's OpenAPI module once it exists; until then these paths are answered as by a
 * server that does not publish them, and kubectl reacts as it does to such a server (`create -f`
 * and `apply -f` then need `--validate=false`, `explain` cannot work).
 */
import type { ApiResource } from '../engine/api/client.ts';
import { objectRendering } from './content-negotiation.ts';
import type { Route } from './request-route.ts';

export type OpenApiRoute = Extract<Route, { kind: 'openapi-v2' | 'openapi-v3-root' | 'openapi-v3' }>;

/**
 * The JSON document for `route`, or undefined for the generic 404. kubectl asks for `/openapi/v2`
 * as protobuf only (`application/com.github.proto-openapi.spec.v2@v1.0+protobuf`) and for v3 as
 * JSON: a JSON answer to a protobuf-only Accept would fail to parse, so it gets the 404 instead.
 */
export function openApiDocument(route: OpenApiRoute, resources: ApiResource[], accept: string | undefined): unknown {
  void resources;
  if (objectRendering(accept) !== 'object') return undefined;
  switch (route.kind) {
    case 'openapi-v2':
    case 'openapi-v3-root':
    case 'openapi-v3':
      return undefined;
  }
}
