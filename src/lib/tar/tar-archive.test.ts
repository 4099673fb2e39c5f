import { describe, expect, it } from 'vitest';
import { readTar, utf8Length, writeTar, type TarEntry } from './tar-archive.ts';

const entries: TarEntry[] = [
  { name: 'd/', kind: 'directory', mode: 0o755, mtimeSeconds: 1_700_000_000, content: '' },
  { name: 'd/f', kind: 'file', mode: 0o644, mtimeSeconds: 1_700_000_000, content: 'héllo\n' },
];

describe('tar archive', () => {
  it('reads back what it writes, sizes in UTF-8 bytes', () => {
    expect(readTar(writeTar(entries))).toEqual({ ok: true, entries });
  });
  it('pads each member to 512-byte blocks and ends with two zero blocks', () => {
    // Header, one content block (7 bytes padded), two end blocks.
    expect(utf8Length(writeTar(entries.slice(1)))).toBe(512 * 4);
  });
  it('writes the header GNU tar lists (mode, size and name fields)', () => {
    const header = writeTar(entries.slice(1)).slice(0, 512);
    expect([header.slice(0, 3), header.slice(100, 108), header.slice(124, 136), header.slice(257, 263)]).toEqual(['d/f', '0000644\0', '00000000007\0', 'ustar\0']);
  });
  it('tells a stream that is not an archive', () => {
    expect(readTar(`junk${'\0'.repeat(600)}`)).toEqual({ ok: false, reason: 'not-tar', entries: [] });
  });
  it('tells a member cut short', () => {
    const whole = writeTar(entries.slice(1));
    expect(readTar(whole.slice(0, 514))).toEqual({ ok: false, reason: 'truncated', entries: [] });
  });
});
