import { describe, expect, it } from 'vitest';
import { hashOf, routeOf } from './route.ts';

describe('routeOf', () => {
  const cases = [
    { name: 'no hash is the home page', hash: '', want: { kind: 'home' } },
    { name: '#/ is the home page', hash: '#/', want: { kind: 'home' } },
    { name: 'a lab by its id', hash: '#/labs/rolling-updates', want: { kind: 'lab', id: 'rolling-updates' } },
    { name: 'free play', hash: '#/free-play', want: { kind: 'free-play' } },
    { name: 'an id that no lab could have goes home', hash: '#/labs/Bad_Id', want: { kind: 'home' } },
    { name: 'anything else goes home', hash: '#/settings', want: { kind: 'home' } },
  ];
  it.each(cases)('$name', ({ hash, want }) => {
    expect(routeOf(hash)).toEqual(want);
    if (hash.length > 2) expect(routeOf(hashOf(routeOf(hash)))).toEqual(want);
  });
});
