import { describe, expect, it } from 'vitest';
import { DEFINITIONS, V3_FACTS } from '../openapi/openapi-data.ts';
import { buildFieldTypes } from './build-field-types.ts';

describe('field-types.json', () => {
  it('is what buildFieldTypes derives from the OpenAPI data', async () => {
    await expect(`${JSON.stringify(buildFieldTypes(DEFINITIONS, V3_FACTS), null, 1)}\n`).toMatchFileSnapshot('./field-types.json');
  });
});
