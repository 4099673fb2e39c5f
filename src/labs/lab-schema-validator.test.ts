import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { labValidatorSource, VALIDATOR_PATH } from '../../scripts/gen-lab-validator.mjs';

describe('lab-schema-validator.ts', () => {
  it('is what scripts/gen-lab-validator.mjs makes of lab-schema.json (else run `npm run labs:validator`)', () => {
    expect(readFileSync(VALIDATOR_PATH, 'utf8') === labValidatorSource()).toBe(true);
  });
});
