import { describe, expect, it } from 'vitest';
import { normaliseKlogHeaders } from './normalise-klog.ts';

describe('normaliseKlogHeaders', () => {
  it.each([
    {
      name: "the real kubectl's warning",
      text: 'W1206 22:34:36.716927   13077 schema.go:145] cannot perform warn validation\n',
      expected: 'W<klog> schema.go:145] cannot perform warn validation\n',
    },
    { name: 'ours, thread 1', text: 'E0101 00:00:00.000000       1 portforward.go:424] "Unhandled Error"\n', expected: 'E<klog> portforward.go:424] "Unhandled Error"\n' },
    { name: 'a line that only looks alike mid-text', text: 'see W1206 22:34:36.716927 1 a.go:1] x\n', expected: 'see W1206 22:34:36.716927 1 a.go:1] x\n' },
    { name: 'no source after the header', text: 'W1206 22:34:36.716927   13077 no source\n', expected: 'W1206 22:34:36.716927   13077 no source\n' },
  ])('$name', ({ text, expected }) => {
    expect(normaliseKlogHeaders(text)).toBe(expected);
  });
});
