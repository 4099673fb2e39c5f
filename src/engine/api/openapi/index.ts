export { openApiV2Document } from './openapi-v2.ts';
export { openApiV3Document, openApiV3Root } from './openapi-v3.ts';
export { openApiV2Protobuf } from './openapi-v2-protobuf.ts';
export type { CustomDefinitions } from './openapi-data.ts';
