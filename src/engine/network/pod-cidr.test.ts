import { describe, expect, it } from 'vitest';
import { PodCidr } from './pod-cidr.ts';

describe('PodCidr', () => {
  it('hands out .2 to .254 of a /24, then nothing', () => {
    const cidr = new PodCidr('10.244.1.0/24');
    const ips = Array.from({ length: 254 }, () => cidr.allocate());
    expect([ips[0], ips[1], ips[252], ips[253]]).toEqual(['10.244.1.2', '10.244.1.3', '10.244.1.254', undefined]);
    expect(new Set(ips.slice(0, 253)).size).toBe(253);
    expect(cidr.rangeSet).toBe('10.244.1.1-10.244.1.254');
  });

  it('reuses a released address only after the ones never given', () => {
    const cidr = new PodCidr('10.244.0.0/24');
    const first = cidr.allocate()!;
    cidr.allocate();
    cidr.release(first);
    expect(cidr.allocate()).toBe('10.244.0.4');
  });

  it('gives a released address again once the range is full', () => {
    const cidr = new PodCidr('10.244.2.0/24');
    for (let i = 0; i < 253; i++) cidr.allocate();
    cidr.release('10.244.2.100');
    expect([cidr.allocate(), cidr.allocate()]).toEqual(['10.244.2.100', undefined]);
  });

  it('gives the addresses after the ones reserved by adopted pods', () => {
    const cidr = new PodCidr('10.244.0.0/24');
    cidr.reserve('10.244.0.2');
    cidr.reserve('10.244.0.3');
    expect(cidr.allocate()).toBe('10.244.0.4');
  });
});
