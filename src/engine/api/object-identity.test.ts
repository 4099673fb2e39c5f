import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../clock/seeded-random.ts';
import { generateUid } from './object-identity.ts';

describe('generateUid', () => {
  it('draws version-4 uids from the seeded sequence, the same on every run', () => {
    const random = new SeededRandom(1);
    expect([generateUid(random), generateUid(random), generateUid(random)]).toEqual([
      'a08ff49b-6f77-4263-8716-c43069c43a8c',
      '3b7cf3c2-5632-4b92-909d-3fb64afebede',
      '10d4e8eb-2af2-4f26-865a-881cd424e42a',
    ]);
  });
});
