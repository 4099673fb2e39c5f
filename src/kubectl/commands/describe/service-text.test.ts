import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { describe, expect, it } from 'vitest';
import { formatEndpointSlices } from './service-text.ts';

function slice(ports: { name?: string; port: number }[], endpoints: { ip: string; ready?: boolean }[]): EndpointSlice {
  return {
    addressType: 'IPv4',
    ports,
    endpoints: endpoints.map((e) => ({ addresses: [e.ip], ...(e.ready === undefined ? {} : { conditions: { ready: e.ready } }) })),
  };
}

const cases: { name: string; slices: EndpointSlice[]; port: string; expected: string }[] = [
  { name: 'no slices', slices: [], port: '', expected: '<none>' },
  { name: 'a slice without endpoints', slices: [slice([{ port: 80 }], [])], port: '', expected: '' },
  { name: 'up to three endpoints', slices: [slice([{ port: 8080 }], [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }])], port: '', expected: '10.0.0.1:8080,10.0.0.2:8080' },
  {
    name: 'four endpoints',
    slices: [slice([{ port: 8080 }], [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }, { ip: '10.0.0.3' }, { ip: '10.0.0.4' }])],
    port: '',
    expected: '10.0.0.1:8080,10.0.0.2:8080,10.0.0.3:8080 + 1 more...',
  },
  {
    name: 'not-ready endpoints are left out',
    slices: [
      slice(
        [{ port: 80 }],
        [
          { ip: '10.0.0.1', ready: false },
          { ip: '10.0.0.2', ready: true },
        ],
      ),
    ],
    port: '',
    expected: '10.0.0.2:80',
  },
  {
    name: 'a not-ready fourth endpoint still says more',
    slices: [slice([{ port: 80 }], [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }, { ip: '10.0.0.3' }, { ip: '10.0.0.4', ready: false }])],
    port: '',
    expected: '10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 0 more...',
  },
  {
    name: 'only the named port',
    slices: [
      slice(
        [
          { name: 'http', port: 80 },
          { name: 'https', port: 443 },
        ],
        [{ ip: '10.0.0.1' }],
      ),
    ],
    port: 'https',
    expected: '10.0.0.1:443',
  },
  { name: 'headless slice without ports', slices: [slice([], [{ ip: '10.0.0.1' }])], port: '', expected: '10.0.0.1' },
  { name: 'IPv6 in brackets', slices: [slice([{ port: 80 }], [{ ip: 'fd00::1' }])], port: '', expected: '[fd00::1]:80' },
];

describe('formatEndpointSlices', () => {
  it.each(cases)('$name', ({ slices, port, expected }) => {
    expect(formatEndpointSlices(slices, port)).toBe(expected);
  });
});
