import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildFieldSchema } from './build-field-schema.ts';

const PACKAGES = ['core/v1', 'apps/v1', 'meta/v1', 'discovery/v1'];

describe('field-schema.json', () => {
  it('is what buildFieldSchema derives from the kubernetes-types declarations', async () => {
    const declarations = Object.fromEntries(PACKAGES.map((pkg) => [pkg, readFileSync(`node_modules/kubernetes-types/${pkg}.d.ts`, 'utf8')]));
    const schema = buildFieldSchema(declarations);
    await expect(`${JSON.stringify(schema, null, 1)}\n`).toMatchFileSnapshot('./field-schema.json');
  });
});
