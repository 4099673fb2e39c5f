import { describe, expect, it } from 'vitest';
import { decodeGoBase64 } from './go-base64.ts';

// Models encoding/base64 TestDecodeCorrupt (StdEncoding rows).
describe('decodeGoBase64', () => {
  it.each([
    { input: '', offset: -1 },
    { input: 'dg==', offset: -1 },
    { input: 'YWRtaW4=', offset: -1 },
    { input: 'YWRt\naW4=', offset: -1 },
    { input: 'admin', offset: 4 },
    { input: '!!!!', offset: 0 },
    { input: '====', offset: 0 },
    { input: 'x===', offset: 1 },
    { input: 'AAA=AAAA', offset: 4 },
    { input: 'AA=', offset: 3 },
    { input: 'AA=x', offset: 2 },
    { input: 'AAAAA', offset: 4 },
    { input: 'AAAAAA', offset: 4 },
    { input: 'AA==A', offset: 4 },
    { input: 'A=AA', offset: 1 },
    { input: 'AA=A', offset: 2 },
    { input: 'AAAAAA=', offset: 7 },
    { input: 'YWJjZA=====', offset: 8 },
  ])('"$input" fails at byte $offset (-1 = valid)', ({ input, offset }) => {
    const result = decodeGoBase64(input);
    expect(result.ok ? -1 : result.message).toBe(offset === -1 ? -1 : `illegal base64 data at input byte ${offset}`);
  });

  it('decodes the bytes', () => {
    expect(decodeGoBase64('YWRtaW4=')).toEqual({ ok: true, bytes: [97, 100, 109, 105, 110] });
  });
});
