import { describe, expect, it } from 'vitest';
import { DEFINITIONS } from '../engine/api/openapi/openapi-data.ts';
import { v3Schema } from '../engine/api/openapi/schema-v3.ts';
import { buildListItemSchemas } from './build-list-item-schemas.ts';

describe('list-item-schemas.json', () => {
  it('is what buildListItemSchemas derives from the served OpenAPI v3 schemas', async () => {
    const served = Object.fromEntries(Object.keys(DEFINITIONS).map((name) => [name, v3Schema(name, DEFINITIONS[name]!)]));
    await expect(`${JSON.stringify(buildListItemSchemas(served))}\n`).toMatchFileSnapshot('./list-item-schemas.json');
  });
});
