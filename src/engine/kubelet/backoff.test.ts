import { describe, expect, it } from 'vitest';
import { Backoff, goDuration } from './backoff.ts';

const S = 1000;

describe('Backoff (the kubelet crash-loop back-off)', () => {
  it('lets the first restart through, then waits 10s doubling to 5m0s', () => {
    const backoff = new Backoff(10 * S, 300 * S);
    const waits: string[] = [];
    let now = 0;
    for (let exit = 0; exit < 9; exit++) {
      const finishedAt = now;
      if (backoff.isInBackOffSince('c', finishedAt, finishedAt + S)) {
        waits.push(goDuration(backoff.get('c')));
        now = backoff.expiresAt('c', finishedAt);
      } else {
        waits.push('0s');
        now = finishedAt + S;
      }
      backoff.next('c', finishedAt, now);
    }
    expect(waits).toEqual(['0s', '10s', '20s', '40s', '1m20s', '2m40s', '5m0s', '5m0s', '5m0s']);
  });

  it.each([
    ['ran 9 minutes', 9 * 60 * S, true, '20s'],
    ['ran just over 10 minutes', 10 * 60 * S + 1, false, '10s'],
  ])('after a container that %s the back-off is %s', (_name, ranMs, inBackOff, after) => {
    const backoff = new Backoff(10 * S, 300 * S);
    backoff.next('c', 0, S);
    const exited = S + ranMs;
    expect(backoff.isInBackOffSince('c', exited, exited + 1)).toBe(inBackOff);
    if (inBackOff) {
      backoff.next('c', exited, exited + 10 * S);
    } else {
      backoff.next('c', exited, exited + 1);
    }
    expect(goDuration(backoff.get('c'))).toBe(after);
  });

  it('measures image pull back-off from the last attempt', () => {
    const backoff = new Backoff(10 * S, 300 * S);
    expect(backoff.isInBackOffSinceUpdate('img', 0)).toBe(false);
    backoff.next('img', 0, 0);
    expect(backoff.isInBackOffSinceUpdate('img', 9 * S)).toBe(true);
    expect(backoff.isInBackOffSinceUpdate('img', 10 * S)).toBe(false);
  });

  it.each([
    [10 * S, '10s'],
    [80 * S, '1m20s'],
    [300 * S, '5m0s'],
    [3600 * S, '1h0m0s'],
  ])('prints %i ms as Go does: %s', (ms, text) => {
    expect(goDuration(ms)).toBe(text);
  });
});
