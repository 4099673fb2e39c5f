import { describe, expect, it } from 'vitest';
import { resolveFenceposts, rolloutBounds } from './rollout-bounds.ts';

describe('resolveFenceposts', () => {
  // Models pkg/controller/deployment/util TestResolveFenceposts.
  const cases: { name: string; maxSurge: string; maxUnavailable: string; desired: number; surge: number; unavailable: number }[] = [
    { name: 'defaults to 25% each, surge rounded up and unavailable down', maxSurge: '', maxUnavailable: '', desired: 4, surge: 1, unavailable: 1 },
    { name: 'rounds 25% of 3 up for surge and down for unavailable', maxSurge: '25%', maxUnavailable: '25%', desired: 3, surge: 1, unavailable: 0 },
    { name: 'takes absolute numbers as they are', maxSurge: '2', maxUnavailable: '1', desired: 5, surge: 2, unavailable: 1 },
    { name: 'lets one pod be unavailable when both are zero', maxSurge: '0', maxUnavailable: '0', desired: 3, surge: 0, unavailable: 1 },
    { name: 'scales percentages of 10', maxSurge: '50%', maxUnavailable: '10%', desired: 10, surge: 5, unavailable: 1 },
  ];
  it.each(cases)('$name', ({ maxSurge, maxUnavailable, desired, surge, unavailable }) => {
    expect(resolveFenceposts(maxSurge, maxUnavailable, desired)).toEqual({ surge, unavailable });
  });
});

const deployment = { name: 'frontend', replicas: 4, strategy: 'RollingUpdate', maxSurge: '25%', maxUnavailable: '25%', revision: '2' };
const rs = (name: string, revision: string, desired: number, available: number) => ({
  name,
  owner: 'frontend',
  revision,
  image: 'web',
  desired,
  current: desired,
  ready: available,
  available,
});

describe('rolloutBounds', () => {
  it('counts the ReplicaSets against desired+surge and desired-unavailable', () => {
    expect(rolloutBounds(deployment, [rs('old', '1', 3, 3), rs('new', '2', 2, 0), { ...rs('other', '1', 9, 9), owner: 'backend' }], 6)).toEqual({
      desired: 4,
      ceiling: 5,
      floor: 3,
      total: 5,
      available: 3,
      pods: 6,
    });
  });
  it('has no surge and no floor for Recreate', () => {
    expect(rolloutBounds({ ...deployment, strategy: 'Recreate' }, [rs('new', '2', 4, 1)], 4)).toEqual({ desired: 4, ceiling: 4, floor: 0, total: 4, available: 1, pods: 4 });
  });
});
