/**
 * The one place `/openapi/v2` and `/openapi/v3[/<group-version>]` are answered, from the engine's
 * OpenAPI documents of the served kinds. kubectl reads them for `explain`, for apply's patch
 * strategies and to learn that the server validates fields itself (`fieldValidation`).
 */
import type { ApiResource } from '../engine/api/client.ts';
import { type CustomDefinitions, openApiV2Document, openApiV2Protobuf, openApiV3Document, openApiV3Root } from '../engine/api/openapi/index.ts';
import type { Route } from '../engine/api/endpoints/request-route.ts';

export type OpenApiRoute = Extract<Route, { kind: 'openapi-v2' | 'openapi-v3-root' | 'openapi-v3' }>;

export interface OpenApiAnswer {
  contentType: string;
  body: string | Uint8Array;
}

/**
 * The document for `route` in the encoding asked for, or undefined for the generic 404. kubectl asks
 * for `/openapi/v2` as protobuf only (`application/com.github.proto-openapi.spec.v2@v1.0+protobuf`);
 * Go's MIME parser refuses that name back in a Content-Type, so the bytes go as octet-stream.
 */
export function openApiAnswer(route: OpenApiRoute, resources: ApiResource[], accept: string | undefined, custom?: CustomDefinitions): OpenApiAnswer | undefined {
  switch (route.kind) {
    case 'openapi-v2':
      if (accept?.includes('protobuf')) return { contentType: 'application/octet-stream', body: openApiV2Protobuf(resources, custom) };
      return json(openApiV2Document(resources, custom));
    case 'openapi-v3-root':
      return json(openApiV3Root(resources, custom));
    case 'openapi-v3': {
      const document = openApiV3Document(route.groupVersionPath, resources, custom);
      return document === undefined ? undefined : json(document);
    }
  }
}

function json(document: unknown): OpenApiAnswer {
  return { contentType: 'application/json', body: JSON.stringify(document) };
}
