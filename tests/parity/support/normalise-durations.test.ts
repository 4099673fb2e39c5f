import { describe, expect, it } from 'vitest';
import { normaliseDurations } from './normalise-durations.ts';

const cases = [
  { name: 'an AGE cell', input: 'web-1   1/1     Running   0          5m2s', expected: 'web-1   1/1     Running   0          <age>' },
  { name: 'days and hours', input: 'node01   Ready    <none>   3d4h   v1.35.2', expected: 'node01   Ready    <none>   <age>   v1.35.2' },
  { name: 'restarts with an age', input: '2 (14s ago)', expected: '2 (<age> ago)' },
  { name: 'event counts', input: 'Normal  Pulled  2m (x3 over 5m)  kubelet', expected: 'Normal  Pulled  <age> (x3 over <age>)  kubelet' },
  { name: 'image tags and numbers stay', input: 'nginx:1.25 v1 10.244.1.2 8080/TCP 30080 5000m', expected: 'nginx:1.25 v1 10.244.1.2 8080/TCP 30080 <age>' },
  { name: 'names with digits stay', input: 'frontend-6d8f9-x2s7k web2 node01', expected: 'frontend-6d8f9-x2s7k web2 node01' },
];

describe('normaliseDurations', () => {
  it.each(cases)('$name', ({ input, expected }) => {
    expect(normaliseDurations(input)).toBe(expected);
  });
});
